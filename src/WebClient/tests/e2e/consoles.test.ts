import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { text, tab } from "./support/page";
import { GatewayProcess } from "./support/gateway";

/**
 * The consoles of issue 8: who may act where (exercise control, the Ardenian team, an observer), the vote panel's
 * count, and an ended exercise taking no more acts. Small-test: alliance NCP of ARD (team), CAL and DUN (exercise
 * control); joint deployments by weighted qualified majority (ARD 3, CAL 2, DUN 1; 60%).
 */

describe("Consoles: who may act, and what they see", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  let control: Participant;
  let team: Participant;
  let observer: Participant;
  let exerciseId = "";
  let facilitatorCode = "";

  async function issue(args: Record<string, unknown>): Promise<string> {
    const { accessToken } = await gateway.post<{ accessToken: string }>("/api/join", { code: facilitatorCode });
    const reply = await gateway.post<{ output: string }>(
      `/api/exercises/${exerciseId}/commands`,
      { commandId: `issue-${Math.random()}`, type: "access.issueJoinCode", args },
      accessToken,
    );
    return reply.output;
  }

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "small-test", name: "Consoles" });
    ({ exerciseId, facilitatorCode } = created);
    [control, team, observer] = await Promise.all([newParticipant(browser), newParticipant(browser), newParticipant(browser)]);
    const [teamCode, observerCode] = [await issue({ role: "team", nation: "ARD" }), await issue({ role: "observer" })];
    await control.page.goto(`${gateway.url}/?code=${facilitatorCode}`);
    await team.page.goto(`${gateway.url}/?code=${teamCode}`);
    await observer.page.goto(`${gateway.url}/?code=${observerCode}`);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  it("exercise control's 'acts as' never defaults to a team-played nation", async () => {
    const page = control.page;
    await text(page.getByTestId("role"), "Exercise control");
    await page.getByRole("button", { name: "Start exercise" }).click();
    await text(page.getByTestId("exercise-status"), "Running");
    await tab(page, "Alliances");
    const picker = page.locator('[data-alliance="NCP"]').getByLabel("Exercise control acts as");
    await expect.poll(() => picker.inputValue()).toBe("CAL");
    expect(await picker.locator("option", { hasText: "played by a team" }).innerText()).toContain("Ardenia");
    await screenshot(page, "consoles-01-control-acts-as");
  });

  it("a team tables a draft; the vote panel shows the weighted tally, who has not voted and its own vote; only the drafter may withdraw", async () => {
    const page = team.page;
    const alliance = page.locator('[data-alliance="NCP"]');
    await alliance.getByRole("button", { name: "Table a draft decision" }).click();
    const form = alliance.getByRole("form", { name: "Table a draft decision" });
    await form.getByLabel("Decision").selectOption("jointDeployment");
    await expect.poll(() => form.getByRole("button", { name: "Table draft" }).isDisabled()).toBe(true); // required field empty
    await form.getByLabel("Deploy to").selectOption("DUN");
    await form.getByRole("button", { name: "Table draft" }).click();

    const draft = alliance.locator("[data-draft]").first();
    await text(draft.getByTestId("vote-tally"), "Yes 0 of 6 votes (0%) — needs 60% (weighted)");
    await text(draft.getByTestId("not-voted"), "Not voted yet: Republic of Ardenia, Kingdom of Calderra, Duchy of Dunmark");
    await text(draft.getByTestId("your-vote"), "Your vote: not cast");
    await expect.poll(() => draft.getByRole("button", { name: "Withdraw draft" }).count()).toBe(1);

    await draft.getByRole("button", { name: "Vote yes" }).click();
    await text(draft.getByTestId("your-vote"), "Your vote: yes");
    await text(draft.getByTestId("vote-tally"), "Yes 3 of 6 votes (50%)");
    await text(draft.getByTestId("not-voted"), "Not voted yet: Kingdom of Calderra, Duchy of Dunmark");
    await expect.poll(() => draft.getByRole("button", { name: /^Vote / }).count()).toBe(0); // one vote, no second
    await screenshot(page, "consoles-02-team-vote-panel");

    // Exercise control, acting as Calderra, may vote but not withdraw Ardenia's draft.
    const controlDraft = control.page.locator('[data-alliance="NCP"] [data-draft]').first();
    await text(controlDraft.getByTestId("your-vote"), "Your vote: not cast");
    await expect.poll(() => controlDraft.getByRole("button", { name: "Vote yes" }).count()).toBe(1);
    expect(await controlDraft.getByRole("button", { name: "Withdraw draft" }).count()).toBe(0);
  });

  it("the observer has no action controls anywhere", async () => {
    const page = observer.page;
    await text(page.getByTestId("role"), "Observer");
    const main = page.locator("main");
    await expect.poll(() => main.innerText()).toContain("Northern Compact");
    expect(await main.getByRole("button", { name: /Vote|Withdraw|Break silence|Request consultations|Table a draft|Pledge|Share intelligence|Share an intelligence report/ }).count()).toBe(0);
    await screenshot(page, "consoles-03-observer");
  });

  it("the MSEL shows each row's condition in words and asks before releasing an armed attack", async () => {
    const page = control.page;
    await tab(page, "MSEL");
    const attack = page.locator('[data-testid="msel"] tr[data-inject="armed-attack"]');
    await text(attack, /When tension between Republic of Ardenia and Borovian Federation above 55 and from turn 3 on/);
    await attack.getByRole("button", { name: "Release…" }).click();
    await text(attack.getByRole("alertdialog"), "Armed attack: it goes on record with the victim's alliances");
    await screenshot(page, "consoles-04-confirm-armed-attack");
    await attack.getByRole("button", { name: "Cancel" }).click();
    expect(await attack.innerText()).toContain("Pending");

    // An ad hoc inject: the form waits for its required fields, then the team reads the news.
    const form = page.getByRole("form", { name: "Ad hoc inject" });
    await form.getByLabel("Title (required)").fill("Port fire");
    expect(await form.getByRole("button", { name: "Release the inject now" }).isDisabled()).toBe(true);
    await form.getByLabel("Public news headline (optional)").fill("Fire at the port of Dunmark");
    await form.getByRole("button", { name: "Release the inject now" }).click();
    await text(form.getByRole("status"), "Released: Port fire");
    await text(team.page.getByTestId("news"), "Fire at the port of Dunmark");
    await tab(page, "Alliances");
  });

  it("once the exercise ends the team's order form and alliance actions are gone", async () => {
    const page = control.page;
    await page.getByRole("button", { name: "End exercise…" }).click();
    await page.getByLabel("Reason for ending (required, shown to everyone)").fill("Objectives met.");
    await page.getByRole("button", { name: "End the exercise" }).click();
    await text(page.getByTestId("exercise-status"), "Ended");

    const teamPage = team.page;
    await text(teamPage.getByTestId("orders-ended"), "The exercise has ended: no more orders are taken.");
    expect(await teamPage.getByRole("form", { name: "New order" }).count()).toBe(0);
    const alliance = teamPage.locator('[data-alliance="NCP"]');
    expect(await alliance.getByRole("button").count()).toBe(0);
    await screenshot(teamPage, "consoles-05-team-after-end");
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { text } from "./support/page";
import { GatewayProcess } from "./support/gateway";

/**
 * Review before release (docs/adjudication.md): with the review on, a turn's outcomes wait in control's queue; the
 * team sees nothing until control has reviewed every outcome — one amended with a rationale — and released the
 * results; the team then reads its amended outcome and never the rationale. Small-test: ARD (Republic of Ardenia)
 * and BOR (Borovian Federation) played by teams.
 */

const RATIONALE = "Partners did not join the sanctions, so the bite is smaller";

describe("Adjudication review before release", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  let control: Participant;
  let team: Participant;
  let exerciseId = "";
  let commandCount = 0;

  async function send(token: string, type: string, args?: unknown): Promise<void> {
    await gateway.command(exerciseId, token, `aq-${++commandCount}`, type, args);
  }

  async function join(code: string): Promise<string> {
    return (await gateway.post<{ accessToken: string }>("/api/join", { code })).accessToken;
  }

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "small-test", name: "Adjudication review" });
    exerciseId = created.exerciseId;
    const controlToken = await join(created.facilitatorCode);
    const issue = async (nation: string) =>
      (await gateway.post<{ output: string }>(`/api/exercises/${exerciseId}/commands`, { commandId: `aq-${++commandCount}`, type: "access.issueJoinCode", args: { role: "team", nation } }, controlToken)).output;
    const [ardCode, borCode] = [await issue("ARD"), await issue("BOR")];
    const [ardenia, borovia] = [await join(ardCode), await join(borCode)];

    await send(controlToken, "exercise.setAdjudicationReview", { enabled: true });
    await send(controlToken, "exercise.start");
    await send(controlToken, "exercise.advance");
    await send(ardenia, "nation.submitOrder", { orderId: "aq-sanctions", action: { kind: "imposeSanctions", nation: "BOR" } });
    await send(borovia, "nation.submitOrder", { orderId: "aq-statement", action: { kind: "publicStatement", tone: "firm", text: "We will not bend." } });
    await send(controlToken, "exercise.advance"); // orders close; the outcomes are held

    [control, team] = await Promise.all([newParticipant(browser), newParticipant(browser)]);
    await control.page.goto(`${gateway.url}/?code=${created.facilitatorCode}`);
    await team.page.goto(`${gateway.url}/?code=${ardCode}`);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  it("control sees the held outcomes in words, and cannot release while any is unreviewed", async () => {
    const queue = control.page.getByTestId("adjudication-queue");
    await text(queue, "Turn 1: 2 outcomes held");
    await expect.poll(() => queue.getByTestId("held-outcome").count()).toBe(2);
    await text(queue.getByTestId("held-outcome").first(), /Republic of Ardenia: .*sanctions.*Borovian Federation/i);
    await expect.poll(() => queue.getByTestId("release-results").isDisabled()).toBe(true);
    await text(queue.getByTestId("release-blocked"), "2 outcomes still to review");
    const body = await control.page.locator("body").innerText();
    expect(body).not.toMatch(/t1-ARD-1|aq-sanctions|outcomeId|\$type/);
    await screenshot(control.page, "adjudication-control-held");
  });

  it("the team sees the adjudication phase and nothing of its outcome while it is held", async () => {
    await text(team.page.getByTestId("role"), "Team · Republic of Ardenia");
    await text(team.page.locator("body"), /Adjudication/);
    const body = await team.page.locator("body").innerText();
    expect(body).not.toMatch(/sanctions on Borovian Federation (succeeded|took)|amended/i);
    await screenshot(team.page, "adjudication-team-waiting");
  });

  it("amending needs a rationale; control amends one, approves the other and releases", async () => {
    const queue = control.page.getByTestId("adjudication-queue");
    const sanctions = queue.getByTestId("held-outcome").filter({ hasText: "Republic of Ardenia" });
    await sanctions.getByRole("radio", { name: "Amend" }).check();
    const amend = sanctions.getByRole("button", { name: "Amend" });
    await expect.poll(() => amend.isDisabled()).toBe(true); // no rationale yet
    await text(sanctions, "Still needed: a rationale");
    const borovia = sanctions.locator("fieldset").filter({ hasText: "Borovian Federation" });
    await borovia.getByLabel("Economy").fill("-2");
    await sanctions.getByLabel(/Rationale/).fill(RATIONALE);
    await screenshot(control.page, "adjudication-control-amending");
    await amend.click();
    await text(sanctions.getByTestId("verdict"), `Amended — ${RATIONALE}`);

    const statement = queue.getByTestId("held-outcome").filter({ hasText: "Borovian Federation: " }).filter({ hasNot: control.page.getByTestId("verdict") });
    await statement.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => queue.getByTestId("verdict").count()).toBe(2);
    await expect.poll(() => queue.getByTestId("release-results").isEnabled()).toBe(true);
    await screenshot(control.page, "adjudication-control-reviewed");

    await queue.getByTestId("release-results").click();
    await text(queue, "Nothing is held");
    await text(control.page.locator("body"), /Turn 1 results released \(1 approved, 1 amended, 0 voided\)|Results/);
    await screenshot(control.page, "adjudication-control-released");
  });

  it("after the release the team reads its amended outcome, and never the rationale", async () => {
    await text(team.page.locator("body"), /Exercise control amended its effects/, 20_000);
    const body = await team.page.locator("body").innerText();
    expect(body).not.toContain(RATIONALE);
    await screenshot(team.page, "adjudication-team-released");
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { text, tab } from "./support/page";
import { GatewayProcess } from "./support/gateway";

/**
 * One exercise played through the browser by three people in separate browser contexts: exercise control, the
 * Ardenian team and an observer, against a real gateway. The steps build on each other and run in order.
 */

async function phase(page: Page, expected: string): Promise<void> {
  await text(page.getByTestId("phase"), new RegExp(`^${expected}$`));
}

describe("CrisisGrid in the browser", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  let control: Participant;
  let team: Participant;
  let observer: Participant;
  let facilitatorCode = "";
  let teamCode = "";
  let observerCode = "";

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "small-test", name: "Browser exercise" });
    facilitatorCode = created.facilitatorCode;
    [control, team, observer] = await Promise.all([newParticipant(browser), newParticipant(browser), newParticipant(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  it("lists exercises and scenarios on the landing page", async () => {
    const page = control.page;
    await page.goto(gateway.url);
    await text(page.getByTestId("catalog"), "Browser exercise");
    await expect.poll(() => page.getByLabel("Scenario").locator("option").allInnerTexts()).toContain("Small test");
    await screenshot(page, "01-landing");
  });

  it("exercise control joins with a code from the API (via the ?code= link) and starts the exercise", async () => {
    const page = control.page;
    await page.goto(`${gateway.url}/?code=${facilitatorCode}`);
    await text(page.getByTestId("role"), "Exercise control");
    await text(page.getByTestId("exercise-status"), "Not started");
    expect(page.url()).not.toContain("code="); // the code does not linger in the address bar
    await screenshot(page, "02-facilitator-draft");

    await page.getByRole("button", { name: "Start exercise" }).click();
    await text(page.getByTestId("exercise-status"), "Running");
    await phase(page, "Planning");
    await text(page.getByTestId("turn"), "1 of 6");

    await page.getByTestId("advance").click(); // "Open orders"
    await phase(page, "Orders");
  });

  it("issues a team code and an observer code, each shown once", async () => {
    const page = control.page;
    await tab(page, "Join codes");
    await page.getByLabel("Role").selectOption("team");
    await page.getByLabel("Nation").selectOption("ARD");
    await page.getByLabel("Label (optional)").fill("Ardenia table");
    await page.getByRole("button", { name: "Issue code" }).click();
    await text(page.getByTestId("issued-code-value"), /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    teamCode = await page.getByTestId("issued-code-value").innerText();
    await text(page.getByTestId("join-codes"), "Ardenia table");
    await screenshot(page, "03-facilitator-join-codes");

    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.getByTestId("issued-code").count()).toBe(0);
    await page.getByLabel("Role").selectOption("observer");
    await page.getByRole("button", { name: "Issue code" }).click();
    await text(page.getByTestId("issued-code-value"), /^[A-Z0-9]{4}-/);
    observerCode = await page.getByTestId("issued-code-value").innerText();
    expect(observerCode).not.toBe(teamCode);
  });

  it("the team joins with its code and sees its nation's private indices", async () => {
    const page = team.page;
    await page.goto(gateway.url);
    await page.getByLabel("Join code").fill(teamCode);
    await page.getByRole("button", { name: "Join", exact: true }).click();
    await text(page.getByTestId("role"), "Team · Republic of Ardenia");
    await phase(page, "Orders");
    await text(page.getByTestId("index-readiness"), /^50$/);
    await text(page.getByTestId("index-economy"), /^65$/);
    await text(page.getByTestId("orders-ap"), "4 of 4");
  });

  it("the team submits orders; exercise control sees them live, without a reload", async () => {
    const page = team.page;
    await page.getByLabel("Action", { exact: true }).selectOption("publicStatement");
    await page.getByLabel("Tone").selectOption("firm");
    await page.getByLabel("Addressed to (optional)").selectOption("BOR");
    await page.getByLabel("Statement", { exact: true }).fill("Ardenia will defend its border.");
    await page.getByRole("button", { name: /Submit order/ }).click();
    await text(page.getByRole("status").filter({ hasText: "Order accepted" }), "Firm public statement toward Borovian Federation");
    await text(page.getByTestId("submitted-orders"), "Firm public statement toward Borovian Federation");
    await text(page.getByTestId("orders-ap"), "3 of 4");

    await page.getByLabel("Action", { exact: true }).selectOption("shareIntelligence");
    await expect.poll(() => page.getByTestId("order-cost").innerText()).toContain("Costs 1 action point");
    await page.getByLabel("Recipient").selectOption("CAL");
    await page.getByRole("button", { name: /Submit order/ }).click();
    await text(page.getByTestId("submitted-orders"), "Share intelligence with Kingdom of Calderra");
    await text(page.getByTestId("orders-ap"), "2 of 4");

    await tab(control.page, "Nations");
    const ardenia = control.page.locator('[data-testid="nations-table"] tr[data-nation="ARD"]');
    await text(ardenia.locator("td").last(), /^2$/);
    await text(ardenia, "2 / 4");
  });

  it("shows the rules' refusal of an illegal order inline, with the field and what is allowed", async () => {
    const page = team.page;
    await page.getByLabel("Action", { exact: true }).selectOption("liftSanctions");
    await page.getByLabel("Target nation").selectOption("BOR");
    await page.getByRole("button", { name: /Submit order/ }).click();
    const problem = page.getByTestId("orders").getByTestId("problem");
    await text(problem, "has no sanctions on BOR to lift");
    await text(problem.getByTestId("problem-field"), /^action$/);
    await text(problem.getByTestId("problem-allowed"), "none");
    await text(page.getByTestId("orders-ap"), "2 of 4"); // nothing changed
    expect(await page.getByTestId("submitted-orders").locator("li").count()).toBe(2);
    await screenshot(page, "04-team-orders-refusal");
  });

  it("news published by exercise control reaches the team live", async () => {
    const page = control.page;
    await tab(page, "News");
    await page.getByLabel("Headline").fill("Ceasefire talks proposed in Geneva");
    await page.getByLabel("Body").fill("Exercise control: both capitals are invited.");
    await page.getByRole("button", { name: "Publish to everyone" }).click();
    await text(page.getByTestId("news"), "Ceasefire talks proposed in Geneva");
    await text(team.page.getByTestId("news"), "Ceasefire talks proposed in Geneva");
    await screenshot(page, "05-facilitator-news");
  });

  it("exercise control advances to results; the team reads its outcome reports and the news", async () => {
    await control.page.getByTestId("advance").click(); // close orders and adjudicate
    await phase(control.page, "Results");
    await phase(team.page, "Results");

    const messages = team.page.getByTestId("messages");
    await text(messages, "Outcome report (turn 1)");
    await expect.poll(() => messages.getByTestId("message-outcome").count()).toBe(2);
    await text(team.page.getByTestId("news"), "Republic of Ardenia issues a firm statement toward Borovian Federation");
    await text(team.page.getByTestId("orders"), "Orders closed");
    await screenshot(team.page, "06-team-results");

    await tab(control.page, "Outcomes");
    await expect.poll(() => control.page.locator("[data-testid=outcomes] tbody tr").count()).toBe(2);
    await screenshot(control.page, "07-facilitator-outcomes");
  });

  it("an outcome override needs a reason; with one, it is applied", async () => {
    const page = control.page;
    const row = page.locator("[data-testid=outcomes] tr[data-outcome]").filter({ hasText: "Share intelligence" });
    await row.getByRole("button", { name: "Override" }).click();
    const form = page.locator("tr[data-override]");
    await form.getByLabel("Readiness").first().fill("0");
    await form.getByRole("button", { name: "Apply override" }).click();
    await text(form.getByTestId("problem"), "must state a reason");
    await text(form.getByTestId("problem-field"), /reason/);
    await screenshot(page, "08a-facilitator-override-refused");
    await form.getByLabel("Reason (required, logged)").fill("Calderra's services were compromised");
    await form.getByRole("button", { name: "Apply override" }).click();
    await expect.poll(() => form.count()).toBe(0);
    await text(row, "Kingdom of Calderra: trust in Republic of Ardenia +5"); // readiness +2 replaced by 0
    await tab(page, "Timeline");
    await text(page.getByTestId("timeline"), "overridden: Calderra's services were compromised");
    await screenshot(page, "08b-facilitator-timeline");
  });

  it("an observer sees the public clock and news, but not the team's private indices or orders", async () => {
    const page = observer.page;
    await page.goto(`${gateway.url}/?code=${observerCode}`);
    await text(page.getByTestId("role"), "Observer");
    await phase(page, "Results");
    await text(page.getByTestId("news"), "Ceasefire talks proposed in Geneva");
    await text(page.getByTestId("news"), "Republic of Ardenia issues a firm statement");
    await text(page.getByTestId("nations-table"), "Republic of Ardenia");

    for (const hidden of ["indices", "own-nation", "orders", "messages", "relations-matrix", "action-points"]) {
      expect(await page.getByTestId(hidden).count(), `observer must not see ${hidden}`).toBe(0);
    }

    const body = await page.locator("body").innerText();
    expect(body).not.toContain("Share intelligence"); // an order with no public report
    expect(body).not.toContain("Readiness");
    expect(body).not.toContain("Action points");
    expect(body).not.toContain("Outcome report");
    expect(await page.locator('[data-testid="nations-table"] th').allInnerTexts()).not.toContain("READINESS");
    await screenshot(page, "09-observer");
  });

  it("no page errors or console errors so far", () => {
    expect([...control.errors, ...team.errors, ...observer.errors]).toEqual([]);
  });

  it("a reload of the team page resyncs to the same state", async () => {
    const page = team.page;
    // The team's state is what it may see: its last visible event, indices, orders, messages and news. (The exercise's
    // sequence may have moved on meanwhile through events the team is not shown, e.g. the observer's join.)
    const before = {
      lastEvent: await page.getByTestId("sequence").getAttribute("data-last-event"),
      indices: await page.getByTestId("indices").innerText(),
      messages: await page.getByTestId("messages").locator("li").count(),
      news: await page.getByTestId("news").locator("li").count(),
      orders: await page.getByTestId("submitted-orders").innerText(),
      actionPoints: await page.getByTestId("orders-ap").innerText(),
    };
    await page.reload();
    await text(page.getByTestId("connection"), "Live");
    await expect.poll(() => page.getByTestId("sequence").getAttribute("data-last-event")).toBe(before.lastEvent);
    expect(await page.getByTestId("indices").innerText()).toBe(before.indices);
    expect(await page.getByTestId("messages").locator("li").count()).toBe(before.messages);
    expect(await page.getByTestId("news").locator("li").count()).toBe(before.news);
    expect(await page.getByTestId("submitted-orders").innerText()).toBe(before.orders);
    expect(await page.getByTestId("orders-ap").innerText()).toBe(before.actionPoints);
    await screenshot(page, "10-team-after-reload");
  });

  it("catches up on what happened while the team page was closed", async () => {
    await team.page.goto("about:blank");
    await tab(control.page, "News");
    await control.page.getByLabel("Headline").fill("Borovia recalls its ambassador");
    await control.page.getByRole("button", { name: "Publish to everyone" }).click();
    await text(control.page.getByTestId("news"), "Borovia recalls its ambassador");

    await team.page.goto(gateway.url); // same tab: the session is kept
    await text(team.page.getByTestId("news"), "Borovia recalls its ambassador");
    // (The team counts only what it may see, docs/visibility.md, so its position is not control's: what it caught
    // up on is the news above, published while its page was closed.)
    await expect.poll(async () => Number(await team.page.getByTestId("sequence").getAttribute("data-sequence"))).toBeGreaterThan(0);
  });

  it("reconnects by itself after the gateway restarts, and receives what follows without a reload", async () => {
    await gateway.stop();
    await text(team.page.getByTestId("connection"), /Reconnecting|Offline/);
    await gateway.start(); // same port, same data: tokens stay valid
    await text(team.page.getByTestId("connection"), "Live", 30_000);
    await text(control.page.getByTestId("connection"), "Live", 30_000);

    await control.page.getByTestId("advance").click(); // start turn 2: an inject is scheduled for it
    await phase(control.page, "Planning");
    await phase(team.page, "Planning");
    await text(team.page.getByTestId("turn"), "2 of 6");
    await text(team.page.getByTestId("news"), "Shots fired on the Ardenia–Borovia border");
    await text(team.page.getByTestId("messages"), "Border guards exchanged fire");
    await text(team.page.getByTestId("index-readiness"), /^55$/); // the inject's +5
    await screenshot(team.page, "11-team-after-gateway-restart");
    expect([...control.errors, ...team.errors, ...observer.errors].filter((e) => e.startsWith("pageerror"))).toEqual([]);
  });

  it("exercise control releases an MSEL inject; the armed attack reaches the team's alliance panel", async () => {
    const page = control.page;
    await tab(page, "MSEL");
    const inject = page.locator('[data-testid="msel"] tr[data-inject="armed-attack"]');
    await inject.getByRole("button", { name: "Release…" }).click(); // an armed attack asks first
    await inject.getByRole("button", { name: "Release the attack" }).click();
    await text(inject, "Released");
    await screenshot(page, "12-facilitator-msel");

    await text(team.page.getByTestId("news"), "Borovian troops cross into Ardenia");
    await text(team.page.getByTestId("messages"), "Borovian armoured units have crossed the border");
    // Alliance state comes from a fresh snapshot after alliance events (the client does not fold them itself).
    await text(team.page.getByTestId("alliances"), "Attack on record", 15_000);
  });

  it("the team requests consultations in its alliance; members and exercise control see the request", async () => {
    const page = team.page;
    const alliance = page.locator('[data-alliance="NCP"]');
    await alliance.getByRole("button", { name: "Request consultations" }).click();
    await alliance.getByLabel("The threat (what another nation did, or an inject)").fill("Borovian armour holds the river crossing.");
    await alliance.getByRole("button", { name: "Send the request to all members" }).click();
    await text(alliance, "Republic of Ardenia requested consultations");
    await text(alliance, "Threat: Borovian armour holds the river crossing.");
    await screenshot(page, "13-team-alliance-consultation");

    await tab(control.page, "Alliances");
    await text(control.page.getByTestId("alliances"), "Republic of Ardenia requested consultations");
    await control.page.locator('[data-alliance="NCP"] [data-consultation]').getByRole("button", { name: "Convene as chair" }).click();
    await text(control.page.locator('[data-alliance="NCP"] [data-consultation]'), "convened");
    await text(alliance.locator("[data-consultation]"), "convened");
    await screenshot(control.page, "14-facilitator-alliances");
  });

  it("exercise control revokes the observer's code; the observer is told and disconnected", async () => {
    const page = control.page;
    await tab(page, "Join codes");
    const row = page.locator('[data-testid="join-codes"] tr').filter({ hasText: "observer" });
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await row.getByRole("button", { name: "Confirm revoke" }).click();
    await text(row, "Revoked");
    await text(observer.page.getByRole("alert"), "Your join code was revoked by exercise control.");
    await text(observer.page.getByTestId("connection"), "Access revoked");
    await screenshot(observer.page, "15a-observer-revoked");

    await observer.page.reload(); // the token is no longer honoured, and the page says so instead of retrying
    await text(observer.page.getByTestId("connection"), "Access revoked");
    await text(observer.page.getByRole("alert"), "join code was revoked");
  });

  it("creates an exercise from a bundled scenario, shows its control code once, then enters it", async () => {
    const creator = await newParticipant(browser, { width: 1280, height: 900 });
    const page = creator.page;
    await page.goto(gateway.url);
    await page.getByLabel("Scenario").selectOption("small-test");
    await page.getByLabel("Name (optional)").fill("Created in the browser");
    await page.getByRole("button", { name: "Create exercise" }).click();
    await text(page.getByTestId("facilitator-code-value"), /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await screenshot(page, "15-landing-created");
    await page.getByRole("button", { name: "Continue as exercise control" }).click();
    await text(page.getByTestId("exercise-name"), "Created in the browser");
    await text(page.getByTestId("role"), "Exercise control");
    await text(page.getByTestId("exercise-status"), "Not started");
    await creator.context.close();
  });

  it("the team console reads on a phone-sized screen", async () => {
    await team.page.setViewportSize({ width: 390, height: 844 });
    await text(team.page.getByTestId("index-readiness"), /^\d+$/);
    const overflow = await team.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(team.page, "16-team-phone");
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { text, tab } from "./support/page";
import { GatewayProcess } from "./support/gateway";

/**
 * Control tools, the observers' dashboard and team notifications (issue 8). Small-test: ARD played by the Ardenian
 * team, the alliance NCP of ARD, CAL and DUN (CAL and DUN played by exercise control); admission by unanimity; the
 * clock starts at 1 March 2031 06:00 UTC with 12-hour turns.
 */

/** Buttons an observer may have: reading tools of the review (exports, print, the replay's turn links, history). */
const READING_TOOLS = /^(Export .*|Print report|Show older events|Show older news \(\d+ more\)|Look for earlier news|Load events before #\d+|replay its end \(event \d+\))$/;

describe("Control tools, the observers' dashboard and team notifications", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  let control: Participant;
  let team: Participant;
  let observer: Participant;
  let exerciseId = "";
  let controlToken = "";
  let teamToken = "";
  let commandCount = 0;

  async function send(token: string, type: string, args?: unknown): Promise<void> {
    await gateway.command(exerciseId, token, `ct-${++commandCount}`, type, args);
  }

  async function join(code: string): Promise<string> {
    return (await gateway.post<{ accessToken: string }>("/api/join", { code })).accessToken;
  }

  async function issue(args: Record<string, unknown>): Promise<string> {
    const reply = await gateway.post<{ output: string }>(`/api/exercises/${exerciseId}/commands`, { commandId: `ct-${++commandCount}`, type: "access.issueJoinCode", args }, controlToken);
    return reply.output;
  }

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "small-test", name: "Control tools" });
    exerciseId = created.exerciseId;
    controlToken = await join(created.facilitatorCode);
    const [teamCode, observerCode] = [await issue({ role: "team", nation: "ARD", label: "Ardenia" }), await issue({ role: "observer", label: "Observers" })];
    teamToken = await join(teamCode);
    await send(controlToken, "exercise.start");
    [control, team, observer] = await Promise.all([newParticipant(browser), newParticipant(browser), newParticipant(browser)]);
    await control.page.goto(`${gateway.url}/?code=${created.facilitatorCode}`);
    await team.page.goto(`${gateway.url}/?code=${teamCode}`);
    await observer.page.goto(`${gateway.url}/?code=${observerCode}`);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  it("a team's unread count grows with consultations asked of it (not with public news, which has its feed), and clears once seen", async () => {
    const page = team.page;
    await text(page.getByTestId("role"), "Team · Republic of Ardenia");
    const toggle = page.getByTestId("notifications-toggle");
    const unread = page.getByTestId("unread-count");
    await toggle.click(); // what happened before the team looked (orders opening, …) is seen now
    await expect.poll(() => unread.count()).toBe(0);
    await toggle.click();

    await send(controlToken, "exercise.publishNews", { headline: "Port fire in Dunmark", body: "" });
    await text(page.getByTestId("news"), "Port fire in Dunmark");
    await send(controlToken, "alliance.requestConsultation", { alliance: "NCP", consultationId: "border", member: "CAL", threat: "Troops massing at the border" });
    await text(unread, /^1$/); // the consultation; the news is in the news feed, not repeated here
    await screenshot(page, "controltools-01-team-unread");

    await toggle.click();
    const list = page.getByTestId("notifications");
    await text(list, "Northern Compact: Kingdom of Calderra requested consultations: Troops massing at the border");
    expect(await list.innerText()).not.toContain("Port fire in Dunmark");
    await expect.poll(() => unread.count()).toBe(0);
    await screenshot(page, "controltools-02-team-notifications-open");
    await toggle.click();

    await page.reload(); // seen stays seen
    await text(page.getByTestId("role"), "Team · Republic of Ardenia");
    await text(page.getByTestId("news"), "Port fire in Dunmark");
    expect(await unread.count()).toBe(0);
    await send(controlToken, "alliance.requestConsultation", { alliance: "NCP", consultationId: "harbour", member: "DUN", threat: "Mines found in the harbour" });
    await text(unread, /^1$/);
  });

  it("players read event times on the exercise's clock, not the room's", async () => {
    const item = team.page.getByTestId("news-item").filter({ hasText: "Port fire in Dunmark" });
    await text(item.getByTestId("exercise-time"), "Turn 1 · planning · 1 Mar 2031, 06:00 UTC");
    await text(observer.page.getByTestId("news-item").filter({ hasText: "Port fire in Dunmark" }).getByTestId("exercise-time"), "Turn 1 · planning · 1 Mar 2031, 06:00 UTC");
  });

  it("alliance deadlines show the play time left, standing still while the exercise is paused", async () => {
    const consultation = team.page.locator('[data-alliance="NCP"] [data-consultation]').filter({ hasText: "Troops massing at the border" });
    const deadline = consultation.getByTestId("play-deadline");
    await text(consultation, /Must convene within \d+:\d\d of play\./); // the charter's 10 minutes, counted in play
    expect(await consultation.innerText()).not.toMatch(/2026|UTC/); // no wall-clock instant
    await send(controlToken, "exercise.pause");
    await text(deadline, "(paused: the clock stands still)");
    await screenshot(team.page, "controltools-03-deadline-paused");
    await send(controlToken, "exercise.resume");
    await expect.poll(() => deadline.innerText()).not.toContain("paused");
  });

  it("exercise control adjusts a nation only with a reason, and the team sees the reason as the cause", async () => {
    const economy = team.page.getByTestId("index-economy");
    const before = Number(await economy.innerText());
    const page = control.page;
    await tab(page, "Nations");
    const form = page.getByRole("form", { name: "Adjust a nation" });
    await form.getByLabel("Nation", { exact: true }).selectOption("ARD");
    await form.getByLabel("Economy (±)").fill("-5");
    const apply = form.getByRole("button", { name: "Apply the adjustment" });
    expect(await apply.isDisabled()).toBe(true);
    await text(form.getByTestId("adjust-missing"), "Still needed: a reason.");
    await form.getByLabel("Reason (required; the team sees it as the cause)").fill("Port fire damages the economy");
    await apply.click();
    await text(form.getByRole("status"), "Republic of Ardenia adjusted: Port fire damages the economy");
    await screenshot(page, "controltools-04-adjust-nation");

    await text(economy, new RegExp(`^${before - 5}$`));
    const cause = team.page.getByTestId("message-change").filter({ hasText: "Port fire damages the economy" });
    await text(cause, "Exercise control: Port fire damages the economy");
    await text(cause, "−5 economy");
    await screenshot(team.page, "controltools-05-team-sees-cause");
  });

  it("exercise control assigns a team to a nation no team plays", async () => {
    const page = control.page;
    await tab(page, "Join codes");
    const form = page.getByRole("form", { name: "Assign a team" });
    const plays = form.getByLabel("Plays");
    expect(await plays.locator("option").allInnerTexts()).toEqual(["— a nation no team plays —", "Kingdom of Calderra", "Duchy of Dunmark"]);
    expect(await form.getByRole("button", { name: "Assign" }).isDisabled()).toBe(true);
    await form.getByLabel("Team name").fill("Calderran delegation");
    await plays.selectOption("CAL");
    await form.getByRole("button", { name: "Assign" }).click();
    await text(form.getByRole("status"), "Calderran delegation now plays Kingdom of Calderra.");
    await expect.poll(() => plays.locator("option").allInnerTexts()).toEqual(["— a nation no team plays —", "Duchy of Dunmark"]);
    await text(observer.page.locator('[data-testid="nations-table"] tr[data-nation="CAL"]'), "Calderran delegation");
  });

  it("exercise control issues codes for every team at once on a sheet that prints alone", async () => {
    const page = control.page;
    await tab(page, "Join codes");
    await page.getByRole("button", { name: "New codes for all 3 teams" }).click();
    const cards = page.getByTestId("code-card");
    await expect.poll(() => cards.count()).toBe(4);
    expect(await cards.locator(".card-label").allInnerTexts()).toEqual(["Ardenian delegation", "Borovian delegation", "Calderran delegation", "Observers"]);
    const borovia = cards.filter({ hasText: "Borovian delegation" });
    await text(borovia, "Team playing Borovian Federation");
    const link = await borovia.getByTestId("card-link").innerText();
    expect(link).toContain(`${gateway.url}/?code=`);

    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("join-sheet").isVisible()).toBe(true);
    expect(await page.getByRole("tablist").isVisible()).toBe(false);
    expect(await page.getByTestId("clock").isVisible()).toBe(false);
    expect(await page.getByTestId("join-codes").isVisible()).toBe(false);
    await screenshot(page, "controltools-06-join-sheet-print");
    await page.emulateMedia({ media: "screen" });

    const borovian = await newParticipant(browser);
    await borovian.page.goto(link);
    await text(borovian.page.getByTestId("role"), "Team · Borovian Federation");
    await borovian.context.close();
  });

  it("exercise control gives orders for a nation it plays, never defaulting to one", async () => {
    await send(controlToken, "exercise.advance", { expectedTurn: 1, expectedPhase: "planning" });
    const page = control.page;
    await tab(page, "Orders");
    const picker = page.getByLabel("Give orders for");
    expect(await picker.inputValue()).toBe("");
    expect(await picker.locator("option").allInnerTexts()).toEqual(["— choose a nation —", "Duchy of Dunmark"]);
    await picker.selectOption("DUN");
    await text(page.getByTestId("orders"), "Orders for turn 1");
    await page.getByLabel("Action", { exact: true }).selectOption("humanitarianAid");
    await page.getByLabel("Recipient").selectOption("ARD");
    await page.getByRole("button", { name: /Submit order/ }).click();
    await text(page.getByTestId("submitted-orders"), "Humanitarian aid to Republic of Ardenia");
    await screenshot(page, "controltools-06b-control-orders");
  });

  it("the observer's dashboard follows news, public postures and public alliance decisions, and nothing private", async () => {
    const page = observer.page;
    await text(page.getByTestId("role"), "Observer");
    const ardenia = page.locator('[data-testid="nations-table"] tr[data-nation="ARD"]');
    await text(ardenia, /Home/);

    await send(teamToken, "nation.submitOrder", { orderId: "mobilise-1", action: { kind: "mobilise" } });
    await send(controlToken, "exercise.advance", { expectedTurn: 1, expectedPhase: "orders" });
    await text(ardenia, "Mobilised · home");
    await text(page.getByTestId("posture-change"), "Republic of Ardenia: Mobilised, forces at home");

    await send(teamToken, "alliance.tableDraft", { alliance: "NCP", draftId: "admit-bor", proposal: { kind: "admission", candidate: "BOR" } });
    await send(teamToken, "alliance.castVote", { alliance: "NCP", draftId: "admit-bor", choice: "yes" });
    await send(controlToken, "alliance.castVote", { alliance: "NCP", draftId: "admit-bor", member: "CAL", choice: "yes" });
    await send(controlToken, "alliance.castVote", { alliance: "NCP", draftId: "admit-bor", member: "DUN", choice: "yes" });
    await text(page.getByTestId("public-decision"), "Borovian Federation joined the Northern Compact");
    await text(page.getByTestId("public-alliances"), /Northern Compact: .*Borovian Federation/);
    await text(page.getByTestId("news"), "Port fire in Dunmark");
    await screenshot(page, "controltools-07-observer-dashboard");

    const main = await page.locator("main").innerText();
    for (const secret of ["Troops massing", "Mines found", "Port fire damages", "voted", "tabled", "Admit"]) {
      expect(main).not.toContain(secret);
    }

    expect(await page.locator("main").getByRole("button").count()).toBe(0);
    expect(await page.locator("main form, main input, main select, main textarea").count()).toBe(0);
  });

  it("once the review opens the observer sees everything and still has only reading tools", async () => {
    await send(controlToken, "exercise.end", { reason: "Objectives met." });
    await send(controlToken, "exercise.openReview");
    const page = observer.page;
    await text(page.locator("main"), "The after-action review is open: you see the full exercise.");
    await expect.poll(() => page.getByTestId("review-workspace").count(), { timeout: 15_000 }).toBe(1);
    await text(page.getByTestId("timeline"), "Troops massing at the border"); // the full view
    const names = (await page.locator("main").getByRole("button").allInnerTexts()).map((n) => n.trim());
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !READING_TOOLS.test(n))).toEqual([]);
    expect(await page.locator("main form").count()).toBe(0);
    await screenshot(page, "controltools-08-observer-review");
  });

  it("no page errors or console errors", () => {
    expect([...control.errors, ...team.errors, ...observer.errors]).toEqual([]);
  });
});

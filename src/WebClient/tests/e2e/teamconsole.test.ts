import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { text } from "./support/page";
import { GatewayProcess } from "./support/gateway";

/**
 * The team console as a delegation reads it (issue 8, item 9 and the team-console walk findings): every change to the
 * nation says which act of which nation — or which scenario event, or control's adjustment — caused it; the order form
 * offers Submit only while orders are open and otherwise says why; the alliance panel says with whom an intelligence
 * report is shared; notifications carry what is addressed to the team, not the news again; names, not codes.
 * Small-test: ARD played by the Ardenian team; BOR, CAL and DUN given orders by exercise control; NCP = ARD, CAL, DUN.
 */

describe("The team console: causes, closed orders, intelligence, notifications, names", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  let team: Participant;
  let exerciseId = "";
  let controlToken = "";
  let commandCount = 0;

  async function send(type: string, args?: unknown): Promise<void> {
    await gateway.command(exerciseId, controlToken, `tc-${++commandCount}`, type, args);
  }

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "small-test", name: "Team console" });
    exerciseId = created.exerciseId;
    controlToken = (await gateway.post<{ accessToken: string }>("/api/join", { code: created.facilitatorCode })).accessToken;
    const issued = await gateway.post<{ output: string }>(
      `/api/exercises/${exerciseId}/commands`,
      { commandId: `tc-${++commandCount}`, type: "access.issueJoinCode", args: { role: "team", nation: "ARD", label: "Ardenia" } },
      controlToken,
    );
    await send("exercise.start");
    team = await newParticipant(browser);
    await team.page.goto(`${gateway.url}/?code=${issued.output}`);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  it("in planning the order form says why orders are closed instead of offering Submit", async () => {
    await text(team.page.getByTestId("role"), "Team · Republic of Ardenia");
    const orders = team.page.getByTestId("orders");
    await text(orders.getByTestId("orders-closed"), "Turn 1 is in its planning phase: orders open when exercise control starts the orders phase.");
    expect(await orders.getByRole("button", { name: /Submit order/ }).count()).toBe(0);
  });

  it("a scenario event and control's adjustment each show as the cause of the change", async () => {
    await send("exercise.releaseInject", { injectId: "cyber-attack" });
    const messages = team.page.getByTestId("messages");
    await text(messages, "−5 economy, −3 public support — after the scenario event “Ardenian power grid disrupted”");
    await send("exercise.adjustNation", { delta: { nation: "ARD", indices: { domesticStability: -4 }, relations: {} }, reason: "Strikes in the capital" });
    await text(messages, "−4 domestic stability — after exercise control's adjustment: Strikes in the capital");
  });

  it("another nation's act is named as the cause, and the team's own act as its own", async () => {
    await send("exercise.advance", { expectedTurn: 1, expectedPhase: "planning" });
    const page = team.page;
    await page.getByLabel("Action", { exact: true }).selectOption("humanitarianAid");
    await page.getByLabel("Recipient").selectOption("CAL");
    expect(await page.getByLabel("Recipient").locator("option").allInnerTexts()).toEqual([
      "— choose a nation —",
      "Borovian Federation",
      "Kingdom of Calderra",
      "Duchy of Dunmark",
    ]);
    await page.getByRole("button", { name: /Submit order/ }).click();
    await text(page.getByTestId("submitted-orders"), "Humanitarian aid to Kingdom of Calderra");
    await send("nation.submitOrder", { nation: "BOR", orderId: "bor-mobilise", action: { kind: "mobilise" } });
    await send("exercise.advance", { expectedTurn: 1, expectedPhase: "orders" });

    const messages = page.getByTestId("messages");
    await text(messages, /Tension with Borovian Federation \+\d+ — after Borovian Federation's mobilisation/);
    await text(messages, "after your humanitarian aid to Kingdom of Calderra");
    await screenshot(page, "teamconsole-01-causes");
  });

  it("once results are out the order form says so and offers no Submit", async () => {
    const orders = team.page.getByTestId("orders");
    await text(orders.getByTestId("orders-closed"), "Orders for turn 1 are closed and the results are out");
    expect(await orders.getByRole("button", { name: /Submit order/ }).count()).toBe(0);
    expect(await orders.locator("form").count()).toBe(0);
    await screenshot(team.page, "teamconsole-02-orders-closed-in-results");
  });

  it("notifications carry what is addressed to the team, not the news again", async () => {
    await send("exercise.publishNews", { headline: "Harbour reopens in Dunmark", body: "" });
    await send("alliance.requestConsultation", { alliance: "NCP", consultationId: "grid", member: "CAL", threat: "Attacks on the regional grid" });
    const page = team.page;
    await text(page.getByTestId("news"), "Harbour reopens in Dunmark");
    await page.getByTestId("notifications-toggle").click();
    const list = page.getByTestId("notifications");
    await text(list, "Northern Compact: Kingdom of Calderra requested consultations: Attacks on the regional grid");
    await text(list, "Turn 1: results are out");
    const items = await list.innerText();
    expect(items).not.toContain("Harbour reopens");
    expect(items).not.toContain("News:");
    await screenshot(page, "teamconsole-03-notifications");
    await page.getByTestId("notifications-toggle").click();
  });

  it("the alliance panel says with whom an intelligence report is shared, and how it differs from the order", async () => {
    const page = team.page;
    const alliance = page.locator('[data-alliance="NCP"]');
    await alliance.getByRole("button", { name: "Share an intelligence report with members" }).click();
    const help = alliance.getByTestId("intelligence-help");
    await text(help, "shown to Northern Compact's members (Kingdom of Calderra, Duchy of Dunmark) and to exercise control — nobody else");
    await text(help, "give the order “Share intelligence with one nation” instead");
    await text(alliance.getByRole("button", { name: "Share the report with Northern Compact" }), "Share the report with Northern Compact");
    await screenshot(page, "teamconsole-04-intelligence-help");
  });

  it("the alliance panel says why cohesion moved, and a failed decision's reason names nations, not codes", async () => {
    await send("alliance.tableDraft", { alliance: "NCP", draftId: "admit-bor", member: "ARD", proposal: { kind: "admission", candidate: "BOR" } });
    await send("alliance.castVote", { alliance: "NCP", draftId: "admit-bor", member: "CAL", choice: "no" });
    const alliance = team.page.locator('[data-alliance="NCP"]');
    await text(alliance.getByTestId("cohesion"), "Cohesion 94/100");
    await text(alliance.getByTestId("cohesion-causes"), "Cohesion lowered by 1 failed decision.");
    await text(alliance.locator("[data-draft]").filter({ hasText: "Admit Borovian Federation" }), "Result: Unanimity not met: Kingdom of Calderra (no)");
    await screenshot(team.page, "teamconsole-05-cohesion-causes");
  });

  it("the team's screens show names, never a code in brackets or a code tag beside a name", async () => {
    const body = await team.page.locator("body").innerText();
    expect(body).not.toMatch(/\((ARD|BOR|CAL|DUN|NCP)\)/);
    expect(body).not.toMatch(/\b(ARD|BOR|CAL|DUN|NCP)\b/);
    expect(team.errors).toEqual([]);
  });
});

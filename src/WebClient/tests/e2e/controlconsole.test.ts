import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { text, tab } from "./support/page";
import { GatewayProcess } from "./support/gateway";

/**
 * Exercise control's console and the observer's view, as walked in issue 8: a timeline that reads what happened in
 * play, simulated time in the scenario's own offset, and every news item for observers. Northern Shield: the clock
 * starts at 14 October 2032 05:00 +02:00 with 12-hour turns.
 */

describe("Exercise control's timeline, the scenario's time and the observer's news", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  let control: Participant;
  let observer: Participant;
  let exerciseId = "";
  let controlToken = "";
  let commandCount = 0;

  function send(type: string, args?: unknown): Promise<string | null> {
    return gateway.command(exerciseId, controlToken, `cc-${++commandCount}`, type, args);
  }

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "northern-shield", name: "Control console" });
    exerciseId = created.exerciseId;
    controlToken = (await gateway.post<{ accessToken: string }>("/api/join", { code: created.facilitatorCode })).accessToken;
    const observerCode = (await send("access.issueJoinCode", { role: "observer", label: "Observers" }))!;
    [control, observer] = await Promise.all([newParticipant(browser), newParticipant(browser)]);
    await control.page.goto(`${gateway.url}/?code=${created.facilitatorCode}`);
    await observer.page.goto(`${gateway.url}/?code=${observerCode}`);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  it("shows simulated time in the scenario's offset, labelled, on the clock and on every stamp", async () => {
    await text(control.page.getByTestId("role"), "Exercise control");
    await control.page.getByRole("button", { name: "Start exercise" }).click();
    for (const page of [control.page, observer.page]) {
      await text(page.getByTestId("simulated-time"), "14 Oct 2032, 05:00 UTC+02:00");
    }

    await send("exercise.publishNews", { headline: "Bulletin 1", body: "" });
    await text(observer.page.getByTestId("news-item").getByTestId("exercise-time"), "Turn 1 · planning · 14 Oct 2032, 05:00 UTC+02:00");
    expect(await observer.page.locator("main").innerText()).not.toContain("03:00 UTC");
  });

  it("lets the observer read every news item, newest first, a page at a time", async () => {
    for (let i = 2; i <= 23; i++) {
      await send("exercise.publishNews", { headline: `Bulletin ${i}`, body: "" });
    }

    // 23 bulletins and the scenario's own turn-1 news (the MSEL's first inject), the oldest.
    const items = observer.page.getByTestId("news-item").locator(".headline");
    await text(observer.page.getByTestId("news-count"), "20 of 24 items, newest first");
    expect(await items.allInnerTexts()).toEqual(Array.from({ length: 20 }, (_, i) => `Bulletin ${23 - i}`));
    // All of the page is on the page: no nested scroll box that shows the first few and hides the rest.
    expect(await observer.page.getByTestId("news").evaluate((list) => list.scrollHeight <= list.clientHeight)).toBe(true);
    await observer.page.getByTestId("news-older").click();
    await expect.poll(() => items.count()).toBe(24);
    expect((await items.allInnerTexts()).filter((h) => h.startsWith("Bulletin "))).toEqual(Array.from({ length: 23 }, (_, i) => `Bulletin ${23 - i}`));
    await text(observer.page.getByTestId("news-count"), /^24 items, newest first$/);
    expect(await observer.page.getByTestId("news-older").count()).toBe(0);
    await screenshot(observer.page, "controlconsole-01-observer-all-news");
  });

  it("shows exercise control what happened in play, under the turn and phase, with bookkeeping only on request", async () => {
    const page = control.page;
    await tab(page, "Timeline");
    const timeline = page.getByTestId("timeline");
    await text(timeline, "News: Bulletin 23");
    const lines = await timeline.locator("li").allInnerTexts();
    expect(lines.some((l) => l.includes("Exercise started"))).toBe(true);
    expect(lines.filter((l) => /delivered to nations and alliances|[Jj]oin code|follows the exercise clock|orders open for turn/.test(l))).toEqual([]);
    expect(await timeline.getByTestId("timeline-when").allInnerTexts()).toContain("Turn 1 · planning · 14 Oct 2032, 05:00 UTC+02:00");
    await screenshot(page, "controlconsole-02-timeline-play");

    await page.getByTestId("timeline-bookkeeping").check();
    await expect.poll(() => timeline.locator('li[data-type="access.join-code-issued"]').count()).toBeGreaterThan(0);
    expect(await timeline.locator('li[data-type="exercise.deliveries-completed"]').count()).toBeGreaterThan(0);
    await screenshot(page, "controlconsole-03-timeline-bookkeeping");
  });

  it("lists join codes by what they let their holder do, without internal ids", async () => {
    const page = control.page;
    await tab(page, "Join codes");
    const codes = page.getByTestId("join-codes");
    await text(codes, "Observers");
    const rows = await codes.locator("tbody tr").allInnerTexts();
    expect(rows.some((r) => r.includes("Exercise control") && r.includes("this session"))).toBe(true);
    expect(rows.some((r) => r.includes("Observer") && r.includes("Observers"))).toBe(true);
    expect(rows.filter((r) => /\bcode-\d|facilitator|observer\b/.test(r))).toEqual([]);
  });

  it("puts no error on either console", () => {
    expect(control.errors).toEqual([]);
    expect(observer.errors).toEqual([]);
  });
});

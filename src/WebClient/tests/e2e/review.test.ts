import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newParticipant, screenshot, type Participant } from "./support/browser";
import { GatewayProcess } from "./support/gateway";

/**
 * The after-action review in the browser (issue 7): an exercise of small-test is played through the API (two turns,
 * orders from both teams, a missed order, an adjustment by control), then exercise control and an observer review it.
 * Charts are checked on the data behind them against the gateway's series; the slider against the replay API.
 */

interface Series {
  sequence: number;
  points: { sequence: number; turn: number }[];
  nations: { nation: string; name: string; values: Record<string, number>[] }[];
  negotiations: { title: string; phases: { phase: string; sequence: number }[]; versions: { sequence: number }[]; signatures: { sequence: number }[] }[];
}

const PHASES: Record<string, string> = { convened: "Convened", openingStatements: "Opening statements", bargaining: "Bargaining", drafting: "Drafting", signature: "Signature", inForce: "In force" };

describe("after-action review in the browser", () => {
  const gateway = new GatewayProcess();
  let browser: Browser;
  let control: Participant;
  let observer: Participant;
  let facilitator = "";
  let observerCode = "";
  let exerciseId = "";
  let series: Series;
  let borOrderAt = 0;

  async function join(code: string): Promise<string> {
    return (await gateway.post<{ accessToken: string }>("/api/join", { code })).accessToken;
  }

  async function command(token: string, type: string, args?: unknown): Promise<{ lastSequence: number; output: string | null }> {
    return await gateway.post(`/api/exercises/${exerciseId}/commands`, { commandId: `${type}-${Math.random()}`, type, args }, token);
  }

  async function get<T>(token: string, path: string): Promise<T> {
    const response = await fetch(`${gateway.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status !== 200) {
      throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    }

    return (await response.json()) as T;
  }

  // Adjudication ends in the results phase by itself: wait for it (bounded), outside any test (expect.poll needs one).
  async function waitForPhase(token: string, phase: string, turn: number): Promise<void> {
    for (let tries = 0; tries < 150; tries++) {
      const s = await get<{ exercise: { phase: string; turn: number } }>(token, `/api/exercises/${exerciseId}`);
      if (s.exercise.phase === phase && s.exercise.turn === turn) {
        return;
      }

      await new Promise((r) => setTimeout(r, 100));
    }

    throw new Error(`The exercise did not reach turn ${turn}, ${phase}.`);
  }

  beforeAll(async () => {
    await Promise.all([gateway.start(), launchBrowser().then((b) => (browser = b))]);
    const created = await gateway.post<{ exerciseId: string; facilitatorCode: string }>("/api/exercises", { scenarioId: "small-test", name: "Review exercise", seed: 42 });
    exerciseId = created.exerciseId;
    facilitator = await join(created.facilitatorCode);
    const ardenia = await join((await command(facilitator, "access.issueJoinCode", { role: "team", nation: "ARD" })).output!);
    const borovia = await join((await command(facilitator, "access.issueJoinCode", { role: "team", nation: "BOR" })).output!);
    observerCode = (await command(facilitator, "access.issueJoinCode", { role: "observer" })).output!;

    await command(facilitator, "exercise.start");
    // small-test's border talks (convened at creation): both sides open, Dunmark tables a ceasefire, both sign it.
    const talks = { session: "border-talks" };
    for (const [token, party] of [[ardenia, "ARD"], [borovia, "BOR"]] as const) {
      await command(token, "negotiation.respond", { ...talks, party, accept: true });
    }
    for (const [token, party] of [[ardenia, "ARD"], [borovia, "BOR"]] as const) {
      await command(token, "negotiation.openingStatement", { ...talks, party, text: "We want the border quiet." });
    }
    await command(facilitator, "negotiation.propose", { ...talks, as: "DUN", basedOn: 0, clauses: [{ kind: "ceasefire", id: "ceasefire", nations: ["ARD", "BOR"] }] });
    await command(ardenia, "negotiation.sign", { ...talks, party: "ARD", version: 1 });
    await command(borovia, "negotiation.sign", { ...talks, party: "BOR", version: 1 });
    await command(facilitator, "exercise.advance");
    await waitForPhase(facilitator, "orders", 1);
    await command(ardenia, "nation.submitOrder", { nation: "ARD", orderId: "sanctions", action: { kind: "imposeSanctions", nation: "BOR" } });
    await command(borovia, "nation.submitOrder", { nation: "BOR", orderId: "mobilise", action: { kind: "mobilise" } });
    // A team's replies count only what it may see (docs/visibility.md); the replay slider speaks the log's numbers.
    const log = await get<Array<{ sequence: number; stream: string; event: { $type: string } }>>(facilitator, `/api/exercises/${exerciseId}/events?after=0&max=5000`);
    borOrderAt = log.find((e) => e.stream === "nation/BOR" && e.event.$type === "nation.order-submitted")!.sequence;
    await command(facilitator, "exercise.advance");
    await waitForPhase(facilitator, "results", 1);
    await command(facilitator, "exercise.advance");
    await command(facilitator, "exercise.advance");
    await waitForPhase(facilitator, "orders", 2);
    await command(ardenia, "nation.submitOrder", { nation: "ARD", orderId: "hold", action: { kind: "hold" } });
    await command(facilitator, "exercise.advance");
    await waitForPhase(facilitator, "results", 2);
    await command(facilitator, "exercise.adjustNation", { delta: { nation: "CAL", indices: { economy: -7 }, relations: {} }, reason: "Markets react." });
    await command(facilitator, "exercise.end", { reason: "Time is up." });
    await command(facilitator, "exercise.openReview");
    series = await get<Series>(facilitator, `/api/exercises/${exerciseId}/review/series`);
    control = await newParticipant(browser);
    observer = await newParticipant(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await gateway.dispose();
  });

  async function chartData(page: Page, id: string): Promise<{ x: number[]; lines: { label: string; values: number[] }[] }> {
    const chart = page.getByTestId(`chart-${id}`);
    await chart.waitFor();
    expect(await chart.locator("canvas").count()).toBeGreaterThan(0); // uPlot drew it
    return JSON.parse((await chart.getAttribute("data-series"))!);
  }

  it("exercise control's review tab charts every nation's indices with the series the log gives", async () => {
    const page = control.page;
    await page.goto(`${gateway.url}/?code=${(await command(facilitator, "access.issueJoinCode", { role: "facilitator" })).output}`);
    await page.getByTestId("role").waitFor();
    // Issuing and redeeming that code added events: the series ends at the log's end, so read it again now.
    series = await get<Series>(facilitator, `/api/exercises/${exerciseId}/review/series`);
    await page.getByRole("tab", { name: "Review" }).click();
    await page.getByTestId("review-workspace").waitFor();
    const data = await chartData(page, "indices");
    expect(data.x).toEqual(series.points.map((p) => p.sequence));
    expect(data.lines.map((l) => l.label)).toEqual(series.nations.map((n) => n.name));
    expect(data.lines[2]!.values).toEqual(series.nations[2]!.values.map((v) => v.domesticStability));
    await page.getByLabel("Index").selectOption("economy");
    const economy = await chartData(page, "indices");
    expect(economy.lines.find((l) => l.label === series.nations[2]!.name)!.values).toEqual(series.nations[2]!.values.map((v) => v.economy));
    expect((await chartData(page, "cohesion")).lines).toHaveLength(1);
    await expect.poll(() => page.getByTestId("turn-1").innerText()).toContain("imposeSanctions");
    await expect.poll(() => page.getByTestId("orders-per-turn").innerText()).toContain("(missed)");
    // The border talks from their convening (at the exercise's creation) to the ceasefire in force, on the same axis.
    const negotiations = page.getByTestId("negotiation-charts");
    const timelines = JSON.parse((await negotiations.getAttribute("data-series"))!) as { title: string; segments: { label: string; from: number }[]; marks: { kind: string; sequence: number; label: string }[] }[];
    expect(timelines.map((t) => t.title)).toEqual(series.negotiations.map((n) => n.title));
    const border = series.negotiations[0]!;
    expect(timelines[0]!.segments.map((s) => [s.label, s.from])).toEqual(border.phases.map((p) => [PHASES[p.phase], p.sequence]));
    expect(timelines[0]!.segments.map((s) => s.label)).toEqual(["Convened", "Opening statements", "Bargaining", "Drafting", "Signature", "In force"]);
    expect(timelines[0]!.marks.map((m) => m.label)).toEqual(["Version 1 tabled by DUN (1 clause)", "ARD signed version 1", "BOR signed version 1"]);
    expect(timelines[0]!.marks.map((m) => m.sequence)).toEqual([border.versions[0]!.sequence, ...border.signatures.map((s) => s.sequence)]);
    await expect.poll(() => negotiations.innerText()).toContain("Border talks — ARD, BOR; mediator DUN. 1 version, 2 signatures, 0 breaches");
    await screenshot(page, "review-01-control-charts");
  });

  it("the slider changes what a team saw: BOR's own order appears only from the event it was given", async () => {
    const page = control.page;
    await page.getByTestId("replay-viewer").selectOption("team:BOR");
    const slider = page.getByTestId("replay-slider");
    await slider.fill(String(borOrderAt - 1));
    await expect.poll(() => page.getByTestId("replay-view").getAttribute("data-sequence")).toBe(String(borOrderAt - 1));
    const before = await page.getByTestId("replay-nation-BOR").innerText();
    await slider.focus();
    await page.keyboard.press("ArrowRight"); // one event on
    await expect.poll(() => page.getByTestId("replay-view").getAttribute("data-sequence")).toBe(String(borOrderAt));
    const after = await page.getByTestId("replay-nation-BOR").innerText();
    expect(before).toContain("0 orders");
    expect(after).toContain("1 orders");
    expect(await page.getByTestId("replay-nation-ARD").innerText()).toContain("public view only");
    await page.keyboard.press("PageDown"); // one turn on
    await expect.poll(async () => Number(await page.getByTestId("replay-view").getAttribute("data-sequence"))).toBeGreaterThan(borOrderAt);
    await screenshot(page, "review-02-replay-as-BOR");
  });

  it("an export downloads and parses", async () => {
    const page = control.page;
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export log (JSON Lines)" }).click()]);
    const lines = readFileSync((await download.path())!, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { sequence: number });
    expect(lines.map((l) => l.sequence)).toEqual(Array.from({ length: lines.length }, (_, i) => i + 1));
    expect(lines.length).toBeGreaterThanOrEqual(series.sequence);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export indices per turn (CSV)" }).click()]);
    const rows = readFileSync((await csv.path())!, "utf8").trim().split("\r\n");
    expect(rows[0]).toBe("turn,sequence,nation,militaryStrength,readiness,economy,domesticStability,publicSupport,internationalStanding");
    expect(rows.some((r) => r.startsWith("2,") && r.includes(",CAL,"))).toBe(true);
  });

  it("a fork starts from the replayed event, gets its own code, and plays on", async () => {
    const page = control.page;
    await page.getByTestId("replay-slider").fill(String(borOrderAt));
    await page.getByTestId("fork").click();
    const code = await page.getByTestId("fork-code").innerText();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await screenshot(page, "review-03-fork-created");

    const fork = await newParticipant(browser);
    await fork.page.goto(`${gateway.url}/?code=${code}`);
    await expect.poll(() => fork.page.getByTestId("exercise-status").innerText(), { timeout: 15_000 }).toMatch(/Paused/);
    await fork.page.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => fork.page.getByTestId("exercise-status").innerText()).toMatch(/Running/);
    await expect.poll(() => fork.page.getByTestId("phase").innerText()).toMatch(/Orders/);
    await fork.page.getByTestId("advance").click();
    await expect.poll(() => fork.page.getByTestId("phase").innerText(), { timeout: 15_000 }).toMatch(/Results/);
    await screenshot(fork.page, "review-04-fork-plays-on");
    expect(fork.errors).toEqual([]);
  });

  it("an observer gets the review once it is open, with the same charts", async () => {
    const page = observer.page;
    await page.goto(`${gateway.url}/?code=${observerCode}`);
    await page.getByTestId("review-workspace").waitFor({ timeout: 15_000 });
    const data = await chartData(page, "indices");
    expect(data.lines.map((l) => l.label)).toEqual(series.nations.map((n) => n.name));
    expect(data.lines[0]!.values.slice(0, series.points.length - 1)).toEqual(series.nations[0]!.values.slice(0, -1).map((v) => v.domesticStability));
    expect(await page.getByTestId("fork").count()).toBe(0);
    await screenshot(page, "review-05-observer");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "review-06-print");
    expect(observer.errors).toEqual([]);
    expect(control.errors).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import type { ExerciseSnapshot, NationView, RecordedEvent } from "../../src/api/types";
import { applyEvents, fromSnapshot, needsSnapshot } from "../../src/state/project";
import { describeEvent, parseDuration, toIsoDuration } from "../../src/state/describe";
import { ACTION_COSTS, emptyDraft, toAction } from "../../src/state/actions";

function nation(code: string, withPrivate: boolean): NationView {
  return {
    code,
    name: `Nation ${code}`,
    control: "team",
    neutral: false,
    posture: { mobilised: false, area: "home", facing: null },
    sanctioning: [],
    private: withPrivate
      ? {
          indices: { militaryStrength: 50, readiness: 97, economy: 2, domesticStability: 50, publicSupport: 50, internationalStanding: 50 },
          relations: { DRV: { trust: 20, tension: 55 } },
          actionPointsPerTurn: 4,
          actionPoints: 0,
          ordersTurn: 0,
          ordersOpen: false,
          orders: [],
        }
      : null,
  };
}

function snapshot(): ExerciseSnapshot {
  return {
    exerciseId: "x",
    sequence: 10,
    viewer: { role: "team", nation: "LET", fullView: false },
    exercise: {
      exerciseId: "x",
      name: "Test",
      scenarioId: "s",
      scenarioTitle: "S",
      scenarioDescription: "",
      status: "draft",
      turn: 0,
      maxTurns: 6,
      phase: "planning",
      deadlineAt: null,
      pausedRemaining: null,
      simulatedTime: null,
      turnDuration: "PT12H",
      teams: [],
      reviewOpen: false,
      endReason: null,
      control: null,
    },
    nations: [nation("LET", true), nation("DRV", false)],
    alliances: [],
    recent: [],
  };
}

let seq = 10;
function ev(stream: string, event: Record<string, unknown>): RecordedEvent {
  seq += 1;
  return {
    exerciseId: "x",
    sequence: seq,
    stream,
    streamVersion: seq,
    recordedAt: "2030-01-01T00:00:00Z",
    commandId: null,
    audience: { kind: "public", nations: [] },
    event: event as RecordedEvent["event"],
  };
}

describe("projection of events onto the snapshot", () => {
  it("follows the clock through start, phases, pause, resume and end", () => {
    seq = 10;
    const events = [
      ev("exercise", { $type: "exercise.started" }),
      ev("exercise", { $type: "exercise.turn-started", turn: 1, simulatedStart: "2032-10-14T05:00:00+02:00", simulatedEnd: "x" }),
      ev("exercise", { $type: "exercise.phase-changed", turn: 1, phase: "orders", deadlineAt: "2030-01-01T00:10:00Z" }),
      ev("exercise", { $type: "exercise.paused", remaining: "PT5M" }),
    ];
    let state = applyEvents(fromSnapshot(snapshot()), events, seq);
    expect(state.exercise).toMatchObject({ status: "paused", turn: 1, phase: "orders", deadlineAt: null, pausedRemaining: "PT5M" });
    expect(state.exercise.simulatedTime).toBe("2032-10-14T05:00:00+02:00");
    expect(state.sequence).toBe(14);
    expect(state.timeline.map((e) => e.sequence)).toEqual([11, 12, 13, 14]);

    state = applyEvents(state, [ev("exercise", { $type: "exercise.resumed", deadlineAt: "2030-01-01T00:20:00Z" }), ev("exercise", { $type: "exercise.ended", reason: "Done" })], seq);
    expect(state.exercise).toMatchObject({ status: "ended", endReason: "Done", deadlineAt: null, pausedRemaining: null });
  });

  it("tracks orders and action points like the nation grain", () => {
    seq = 10;
    const order = { orderId: "o1", turn: 1, action: { kind: "mobilise" }, cost: 2 };
    let state = applyEvents(
      fromSnapshot(snapshot()),
      [
        ev("nation/LET", { $type: "nation.orders-opened", turn: 1, actionPoints: 4 }),
        ev("nation/LET", { $type: "nation.order-submitted", order }),
        ev("nation/LET", { $type: "nation.order-submitted", order: { ...order, orderId: "o2", cost: 1, action: { kind: "standDown" } } }),
      ],
      seq,
    );
    const own = () => state.nations.find((n) => n.code === "LET")!.private!;
    expect(own().actionPoints).toBe(1);
    expect(own().orders.map((o) => o.orderId)).toEqual(["o1", "o2"]);

    state = applyEvents(state, [ev("nation/LET", { $type: "nation.order-withdrawn", turn: 1, orderId: "o1" })], seq);
    expect(own().actionPoints).toBe(3);
    expect(own().orders.map((o) => o.orderId)).toEqual(["o2"]);

    // Convening talks spends points without an order.
    state = applyEvents(state, [ev("nation/LET", { $type: "nation.action-points-spent", turn: 1, points: 1, for: "convening talks" })], seq);
    expect(own().actionPoints).toBe(2);
    expect(own().orders.map((o) => o.orderId)).toEqual(["o2"]);

    state = applyEvents(state, [ev("nation/LET", { $type: "nation.orders-closed", turn: 1, orders: [] })], seq);
    expect(own().ordersOpen).toBe(false);
  });

  it("applies a nation change with clamping, posture and sanctions", () => {
    seq = 10;
    const state = applyEvents(
      fromSnapshot(snapshot()),
      [
        ev("nation/LET", {
          $type: "nation.changed",
          cause: "c",
          summary: "s",
          delta: {
            nation: "LET",
            indices: { readiness: 15, economy: -3 },
            relations: { DRV: { toward: "DRV", trust: -25, tension: 10 }, OST: { toward: "OST", trust: 5, tension: 0 } },
            posture: { mobilised: true, area: null, facing: null },
            sanctionsImposed: ["DRV"],
            sanctionsLifted: null,
          },
        }),
      ],
      seq,
    );
    const let_ = state.nations.find((n) => n.code === "LET")!;
    expect(let_.private!.indices.readiness).toBe(100);
    expect(let_.private!.indices.economy).toBe(0);
    expect(let_.private!.relations.DRV).toEqual({ trust: 0, tension: 65 });
    expect(let_.private!.relations.OST).toEqual({ trust: 55, tension: 20 }); // unknown relation starts at 50/20
    expect(let_.posture).toEqual({ mobilised: true, area: "home", facing: null });
    expect(let_.sanctioning).toEqual(["DRV"]);
  });

  it("ignores events at or below its sequence", () => {
    seq = 5;
    const state = applyEvents(fromSnapshot(snapshot()), [ev("exercise", { $type: "exercise.started" })], 6);
    expect(state.exercise.status).toBe("draft");
    expect(state.sequence).toBe(10);
  });

  it("keeps older timeline entries when a fresh snapshot replaces the state", () => {
    seq = 10;
    const first = applyEvents(fromSnapshot(snapshot()), [ev("exercise", { $type: "exercise.started" })], 11);
    const later = { ...snapshot(), sequence: 12, recent: [ev("exercise", { $type: "exercise.paused", remaining: null })] };
    expect(fromSnapshot(later, first).timeline.map((e) => e.sequence)).toEqual([11, 12]);
  });

  it("starts the timeline again when the snapshot numbers events differently (an observer given the full view)", () => {
    seq = 10;
    const observer = { role: "observer" as const, nation: null, fullView: false };
    const first = applyEvents(fromSnapshot({ ...snapshot(), viewer: observer }), [ev("exercise", { $type: "exercise.started" })], 11);
    seq = 40; // the log's own numbers, which count events the observer was not shown before the review
    const reviewing = { ...snapshot(), viewer: { ...observer, fullView: true }, sequence: 41, recent: [ev("exercise", { $type: "exercise.review-opened" })] };
    expect(fromSnapshot(reviewing, first).timeline.map((e) => e.sequence)).toEqual([41]);
  });

  it("asks for a snapshot after alliance events, and after phase changes for viewers who do not see every nation", () => {
    seq = 10;
    const team = { role: "team" as const, nation: "LET", fullView: false };
    const control = { role: "facilitator" as const, nation: null, fullView: false };
    const phase = ev("exercise", { $type: "exercise.phase-changed", turn: 1, phase: "results", deadlineAt: null });
    expect(needsSnapshot([ev("alliance/NSA", { $type: "alliance.vote-cast" })], control)).toBe(true);
    expect(needsSnapshot([phase], team)).toBe(true);
    expect(needsSnapshot([phase], control)).toBe(false);
    expect(needsSnapshot([ev("exercise", { $type: "news.published" })], team)).toBe(false);
  });
});

describe("helpers", () => {
  it("describes events in words", () => {
    seq = 0;
    const name = (c: string) => ({ LET: "Letavia", DRV: "Dravenia" })[c] ?? c;
    expect(describeEvent(ev("nation/LET", { $type: "nation.order-submitted", order: { orderId: "o", turn: 1, cost: 2, action: { kind: "imposeSanctions", nation: "DRV" } } }), name)).toBe(
      "Letavia ordered: Impose sanctions on Dravenia (2 AP)",
    );
    expect(describeEvent(ev("nation/LET", { $type: "nation.action-points-spent", turn: 1, points: 1, for: "convening talks" }), name)).toBe(
      "Letavia spent 1 action point on convening talks",
    );
    // An event kind the client has no sentence for reads as words, never as its wire key.
    expect(describeEvent(ev("exercise", { $type: "something.brand-new" }))).toBe("exercise: brand new");
    expect(describeEvent(ev("alliance/NC", { $type: "alliance.armed-attack-recorded", attackId: "139/attack/NSA", attacker: "DRV", victim: "LET" }), name)).not.toContain("139/attack");
  });

  it("reads and writes ISO 8601 durations", () => {
    expect(parseDuration("PT15M")).toBe(15 * 60_000);
    expect(parseDuration("P1DT6H")).toBe(30 * 3_600_000);
    expect(parseDuration("PT0.5S")).toBe(500);
    expect(toIsoDuration(10 * 60_000)).toBe("PT10M");
    expect(toIsoDuration(90 * 60_000)).toBe("PT1H30M");
  });

  it("builds actions with only the fields of their kind, and costs from the catalog", () => {
    expect(toAction({ ...emptyDraft("liftSanctions"), nation: "DRV", text: "ignored" })).toEqual({ kind: "liftSanctions", nation: "DRV" });
    expect(toAction({ ...emptyDraft("publicStatement"), text: "Calm" })).toEqual({ kind: "publicStatement", tone: "conciliatory", text: "Calm", toward: null });
    expect(ACTION_COSTS.hold).toBe(0);
    expect(ACTION_COSTS.mobilise).toBe(2);
  });
});

describe("durations for people", () => {
  it("reads as days, hours and minutes", async () => {
    const { formatDuration, humanize } = await import("../../src/state/describe");
    expect(formatDuration("PT15M")).toBe("15 min");
    expect(formatDuration("P1DT6H")).toBe("1 d 6 h");
    expect(formatDuration("PT30H")).toBe("1 d 6 h");
    expect(humanize("borderIncident")).toBe("Border incident");
  });
});

describe("history", () => {
  it("adds older events before the timeline, once, in order", async () => {
    const { withHistory } = await import("../../src/state/project");
    seq = 10;
    const state = applyEvents(fromSnapshot(snapshot()), [ev("exercise", { $type: "exercise.started" })], 11);
    const older = [3, 1, 2, 11].map((n) => ({ ...ev("exercise", { $type: "x" }), sequence: n }));
    expect(withHistory(state, older).timeline.map((e) => e.sequence)).toEqual([1, 2, 3, 11]);
    expect(withHistory(withHistory(state, older), older).timeline.length).toBe(4);
  });
});

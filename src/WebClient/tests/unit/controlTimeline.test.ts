import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "../../src/api/types";
import { groupByExerciseTime, isBookkeeping } from "../../src/state/controlTimeline";
import { describeEvent } from "../../src/state/describe";
import { exerciseTimes, formatExerciseTime } from "../../src/state/exerciseTime";

function ev(sequence: number, event: Record<string, unknown>, stream = "exercise"): RecordedEvent {
  return {
    exerciseId: "x",
    sequence,
    stream,
    streamVersion: 0,
    recordedAt: new Date(Date.UTC(2026, 11, 3, 10, 0, sequence)).toISOString(),
    commandId: null,
    audience: { kind: "control", nations: [] },
    event: event as RecordedEvent["event"],
  };
}

// A turn as exercise control's timeline records it: the play, and the engine's bookkeeping around it.
const timeline = [
  ev(1, { $type: "access.join-code-registered" }),
  ev(2, { $type: "exercise.team-assigned", teamName: "Ardenian delegation", nation: "ARD" }),
  ev(3, { $type: "exercise.started" }),
  ev(4, { $type: "exercise.turn-started", turn: 1, simulatedStart: "2032-10-14T05:00:00+02:00" }),
  ev(5, { $type: "exercise.phase-changed", turn: 1, phase: "planning" }),
  ev(6, { $type: "exercise.deliveries-completed", deliveryIds: ["a", "b"] }),
  ev(7, { $type: "alliance.exercise-clock-followed", status: "running", turn: 1, phase: "planning" }, "alliance/NCP"),
  ev(8, { $type: "exercise.phase-changed", turn: 1, phase: "orders" }),
  ev(9, { $type: "nation.orders-opened", turn: 1, actionPoints: 4 }, "nation/ARD"),
  ev(10, { $type: "access.join-code-redeemed" }),
  ev(11, { $type: "news.published", headline: "Troops massing at the border", body: "", source: "exercise control" }),
  ev(12, { $type: "exercise.inject-briefed", title: "Border incident" }),
];
const clock = { turn: 1, phase: "orders" as const, simulatedTime: "2032-10-14T05:00:00+02:00", turnDuration: "PT6H" };

describe("exercise control's timeline reads what happened in play", () => {
  it("counts deliveries, clock follow-ups, join codes, order housekeeping and copies to teams as bookkeeping", () => {
    const play = timeline.filter((e) => !isBookkeeping(e)).map((e) => describeEvent(e));
    expect(play).toEqual([
      "Ardenian delegation plays ARD",
      "Exercise started",
      "Turn 1 began (simulated 14 Oct 2032, 05:00 UTC+02:00)",
      "Turn 1: planning phase",
      "Turn 1: orders phase",
      "News: Troops massing at the border",
    ]);
    expect(timeline.filter(isBookkeeping).map((e) => e.event.$type)).toEqual([
      "access.join-code-registered",
      "exercise.deliveries-completed",
      "alliance.exercise-clock-followed",
      "nation.orders-opened",
      "access.join-code-redeemed",
      "exercise.inject-briefed",
    ]);
  });

  it("groups lines, newest first, under the turn and phase they fell in, in the scenario's time", () => {
    const times = exerciseTimes(timeline, clock);
    const lines = [...timeline].reverse().filter((e) => !isBookkeeping(e)).map((e) => ({ e }));
    const groups = groupByExerciseTime(lines, times);
    expect(groups.map((g) => [formatExerciseTime(g.time), g.entries.map((l) => l.e.sequence)])).toEqual([
      ["Turn 1 · orders · 14 Oct 2032, 05:00 UTC+02:00", [11, 8]],
      ["Turn 1 · planning · 14 Oct 2032, 05:00 UTC+02:00", [5, 4]],
      ["Before the start", [3, 2]],
    ]);
  });
});

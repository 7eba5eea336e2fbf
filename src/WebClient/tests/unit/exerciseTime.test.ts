import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "../../src/api/types";
import { exerciseTimes, formatExerciseTime } from "../../src/state/exerciseTime";

let next = 0;
function ev(sequence: number, event: Record<string, unknown>): RecordedEvent {
  next++;
  return {
    exerciseId: "x",
    sequence,
    stream: "exercise",
    streamVersion: 0,
    recordedAt: new Date(Date.UTC(2026, 11, 3, 10, 0, next)).toISOString(),
    commandId: null,
    audience: { kind: "public", nations: [] },
    event: event as RecordedEvent["event"],
  };
}

// Small-test's clock: turn 1 starts at 2031-03-01 06:00, turns last 12 hours.
const clockAtTurn2Orders = { turn: 2, phase: "orders" as const, simulatedTime: "2031-03-01T18:00:00.000Z", turnDuration: "PT12H" };

describe("event times on the exercise's own clock", () => {
  const timeline = [
    ev(1, { $type: "exercise.team-assigned" }),
    ev(2, { $type: "exercise.started" }),
    ev(3, { $type: "exercise.turn-started", turn: 1, simulatedStart: "2031-03-01T06:00:00Z" }),
    ev(4, { $type: "exercise.phase-changed", turn: 1, phase: "planning" }),
    ev(5, { $type: "news.published", headline: "Before orders" }),
    ev(6, { $type: "exercise.phase-changed", turn: 1, phase: "orders" }),
    ev(7, { $type: "exercise.phase-changed", turn: 1, phase: "adjudication" }),
    ev(8, { $type: "news.published", headline: "Adjudicated" }),
    ev(9, { $type: "exercise.phase-changed", turn: 1, phase: "results" }),
    ev(10, { $type: "exercise.turn-started", turn: 2, simulatedStart: "2031-03-01T18:00:00Z" }),
    ev(11, { $type: "exercise.phase-changed", turn: 2, phase: "planning" }),
    ev(12, { $type: "exercise.phase-changed", turn: 2, phase: "orders" }),
    ev(13, { $type: "news.published", headline: "Now" }),
  ];

  it("stamps each event with the turn, phase and simulated time it fell in, not the room's clock", () => {
    const times = exerciseTimes(timeline, clockAtTurn2Orders);
    expect(formatExerciseTime(times.get(1))).toBe("Before the start");
    expect(formatExerciseTime(times.get(2))).toBe("Before the start");
    expect(formatExerciseTime(times.get(3))).toBe("Turn 1 · planning · 1 Mar 2031, 06:00 UTC");
    expect(formatExerciseTime(times.get(5))).toBe("Turn 1 · planning · 1 Mar 2031, 06:00 UTC");
    expect(formatExerciseTime(times.get(8))).toBe("Turn 1 · adjudication · 1 Mar 2031, 06:00 UTC");
    expect(formatExerciseTime(times.get(10))).toBe("Turn 2 · planning · 1 Mar 2031, 18:00 UTC");
    expect(formatExerciseTime(times.get(13))).toBe("Turn 2 · orders · 1 Mar 2031, 18:00 UTC");
  });

  it("knows the time of events older than every clock event the client holds (a timeline cut by a snapshot)", () => {
    const cut = timeline.slice(4); // starts with the news of turn 1's planning phase
    const times = exerciseTimes(cut, clockAtTurn2Orders);
    expect(formatExerciseTime(times.get(5))).toBe("Turn 1 · planning · 1 Mar 2031, 06:00 UTC");
    const quiet = exerciseTimes(timeline.slice(12), clockAtTurn2Orders); // no clock event at all: all in the current phase
    expect(formatExerciseTime(quiet.get(13))).toBe("Turn 2 · orders · 1 Mar 2031, 18:00 UTC");
  });
});

describe("event times in the scenario's own time zone", () => {
  // Northern-shield's clock: `start: 2032-10-14T05:00:00+02:00`, turns of 6 hours; the server keeps the offset.
  const clock = { turn: 2, phase: "orders" as const, simulatedTime: "2032-10-14T11:00:00+02:00", turnDuration: "PT6H" };

  it("reads every turn in the scenario's offset, labelled, not in UTC", () => {
    const timeline = [
      ev(1, { $type: "exercise.turn-started", turn: 1, simulatedStart: "2032-10-14T05:00:00+02:00" }),
      ev(2, { $type: "exercise.phase-changed", turn: 1, phase: "planning" }),
      ev(3, { $type: "exercise.phase-changed", turn: 1, phase: "orders" }),
      ev(4, { $type: "exercise.phase-changed", turn: 1, phase: "adjudication" }),
      ev(5, { $type: "exercise.phase-changed", turn: 1, phase: "results" }),
      ev(6, { $type: "exercise.turn-started", turn: 2, simulatedStart: "2032-10-14T11:00:00+02:00" }),
      ev(7, { $type: "exercise.phase-changed", turn: 2, phase: "planning" }),
      ev(8, { $type: "exercise.phase-changed", turn: 2, phase: "orders" }),
    ];
    const times = exerciseTimes(timeline, clock);
    expect(formatExerciseTime(times.get(2))).toBe("Turn 1 · planning · 14 Oct 2032, 05:00 UTC+02:00");
    expect(formatExerciseTime(times.get(8))).toBe("Turn 2 · orders · 14 Oct 2032, 11:00 UTC+02:00");
  });
});

import type { ExerciseView, RecordedEvent, TurnPhase } from "../api/types";
import { parseDuration } from "./describe";
import { atOffset, formatSimulated, offsetOf } from "./simulatedTime";

/**
 * Where on the exercise's own clock an event happened: the turn and phase it fell in and that turn's simulated time.
 * Players read times on the exercise's clock (the clock panel shows simulated time), not the wall clock of the room.
 */
export type ExerciseTime = { kind: "inTurn"; turn: number; phase: TurnPhase; simulated: string | null } | { kind: "beforeStart" };

type Clock = Pick<ExerciseView, "turn" | "phase" | "simulatedTime" | "turnDuration">;

const PREVIOUS_PHASE: Record<TurnPhase, TurnPhase> = { planning: "planning", orders: "planning", adjudication: "orders", results: "adjudication" };

/** A turn's simulated start: turns are equally long (InjectRules.TurnStartOffset), counted from the current one. */
function simulatedStart(clock: Clock, turn: number): string | null {
  const step = parseDuration(clock.turnDuration);
  if (!clock.simulatedTime || step === null) {
    return null;
  }

  // Written in the scenario's offset, as the server writes the current one, so it reads in the scenario's local time.
  return atOffset(Date.parse(clock.simulatedTime) - (clock.turn - turn) * step, offsetOf(clock.simulatedTime) ?? 0);
}

function at(clock: Clock, turn: number, phase: TurnPhase): ExerciseTime {
  return turn <= 0 ? { kind: "beforeStart" } : { kind: "inTurn", turn, phase, simulated: simulatedStart(clock, turn) };
}

/**
 * The exercise time of every event of <paramref name="timeline"/> (oldest first, contiguous up to now), by sequence.
 * Worked backwards from the current clock: the clock events (turn started, phase changed) are public, so every viewer
 * holds each one that falls inside its timeline, and an event's time is the clock as it stood just after it.
 */
export function exerciseTimes(timeline: readonly RecordedEvent[], clock: Clock): Map<number, ExerciseTime> {
  const times = new Map<number, ExerciseTime>();
  let current = at(clock, clock.turn, clock.phase);
  for (let i = timeline.length - 1; i >= 0; i--) {
    const recorded = timeline[i]!;
    times.set(recorded.sequence, current);
    const e = recorded.event as Record<string, unknown>;
    if (e.$type === "exercise.turn-started") {
      const turn = e.turn as number;
      current = at(clock, turn - 1, "results");
    } else if (e.$type === "exercise.phase-changed") {
      current = at(clock, e.turn as number, PREVIOUS_PHASE[e.phase as TurnPhase]);
    }
  }

  return times;
}

/** "Turn 2 · orders · 1 Mar 2031, 18:00 UTC" (in the scenario's offset, e.g. "UTC+02:00") or "Before the start". */
export function formatExerciseTime(time: ExerciseTime | undefined): string {
  if (!time) {
    return "—";
  }

  return time.kind === "beforeStart"
    ? "Before the start"
    : [`Turn ${time.turn}`, time.phase, time.simulated ? formatSimulated(time.simulated) : null].filter(Boolean).join(" · ");
}

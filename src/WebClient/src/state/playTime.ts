import type { AllianceClock, ExerciseStatus, RecordedEvent } from "../api/types";
import { parseDuration } from "./describe";

/**
 * Play time, as the alliance grain counts its deadlines (Alliances/Clock/ExerciseTime.cs): wall time with the
 * exercise's pauses taken out, standing still while paused. The alliance's clock (from the last snapshot) holds the
 * pauses it has followed; a pause or resume newer than that is taken from the public clock events the client holds,
 * since the alliance's own note of it is for exercise control only and brings no new snapshot.
 */
export function playNow(clock: AllianceClock, status: ExerciseStatus, timeline: readonly RecordedEvent[], wallNow: number): number {
  let paused = parseDuration(clock.paused) ?? 0;
  let pausedAt = clock.pausedAt ? Date.parse(clock.pausedAt) : null;
  const last = (type: string) => {
    for (let i = timeline.length - 1; i >= 0; i--) {
      if (timeline[i]!.event.$type === type) return Date.parse(timeline[i]!.recordedAt);
    }

    return null;
  };

  if (status === "paused" && pausedAt === null) {
    pausedAt = last("exercise.paused") ?? wallNow;
  } else if (status !== "paused" && pausedAt !== null) {
    const resumedAt = last("exercise.resumed");
    if (resumedAt !== null && resumedAt >= pausedAt) {
      paused += resumedAt - pausedAt;
      pausedAt = null;
    }
  }

  return (pausedAt !== null && pausedAt < wallNow ? pausedAt : wallNow) - paused;
}

/** Whether alliance deadlines stand still: while paused, and for good once the exercise has ended. */
export function deadlinesStand(status: ExerciseStatus): boolean {
  return status === "paused" || status === "ended";
}

import type { RecordedEvent } from "../api/types";
import type { ExerciseTime } from "./exerciseTime";

/**
 * The engine's bookkeeping: how changes travelled between parts of the exercise (deliveries, alliances following
 * the clock), access and listing, per-nation order housekeeping, and the copies of briefs and outcome reports sent to
 * each team (the release or adjudication they copy is on the timeline already). True, but not what happened in play:
 * exercise control's timeline hides them unless asked.
 */
const BOOKKEEPING = new Set([
  "exercise.deliveries-completed",
  "exercise.compliance-reviews-completed",
  "exercise.inject-briefed",
  "exercise.outcome-reported",
  "alliance.exercise-clock-followed",
  "alliance.initialized",
  "nation.initialized",
  "nation.orders-opened",
  "nation.orders-closed",
  "nation.action-points-spent",
  "negotiation.changes-delivered",
]);

const BOOKKEEPING_PREFIXES = ["access.", "catalog."];

export function isBookkeeping(e: RecordedEvent): boolean {
  const type = e.event.$type;
  return BOOKKEEPING.has(type) || BOOKKEEPING_PREFIXES.some((p) => type.startsWith(p));
}

/** A run of timeline entries that fell in the same turn and phase (or before the start), newest first. */
export interface TimelineGroup<T> {
  /** The turn and phase ("2/orders", "before"); unique per group, since the clock only moves forward. */
  key: string;
  time: ExerciseTime | undefined;
  entries: T[];
}

/** Groups newest-first entries by the turn and phase they fell in, keeping their order. */
export function groupByExerciseTime<T extends { e: RecordedEvent }>(entries: readonly T[], times: ReadonlyMap<number, ExerciseTime>): TimelineGroup<T>[] {
  const groups: TimelineGroup<T>[] = [];
  for (const entry of entries) {
    const time = times.get(entry.e.sequence);
    const key = !time ? "unknown" : time.kind === "beforeStart" ? "before" : `${time.turn}/${time.phase}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) {
      last.entries.push(entry);
    } else {
      groups.push({ key, time, entries: [entry] });
    }
  }

  return groups;
}

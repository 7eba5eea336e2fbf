import type { AllianceClock, IsoInstant } from "../../api/types";
import { formatMs } from "../../state/describe";
import { deadlinesStand, playNow } from "../../state/playTime";
import { useExercise, useNow } from "../common";

/**
 * An alliance deadline on the exercise's clock: the play time left ("within 9:41 of play"), which stands still while
 * the exercise is paused, rather than a wall-clock instant that would be wrong after the first pause.
 */
export function PlayDeadline({ at, clock }: { at: IsoInstant | null; clock: AllianceClock | null | undefined }) {
  const { state } = useExercise();
  const now = useNow();
  if (!at) {
    return <span>—</span>;
  }

  const status = state.exercise.status;
  const left = Date.parse(at) - playNow(clock ?? { status: null, turn: 0, phase: "planning", pausedAt: null, paused: "PT0S", changedAt: null }, status, state.timeline, now);
  const note = status === "ended" ? " (the exercise has ended)" : status === "paused" ? " (paused: the clock stands still)" : "";
  return (
    <span data-testid="play-deadline" data-standing={deadlinesStand(status)}>
      {formatMs(left)} of play
      {note}
    </span>
  );
}

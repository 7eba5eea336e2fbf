import type { RecordedEvent } from "../api/types";
import { exerciseTimes, formatExerciseTime, type ExerciseTime } from "../state/exerciseTime";
import { formatClock } from "../state/describe";
import { useExercise } from "./common";

// One computation per timeline (the client replaces the array on every change), shared by every stamp on screen.
const computed = new WeakMap<readonly RecordedEvent[], Map<number, ExerciseTime>>();

/** When an event happened on the exercise's own clock: turn, phase and simulated time (the room's time as a tooltip). */
export function ExerciseTimeStamp({ event }: { event: RecordedEvent }) {
  const { state } = useExercise();
  let times = computed.get(state.timeline);
  if (!times) {
    times = exerciseTimes(state.timeline, state.exercise);
    computed.set(state.timeline, times);
  }

  return (
    <span data-testid="exercise-time" title={`Recorded at ${formatClock(event.recordedAt)} (room time)`}>
      {formatExerciseTime(times.get(event.sequence))}
    </span>
  );
}

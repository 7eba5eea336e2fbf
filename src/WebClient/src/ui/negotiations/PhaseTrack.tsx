import type { NegotiationPhase } from "../../api/negotiationTypes";
import { PHASE_LABELS, PHASE_ROAD } from "../../state/negotiation";

/** Where the talks stand on the road convened → … → in force, and how they ended when they left it. */
export function PhaseTrack({ phase }: { phase: NegotiationPhase }) {
  const reached = PHASE_ROAD.indexOf(phase);
  const offRoad = reached < 0;
  return (
    <ol className="phase-track" aria-label="Phase of the talks">
      {PHASE_ROAD.map((p, i) => (
        <li key={p} data-state={p === phase ? "current" : !offRoad && i < reached ? "done" : "todo"} aria-current={p === phase ? "step" : undefined}>
          {PHASE_LABELS[p]}
        </li>
      ))}
      {offRoad && (
        <li data-state="current" data-ending={phase} aria-current="step">
          {PHASE_LABELS[phase]}
        </li>
      )}
    </ol>
  );
}

import { useMemo } from "react";
import type { ForcePosture } from "../../api/types";
import { useExercise } from "../common";
import { ExerciseTimeStamp } from "../ExerciseTimeStamp";
import { NationsTable, describePosture } from "../Nations";

/**
 * Every nation's public posture (the nations table shows a viewer without private access only where forces are and
 * whom each sanctions: movements and sanctions are observable) and the latest changes to it, as they happen.
 * Indices, relations and orders are private and never part of this view.
 */
export function PublicPostures() {
  const { state, name } = useExercise();
  const changes = useMemo(() => state.timeline.filter((e) => e.event.$type === "nation.posture-changed").reverse().slice(0, 20), [state.timeline]);
  return (
    <>
      <NationsTable />
      <section className="panel" aria-labelledby="posture-changes-title">
        <h2 id="posture-changes-title">Posture changes</h2>
        {changes.length === 0 ? (
          <p className="empty">No nation has moved its forces or changed its sanctions yet.</p>
        ) : (
          <ul className="feed" data-testid="posture-changes">
            {changes.map((e) => {
              const ev = e.event as unknown as { posture: ForcePosture; sanctioning: string[] };
              return (
                <li key={e.sequence} data-testid="posture-change">
                  <div className="meta">
                    <ExerciseTimeStamp event={e} />
                  </div>
                  <div>
                    <strong>{name(e.stream.slice("nation/".length))}</strong>: {describePosture(ev.posture, name)}
                    {ev.sanctioning.length ? `; sanctioning ${ev.sanctioning.map(name).join(", ")}` : ""}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

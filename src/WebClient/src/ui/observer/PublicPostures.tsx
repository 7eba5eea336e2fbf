import { useMemo } from "react";
import type { ForcePosture } from "../../api/types";
import { useExercise } from "../common";
import { ExerciseTimeStamp } from "../ExerciseTimeStamp";
import { describePosture } from "../Nations";

/**
 * Every nation's public posture (where its forces are, whom it sanctions: movements and sanctions are observable),
 * and the latest changes to it. Indices, relations and orders are private and never part of this view.
 */
export function PublicPostures() {
  const { state, name } = useExercise();
  const changes = useMemo(() => state.timeline.filter((e) => e.event.$type === "nation.posture-changed").reverse().slice(0, 20), [state.timeline]);
  return (
    <section className="panel" aria-labelledby="postures-title">
      <h2 id="postures-title">Public postures</h2>
      <div className="table-wrap">
        <table data-testid="public-postures">
          <thead>
            <tr>
              <th scope="col">Nation</th>
              <th scope="col">Forces</th>
              <th scope="col">Sanctioning</th>
            </tr>
          </thead>
          <tbody>
            {state.nations.map((n) => (
              <tr key={n.code} data-nation={n.code}>
                <th scope="row">{n.name}</th>
                <td>{describePosture(n.posture, name)}</td>
                <td>{n.sanctioning.length ? n.sanctioning.map(name).join(", ") : "no one"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changes.length > 0 && (
        <>
          <h3 style={{ marginTop: 16 }}>Latest changes</h3>
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
        </>
      )}
    </section>
  );
}

import { useEffect, useState, type KeyboardEvent } from "react";
import type { Session } from "../api/http";
import { reviewApi, type ReviewSeries } from "../api/review";
import type { ExerciseSnapshot } from "../api/types";
import { describeEvent } from "../state/describe";
import { DataTable } from "./common/DataTable";

/**
 * "As X at event N": a slider over the log and a viewer picker; shows what that viewer saw then (the gateway's
 * replay). Arrow keys step one event (the slider's own keys); Page Up / Page Down step one turn.
 */
export function ReplayPanel({ session, series, at, onAt }: { session: Session; series: ReviewSeries; at: number; onAt: (n: number) => void }) {
  const [viewer, setViewer] = useState("facilitator");
  const [snapshot, setSnapshot] = useState<ExerciseSnapshot | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const viewers = [
    { id: "facilitator", label: "Exercise control" },
    { id: "observer", label: "Observer (public view)" },
    ...series.nations.map((n) => ({ id: `team:${n.nation}`, label: `Team ${n.name}` })),
  ];

  useEffect(() => {
    let current = true;
    reviewApi
      .replay(session, at, viewer)
      .then((s) => current && (setSnapshot(s), setProblem(null)))
      .catch((e: Error) => current && setProblem(e.message));
    return () => {
      current = false;
    };
  }, [session, at, viewer]);

  const turnStarts = series.points.filter((p, i) => i === 0 || p.turn !== series.points[i - 1]?.turn).map((p) => p.sequence);
  const stepTurn = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "PageDown") {
      event.preventDefault();
      onAt(turnStarts.find((s) => s > at) ?? series.sequence);
    } else if (event.key === "PageUp") {
      event.preventDefault();
      onAt([...turnStarts].reverse().find((s) => s < at) ?? 0);
    }
  };

  return (
    <section className="panel replay" aria-label="Replay">
      <h2>Replay: who knew what, when</h2>
      <div className="row">
        <label>
          As{" "}
          <select value={viewer} onChange={(e) => setViewer(e.target.value)} data-testid="replay-viewer">
            {viewers.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          At event <output data-testid="replay-at">{at}</output> of {series.sequence}
          <input type="range" min={0} max={series.sequence} value={at} onChange={(e) => onAt(Number(e.target.value))} onKeyDown={stepTurn} data-testid="replay-slider" aria-label="Event" />
        </label>
      </div>
      {problem && <p className="problem">{problem}</p>}
      {snapshot && (
        <div data-testid="replay-view" data-sequence={snapshot.sequence} data-viewer={viewer}>
          <p>
            Turn {snapshot.exercise.turn}, {snapshot.exercise.phase} phase — {snapshot.recent.length} events visible to this viewer.
          </p>
          <DataTable
            scroll={false}
            rows={snapshot.nations}
            rowKey={(n) => n.code}
            rowAttributes={(n) => ({ "data-testid": `replay-nation-${n.code}` })}
            columns={[
              { header: "Nation", cell: (n) => n.name },
              { header: "Posture", cell: (n) => (n.posture.mobilised ? "mobilised" : "not mobilised") },
              {
                header: "What this viewer knew of it",
                cell: (n) => (n.private ? `economy ${n.private.indices.economy}, stability ${n.private.indices.domesticStability}, ${n.private.orders.length} orders` : "public view only"),
              },
            ]}
          />
          <ol className="replay-events" data-testid="replay-events">
            {snapshot.recent.slice(-8).map((e) => (
              <li key={e.sequence} value={e.sequence}>
                {describeEvent(e)}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

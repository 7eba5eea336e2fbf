import { useEffect, useState } from "react";
import { reviewApi, type ForkCreated, type ReviewSeries, type TurnSummary } from "../api/review";
import { NegotiationCharts } from "./NegotiationCharts";
import { ReplayPanel } from "./ReplayPanel";
import { ReviewCharts } from "./ReviewCharts";
import { TurnSummaries } from "./TurnSummaries";
import { useExercise } from "./common";

/**
 * The after-action review: charts from the log, the replay slider, turn summaries, exports, a print layout and (for
 * exercise control) forking at the replayed event. Loaded on demand: the live console does not pay for it.
 */
export function ReviewWorkspace() {
  const { session, state } = useExercise();
  const [series, setSeries] = useState<ReviewSeries | null>(null);
  const [turns, setTurns] = useState<TurnSummary[]>([]);
  const [at, setAt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [fork, setFork] = useState<ForkCreated | null>(null);
  const [newSeed, setNewSeed] = useState(false);
  const control = state.viewer.role === "facilitator";

  useEffect(() => {
    Promise.all([reviewApi.series(session), reviewApi.turns(session)])
      .then(([s, t]) => {
        setSeries(s);
        setTurns(t);
        setAt(s.sequence);
      })
      .catch((e: Error) => setProblem(e.message));
  }, [session]);

  const run = (action: () => Promise<unknown>) => () => void action().catch((e: Error) => setProblem(e.message));

  if (problem && !series) {
    return <p className="problem">{problem}</p>;
  }

  if (!series) {
    return <p className="empty">Loading the review…</p>;
  }

  return (
    <div className="review" data-testid="review-workspace">
      <div className="row no-print review-actions">
        <button type="button" onClick={run(() => reviewApi.download(session, "log.jsonl"))}>
          Export log (JSON Lines)
        </button>
        <button type="button" onClick={run(() => reviewApi.download(session, "events.csv"))}>
          Export events (CSV)
        </button>
        <button type="button" onClick={run(() => reviewApi.download(session, "indices.csv"))}>
          Export indices per turn (CSV)
        </button>
        <button type="button" onClick={() => window.print()}>
          Print report
        </button>
        {control && (
          <>
            <label>
              <input type="checkbox" checked={newSeed} onChange={(e) => setNewSeed(e.target.checked)} /> new seed
            </label>
            <button type="button" data-testid="fork" onClick={run(async () => setFork(await reviewApi.fork(session, at, newSeed ? Math.floor(Math.random() * 2 ** 31) : null)))}>
              Fork a new exercise from event {at}
            </button>
          </>
        )}
      </div>
      {problem && <p className="problem">{problem}</p>}
      {fork && (
        <p className="notice" data-testid="fork-created">
          “{fork.name}” starts from event {fork.at}, paused. Its exercise control code (shown once):{" "}
          <code data-testid="fork-code">{fork.facilitatorCode}</code> — <a href={`/?code=${fork.facilitatorCode}`}>open it</a>
        </p>
      )}
      <ReviewCharts series={series} />
      <NegotiationCharts series={series} />
      <div className="no-print">
        <ReplayPanel session={session} series={series} at={at} onAt={setAt} />
      </div>
      <TurnSummaries turns={turns} onJump={setAt} />
    </div>
  );
}

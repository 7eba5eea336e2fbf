import type { TurnSummary } from "../api/review";
import { INDEX_LABELS } from "../state/describe";
import type { NationIndex } from "../api/types";

/** For each turn: what was ordered, what happened, what changed most, decisions taken. */
export function TurnSummaries({ turns, onJump }: { turns: TurnSummary[]; onJump: (sequence: number) => void }) {
  return (
    <section className="panel turn-summaries" aria-label="Turn summaries">
      <h2>Turn by turn</h2>
      {turns.map((t) => (
        <article key={t.turn} className="turn-summary" data-testid={`turn-${t.turn}`}>
          <h3>
            {t.turn === 0 ? "Set-up" : `Turn ${t.turn}`}{" "}
            <button type="button" className="link no-print" onClick={() => onJump(t.lastSequence)}>
              replay its end (event {t.lastSequence})
            </button>
          </h3>
          {t.orders.length > 0 && (
            <>
              <h4>Ordered</h4>
              <ul>
                {t.orders.map((o) => (
                  <li key={`${o.nation}/${o.orderId}`}>
                    {o.nation}: {o.action}
                    {o.target ? ` → ${o.target}` : ""} — {o.success === null ? "not adjudicated" : o.success ? "succeeded" : "failed"}
                    {o.outcome ? `: ${o.outcome}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          {t.happened.length > 0 && (
            <>
              <h4>Happened</h4>
              <ul>
                {t.happened.map((h, i) => (
                  <li key={i}>{h}</li>
                ))}
              </ul>
            </>
          )}
          {t.changedMost.length > 0 && (
            <>
              <h4>Changed most</h4>
              <ul>
                {t.changedMost.map((c) => (
                  <li key={`${c.nation}/${c.index}`}>
                    {c.nation} {INDEX_LABELS[c.index as NationIndex] ?? c.index}: {c.from} → {c.to}
                  </li>
                ))}
              </ul>
            </>
          )}
          {t.decisions.length > 0 && (
            <>
              <h4>Decisions</h4>
              <ul>
                {t.decisions.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </>
          )}
        </article>
      ))}
    </section>
  );
}

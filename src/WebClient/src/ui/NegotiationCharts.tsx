import type { ReviewSeries } from "../api/review";
import { negotiationTimeline } from "../state/negotiationTimeline";

/**
 * Each negotiation session over the exercise: a strip of its phases along the same event axis as the other charts,
 * with versions, signatures and breaches marked on it and listed below. The data behind it is on the element.
 */
export function NegotiationCharts({ series }: { series: ReviewSeries }) {
  const start = series.points[0]?.sequence ?? 0;
  const timelines = (series.negotiations ?? []).map((n) => negotiationTimeline(n, start, series.sequence));
  if (timelines.length === 0) {
    return null;
  }

  return (
    <section className="panel negotiation-charts" aria-label="Negotiations" data-testid="negotiation-charts" data-series={JSON.stringify(timelines)}>
      <h3>Negotiations</h3>
      {timelines.map((t) => (
        <figure key={t.session} className="negotiation-timeline">
          <figcaption>
            <strong>{t.title}</strong> — {t.who}. {t.versions} {t.versions === 1 ? "version" : "versions"}, {t.signatures} {t.signatures === 1 ? "signature" : "signatures"}, {t.breaches}{" "}
            {t.breaches === 1 ? "breach" : "breaches"}
            {t.breaches > t.breachesUpheld ? ` (${t.breaches - t.breachesUpheld} ruled unfounded)` : ""}
          </figcaption>
          <div className="phase-strip">
            {t.segments.map((s) => (
              <span
                key={s.from}
                className={`phase phase-${s.phase}`}
                style={{ width: `${(s.share * 100).toFixed(2)}%` }}
                title={`${s.label} from event ${s.from} (turn ${s.turn}): ${s.reason}`}
              >
                {s.label}
              </span>
            ))}
            {t.marks.map((m, i) => (
              <span key={`${m.kind}-${i}`} className={`mark mark-${m.kind}`} style={{ left: `${(m.position * 100).toFixed(2)}%` }} title={`Event ${m.sequence}, turn ${m.turn}: ${m.label}`} />
            ))}
          </div>
          {t.marks.length > 0 && (
            <ol className="negotiation-marks">
              {t.marks.map((m, i) => (
                <li key={`${m.kind}-${i}`} className={`mark-${m.kind}`}>
                  Turn {m.turn}, event {m.sequence}: {m.label}
                </li>
              ))}
            </ol>
          )}
        </figure>
      ))}
    </section>
  );
}

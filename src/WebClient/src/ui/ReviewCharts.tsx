import { useEffect, useRef, useState } from "react";
// uPlot: ~50 KB minified, no dependencies, draws tens of thousands of points on a canvas in milliseconds, and is
// actively maintained — a better fit for time series on a review screen than SVG libraries ten times its size.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ReviewMarker, ReviewSeries } from "../api/review";
import { NATION_INDICES, type NationIndex } from "../api/types";
import { INDEX_LABELS } from "../state/describe";
import { DataTable, type Column } from "./common/DataTable";

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f"];
const MARKER_COLOURS: Record<ReviewMarker["kind"], string> = { inject: "#c0392b", decision: "#27ae60", override: "#8e44ad" };

interface Line {
  label: string;
  values: number[];
}

/** Vertical lines at injects, decisions and overrides, so a change in a line can be read against what caused it. */
function markersPlugin(markers: ReviewMarker[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          ctx.save();
          for (const marker of markers) {
            const x = Math.round(u.valToPos(marker.sequence, "x", true));
            ctx.strokeStyle = MARKER_COLOURS[marker.kind];
            ctx.setLineDash([4, 4]);
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
          }

          ctx.restore();
        },
      ],
    },
  };
}

/** One time-series chart over the log's sequence numbers; its data is on the element for tests and for the curious. */
export function SeriesChart({ id, title, x, lines, markers }: { id: string; title: string; x: number[]; lines: Line[]; markers: ReviewMarker[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || x.length === 0) {
      return;
    }

    const plot = new uPlot(
      {
        width: Math.max(320, host.current.clientWidth || 640),
        height: 220,
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [{ label: "event" }, {}],
        series: [{ label: "event" }, ...lines.map((l, i) => ({ label: l.label, stroke: COLOURS[i % COLOURS.length], width: 2 }))],
        plugins: [markersPlugin(markers)],
      },
      [x, ...lines.map((l) => l.values)],
      host.current,
    );
    return () => plot.destroy();
  }, [x, lines, markers]);

  return (
    <figure className="chart" data-testid={`chart-${id}`} data-series={JSON.stringify({ x, lines })}>
      <figcaption>{title}</figcaption>
      <div ref={host} />
    </figure>
  );
}

/** Indices per nation (one index at a time), tension between the chosen pair, and alliance cohesion. */
export function ReviewCharts({ series }: { series: ReviewSeries }) {
  const [index, setIndex] = useState<NationIndex>("domesticStability");
  const pairs = series.relations.map((r) => `${r.from}→${r.to}`);
  const [pair, setPair] = useState(pairs[0] ?? "");
  const x = series.points.map((p) => p.sequence);
  const relation = series.relations.find((r) => `${r.from}→${r.to}` === pair);

  return (
    <section className="panel review-charts" aria-label="Charts">
      <div className="row">
        <label>
          Index{" "}
          <select value={index} onChange={(e) => setIndex(e.target.value as NationIndex)}>
            {NATION_INDICES.map((i) => (
              <option key={i} value={i}>
                {INDEX_LABELS[i]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Pair{" "}
          <select value={pair} onChange={(e) => setPair(e.target.value)}>
            {pairs.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <span className="legend">
          Marked: <span style={{ color: MARKER_COLOURS.inject }}>injects</span>, <span style={{ color: MARKER_COLOURS.decision }}>decisions</span>,{" "}
          <span style={{ color: MARKER_COLOURS.override }}>overrides</span>
        </span>
      </div>
      <SeriesChart id="indices" title={`${INDEX_LABELS[index]} by nation`} x={x} markers={series.markers} lines={series.nations.map((n) => ({ label: n.name, values: n.values.map((v) => v[index]) }))} />
      {relation && (
        <SeriesChart
          id="relation"
          title={`Trust and tension, ${pair}`}
          x={x}
          markers={series.markers}
          lines={[
            { label: "trust", values: relation.trust },
            { label: "tension", values: relation.tension },
          ]}
        />
      )}
      {series.cohesion.length > 0 && <SeriesChart id="cohesion" title="Alliance cohesion" x={x} markers={series.markers} lines={series.cohesion.map((c) => ({ label: c.name, values: c.values }))} />}
      <DataTable
        testId="orders-per-turn"
        scroll={false}
        caption="Orders per turn (missed orders in brackets)"
        rows={series.orders}
        rowKey={(t) => t.turn}
        columns={[
          { header: "Turn", cell: (t) => t.turn },
          ...series.nations.map((n): Column<(typeof series.orders)[number]> => ({ header: n.name, cell: (t) => (t.missed.includes(n.nation) ? "(missed)" : (t.orders[n.nation] ?? 0)) })),
        ]}
      />
      {series.decisions.length > 0 && (
        <DataTable
          testId="decisions"
          scroll={false}
          caption="Alliance decisions"
          rows={series.decisions}
          rowKey={(d) => `${d.alliance}/${d.draftId}`}
          columns={[
            { header: "Alliance", cell: (d) => d.alliance },
            { header: "Draft", cell: (d) => d.kind },
            { header: "Outcome", cell: (d) => d.status },
            { header: "Minutes to decide", cell: (d) => d.minutesToDecide ?? "—" },
            { header: "Votes", cell: (d) => Object.entries(d.votes).map(([m, v]) => `${m}: ${v}`).join(", ") || "—" },
            { header: "Silent", cell: (d) => d.silent.join(", ") || "—" },
          ]}
        />
      )}
      {series.overrides.length > 0 && (
        <ul data-testid="overrides">
          {series.overrides.map((o) => (
            <li key={o.sequence}>
              Turn {o.turn}: {o.what} ({o.nation}) — {o.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

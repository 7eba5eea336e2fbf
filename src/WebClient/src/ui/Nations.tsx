import type { ForcePosture, NationView } from "../api/types";
import { NATION_INDICES } from "../api/types";
import { INDEX_LABELS, INDEX_SHORT } from "../state/describe";
import { IndexBars, useExercise } from "./common";

/** "Home", "Mobilised · border facing DRV": short enough for a table cell. */
export function shortPosture(p: ForcePosture): string {
  const where = p.area === "home" ? "home" : p.area === "border" ? `border${p.facing ? ` facing ${p.facing}` : ""}` : `deployed${p.facing ? ` to ${p.facing}` : ""}`;
  return p.mobilised ? `Mobilised · ${where}` : where.charAt(0).toUpperCase() + where.slice(1);
}

export function describePosture(p: ForcePosture, name: (c: string) => string): string {
  const where = p.area === "home" ? "forces at home" : p.area === "border" ? `forces at the border${p.facing ? ` facing ${name(p.facing)}` : ""}` : `forces deployed${p.facing ? ` to ${name(p.facing)}` : " to an ally"}`;
  return `${p.mobilised ? "Mobilised" : "Not mobilised"}, ${where}`;
}

function teamOf(code: string, teams: { nation: string; teamName: string }[]): string {
  return teams.find((t) => t.nation === code)?.teamName ?? "—";
}

/** Every nation. Exercise control sees all indices and action points; others see the public part only. */
export function NationsTable() {
  const { state, name } = useExercise();
  const withPrivate = state.nations.some((n) => n.private);
  return (
    <section className="panel" aria-labelledby="nations-title">
      <h2 id="nations-title">Nations</h2>
      <div className="table-wrap">
        <table data-testid="nations-table">
          <thead>
            <tr>
              <th scope="col">Nation</th>
              <th scope="col">Played by</th>
              <th scope="col">Forces</th>
              <th scope="col">Sanctioning</th>
              {withPrivate &&
                NATION_INDICES.map((i) => (
                  <th key={i} scope="col" className="num">
                    <abbr title={INDEX_LABELS[i]}>{INDEX_SHORT[i]}</abbr>
                  </th>
                ))}
              {withPrivate && (
                <th scope="col" className="num">
                  Action points
                </th>
              )}
              {withPrivate && <th scope="col">Orders this turn</th>}
            </tr>
          </thead>
          <tbody>
            {state.nations.map((n) => (
              <tr key={n.code} data-nation={n.code}>
                <th scope="row">
                  {n.name} <span className="tag">{n.code}</span> {n.neutral && <span className="tag">neutral</span>}{" "}
                  {n.control !== "team" && <span className="tag">played by control</span>}
                </th>
                <td>{teamOf(n.code, state.exercise.teams)}</td>
                <td title={describePosture(n.posture, name)}>{shortPosture(n.posture)}</td>
                <td>{n.sanctioning.length ? n.sanctioning.map(name).join(", ") : "—"}</td>
                {withPrivate &&
                  NATION_INDICES.map((i) => (
                    <td key={i} className="num">
                      {n.private ? n.private.indices[i] : "—"}
                    </td>
                  ))}
                {withPrivate && <td className="num">{n.private ? `${n.private.actionPoints} / ${n.private.actionPointsPerTurn}` : "—"}</td>}
                {withPrivate && <td>{n.private ? (n.private.orders.length ? n.private.orders.length : n.private.ordersOpen ? "none yet" : "—") : "—"}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withPrivate && <RelationsMatrix nations={state.nations} />}
    </section>
  );
}

/** Trust / tension of each nation (row) toward each other nation (column). */
function RelationsMatrix({ nations }: { nations: NationView[] }) {
  return (
    <details open>
      <summary>Relations (trust / tension, row toward column)</summary>
      <div className="table-wrap">
        <table className="matrix" data-testid="relations-matrix">
          <thead>
            <tr>
              <th scope="col">From \ toward</th>
              {nations.map((n) => (
                <th key={n.code} scope="col">
                  {n.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {nations.map((row) => (
              <tr key={row.code}>
                <th scope="row">{row.code}</th>
                {nations.map((col) => {
                  if (col.code === row.code) {
                    return <td key={col.code} className="self" aria-label="same nation" />;
                  }

                  const r = row.private?.relations[col.code];
                  return (
                    <td key={col.code} title={`${row.name} toward ${col.name}`}>
                      {r ? (
                        <>
                          {r.trust} / <span className={r.tension >= 60 ? "tension-high" : ""}>{r.tension}</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The team's own nation: its private state. */
export function OwnNation({ nation }: { nation: NationView }) {
  const { name, state } = useExercise();
  const own = nation.private;
  return (
    <section className="panel" aria-labelledby="own-title" data-testid="own-nation">
      <h2 id="own-title">
        {nation.name}
      </h2>
      {own ? (
        <>
          <IndexBars indices={own.indices} label={`${nation.name} indices`} />
          <dl className="facts" style={{ marginTop: 14 }}>
            <dt>Action points</dt>
            <dd data-testid="action-points">
              {own.ordersTurn === state.exercise.turn ? (
                <>
                  <span className="ap">{own.actionPoints}</span> of {own.actionPointsPerTurn} this turn
                </>
              ) : (
                <>{own.actionPointsPerTurn} per turn, from the orders phase</>
              )}
            </dd>
            <dt>Posture</dt>
            <dd>{describePosture(nation.posture, name)}</dd>
            <dt>Sanctioning</dt>
            <dd>{nation.sanctioning.length ? nation.sanctioning.map(name).join(", ") : "no one"}</dd>
          </dl>
          <h3 style={{ marginTop: 16 }}>Relations</h3>
          <div className="table-wrap">
            <table data-testid="own-relations">
              <thead>
                <tr>
                  <th scope="col">Toward</th>
                  <th scope="col" className="num">
                    Trust
                  </th>
                  <th scope="col" className="num">
                    Tension
                  </th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(own.relations).map(([code, r]) => (
                  <tr key={code}>
                    <td>{name(code)}</td>
                    <td className="num">{r.trust}</td>
                    <td className={`num${r.tension >= 60 ? " tension-high" : ""}`}>{r.tension}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="empty">Your nation's private state is not visible.</p>
      )}
    </section>
  );
}

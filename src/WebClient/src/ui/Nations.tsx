import type { ForcePosture, NationView } from "../api/types";
import { NATION_INDICES } from "../api/types";
import { INDEX_LABELS, INDEX_SHORT } from "../state/describe";
import { IndexBars, useExercise } from "./common";
import { DataTable, type Column } from "./common/DataTable";

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

/** The columns of the nations table: public ones for everyone, indices and action points when private state is shown. */
function nationColumns(withPrivate: boolean, teams: { nation: string; teamName: string }[], name: (c: string) => string): Column<NationView>[] {
  const columns: Column<NationView>[] = [
    {
      header: "Nation",
      rowHeader: true,
      cell: (n) => (
        <>
          {n.name} <span className="tag">{n.code}</span> {n.neutral && <span className="tag">neutral</span>}{" "}
          {n.control !== "team" && <span className="tag">played by control</span>}
        </>
      ),
    },
    { header: "Played by", cell: (n) => teamOf(n.code, teams) },
    { header: "Forces", cell: (n) => shortPosture(n.posture), cellTitle: (n) => describePosture(n.posture, name) },
    { header: "Sanctioning", cell: (n) => (n.sanctioning.length ? n.sanctioning.map(name).join(", ") : "—") },
  ];
  if (!withPrivate) {
    return columns;
  }

  return [
    ...columns,
    ...NATION_INDICES.map(
      (i): Column<NationView> => ({ header: <abbr title={INDEX_LABELS[i]}>{INDEX_SHORT[i]}</abbr>, numeric: true, cell: (n) => (n.private ? n.private.indices[i] : "—") }),
    ),
    { header: "Action points", numeric: true, cell: (n) => (n.private ? `${n.private.actionPoints} / ${n.private.actionPointsPerTurn}` : "—") },
    { header: "Orders this turn", cell: (n) => (n.private ? (n.private.orders.length ? n.private.orders.length : n.private.ordersOpen ? "none yet" : "—") : "—") },
  ];
}

/** Every nation. Exercise control sees all indices and action points; others see the public part only. */
export function NationsTable() {
  const { state, name } = useExercise();
  const withPrivate = state.nations.some((n) => n.private);
  return (
    <section className="panel" aria-labelledby="nations-title">
      <h2 id="nations-title">Nations</h2>
      <DataTable
        testId="nations-table"
        columns={nationColumns(withPrivate, state.exercise.teams, name)}
        rows={state.nations}
        rowKey={(n) => n.code}
        rowAttributes={(n) => ({ "data-nation": n.code })}
      />
      {withPrivate && <RelationsMatrix nations={state.nations} />}
    </section>
  );
}

function RelationCell({ row, col }: { row: NationView; col: NationView }) {
  if (row.code === col.code) {
    return <span className="visually-hidden">same nation</span>;
  }

  const r = row.private?.relations[col.code];
  return r ? (
    <>
      {r.trust} / <span className={r.tension >= 60 ? "tension-high" : ""}>{r.tension}</span>
    </>
  ) : (
    "—"
  );
}

/** Trust / tension of each nation (row) toward each other nation (column). */
function RelationsMatrix({ nations }: { nations: NationView[] }) {
  return (
    <details open>
      <summary>Relations (trust / tension, row toward column)</summary>
      <DataTable
        testId="relations-matrix"
        className="matrix"
        rows={nations}
        rowKey={(row) => row.code}
        columns={[
          { header: "From \\ toward", rowHeader: true, cell: (row) => row.code },
          ...nations.map(
            (col): Column<NationView> => ({
              header: col.code,
              cellClass: (row) => (row.code === col.code ? "self" : undefined),
              cellTitle: (row) => (row.code === col.code ? undefined : `${row.name} toward ${col.name}`),
              cell: (row) => <RelationCell row={row} col={col} />,
            }),
          ),
        ]}
      />
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
          <DataTable
            testId="own-relations"
            rows={Object.entries(own.relations)}
            rowKey={([code]) => code}
            columns={[
              { header: "Toward", cell: ([code]) => name(code) },
              { header: "Trust", numeric: true, cell: ([, r]) => r.trust },
              { header: "Tension", numeric: true, cell: ([, r]) => r.tension, cellClass: ([, r]) => (r.tension >= 60 ? "tension-high" : undefined) },
            ]}
          />
        </>
      ) : (
        <p className="empty">Your nation's private state is not visible.</p>
      )}
    </section>
  );
}

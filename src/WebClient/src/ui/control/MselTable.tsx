import type { InjectDefinition, MselEntry } from "../../api/types";
import { describeCondition } from "../../state/describeCondition";
import { describeDelta, formatDuration, humanize } from "../../state/describe";
import { ProblemNote, useCommand, useExercise } from "../common";
import { DataTable, type Column } from "../common/DataTable";
import { ReleaseInjectButton } from "./ReleaseInjectButton";

/** When an inject goes out, in words: by hand, at a turn, after a time or when a condition holds. */
function schedule(inject: InjectDefinition, name: (c: string) => string): string {
  const s = inject.schedule;
  if (s.isManual) return "Manual";
  if (s.turn !== null) return `Turn ${s.turn}`;
  if (s.at) return `At +${formatDuration(s.at)}${s.when ? `, then when ${describeCondition(s.when, name)}` : ""}`;
  if (s.when) return `When ${describeCondition(s.when, name)}`;
  return "—";
}

function targets(inject: InjectDefinition, name: (c: string) => string): string {
  if (inject.targets.all) return "All";
  return [...inject.targets.nations.map(name), ...inject.targets.teams.map((t) => `team ${t}`)].join(", ") || "—";
}

/** The inject's title, opening to its brief, news and effects. */
function InjectSummary({ inject, name }: { inject: InjectDefinition; name: (c: string) => string }) {
  return (
    <details>
      <summary>{inject.title}</summary>
      <div className="hint mono">{inject.id}</div>
      {inject.brief && <p>{inject.brief}</p>}
      {inject.news && <p>News: “{inject.news.headline}”</p>}
      {inject.effects.map((e, i) => (
        <div key={i} className="hint">
          {name(e.nation)}: {describeDelta({ nation: e.nation, indices: e.indices, relations: Object.fromEntries(e.relations.map((r) => [r.toward, r])) }, name)}
        </div>
      ))}
    </details>
  );
}

/** The master scenario events list with what has been released, and "Release" for the rest. */
export function MselTable() {
  const { state, name } = useExercise();
  const { run, busy, problem } = useCommand();
  const msel = state.exercise.control?.msel ?? [];
  const columns: Column<MselEntry>[] = [
    { header: "Inject", cell: ({ inject }) => <InjectSummary inject={inject} name={name} /> },
    { header: "Kind", cell: ({ inject }) => humanize(inject.kind) },
    { header: "Schedule", cell: ({ inject }) => schedule(inject, name) },
    { header: "Targets", cell: ({ inject }) => targets(inject, name) },
    { header: "Status", cell: ({ released }) => (released ? <span className="tag ok">Released</span> : <span className="tag">Pending</span>) },
    {
      header: "Actions",
      hideHeader: true,
      cell: ({ inject, released }) =>
        !released && <ReleaseInjectButton inject={inject} busy={busy} release={() => void run("exercise.releaseInject", { injectId: inject.id })} />,
    },
  ];
  return (
    <section className="panel" aria-labelledby="msel-title">
      <header>
        <h2 id="msel-title">Master scenario events list (MSEL)</h2>
        <span className="hint">
          {msel.filter((m) => m.released).length} of {msel.length} released
        </span>
      </header>
      <ProblemNote problem={problem} />
      <DataTable
        testId="msel"
        columns={columns}
        rows={msel}
        rowKey={({ inject }) => inject.id}
        rowAttributes={({ inject, released }) => ({ className: released ? "released" : "", "data-inject": inject.id })}
      />
    </section>
  );
}

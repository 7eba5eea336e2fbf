import { useMemo, useState } from "react";
import type { Outcome } from "../../api/types";
import { describeAction } from "../../state/actions";
import { describeDelta } from "../../state/describe";
import { useExercise } from "../common";
import { DataTable, type Column } from "../common/DataTable";
import { OverrideForm } from "./OverrideForm";

/** Adjudicated outcomes, newest turn first, each with "Override" (replacement index changes and a reason). */
export function OutcomesTable() {
  const { state, name } = useExercise();
  const outcomes = useMemo(() => [...(state.exercise.control?.outcomes ?? [])].reverse(), [state.exercise.control?.outcomes]);
  const [editing, setEditing] = useState<string | null>(null);
  const columns: Column<Outcome>[] = [
    { header: "Turn", cell: (o) => o.turn },
    { header: "Nation", cell: (o) => name(o.actor) },
    { header: "Order", cell: (o) => describeAction(o.action, name) },
    {
      header: "Result",
      cell: (o) => (
        <>
          <span className={`tag ${o.success ? "ok" : "bad"}`}>{o.success ? "Success" : "Failure"}</span>
          <div className="hint">{o.summary}</div>
        </>
      ),
    },
    {
      header: "Effects",
      cell: (o) =>
        o.effects.map((e, i) => (
          <div key={i}>
            <strong>{name(e.delta.nation)}</strong>: {describeDelta(e.delta, name)}
          </div>
        )),
    },
    {
      header: "Actions",
      hideHeader: true,
      cell: (o) =>
        // A held outcome (its turn still in adjudication) is amended in the adjudication queue, not overridden.
        state.exercise.phase === "adjudication" && o.turn === state.exercise.turn ? (
          <span className="hint">Held for review in the adjudication queue</span>
        ) : (
          editing !== o.outcomeId && (
            <button type="button" className="small" onClick={() => setEditing(o.outcomeId)}>
              Override
            </button>
          )
        ),
    },
  ];
  return (
    <section className="panel" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">Outcomes</h2>
      <DataTable
        testId="outcomes"
        columns={columns}
        rows={outcomes}
        rowKey={(o) => o.outcomeId}
        rowAttributes={(o) => ({ "data-outcome": o.outcomeId })}
        empty="No outcomes yet: they appear after each turn's adjudication."
        detail={(o) =>
          editing === o.outcomeId
            ? { content: <OverrideForm outcome={o} onDone={() => setEditing(null)} />, attributes: { className: "override-row", "data-override": o.outcomeId } }
            : null
        }
      />
    </section>
  );
}

import { useState } from "react";
import type { Breach, NegotiationTableView, NegotiationView } from "../../api/negotiationTypes";
import { describeDelta } from "../../state/describe";
import { describeClause } from "../../state/negotiation";
import { withNames } from "../../state/withNames";
import { Field, ProblemNote, useExercise } from "../common";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { useSessionCommand } from "./useSessionCommand";

/** Breaches found at adjudication, naming the clause and the violator; exercise control may rule one unfounded. */
export function BreachList({ view, table, actor }: { view: NegotiationView; table: NegotiationTableView; actor: NegotiationActor }) {
  const { name } = useExercise();
  if (table.breaches.length === 0 && table.measuresKept.length === 0) {
    return null;
  }

  const clauses = table.versions.at(-1)?.clauses ?? [];
  const clause = (id: string) => {
    const c = clauses.find((x) => x.id === id);
    return c ? describeClause(c, name) : id;
  };
  return (
    <div className="sub breaches" data-testid="breaches">
      {table.breaches.length > 0 && <h4>Breaches</h4>}
      {table.breaches.map((b) => (
        <div key={b.breachId} className="msg" data-kind={b.status === "reported" ? "missed" : "change"} data-testid="breach">
          <div>
            <strong>Turn {b.turn}: {name(b.violator)}</strong> breached “{clause(b.clauseId)}”{" "}
            <span className={`tag ${b.status === "reported" ? "bad" : ""}`}>{b.status === "reported" ? "breach reported" : "ruled unfounded"}</span>
          </div>
          <div>{withNames(b.description, name)}</div>
          {b.effects.length > 0 && <div className="hint">Cost: {b.effects.map((d) => `${name(d.nation)}: ${describeDelta(d, name)}`).join("; ")}</div>}
          {b.rulingReason && <div className="hint">Ruling: {b.rulingReason}</div>}
          {actor.isControl && actor.mayAct && b.status === "reported" && <RuleUnfoundedForm view={view} breach={b} />}
        </div>
      ))}
      {table.measuresKept.length > 0 && (
        <>
          <h4>Measures kept</h4>
          <ul className="hint">
            {table.measuresKept.map((m) => (
              <li key={`${m.turn}-${m.orderId}`}>
                Turn {m.turn}: {name(m.nation)} — {withNames(m.description, name)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function RuleUnfoundedForm({ view, breach }: { view: NegotiationView; breach: Breach }) {
  const { send, busy, problem } = useSessionCommand(view.id, null, true, false);
  const [reason, setReason] = useState("");
  return (
    <form
      className="row"
      aria-label="Rule the breach unfounded"
      onSubmit={(e) => {
        e.preventDefault();
        void send(NEGOTIATION_COMMANDS.ruleBreachUnfounded, { breachId: breach.breachId, reason: reason.trim() });
      }}
    >
      <Field label="Reason for ruling it unfounded (required)">{(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="field">
        <button type="submit" className="small" disabled={busy || !reason.trim()}>
          Rule unfounded
        </button>
      </div>
      <ProblemNote problem={problem} />
    </form>
  );
}

import { useState } from "react";
import type { NegotiationTableView, NegotiationView } from "../../api/negotiationTypes";
import { Field, ProblemNote, useExercise } from "../common";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { useSessionCommand } from "./useSessionCommand";

/**
 * Exercise control gives a peacekeeping deployment in the current text its mandate, with a reason (the other way is
 * a passed joint-deployment decision of the mandating alliance). Without one, signing is refused.
 */
export function MandateForm({ view, table, actor }: { view: NegotiationView; table: NegotiationTableView; actor: NegotiationActor }) {
  const { name } = useExercise();
  const { send, busy, problem } = useSessionCommand(view.id, null, true, false);
  const [reason, setReason] = useState("");
  const hosts = (table.versions.at(-1)?.clauses ?? []).flatMap((c) => (c.kind === "peacekeepingDeployment" ? [c.host] : []));
  const pending = hosts.filter((h) => !table.mandates.some((m) => m.host === h));
  if (!actor.isControl || !actor.mayAct || pending.length === 0 || !["bargaining", "drafting", "signature"].includes(view.phase)) {
    return table.mandates.length > 0 ? (
      <p className="hint">Mandates: {table.mandates.map((m) => `${name(m.host)} (${m.reason})`).join("; ")}</p>
    ) : null;
  }

  const host = pending[0]!;
  return (
    <form
      className="row sub"
      aria-label="Give the peacekeeping deployment a mandate"
      onSubmit={(e) => {
        e.preventDefault();
        void send(NEGOTIATION_COMMANDS.ruleMandate, { host, reason: reason.trim() });
      }}
    >
      <Field label={`Mandate for peacekeeping in ${name(host)}: reason (required)`}>{(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div className="field">
        <button type="submit" className="small" disabled={busy || !reason.trim()}>
          Give the mandate
        </button>
      </div>
      <ProblemNote problem={problem} />
    </form>
  );
}

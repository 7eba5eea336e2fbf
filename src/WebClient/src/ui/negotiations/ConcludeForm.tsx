import { useState } from "react";
import type { NegotiationView } from "../../api/negotiationTypes";
import { Field, ProblemNote } from "../common";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { useSessionCommand } from "./useSessionCommand";

/** Exercise control or the mediator closes an agreement in force (or breached) as fulfilled, with a reason. */
export function ConcludeForm({ view, actor }: { view: NegotiationView; actor: NegotiationActor }) {
  // Exercise control concludes in its own right, not as the nation it plays.
  const { send, busy, problem } = useSessionCommand(view.id, actor.actor, actor.isControl, false);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const may = actor.mayAct && (actor.isControl || (actor.actor != null && actor.actor === view.mediator)) && (view.phase === "inForce" || view.phase === "breached");
  if (!may) {
    return null;
  }

  return (
    <div className="sub">
      <button type="button" className="small" aria-expanded={open} onClick={() => setOpen(!open)}>
        Conclude the agreement…
      </button>
      {open && (
        <form
          className="row"
          aria-label="Conclude the agreement"
          onSubmit={(e) => {
            e.preventDefault();
            void send(NEGOTIATION_COMMANDS.conclude, { reason: reason.trim() });
          }}
        >
          <Field label="Why it is concluded (required, shown to everyone)">{(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
          <div className="field">
            <button type="submit" className="small primary" disabled={busy || !reason.trim()}>
              Conclude
            </button>
          </div>
        </form>
      )}
      <ProblemNote problem={problem} />
    </div>
  );
}

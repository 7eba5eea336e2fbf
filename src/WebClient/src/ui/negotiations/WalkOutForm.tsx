import { useState } from "react";
import type { NegotiationView } from "../../api/negotiationTypes";
import { beforeForce, partiesOf } from "../../state/negotiation";
import { Field, ProblemNote } from "../common";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { usePartyName } from "./usePartyName";
import { useSessionCommand } from "./useSessionCommand";

/** A party walks out, with a reason, before the agreement binds it: the talks collapse. */
export function WalkOutForm({ view, actor }: { view: NegotiationView; actor: NegotiationActor }) {
  const partyName = usePartyName();
  const { send, busy, problem } = useSessionCommand(view.id, actor.actor, actor.isControl);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const mine = actor.mayAct && beforeForce(view.phase) ? partiesOf(view, actor.actor) : [];
  if (mine.length === 0) {
    return null;
  }

  return (
    <div className="sub">
      <button type="button" className="small danger" aria-expanded={open} onClick={() => setOpen(!open)}>
        Walk out…
      </button>
      {open && (
        <form
          className="row"
          aria-label="Walk out of the talks"
          onSubmit={(e) => {
            e.preventDefault();
            void send(NEGOTIATION_COMMANDS.walkOut, { party: mine[0], reason: reason.trim() });
          }}
        >
          <Field label={`Why ${partyName(mine[0]!)} walks out (required; the talks collapse)`}>{(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
          <div className="field">
            <button type="submit" className="small danger" disabled={busy || !reason.trim()}>
              Walk out
            </button>
          </div>
        </form>
      )}
      <ProblemNote problem={problem} />
    </div>
  );
}

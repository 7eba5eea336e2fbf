import { useState } from "react";
import type { NegotiationTableView, NegotiationView } from "../../api/negotiationTypes";
import { partiesOf } from "../../state/negotiation";
import { Field, ProblemNote, useExercise } from "../common";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { usePartyName } from "./usePartyName";
import { useSessionCommand } from "./useSessionCommand";

/** Each party's answer to the invitation; while the talks are convened, the acting party accepts or declines. */
export function InvitationAnswers({ view, table, actor }: { view: NegotiationView; table: NegotiationTableView; actor: NegotiationActor }) {
  const { name } = useExercise();
  const partyName = usePartyName();
  const { send, busy, problem } = useSessionCommand(view.id, actor.actor, actor.isControl);
  const [reason, setReason] = useState("");
  const [declining, setDeclining] = useState<string | null>(null);
  const answered = new Set(table.responses.map((r) => r.party));
  const open = view.phase === "convened" && actor.mayAct ? partiesOf(view, actor.actor).filter((p) => !answered.has(p)) : [];
  if (view.phase !== "convened" && table.responses.length === 0) {
    return null;
  }

  return (
    <div className="sub" data-testid="invitation">
      <h4>Invitation</h4>
      <ul className="hint">
        {view.parties.map((p) => {
          const r = table.responses.find((x) => x.party === p.code);
          return (
            <li key={p.code}>
              {partyName(p.code)}: {r ? `${r.accepted ? "accepted" : "declined"}${r.by !== p.code ? ` (${name(r.by)})` : ""}${r.accepted ? "" : `: ${r.reason ?? ""}`}` : "no answer yet"}
            </li>
          );
        })}
      </ul>
      {open.map((party) => (
        <div key={party} className="actions">
          <button type="button" className="small primary" disabled={busy} onClick={() => void send(NEGOTIATION_COMMANDS.respond, { party, accept: true })}>
            Accept{open.length > 1 ? ` for ${partyName(party)}` : " the invitation"}
          </button>
          <button type="button" className="small danger" disabled={busy} aria-expanded={declining === party} onClick={() => setDeclining(declining === party ? null : party)}>
            Decline…
          </button>
        </div>
      ))}
      {declining && (
        <form
          className="row"
          aria-label="Decline the invitation"
          onSubmit={(e) => {
            e.preventDefault();
            void send(NEGOTIATION_COMMANDS.respond, { party: declining, accept: false, reason: reason.trim() }).then((ok) => ok && setDeclining(null));
          }}
        >
          <Field label="Reason for declining (required)">{(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
          <div className="field">
            <button type="submit" className="small danger" disabled={busy || !reason.trim()} title={reason.trim() ? undefined : "Give a reason first."}>
              Decline the invitation
            </button>
          </div>
        </form>
      )}
      <ProblemNote problem={problem} />
    </div>
  );
}

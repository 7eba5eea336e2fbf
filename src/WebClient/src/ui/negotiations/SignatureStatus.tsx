import type { NegotiationTableView, NegotiationView } from "../../api/negotiationTypes";
import { partiesOf } from "../../state/negotiation";
import { ProblemNote, useExercise } from "../common";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { usePartyName } from "./usePartyName";
import { useSessionCommand } from "./useSessionCommand";

/**
 * Which party has signed which version. Only signatures of the current version count toward entry into force; a
 * party acting here signs the current version (the mediator never signs).
 */
export function SignatureStatus({ view, table, actor, current }: { view: NegotiationView; table: NegotiationTableView; actor: NegotiationActor; current: number }) {
  const { name } = useExercise();
  const partyName = usePartyName();
  const { send, busy, problem } = useSessionCommand(view.id, actor.actor, actor.isControl);
  const signing = view.phase === "drafting" || view.phase === "signature";
  const mine = signing && actor.mayAct ? partiesOf(view, actor.actor).filter((p) => !table.signatures.some((s) => s.party === p && s.version === current)) : [];
  return (
    <div className="signatures" data-testid="signatures">
      <h4>Signatures</h4>
      <ul>
        {view.parties.map((p) => {
          const onCurrent = table.signatures.find((s) => s.party === p.code && s.version === current);
          const latest = [...table.signatures].reverse().find((s) => s.party === p.code);
          return (
            <li key={p.code} data-party={p.code} data-signed={onCurrent ? "current" : latest ? "superseded" : "no"}>
              {partyName(p.code)}:{" "}
              {onCurrent ? (
                <span className="tag ok">signed version {current}</span>
              ) : latest ? (
                <span className="tag warn">signed version {latest.version} (superseded)</span>
              ) : (
                <span className="tag">not signed</span>
              )}
              {onCurrent && onCurrent.by !== p.code && <span className="hint"> by {name(onCurrent.by)}</span>}
            </li>
          );
        })}
      </ul>
      {mine.map((party) => (
        <button key={party} type="button" className="primary" disabled={busy} onClick={() => void send(NEGOTIATION_COMMANDS.sign, { party, version: current })}>
          Sign version {current}
          {mine.length > 1 ? ` for ${partyName(party)}` : ""}
        </button>
      ))}
      <ProblemNote problem={problem} />
    </div>
  );
}

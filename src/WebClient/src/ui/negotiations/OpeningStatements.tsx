import { useState } from "react";
import type { NegotiationTableView, NegotiationView } from "../../api/negotiationTypes";
import { partiesOf } from "../../state/negotiation";
import { Field, ProblemNote, useExercise } from "../common";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { usePartyName } from "./usePartyName";
import { useSessionCommand } from "./useSessionCommand";

/** Each party's opening statement in plenary; in that phase, the form for a party that has not stated yet. */
export function OpeningStatements({ view, table, actor }: { view: NegotiationView; table: NegotiationTableView; actor: NegotiationActor }) {
  const { name } = useExercise();
  const partyName = usePartyName();
  const { send, busy, problem } = useSessionCommand(view.id, actor.actor, actor.isControl);
  const [text, setText] = useState("");
  const stated = new Set(table.openingStatements.map((s) => s.party));
  const pending = view.phase === "openingStatements" && actor.mayAct ? partiesOf(view, actor.actor).filter((p) => !stated.has(p)) : [];
  const [party, setParty] = useState("");
  const forParty = pending.includes(party) ? party : (pending[0] ?? "");
  if (table.openingStatements.length === 0 && pending.length === 0) {
    return null;
  }

  return (
    <div className="sub" data-testid="opening-statements">
      <h4>Opening statements</h4>
      {table.openingStatements.map((s) => (
        <p key={s.party}>
          <strong>{partyName(s.party)}</strong>
          {s.by !== s.party && <span className="hint"> ({name(s.by)})</span>}: {s.text}
        </p>
      ))}
      {pending.length > 0 && (
        <form
          aria-label="Opening statement"
          onSubmit={(e) => {
            e.preventDefault();
            void send(NEGOTIATION_COMMANDS.openingStatement, { party: forParty, text: text.trim() }).then((ok) => ok && setText(""));
          }}
        >
          {pending.length > 1 && (
            <Field label="For">
              {(id) => (
                <select id={id} value={forParty} onChange={(e) => setParty(e.target.value)}>
                  {pending.map((p) => (
                    <option key={p} value={p}>
                      {partyName(p)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="Your opening statement (required)">{(id) => <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
          <button type="submit" className="primary" disabled={busy || !text.trim()} title={text.trim() ? undefined : "Write the statement first."}>
            Make the opening statement
          </button>
        </form>
      )}
      <ProblemNote problem={problem} />
    </div>
  );
}

import { useState } from "react";
import type { NegotiationTableView, NegotiationView } from "../../api/negotiationTypes";
import { partiesOf, textOpen } from "../../state/negotiation";
import { AgreementText } from "./AgreementText";
import { ClauseHistory } from "./ClauseHistory";
import { ProposeTextForm } from "./ProposeTextForm";
import { SignatureStatus } from "./SignatureStatus";
import type { NegotiationActor } from "./useNegotiationActor";

/**
 * The single negotiating text: its current version, what each version changed, who signed which version, and — for a
 * party's nation or the mediator while the text is open — tabling a first text or amending the current one.
 */
export function NegotiatingText({ view, table, actor }: { view: NegotiationView; table: NegotiationTableView; actor: NegotiationActor }) {
  const [editing, setEditing] = useState(false);
  const current = table.versions.at(-1) ?? null;
  const mayDraft = actor.mayAct && textOpen(view.phase) && (view.mediator === actor.actor || partiesOf(view, actor.actor).length > 0);
  return (
    <section className="negotiating-text" aria-label="Negotiating text" data-testid="negotiating-text">
      <h4>Negotiating text</h4>
      {current ? (
        <AgreementText version={current} caption={view.phase === "inForce" || view.phase === "breached" ? "Agreement in force" : "Current text"} />
      ) : (
        <p className="empty">No text on the table yet{view.phase === "bargaining" ? "; a party or the mediator may table one." : "."}</p>
      )}
      {mayDraft && !editing && (
        <button type="button" className="small" onClick={() => setEditing(true)}>
          {current ? "Amend or counter-propose…" : "Table a text…"}
        </button>
      )}
      {mayDraft && editing && <ProposeTextForm view={view} actor={actor} current={current} onDone={() => setEditing(false)} />}
      {current && <SignatureStatus view={view} table={table} actor={actor} current={current.number} />}
      {table.versions.length > 0 && <ClauseHistory versions={table.versions} />}
    </section>
  );
}

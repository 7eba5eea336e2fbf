import { useState } from "react";
import type { Clause, NegotiationView, TextVersion } from "../../api/negotiationTypes";
import { newClause, textGaps } from "../../state/negotiation";
import { Field, ProblemNote } from "../common";
import { ClauseEditor } from "./ClauseEditor";
import { NEGOTIATION_COMMANDS } from "./negotiationCommands";
import type { NegotiationActor } from "./useNegotiationActor";
import { useSessionCommand } from "./useSessionCommand";

/**
 * Tables a version of the single negotiating text: the first one, or an amendment or counter-proposal of the current
 * one (its clauses keep their ids, so the history shows what changed). It is sent only once every clause has what
 * it needs; whether the text is acceptable is the server's to say.
 */
export function ProposeTextForm({ view, actor, current, onDone }: { view: NegotiationView; actor: NegotiationActor; current: TextVersion | null; onDone: () => void }) {
  const { send, busy, problem } = useSessionCommand(view.id, actor.actor, actor.isControl);
  // The version this draft starts from stays fixed while the author works: if another version is tabled meanwhile,
  // the server refuses this one naming the current version, and the author may start again from it.
  const [base, setBase] = useState<TextVersion | null>(current);
  const [clauses, setClauses] = useState<Clause[]>(() => current?.clauses ?? [newClause("ceasefire", [])]);
  const [duration, setDuration] = useState(current?.durationTurns ? String(current.durationTurns) : "");
  const [note, setNote] = useState("");
  const restart = () => {
    setBase(current);
    setClauses(current?.clauses ?? [newClause("ceasefire", [])]);
    setDuration(current?.durationTurns ? String(current.durationTurns) : "");
  };
  const bound = [...new Set(view.parties.flatMap((p) => p.nations))];
  const gaps = textGaps(clauses, duration);
  const label = base ? `Amend version ${base.number}` : "Table the first text";
  const overtaken = (current?.number ?? 0) !== (base?.number ?? 0);
  return (
    <form
      className="sub propose"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void send(NEGOTIATION_COMMANDS.propose, {
          basedOn: base?.number ?? 0,
          clauses,
          durationTurns: duration.trim() ? Number(duration) : null,
          note: note.trim() || null,
        }).then((ok) => ok && onDone());
      }}
    >
      <h4>{label}</h4>
      {overtaken && current && (
        <div className="notice warn" role="status" data-testid="text-overtaken">
          Version {current.number} was tabled by someone else while you were drafting.{" "}
          <button type="button" className="small" onClick={restart}>
            Start again from version {current.number}
          </button>
        </div>
      )}
      <ClauseEditor clauses={clauses} onChange={setClauses} bound={bound} />
      <div className="row">
        <Field label="Duration in turns (optional)" hint="Empty: no end date.">
          {(id) => <input id={id} type="number" min={1} max={50} value={duration} onChange={(e) => setDuration(e.target.value)} />}
        </Field>
        <Field label="Note (optional)">{(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What this version changes, and why" />}</Field>
      </div>
      {gaps.length > 0 && (
        <p className="hint" data-testid="text-gaps">
          Before tabling: {gaps.join("; ")}.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || gaps.length > 0}>
          {base ? `Table version ${base.number + 1}` : "Table the text"}
        </button>
        <button type="button" className="small" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ProblemNote problem={problem} />
    </form>
  );
}

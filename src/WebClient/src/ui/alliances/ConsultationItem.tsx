import { useState } from "react";
import type { AllianceClock, Consultation } from "../../api/types";
import { Field, useExercise } from "../common";
import { ALLIANCE_COMMANDS, type Send } from "./allianceCommands";
import { PlayDeadline } from "./PlayDeadline";

export function ConsultationItem({ c, send, busy, mayAct, clock }: { c: Consultation; send: Send; busy: boolean; mayAct: boolean; clock?: AllianceClock | null }) {
  const { name, state } = useExercise();
  const chair = state.viewer.role === "facilitator";
  const [position, setPosition] = useState("support");
  const [text, setText] = useState("");
  return (
    <div className="msg" data-kind="prompt" data-consultation={c.id} style={{ marginBottom: 10 }}>
      <div>
        <strong>{name(c.requestedBy)}</strong> requested consultations <span className="tag">{c.status}</span>
      </div>
      {c.threat && <div>Threat: {c.threat}</div>}
      <div className="hint">
        {c.status === "requested" && <>Must convene within <PlayDeadline at={c.conveneBy} clock={clock} />.</>}
        {c.status === "convened" && <>Positions due within <PlayDeadline at={c.positionsDue} clock={clock} />.</>}
        {c.outcome && `Concluded: support ${c.outcome.support}, oppose ${c.outcome.oppose}, abstain ${c.outcome.abstain}${c.outcome.silent.length ? `; silent: ${c.outcome.silent.map(name).join(", ")}` : ""}.`}
      </div>
      {Object.values(c.positions).length > 0 && (
        <ul className="hint">
          {Object.values(c.positions).map((p) => (
            <li key={p.member}>
              {name(p.member)}: {p.kind}
              {p.text ? ` — “${p.text}”` : ""}
            </li>
          ))}
        </ul>
      )}
      {mayAct && c.status === "requested" && (
        <button
          type="button"
          className="small"
          disabled={busy}
          // Exercise control convenes as chair (no member); a team convenes as its own nation.
          onClick={() => void send(ALLIANCE_COMMANDS.conveneConsultation, chair ? { consultationId: c.id, member: null } : { consultationId: c.id })}
        >
          {chair ? "Convene as chair" : "Convene"}
        </button>
      )}
      {mayAct && c.status === "convened" && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void send(ALLIANCE_COMMANDS.recordPosition, { consultationId: c.id, position, text: text.trim() || null });
          }}
        >
          <Field label="Position">
            {(id) => (
              <select id={id} value={position} onChange={(e) => setPosition(e.target.value)}>
                <option value="support">Support</option>
                <option value="oppose">Oppose</option>
                <option value="abstain">Abstain</option>
                <option value="statement">Statement</option>
              </select>
            )}
          </Field>
          <Field label="Statement (optional)">{(id) => <input id={id} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
          <div className="field">
            <button type="submit" className="small" disabled={busy}>
              Record position
            </button>
          </div>
        </form>
      )}
    </div>
  );
}


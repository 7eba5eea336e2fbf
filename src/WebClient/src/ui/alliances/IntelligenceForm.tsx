import { useState } from "react";
import { shortId } from "../../api/http";
import { Field, useExercise } from "../common";
import { ALLIANCE_COMMANDS, type Send } from "./allianceCommands";

export function IntelligenceForm({ send, busy }: { send: Send; busy: boolean }) {
  const { state } = useExercise();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [about, setAbout] = useState("");
  return (
    <>
      <form
        aria-label="Share intelligence with members"
        className="sub"
        onSubmit={(e) => {
          e.preventDefault();
          void send(ALLIANCE_COMMANDS.shareIntelligence, { reportId: shortId("r-"), title, body, about: about || null });
        }}
      >
        <Field label="Title">{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <Field label="Report">{(id) => <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
        <Field label="About (optional)">
          {(id) => (
            <select id={id} value={about} onChange={(e) => setAbout(e.target.value)}>
              <option value="">—</option>
              {state.nations.map((n) => (
                <option key={n.code} value={n.code}>
                  {n.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy || !title.trim() || !body.trim()}>
          Share with members
        </button>
      </form>
    </>
  );
}

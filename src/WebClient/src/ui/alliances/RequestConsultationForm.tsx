import { useState, type FormEvent } from "react";
import { shortId } from "../../api/http";
import { Field } from "../common";
import { ALLIANCE_COMMANDS, type Send } from "./allianceCommands";

export function RequestConsultationForm({ send, busy }: { send: Send; busy: boolean }) {
  const [threat, setThreat] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(ALLIANCE_COMMANDS.requestConsultation, { consultationId: shortId("c-"), threat: threat.trim() || null, injectId: null });
  };
  return (
    <form onSubmit={submit} className="sub" aria-label="Request consultations">
        <Field label="The threat (what another nation did, or an inject)">{(id) => <textarea id={id} value={threat} onChange={(e) => setThreat(e.target.value)} />}</Field>
      <button type="submit" className="primary" disabled={busy || !threat.trim()} title={threat.trim() ? undefined : "Say what the threat is first."}>
        Send the request to all members
      </button>
    </form>
  );
}


import { useState } from "react";
import { Field } from "../common";
import { ALLIANCE_COMMANDS, type Send } from "./allianceCommands";

export function DefenceResponseForm({ invocationId, send, busy }: { invocationId: string; send: Send; busy: boolean }) {
  const [kind, setKind] = useState("diplomatic");
  const [description, setDescription] = useState("");
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void send(ALLIANCE_COMMANDS.recordDefenceResponse, { invocationId, kind, description });
      }}
    >
      <Field label="Response">
        {(id) => (
          <select id={id} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="military">Military</option>
            <option value="economic">Economic</option>
            <option value="diplomatic">Diplomatic</option>
            <option value="humanitarian">Humanitarian</option>
            <option value="none">None</option>
          </select>
        )}
      </Field>
      <Field label="What you will do">{(id) => <input id={id} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <div className="field">
        <button type="submit" className="small" disabled={busy || !description.trim()}>
          Record response
        </button>
      </div>
    </form>
  );
}


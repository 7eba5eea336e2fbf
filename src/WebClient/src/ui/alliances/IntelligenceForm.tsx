import { useState } from "react";
import { shortId } from "../../api/http";
import type { AllianceView } from "../../api/types";
import { Field, useExercise } from "../common";
import { ALLIANCE_COMMANDS, type Send } from "./allianceCommands";

/**
 * An intelligence report for the alliance's members. Two things are called "sharing intelligence": this report (words,
 * read by every member in good standing and exercise control, free) and the order "Share intelligence with one nation"
 * (an act adjudicated at the end of the turn that raises that nation's readiness and trust). The form says which it is.
 */
export function IntelligenceForm({ alliance, send, busy }: { alliance: AllianceView; send: Send; busy: boolean }) {
  const { state, name } = useExercise();
  const others = alliance.members.filter((code) => code !== state.viewer.nation).map(name);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [about, setAbout] = useState("");
  return (
    <>
      <form
        aria-label={`Share an intelligence report with ${alliance.name}`}
        className="sub"
        onSubmit={(e) => {
          e.preventDefault();
          void send(ALLIANCE_COMMANDS.shareIntelligence, { reportId: shortId("r-"), title, body, about: about || null });
        }}
      >
        <p className="hint" data-testid="intelligence-help">
          Your report (a title, the report itself and, if you like, the nation it is about) is shown to {alliance.name}'s members
          {others.length > 0 ? ` (${others.join(", ")})` : ""} and to exercise control — nobody else. It costs no action points and
          changes no index. To pass intelligence to one nation as an act (it raises their readiness and their trust in you), give the
          order “Share intelligence with one nation” instead.
        </p>
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
          Share the report with {alliance.name}
        </button>
      </form>
    </>
  );
}

import { useState, type FormEvent } from "react";
import { CopyButton, Field, ProblemNote, fieldHit, useCommand, useExercise } from "../common";

const link = (code: string) => `${window.location.origin}${window.location.pathname}?code=${encodeURIComponent(code)}`;

/** Issues one join code; the new code is shown once, with its join link, and never again. */
export function IssueJoinCodeForm() {
  const { state, name } = useExercise();
  const { run, busy, problem } = useCommand();
  const [role, setRole] = useState<"team" | "observer" | "facilitator">("team");
  const [nation, setNation] = useState("");
  const [label, setLabel] = useState("");
  const [issued, setIssued] = useState<{ code: string; label: string } | null>(null);

  const issue = async (event: FormEvent) => {
    event.preventDefault();
    setIssued(null);
    const chosenLabel = label.trim() || (role === "team" ? `${name(nation)} team` : role === "observer" ? "Observers" : "Exercise control");
    const reply = await run("access.issueJoinCode", { role, nation: role === "team" ? nation || null : null, label: chosenLabel });
    if (reply?.accepted && reply.output) {
      setIssued({ code: reply.output, label: chosenLabel });
      setLabel("");
    }
  };

  return (
    <>
      <form onSubmit={(e) => void issue(e)} aria-label="Issue a join code">
        <div className="row">
          <Field label="Role" invalid={fieldHit(problem, "role")}>
            {(id) => (
              <select id={id} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
                <option value="team">Team (plays a nation)</option>
                <option value="observer">Observer</option>
                <option value="facilitator">Exercise control</option>
              </select>
            )}
          </Field>
          {role === "team" && (
            <Field label="Nation" invalid={fieldHit(problem, "nation")}>
              {(id) => (
                <select id={id} value={nation} onChange={(e) => setNation(e.target.value)}>
                  <option value="">— choose a nation —</option>
                  {state.nations.map((n) => (
                    <option key={n.code} value={n.code}>
                      {n.name} ({n.code})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="Label (optional)" invalid={fieldHit(problem, "label")}>
            {(id) => <input id={id} value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Letavia, table 3" />}
          </Field>
          <div className="field">
            <button type="submit" className="primary" disabled={busy}>
              Issue code
            </button>
          </div>
        </div>
        <ProblemNote problem={problem} />
      </form>
      {issued && (
        <div className="notice" role="status" data-testid="issued-code">
          <p>
            New code for <strong>{issued.label}</strong>. It is shown only now: hand it over or copy it.
          </p>
          <p className="actions">
            <span className="secret mono" data-testid="issued-code-value">
              {issued.code}
            </span>
            <CopyButton text={issued.code} label="Copy code" />
            <CopyButton text={link(issued.code)} label="Copy join link" />
            <button type="button" className="small" onClick={() => setIssued(null)}>
              Done
            </button>
          </p>
        </div>
      )}
    </>
  );
}

import { useState } from "react";
import { useCommand, useExercise, ProblemNote } from "../common";
import { JoinCodeSheet, type SheetEntry } from "./JoinCodeSheet";

function joinLink(code: string): string {
  return `${window.location.origin}${window.location.pathname}?code=${encodeURIComponent(code)}`;
}

/**
 * Issues a join code for every team of the exercise (and, if wanted, one for observers) in one go and shows them on
 * a printable sheet. Each is an ordinary "issue join code" command, so the access rules apply to each; codes are
 * never stored, so the sheet is the only place they are shown.
 */
export function BulkJoinCodes() {
  const { state, name } = useExercise();
  const { run, busy, problem } = useCommand();
  const [withObserver, setWithObserver] = useState(true);
  const [entries, setEntries] = useState<SheetEntry[]>([]);
  const teams = state.exercise.teams;

  const issueAll = async () => {
    setEntries([]);
    const wanted = [
      ...teams.map((t) => ({ args: { role: "team", nation: t.nation, label: t.teamName }, label: t.teamName, role: `Team playing ${name(t.nation)}` })),
      ...(withObserver ? [{ args: { role: "observer", nation: null, label: "Observers" }, label: "Observers", role: "Observer (public view)" }] : []),
    ];
    const issued: SheetEntry[] = [];
    for (const w of wanted) {
      const reply = await run("access.issueJoinCode", w.args);
      if (!reply?.accepted || !reply.output) {
        break; // the problem is shown; what was issued so far stays on the sheet
      }

      issued.push({ label: w.label, role: w.role, code: reply.output, link: joinLink(reply.output) });
      setEntries([...issued]);
    }
  };

  return (
    <section className="panel" aria-labelledby="bulk-codes-title">
      <h2 id="bulk-codes-title">Join codes for every team</h2>
      {teams.length === 0 ? (
        <p className="empty">This exercise has no teams yet: assign teams first.</p>
      ) : (
        <div className="actions no-print">
          <label>
            <input type="checkbox" checked={withObserver} onChange={(e) => setWithObserver(e.target.checked)} /> and one for observers
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void issueAll()}>
            New codes for all {teams.length} teams
          </button>
          {entries.length > 0 && (
            <button type="button" onClick={() => window.print()}>
              Print the sheet
            </button>
          )}
        </div>
      )}
      <ProblemNote problem={problem} />
      {entries.length > 0 && (
        <>
          <p className="notice no-print">These codes are shown only now: print the sheet or copy them before leaving this tab.</p>
          <JoinCodeSheet exercise={state.exercise.name} entries={entries} />
        </>
      )}
    </section>
  );
}

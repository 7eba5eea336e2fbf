import { useMemo, useRef, useState, type FormEvent } from "react";
import { importMsel, mselTemplate, MSEL_COLUMNS, type MselImportOutcome } from "../../api/mselImport";
import { parseDuration } from "../../state/describe";
import { useExercise } from "../common";

/**
 * Exercise control adds injects to the MSEL from a spreadsheet saved as CSV. The gateway checks every row against the
 * exercise as it is now; a file with any problem imports nothing and every problem is listed by row and column. On
 * success the rows appear in the MSEL table above (through the live feed), pending like the scenario's own.
 */
export function MselImport() {
  const { state, session } = useExercise();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<MselImportOutcome | null>(null);
  const exercise = state.exercise;
  const nextTurn = exercise.turn + 1;
  const template = useMemo(() => {
    const hours = Math.round((parseDuration(exercise.turnDuration) ?? 86_400_000) / 3_600_000);
    return mselTemplate(state.nations.map((n) => n.code), exercise.maxTurns !== null ? Math.min(nextTurn, exercise.maxTurns) : nextTurn, hours);
  }, [state.nations, exercise.turnDuration, exercise.maxTurns, nextTurn]);
  const ended = exercise.status === "ended";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      return;
    }

    setBusy(true);
    setOutcome(null);
    try {
      const result = await importMsel(session, file);
      setOutcome(result);
      if (result.ok) {
        setFile(null);
        if (input.current) input.current.value = "";
      }
    } catch (error) {
      setOutcome({ ok: false, message: `The gateway did not answer: ${error instanceof Error ? error.message : String(error)}. Nothing was imported; try again.`, problems: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="msel-import-title">
      <h2 id="msel-import-title">Import injects from a spreadsheet</h2>
      <p className="hint">
        Save the sheet as CSV (UTF-8, comma-separated) with a header row naming the columns: {MSEL_COLUMNS.join(", ")}. Id, title and kind are
        required; give a turn or a time still ahead{exercise.turn > 0 ? ` (from turn ${nextTurn})` : ""}, a condition in words (when: “tension ARD/BOR above 60 or
        turn 4”), or none of them to release the inject by hand.{" "}
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`} download="msel-template.csv" data-testid="msel-template">
          Download a template
        </a>
      </p>
      <form aria-label="Import injects from a CSV file" onSubmit={(e) => void submit(e)}>
        <div className="row">
          <div className="field">
            <label htmlFor="msel-import-file">CSV file</label>
            <input
              id="msel-import-file"
              ref={input}
              type="file"
              accept=".csv,text/csv"
              disabled={ended}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setOutcome(null);
              }}
            />
          </div>
          <div className="field">
            <button type="submit" className="primary" disabled={busy || !file || ended}>
              {busy ? "Importing…" : "Import"}
            </button>
          </div>
        </div>
        {ended && <p className="hint">The exercise has ended: its MSEL takes no more injects.</p>}
      </form>
      {outcome?.ok === true && (
        <div className="notice" role="status" data-testid="msel-import-done">
          Imported {outcome.imported} {outcome.imported === 1 ? "inject" : "injects"}: {outcome.injects.map((i) => i.title).join(", ")}. They were added to
          the MSEL above.
        </div>
      )}
      {outcome?.ok === false && (
        <div className="problem" role="alert" data-testid="msel-import-problems">
          <strong>{outcome.message}</strong>
          {outcome.problems.length > 0 && (
            <ul>
              {outcome.problems.map((p, i) => (
                <li key={i} data-row={p.row} data-column={p.column ?? ""}>
                  {p.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

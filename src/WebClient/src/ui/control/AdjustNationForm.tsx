import { useState, type FormEvent } from "react";
import type { NationIndex } from "../../api/types";
import { NATION_INDICES } from "../../api/types";
import { INDEX_LABELS } from "../../state/describe";
import { Field, ProblemNote, fieldHit, useCommand, useExercise } from "../common";

const MAX_SHIFT = 100; // InjectValidation.MaxShift: the server refuses larger moves with the same words

/**
 * Exercise control changes a nation's indices directly (ad hoc adjudication). The reason is mandatory: it is logged
 * with the change and the nation's team reads it as the cause ("Exercise control: …") next to what changed.
 */
export function AdjustNationForm() {
  const { state } = useExercise();
  const { run, busy, problem } = useCommand();
  const [nation, setNation] = useState("");
  const [values, setValues] = useState<Partial<Record<NationIndex, string>>>({});
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const indices = Object.fromEntries(
    NATION_INDICES.map((i) => [i, Number(values[i] ?? 0)]).filter(([, v]) => Number.isInteger(v) && v !== 0),
  ) as Partial<Record<NationIndex, number>>;
  const changes = Object.keys(indices).length;
  const missing = [!nation && "a nation", changes === 0 && "at least one change", !reason.trim() && "a reason"].filter(Boolean) as string[];
  const live = state.exercise.status === "running" || state.exercise.status === "paused";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const reply = await run("exercise.adjustNation", { delta: { nation, indices, relations: {} }, reason: reason.trim() });
    if (reply?.accepted) {
      setDone(`${state.nations.find((n) => n.code === nation)?.name ?? nation} adjusted: ${reason.trim()}`);
      setValues({});
      setReason("");
    }
  };

  return (
    <section className="panel" aria-labelledby="adjust-title">
      <h2 id="adjust-title">Adjust a nation</h2>
      {!live && <p className="hint">Nations can be adjusted while the exercise runs or is paused.</p>}
      <form aria-label="Adjust a nation" onSubmit={(e) => void submit(e)}>
        <Field label="Nation" invalid={fieldHit(problem, "nation")}>
          {(id) => (
            <select id={id} value={nation} onChange={(e) => setNation(e.target.value)}>
              <option value="">— choose a nation —</option>
              {state.nations.map((n) => (
                <option key={n.code} value={n.code}>
                  {n.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="row">
          {NATION_INDICES.map((i) => (
            <Field key={i} label={`${INDEX_LABELS[i]} (±)`} invalid={fieldHit(problem, `indices.${i}`)}>
              {(id) => (
                <input
                  id={id}
                  type="number"
                  step={1}
                  min={-MAX_SHIFT}
                  max={MAX_SHIFT}
                  placeholder="0"
                  value={values[i] ?? ""}
                  onChange={(e) => setValues({ ...values, [i]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
        <Field label="Reason (required; the team sees it as the cause)" invalid={fieldHit(problem, "reason")}>
          {(id) => <input id={id} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || missing.length > 0 || !live} title={missing.length ? `Still needed: ${missing.join(", ")}.` : undefined}>
            Apply the adjustment
          </button>
          {missing.length > 0 && <span className="hint" data-testid="adjust-missing">Still needed: {missing.join(", ")}.</span>}
        </div>
        <ProblemNote problem={problem} />
        {done && !problem && (
          <div className="notice" role="status">
            {done}
          </div>
        )}
      </form>
    </section>
  );
}

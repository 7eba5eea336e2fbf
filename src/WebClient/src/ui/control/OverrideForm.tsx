import { useState, type FormEvent } from "react";
import type { NationDelta, NationIndex, Outcome } from "../../api/types";
import { NATION_INDICES } from "../../api/types";
import { INDEX_LABELS } from "../../state/describe";
import { Field, ProblemNote, fieldHit, useCommand, useExercise } from "../common";

/**
 * Replaces an outcome's index changes, nation by nation (relations, posture and sanctions of the original effects are
 * kept). Deliberately simple: the facilitator edits numbers and states why.
 */
export function OverrideForm({ outcome, onDone }: { outcome: Outcome; onDone: () => void }) {
  const { name } = useExercise();
  const { run, busy, problem } = useCommand();
  const [reason, setReason] = useState("");
  const [values, setValues] = useState<Record<string, Record<string, string>>>(() =>
    Object.fromEntries(
      outcome.effects.map((e) => [e.delta.nation, Object.fromEntries(NATION_INDICES.map((i) => [i, String(e.delta.indices[i] ?? 0)]))]),
    ),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const effects: NationDelta[] = outcome.effects.map((e) => {
      const indices: Partial<Record<NationIndex, number>> = {};
      for (const i of NATION_INDICES) {
        const v = Number(values[e.delta.nation]?.[i] ?? 0);
        if (v !== 0) indices[i] = v;
      }

      return {
        nation: e.delta.nation,
        indices,
        relations: e.delta.relations,
        posture: e.delta.posture ?? null,
        sanctionsImposed: e.delta.sanctionsImposed ?? null,
        sanctionsLifted: e.delta.sanctionsLifted ?? null,
      };
    });
    const reply = await run("exercise.overrideOutcome", { outcomeId: outcome.outcomeId, effects, reason });
    if (reply?.accepted) {
      onDone();
    }
  };
  return (
    <form className="sub" onSubmit={(e) => void submit(e)} aria-label={`Override the outcome of ${name(outcome.actor)}, turn ${outcome.turn}`}>
      {outcome.effects.map((e) => (
        <fieldset key={e.delta.nation} style={{ border: "1px solid var(--line)", borderRadius: 6, marginBottom: 8 }}>
          <legend>{name(e.delta.nation)}: index changes</legend>
          <div className="row">
            {NATION_INDICES.map((i) => (
              <Field key={i} label={INDEX_LABELS[i]}>
                {(id) => (
                  <input
                    id={id}
                    type="number"
                    value={values[e.delta.nation]?.[i] ?? "0"}
                    onChange={(ev) => setValues({ ...values, [e.delta.nation]: { ...values[e.delta.nation], [i]: ev.target.value } })}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      <Field label="Reason (required, logged)" invalid={fieldHit(problem, "reason")}>
        {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Apply override
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ProblemNote problem={problem} />
    </form>
  );
}

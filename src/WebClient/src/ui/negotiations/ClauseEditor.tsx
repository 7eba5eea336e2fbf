import type { Clause, ClauseKind, ConfidenceMeasure } from "../../api/negotiationTypes";
import { CLAUSE_LABELS, MEASURE_LABELS, clauseGaps, newClause } from "../../state/negotiation";
import { Field, useExercise } from "../common";

// The three kinds every text is likely to need come first.
const KINDS: ClauseKind[] = ["ceasefire", "humanitarianCorridor", "confidenceBuilding", "withdrawalLine", "prisonerExchange", "sanctionsRelief", "peacekeepingDeployment"];

/**
 * Typed clauses, one row each: the kind and its parameters. Nations a clause binds are chosen among the parties'
 * nations (only parties are bound); hosts and targets among all nations of the exercise.
 */
export function ClauseEditor({ clauses, onChange, bound }: { clauses: Clause[]; onChange: (next: Clause[]) => void; bound: string[] }) {
  const set = (i: number, clause: Clause) => onChange(clauses.map((c, j) => (j === i ? clause : c)));
  return (
    <div className="clause-editor">
      {clauses.map((clause, i) => (
        <fieldset key={clause.id} className="clause-row" data-testid="clause-row">
          <legend>Clause {i + 1}</legend>
          <div className="row">
            <Field label="Kind">
              {(id) => (
                <select id={id} value={clause.kind} onChange={(e) => set(i, newClause(e.target.value as ClauseKind, clauses.filter((_, j) => j !== i)))}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {CLAUSE_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <ClauseParameters clause={clause} onChange={(c) => set(i, c)} bound={bound} />
            <div className="field">
              <button type="button" className="small danger" onClick={() => onChange(clauses.filter((_, j) => j !== i))}>
                Remove clause {i + 1}
              </button>
            </div>
          </div>
          {clauseGaps(clause).length > 0 && <div className="hint">Still needed: {clauseGaps(clause).join("; ")}.</div>}
        </fieldset>
      ))}
      <div className="actions">
        <span className="hint">Add a clause:</span>
        {KINDS.slice(0, 3).map((k) => (
          <button key={k} type="button" className="small" onClick={() => onChange([...clauses, newClause(k, clauses)])}>
            + {CLAUSE_LABELS[k]}
          </button>
        ))}
        <button type="button" className="small" onClick={() => onChange([...clauses, newClause("withdrawalLine", clauses)])}>
          + Other…
        </button>
      </div>
    </div>
  );
}

function ClauseParameters({ clause, onChange, bound }: { clause: Clause; onChange: (c: Clause) => void; bound: string[] }) {
  const { state } = useExercise();
  const all = state.nations.map((n) => n.code);
  switch (clause.kind) {
    case "ceasefire":
    case "prisonerExchange":
      return <NationChecks legend="Between" options={bound} value={clause.nations} onChange={(nations) => onChange({ ...clause, nations })} />;
    case "confidenceBuilding":
      return (
        <>
          <Field label="Measure">
            {(id) => (
              <select id={id} value={clause.measure} onChange={(e) => onChange({ ...clause, measure: e.target.value as ConfidenceMeasure })}>
                {(Object.keys(MEASURE_LABELS) as ConfidenceMeasure[]).map((m) => (
                  <option key={m} value={m}>
                    {MEASURE_LABELS[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <NationChecks legend="Undertaken by" options={bound} value={clause.nations} onChange={(nations) => onChange({ ...clause, nations })} />
        </>
      );
    case "humanitarianCorridor":
      return <NationSelect label="Through" options={all} value={clause.nation} onChange={(nation) => onChange({ ...clause, nation })} />;
    case "withdrawalLine":
      return (
        <>
          <NationSelect label="Nation that withdraws" options={bound} value={clause.nation} onChange={(nation) => onChange({ ...clause, nation })} />
          <NationSelect label="Withdraws from" options={all} value={clause.from} onChange={(from) => onChange({ ...clause, from })} />
        </>
      );
    case "sanctionsRelief":
      return (
        <>
          <NationSelect label="Nation lifting sanctions" options={bound} value={clause.nation} onChange={(nation) => onChange({ ...clause, nation })} />
          <NationSelect label="Sanctions on" options={all} value={clause.on} onChange={(on) => onChange({ ...clause, on })} />
          <Field label="Within (turns)">
            {(id) => <input id={id} type="number" min={1} value={clause.withinTurns} onChange={(e) => onChange({ ...clause, withinTurns: Number(e.target.value) })} />}
          </Field>
        </>
      );
    case "peacekeepingDeployment":
      return (
        <>
          <NationSelect label="Host nation" options={all} value={clause.host} onChange={(host) => onChange({ ...clause, host })} />
          <Field label="Mandating alliance (optional)">
            {(id) => (
              <select id={id} value={clause.alliance ?? ""} onChange={(e) => onChange({ ...clause, alliance: e.target.value || null })}>
                <option value="">— a ruling by exercise control —</option>
                {state.alliances.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      );
  }
}

function NationSelect({ label, options, value, onChange }: { label: string; options: string[]; value: string; onChange: (code: string) => void }) {
  const { name } = useExercise();
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">— choose a nation —</option>
          {options.map((code) => (
            <option key={code} value={code}>
              {name(code)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function NationChecks({ legend, options, value, onChange }: { legend: string; options: string[]; value: string[]; onChange: (codes: string[]) => void }) {
  const { name } = useExercise();
  return (
    <fieldset className="field checks">
      <legend>{legend}</legend>
      {options.map((code) => (
        <label key={code} className="inline">
          <input
            type="checkbox"
            checked={value.includes(code)}
            onChange={(e) => onChange(e.target.checked ? [...value, code].sort() : value.filter((c) => c !== code))}
          />
          {name(code)}
        </label>
      ))}
    </fieldset>
  );
}

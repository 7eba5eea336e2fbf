import { describeCondition } from "../state/describeCondition";
import { ReleaseInjectButton } from "./control/ReleaseInjectButton";
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { api } from "../api/http";
import type { InjectDefinition, JoinCodeInfo, NationDelta, NationIndex, Outcome } from "../api/types";
import { NATION_INDICES } from "../api/types";
import { describeAction } from "../state/actions";
import { INDEX_LABELS, describeDelta, formatDuration, humanize } from "../state/describe";
import { CopyButton, Field, ProblemNote, fieldHit, useCommand, useExercise } from "./common";

function schedule(inject: InjectDefinition, name: (c: string) => string): string {
  const s = inject.schedule;
  if (s.isManual) return "Manual";
  if (s.turn !== null) return `Turn ${s.turn}`;
  if (s.at) return `At +${formatDuration(s.at)}`;
  if (s.when) return `When ${describeCondition(s.when, name)}`;
  return "—";
}

function targets(inject: InjectDefinition, name: (c: string) => string): string {
  if (inject.targets.all) return "All";
  return [...inject.targets.nations.map(name), ...inject.targets.teams.map((t) => `team ${t}`)].join(", ") || "—";
}

/** The master scenario events list with what has been released, and "Release" for the rest. */
export function MselPanel() {
  const { state, name } = useExercise();
  const { run, busy, problem } = useCommand();
  const msel = state.exercise.control?.msel ?? [];
  return (
    <section className="panel" aria-labelledby="msel-title">
      <header>
        <h2 id="msel-title">Master scenario events list (MSEL)</h2>
        <span className="hint">
          {msel.filter((m) => m.released).length} of {msel.length} released
        </span>
      </header>
      <ProblemNote problem={problem} />
      <div className="table-wrap">
        <table data-testid="msel">
          <thead>
            <tr>
              <th scope="col">Inject</th>
              <th scope="col">Kind</th>
              <th scope="col">Schedule</th>
              <th scope="col">Targets</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {msel.map(({ inject, released }) => (
              <tr key={inject.id} className={released ? "released" : ""} data-inject={inject.id}>
                <td>
                  <details>
                    <summary>{inject.title}</summary>
                    <div className="hint mono">{inject.id}</div>
                    {inject.brief && <p>{inject.brief}</p>}
                    {inject.news && <p>News: “{inject.news.headline}”</p>}
                    {inject.effects.map((e, i) => (
                      <div key={i} className="hint">
                        {name(e.nation)}: {describeDelta({ nation: e.nation, indices: e.indices, relations: Object.fromEntries(e.relations.map((r) => [r.toward, r])) }, name)}
                      </div>
                    ))}
                  </details>
                </td>
                <td>{humanize(inject.kind)}</td>
                <td>{schedule(inject, name)}</td>
                <td>{targets(inject, name)}</td>
                <td>{released ? <span className="tag ok">Released</span> : <span className="tag">Pending</span>}</td>
                <td>
                  {!released && <ReleaseInjectButton inject={inject} busy={busy} release={() => void run("exercise.releaseInject", { injectId: inject.id })} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Adjudicated outcomes, newest turn first, each with "Override" (replacement index changes and a reason). */
export function OutcomesPanel() {
  const { state, name } = useExercise();
  const outcomes = useMemo(() => [...(state.exercise.control?.outcomes ?? [])].reverse(), [state.exercise.control?.outcomes]);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">Outcomes</h2>
      {outcomes.length === 0 ? (
        <p className="empty">No outcomes yet: they appear after each turn's adjudication.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="outcomes">
            <thead>
              <tr>
                <th scope="col">Turn</th>
                <th scope="col">Nation</th>
                <th scope="col">Order</th>
                <th scope="col">Result</th>
                <th scope="col">Effects</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o) => [
                <tr key={o.outcomeId} data-outcome={o.outcomeId}>
                  <td>{o.turn}</td>
                  <td>{name(o.actor)}</td>
                  <td>{describeAction(o.action, name)}</td>
                  <td>
                    <span className={`tag ${o.success ? "ok" : "bad"}`}>{o.success ? "Success" : "Failure"}</span>
                    <div className="hint">{o.summary}</div>
                  </td>
                  <td>
                    {o.effects.map((e, i) => (
                      <div key={i}>
                        <strong>{name(e.delta.nation)}</strong>: {describeDelta(e.delta, name)}
                      </div>
                    ))}
                  </td>
                  <td>
                    {editing !== o.outcomeId && (
                      <button type="button" className="small" onClick={() => setEditing(o.outcomeId)}>
                        Override
                      </button>
                    )}
                  </td>
                </tr>,
                editing === o.outcomeId ? (
                  <tr key={`${o.outcomeId}-override`} className="override-row" data-override={o.outcomeId}>
                    <td colSpan={6}>
                      <OverrideForm outcome={o} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : null,
              ])}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Replaces an outcome's index changes, nation by nation (relations, posture and sanctions of the original effects are
 * kept). Deliberately simple: the facilitator edits numbers and states why.
 */
function OverrideForm({ outcome, onDone }: { outcome: Outcome; onDone: () => void }) {
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
    <form className="sub" onSubmit={(e) => void submit(e)} aria-label={`Override outcome ${outcome.outcomeId}`}>
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

/** Join codes: issue (each new code shown once), list, revoke. */
export function JoinCodesPanel() {
  const { state, session, name } = useExercise();
  const { run, busy, problem } = useCommand();
  const revoke = useCommand();
  const [codes, setCodes] = useState<JoinCodeInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [role, setRole] = useState<"team" | "observer" | "facilitator">("team");
  const [nation, setNation] = useState("");
  const [label, setLabel] = useState("");
  const [issued, setIssued] = useState<{ code: string; label: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const accessEvents = state.timeline.filter((e) => e.event.$type.startsWith("access.")).length;

  const load = useCallback(async () => {
    try {
      setCodes(await api.joinCodes(session));
      setListError(null);
    } catch (error) {
      setListError(error instanceof Error ? error.message : String(error));
    }
  }, [session]);

  useEffect(() => {
    void load();
  }, [load, accessEvents]);

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

  const link = (code: string) => `${window.location.origin}${window.location.pathname}?code=${encodeURIComponent(code)}`;

  return (
    <section className="panel" aria-labelledby="codes-title">
      <h2 id="codes-title">Join codes</h2>
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
      {listError && <p className="problem">Could not load the codes: {listError}</p>}
      <div className="table-wrap">
        <table data-testid="join-codes">
          <thead>
            <tr>
              <th scope="col">Code id</th>
              <th scope="col">Role</th>
              <th scope="col">Label</th>
              <th scope="col" className="num">
                Joins
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(codes ?? []).map((c) => (
              <tr key={c.codeId} data-code={c.codeId}>
                <td className="mono">{c.codeId}</td>
                <td>
                  {c.grant.role}
                  {c.grant.nation ? ` · ${name(c.grant.nation)}` : ""}
                </td>
                <td>
                  {c.label} {c.codeId === session.me.codeId && <span className="tag accent">this session</span>}
                </td>
                <td className="num">{c.redemptions}</td>
                <td>{c.revoked ? <span className="tag bad">Revoked</span> : <span className="tag ok">Active</span>}</td>
                <td>
                  {!c.revoked &&
                    (confirming === c.codeId ? (
                      <span className="actions">
                        <button
                          type="button"
                          className="small danger"
                          disabled={revoke.busy}
                          onClick={async () => {
                            await revoke.run("access.revokeJoinCode", { codeId: c.codeId });
                            setConfirming(null);
                            void load();
                          }}
                        >
                          Confirm revoke
                        </button>
                        <button type="button" className="small" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="small" onClick={() => setConfirming(c.codeId)} aria-label={`Revoke ${c.label}`}>
                        Revoke
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProblemNote problem={revoke.problem} />
      <p className="hint">Revoking a code disconnects everyone who joined with it. Codes themselves are never stored, only shown once when issued.</p>
    </section>
  );
}

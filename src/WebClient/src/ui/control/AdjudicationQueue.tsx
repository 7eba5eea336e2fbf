import { useEffect, useState, type FormEvent } from "react";
import { fetchAdjudicationQueue, type AdjudicationQueue as Queue, type HeldOutcome, type OutcomeVerdict } from "../../api/adjudication";
import type { NationDelta, NationIndex } from "../../api/types";
import { NATION_INDICES } from "../../api/types";
import { describeAction } from "../../state/actions";
import { INDEX_LABELS, describeDelta } from "../../state/describe";
import { Field, ProblemNote, fieldHit, useCommand, useExercise } from "../common";

const VERDICT_WORDS: Record<OutcomeVerdict, string> = { approve: "Approved", amend: "Amended", void: "Voided" };

/**
 * Review before release: the turn's adjudicated outcomes held for exercise control, each approved, amended or voided
 * with a rationale (required to amend or void), then "Release results". The queue is read from the gateway again
 * whenever control's live feed moves on (its SignalR events), so two facilitators see each other's verdicts.
 */
export function AdjudicationQueue() {
  const { state, session } = useExercise();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { run, busy, problem } = useCommand();

  useEffect(() => {
    let current = true;
    fetchAdjudicationQueue(session).then(
      (q) => current && (setQueue(q), setFailed(null)),
      (e: unknown) => current && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [session, state.sequence]);

  if (!queue) {
    return failed ? <p className="hint">The adjudication review could not be read: {failed}</p> : null;
  }

  const live = state.exercise.status === "running" || state.exercise.status === "paused";
  const held = queue.turn !== null;
  const pendingReason =
    queue.pending > 0
      ? `${queue.pending} outcome${queue.pending === 1 ? "" : "s"} still to review`
      : state.exercise.status !== "running"
        ? "The exercise is paused: resume it to release the results"
        : null;

  return (
    <section className="panel" aria-labelledby="adjudication-queue-title" data-testid="adjudication-queue">
      <header>
        <h2 id="adjudication-queue-title">Adjudication review</h2>
        <label className="hint">
          <input
            type="checkbox"
            checked={queue.reviewEnabled}
            disabled={busy || !live && state.exercise.status !== "draft" || (held && queue.reviewEnabled)}
            onChange={(e) => void run("exercise.setAdjudicationReview", { enabled: e.target.checked })}
          />{" "}
          Hold outcomes for review before results go out
        </label>
      </header>
      <ProblemNote problem={problem} />
      {!held ? (
        <p className="empty">
          {queue.reviewEnabled
            ? "Nothing is held. When orders close, the turn's outcomes wait here for your review; teams see nothing until you release them."
            : "Outcomes go out as soon as a turn is adjudicated."}
        </p>
      ) : (
        <>
          <p>
            Turn {queue.turn}: {queue.outcomes.length} outcome{queue.outcomes.length === 1 ? "" : "s"} held.{" "}
            Teams see nothing of them, and the turn waits, until the results are released. The rationale stays with exercise control and the after-action review.
          </p>
          <ul className="stack" aria-label="Outcomes held for review">
            {queue.outcomes.map((h) => (
              <HeldOutcomeItem key={h.outcome.outcomeId} held={h} />
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="primary"
              data-testid="release-results"
              disabled={busy || pendingReason !== null}
              title={pendingReason ?? undefined}
              onClick={() => void run("exercise.releaseResults", { expectedTurn: queue.turn })}
            >
              Release results
            </button>
            {pendingReason && (
              <span className="hint" data-testid="release-blocked">
                {pendingReason}.
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** One held outcome in words: who, the order, success, the dice, the effects per nation; then its verdict or the review form. */
function HeldOutcomeItem({ held }: { held: HeldOutcome }) {
  const { name } = useExercise();
  const o = held.outcome;
  const effects = held.releasedEffects ?? o.effects;
  return (
    <li className="sub" data-testid="held-outcome" aria-label={`${name(o.actor)}: ${describeAction(o.action, name)}`}>
      <div>
        <strong>{name(o.actor)}</strong>: {describeAction(o.action, name)}{" "}
        <span className={`tag ${o.success ? "ok" : "bad"}`}>{o.success ? "Success" : "Failure"}</span>
      </div>
      <div className="hint">{o.summary}</div>
      {o.rolls.length > 0 && <div className="hint">Dice: {o.rolls.map((r) => r.toFixed(2)).join(", ")}</div>}
      <div>
        {effects.length === 0 ? (
          <span className="hint">No effect on any nation.</span>
        ) : (
          effects.map((e, i) => (
            <div key={i}>
              {name(e.delta.nation)}: {describeDelta(e.delta, name) || "told only"}
            </div>
          ))
        )}
      </div>
      {held.verdict ? (
        <div data-testid="verdict">
          <span className="tag">{VERDICT_WORDS[held.verdict]}</span>
          {held.rationale && <span className="hint"> — {held.rationale}</span>}
        </div>
      ) : (
        <ReviewForm held={held} />
      )}
    </li>
  );
}

/** Approve (rationale optional), amend (new index changes, rationale required) or void (rationale required). */
function ReviewForm({ held }: { held: HeldOutcome }) {
  const { name, state } = useExercise();
  const { run, busy, problem } = useCommand();
  const o = held.outcome;
  const [verdict, setVerdict] = useState<OutcomeVerdict>("approve");
  const [rationale, setRationale] = useState("");
  const nations = o.effects.length > 0 ? o.effects.map((e) => e.delta.nation) : [o.actor];
  const [values, setValues] = useState<Record<string, Record<string, string>>>(() =>
    Object.fromEntries(nations.map((n) => [n, Object.fromEntries(NATION_INDICES.map((i) => [i, String(o.effects.find((e) => e.delta.nation === n)?.delta.indices[i] ?? 0)]))])),
  );
  const missing = verdict !== "approve" && !rationale.trim() ? "a rationale (required to amend or void)" : null;
  const running = state.exercise.status === "running";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const effects: NationDelta[] | null =
      verdict === "amend"
        ? nations.map((nation) => {
            const indices: Partial<Record<NationIndex, number>> = {};
            for (const i of NATION_INDICES) {
              const v = Number(values[nation]?.[i] ?? 0);
              if (Number.isInteger(v) && v !== 0) indices[i] = v;
            }

            const original = o.effects.find((e) => e.delta.nation === nation)?.delta;
            return { nation, indices, relations: original?.relations ?? {}, posture: original?.posture ?? null, sanctionsImposed: original?.sanctionsImposed ?? null, sanctionsLifted: original?.sanctionsLifted ?? null };
          })
        : null;
    await run("exercise.reviewOutcome", { outcomeId: o.outcomeId, verdict, rationale: rationale.trim() || null, effects });
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`Review ${name(o.actor)}'s outcome`}>
      <div className="row" role="radiogroup" aria-label="Verdict">
        {(["approve", "amend", "void"] as const).map((v) => (
          <label key={v}>
            <input type="radio" name={`verdict-${o.outcomeId}`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} /> {v === "approve" ? "Approve" : v === "amend" ? "Amend" : "Void"}
          </label>
        ))}
      </div>
      {verdict === "amend" &&
        nations.map((nation) => (
          <fieldset key={nation}>
            <legend>{name(nation)}: index changes instead</legend>
            <div className="row">
              {NATION_INDICES.map((i) => (
                <Field key={i} label={INDEX_LABELS[i]} invalid={fieldHit(problem, "effects")}>
                  {(id) => (
                    <input
                      id={id}
                      type="number"
                      step={1}
                      value={values[nation]?.[i] ?? "0"}
                      onChange={(e) => setValues({ ...values, [nation]: { ...values[nation], [i]: e.target.value } })}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
        ))}
      <Field label={verdict === "approve" ? "Rationale (optional, for control and the review)" : "Rationale (required, for control and the review)"} invalid={fieldHit(problem, "rationale")}>
        {(id) => <input id={id} value={rationale} maxLength={500} onChange={(e) => setRationale(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="small primary" disabled={busy || missing !== null || !running} title={missing ? `Still needed: ${missing}.` : undefined}>
          {verdict === "approve" ? "Approve" : verdict === "amend" ? "Amend" : "Void"}
        </button>
        {missing && <span className="hint">Still needed: {missing}.</span>}
        {!running && <span className="hint">Resume the exercise to review.</span>}
      </div>
      <ProblemNote problem={problem} />
    </form>
  );
}

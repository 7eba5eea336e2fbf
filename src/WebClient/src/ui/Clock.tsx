import { useState } from "react";
import type { ExerciseView, TurnPhase } from "../api/types";
import { formatMs, parseDuration } from "../state/describe";
import { formatSimulated } from "../state/simulatedTime";
import { Field, ProblemNote, fieldHit, useCommand, useExercise, useNow } from "./common";

const PHASE_LABEL: Record<TurnPhase, string> = {
  planning: "Planning",
  orders: "Orders",
  adjudication: "Adjudication",
  results: "Results",
};

const STATUS_LABEL: Record<string, string> = {
  notCreated: "Not created",
  draft: "Not started",
  running: "Running",
  paused: "Paused",
  ended: "Ended",
};

/** What "Advance" will do next, in words (the server decides whether it may). */
function nextStep(exercise: ExerciseView): string {
  switch (exercise.phase) {
    case "planning":
      return "Open orders";
    case "orders":
      return "Close orders and adjudicate";
    case "adjudication":
      // Adjudication settles at once unless control reviews results before release: then the queue releases them.
      return "Results held for review";
    case "results":
      return exercise.maxTurns !== null && exercise.turn >= exercise.maxTurns ? "End the final turn" : `Start turn ${exercise.turn + 1}`;
  }
}

function Remaining({ exercise }: { exercise: ExerciseView }) {
  const now = useNow();
  if (exercise.status === "paused") {
    const left = parseDuration(exercise.pausedRemaining);
    return <span className="value countdown">{left === null ? "—" : `${formatMs(left)} (paused)`}</span>;
  }

  if (!exercise.deadlineAt) {
    return <span className="value">No deadline</span>;
  }

  const left = new Date(exercise.deadlineAt).getTime() - now;
  return (
    <span className={`value countdown${left < 60_000 ? " urgent" : ""}`} data-testid="countdown" aria-live="off">
      {formatMs(left)}
    </span>
  );
}

/** The exercise clock everyone sees; exercise control also gets its controls. */
export function ClockPanel({ controls }: { controls?: boolean }) {
  const { state } = useExercise();
  const exercise = state.exercise;
  return (
    <section className="panel" aria-labelledby="clock-title">
      <h2 id="clock-title" className="visually-hidden">
        Exercise clock
      </h2>
      <div className="clock" data-testid="clock">
        <div className="item">
          <span className="label">Status</span>
          <span>
            <span className="status-pill" data-status={exercise.status} data-testid="exercise-status">
              {STATUS_LABEL[exercise.status] ?? exercise.status}
            </span>
          </span>
        </div>
        <div className="item">
          <span className="label">Turn</span>
          <span className="value" data-testid="turn">
            {exercise.turn === 0 ? "—" : exercise.maxTurns ? `${exercise.turn} of ${exercise.maxTurns}` : exercise.turn}
          </span>
        </div>
        <div className="item">
          <span className="label">Phase</span>
          <span className="value" data-testid="phase">
            {exercise.turn === 0 ? "—" : PHASE_LABEL[exercise.phase]}
          </span>
        </div>
        <div className="item">
          <span className="label">Time left in phase</span>
          <Remaining exercise={exercise} />
        </div>
        <div className="item">
          <span className="label">Simulated time</span>
          <span className="value" data-testid="simulated-time">
            {formatSimulated(exercise.simulatedTime)}
          </span>
        </div>
      </div>
      {exercise.status === "ended" && exercise.endReason && <p className="hint">Ended: {exercise.endReason}</p>}
      {controls && <ClockControls exercise={exercise} />}
    </section>
  );
}

function ClockControls({ exercise }: { exercise: ExerciseView }) {
  const { run, busy, problem } = useCommand();
  const [extendBy, setExtendBy] = useState("PT5M");
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState("");
  const status = exercise.status;
  return (
    <div className="clock-controls">
      <div className="actions" role="group" aria-label="Clock controls">
        {status === "draft" && (
          <button type="button" className="primary" disabled={busy} onClick={() => void run("exercise.start")}>
            Start exercise
          </button>
        )}
        {(status === "running" || status === "paused") && (
          <button
            type="button"
            className="primary"
            disabled={busy || exercise.phase === "adjudication"}
            title={exercise.phase === "adjudication" ? "Review the held outcomes and release the results in the adjudication queue." : undefined}
            data-testid="advance"
            onClick={() => void run("exercise.advance", { expectedTurn: exercise.turn, expectedPhase: exercise.phase })}
          >
            {nextStep(exercise)}
          </button>
        )}
        {status === "running" && (
          <button type="button" disabled={busy} onClick={() => void run("exercise.pause")}>
            Pause
          </button>
        )}
        {status === "paused" && (
          <button type="button" disabled={busy} onClick={() => void run("exercise.resume")}>
            Resume
          </button>
        )}
        {(status === "running" || status === "paused") && (
          <span className="actions">
            <label className="inline" htmlFor="extend-by">
              Extend deadline by
            </label>
            <select id="extend-by" value={extendBy} onChange={(e) => setExtendBy(e.target.value)} style={{ width: "auto" }}>
              <option value="PT2M">2 minutes</option>
              <option value="PT5M">5 minutes</option>
              <option value="PT10M">10 minutes</option>
              <option value="PT15M">15 minutes</option>
              <option value="PT30M">30 minutes</option>
            </select>
            <button type="button" disabled={busy} onClick={() => void run("exercise.extendDeadline", { by: extendBy })}>
              Extend
            </button>
          </span>
        )}
        {status === "ended" && !exercise.reviewOpen && (
          <button type="button" disabled={busy} onClick={() => void run("exercise.openReview")}>
            Open after-action review
          </button>
        )}
        {status !== "ended" && !ending && (
          <button type="button" className="danger" disabled={busy} onClick={() => setEnding(true)}>
            End exercise…
          </button>
        )}
      </div>
      {ending && (
        <form
          className="sub"
          onSubmit={async (e) => {
            e.preventDefault();
            const reply = await run("exercise.end", { reason });
            if (reply?.accepted) {
              setEnding(false);
              setReason("");
            }
          }}
        >
          <Field label="Reason for ending (required, shown to everyone)" invalid={fieldHit(problem, "reason")}>
            {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              End the exercise
            </button>
            <button type="button" onClick={() => setEnding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ProblemNote problem={problem} />
    </div>
  );
}

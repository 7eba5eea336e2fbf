import { useEffect, useId, useState, type FormEvent } from "react";
import { ApiError, api, type Session } from "../api/http";
import type { CommandProblem, CreatedExercise, ExerciseEntry, ScenarioSummary } from "../api/types";
import { formatInstant } from "../state/describe";
import { CopyButton, Field, ProblemNote } from "./common";
import { DataTable } from "./common/DataTable";

function asProblem(error: unknown): CommandProblem {
  return error instanceof ApiError
    ? error.problem
    : { code: "unreachable", message: `The gateway did not answer: ${error instanceof Error ? error.message : String(error)}`, field: null, allowed: null };
}

const STATUS: Record<string, string> = { draft: "Not started", running: "Running", paused: "Paused", ended: "Ended", notCreated: "—" };

export function Landing({ onJoined, initialProblem }: { onJoined: (session: Session) => void; initialProblem?: CommandProblem | null }) {
  const [exercises, setExercises] = useState<ExerciseEntry[] | null>(null);
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [loadProblem, setLoadProblem] = useState<CommandProblem | null>(null);

  useEffect(() => {
    api.exercises().then(setExercises, (e) => setLoadProblem(asProblem(e)));
    api.scenarios().then(setScenarios, (e) => setLoadProblem(asProblem(e)));
  }, []);

  return (
    <main id="main">
      <div className="landing-hero">
        <h1>Join or create an exercise</h1>
        <p className="muted">Political-military crisis exercises: teams play nations, exercise control runs the clock, observers watch.</p>
      </div>
      <div className="grid cols-2">
        <JoinForm onJoined={onJoined} initialProblem={initialProblem ?? null} />
        <CreateForm scenarios={scenarios} onJoined={onJoined} />
      </div>
      <section className="panel" aria-labelledby="catalog-title" style={{ marginTop: 16 }}>
        <h2 id="catalog-title">Exercises on this server</h2>
        <ProblemNote problem={loadProblem} />
        {exercises === null ? (
          <p className="empty">Loading…</p>
        ) : exercises.length === 0 ? (
          <p className="empty">No exercises yet. Create one from a scenario.</p>
        ) : (
          <DataTable
            testId="catalog"
            rows={exercises}
            rowKey={(x) => x.exerciseId}
            columns={[
              { header: "Exercise", cell: (x) => x.name },
              { header: "Scenario", cell: (x) => x.scenarioTitle },
              { header: "Status", cell: (x) => STATUS[x.status] ?? x.status },
              { header: "Turn", cell: (x) => (x.turn === 0 ? "—" : `${x.turn} (${x.phase})`) },
              { header: "Created", cell: (x) => formatInstant(x.createdAt) },
            ]}
          />
        )}
        <p className="hint">To take part, ask exercise control for a join code.</p>
      </section>
    </main>
  );
}

function JoinForm({ onJoined, initialProblem }: { onJoined: (session: Session) => void; initialProblem: CommandProblem | null }) {
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CommandProblem | null>(initialProblem);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onJoined(await api.join(code));
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="join-title">
      <h2 id="join-title">Join with a code</h2>
      <form onSubmit={(e) => void submit(e)}>
        <Field label="Join code" invalid={!!problem} hint="12 letters and digits from exercise control, like ABCD-EFGH-JKMN.">
          {(id) => (
            <input id={id} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} className="mono" placeholder="XXXX-XXXX-XXXX" />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          Join
        </button>
        <ProblemNote problem={problem} />
      </form>
    </section>
  );
}

function CreateForm({ scenarios, onJoined }: { scenarios: ScenarioSummary[]; onJoined: (session: Session) => void }) {
  const [scenarioId, setScenarioId] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CommandProblem | null>(null);
  const [created, setCreated] = useState<CreatedExercise | null>(null);
  const descriptionId = useId();
  const chosen = scenarios.find((s) => s.id === (scenarioId || scenarios[0]?.id));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setCreated(await api.createExercise(chosen?.id ?? "", name));
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const enter = async () => {
    if (!created) return;
    setBusy(true);
    try {
      onJoined(await api.join(created.facilitatorCode));
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };

  if (created) {
    return (
      <section className="panel" aria-labelledby="create-title">
        <h2 id="create-title">Exercise created</h2>
        <div className="notice" role="status" data-testid="facilitator-code">
          <p>
            <strong>{created.name}</strong> is ready. This is its exercise-control code. It is shown only once: keep it somewhere safe.
          </p>
          <p className="actions">
            <span className="secret mono" data-testid="facilitator-code-value">
              {created.facilitatorCode}
            </span>
            <CopyButton text={created.facilitatorCode} label="Copy code" />
          </p>
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void enter()}>
          Continue as exercise control
        </button>
        <ProblemNote problem={problem} />
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="create-title">
      <h2 id="create-title">Create an exercise</h2>
      <form onSubmit={(e) => void create(e)}>
        <Field label="Scenario" invalid={problem?.field === "scenarioId"}>
          {(id) => (
            <select id={id} value={chosen?.id ?? ""} onChange={(e) => setScenarioId(e.target.value)} aria-describedby={descriptionId}>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        {chosen && (
          <p className="hint" id={descriptionId}>
            {chosen.description} ({chosen.nations} nations, {chosen.alliances} alliances, {chosen.injects} injects
            {chosen.maxTurns ? `, ${chosen.maxTurns} turns` : ""})
          </p>
        )}
        <Field label="Name (optional)" invalid={problem?.field === "name"}>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} placeholder={chosen?.title} />}
        </Field>
        <button type="submit" className="primary" disabled={busy || !chosen}>
          Create exercise
        </button>
        <ProblemNote problem={problem} />
      </form>
    </section>
  );
}

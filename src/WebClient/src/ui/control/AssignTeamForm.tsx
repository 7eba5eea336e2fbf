import { useState, type FormEvent } from "react";
import { Field, ProblemNote, fieldHit, useCommand, useExercise } from "../common";

/** A team id from its name, as the rules accept it: lower-case letters, digits and hyphens, at most 40. */
export function teamIdFor(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/**
 * Exercise control hands a nation to a team (before or during play). Only nations no team plays are offered; the
 * exercise's rules refuse the rest with the nations still free.
 */
export function AssignTeamForm() {
  const { state } = useExercise();
  const { run, busy, problem } = useCommand();
  const [teamName, setTeamName] = useState("");
  const [nation, setNation] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const played = new Set(state.exercise.teams.map((t) => t.nation));
  const free = state.nations.filter((n) => !played.has(n.code));
  const teamId = teamIdFor(teamName);
  const ready = teamId.length > 0 && nation !== "";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const reply = await run("exercise.assignTeam", { teamId, teamName: teamName.trim(), nation });
    if (reply?.accepted) {
      setDone(`${teamName.trim()} now plays ${state.nations.find((n) => n.code === nation)?.name ?? nation}.`);
      setTeamName("");
      setNation("");
    }
  };

  return (
    <section className="panel" aria-labelledby="assign-title">
      <h2 id="assign-title">Assign a team</h2>
      <p className="hint">
        Teams: {state.exercise.teams.length ? state.exercise.teams.map((t) => `${t.teamName} (${state.nations.find((n) => n.code === t.nation)?.name ?? t.nation})`).join(", ") : "none yet"}.
      </p>
      {free.length === 0 ? (
        <p className="empty">Every nation is played by a team.</p>
      ) : (
        <form aria-label="Assign a team" onSubmit={(e) => void submit(e)}>
          <div className="row">
            <Field label="Team name" invalid={fieldHit(problem, "teamName", "teamId")}>
              {(id) => <input id={id} value={teamName} maxLength={60} onChange={(e) => setTeamName(e.target.value)} placeholder="e.g. Calderran delegation" />}
            </Field>
            <Field label="Plays" invalid={fieldHit(problem, "nation")}>
              {(id) => (
                <select id={id} value={nation} onChange={(e) => setNation(e.target.value)}>
                  <option value="">— a nation no team plays —</option>
                  {free.map((n) => (
                    <option key={n.code} value={n.code}>
                      {n.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="field">
              <button type="submit" className="primary" disabled={busy || !ready} title={ready ? undefined : "Name the team and choose its nation first."}>
                Assign
              </button>
            </div>
          </div>
          <ProblemNote problem={problem} />
          {done && !problem && (
            <div className="notice" role="status">
              {done}
            </div>
          )}
        </form>
      )}
    </section>
  );
}

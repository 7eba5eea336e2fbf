import { useMemo } from "react";
import type { RecordedEvent } from "../../api/types";
import { useExercise } from "../common";
import { ExerciseTimeStamp } from "../ExerciseTimeStamp";

/**
 * What alliances decided in public: accessions, withdrawals, and attacks put on record (which open collective
 * defence). Only public events reach an observer before the review (the server asks the visibility policy), so
 * consultations, drafts and votes — member traffic — never appear here.
 */
const PUBLIC_DECISIONS = new Set(["alliance.member-admitted", "alliance.member-withdrew", "exercise.armed-attack-reported"]);

function sentence(recorded: RecordedEvent, name: (c: string) => string, alliance: (c: string) => string): string {
  const e = recorded.event as Record<string, string>;
  const where = alliance(recorded.stream.slice("alliance/".length));
  switch (e.$type) {
    case "alliance.member-admitted":
      return `${name(e.nation!)} joined the ${where}`;
    case "alliance.member-withdrew":
      return `${name(e.member!)} left the ${where}`;
    default:
      return `An armed attack by ${name(e.attacker!)} on ${name(e.victim!)} is on record`;
  }
}

export function PublicAllianceDecisions() {
  const { state, name } = useExercise();
  const allianceName = (code: string) => state.alliances.find((a) => a.code === code)?.name ?? code;
  const decisions = useMemo(() => state.timeline.filter((e) => PUBLIC_DECISIONS.has(e.event.$type)).reverse(), [state.timeline]);
  return (
    <section className="panel" aria-labelledby="public-decisions-title">
      <h2 id="public-decisions-title">Alliance decisions made public</h2>
      {decisions.length === 0 ? (
        <p className="empty">No public alliance decisions yet.</p>
      ) : (
        <ul className="feed" data-testid="public-decisions">
          {decisions.map((e) => (
            <li key={e.sequence} data-testid="public-decision">
              <div className="meta">
                <ExerciseTimeStamp event={e} />
              </div>
              <div className="headline">{sentence(e, name, allianceName)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

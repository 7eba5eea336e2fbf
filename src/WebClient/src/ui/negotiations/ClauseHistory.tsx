import type { Clause, TextVersion } from "../../api/negotiationTypes";
import { describeClause } from "../../state/negotiation";
import { useExercise } from "../common";

/** Who changed which clause when: every version's changes against the one before, newest first. */
export function ClauseHistory({ versions }: { versions: TextVersion[] }) {
  const { name } = useExercise();
  const inWords = (clause: Clause | undefined, fallback: string | null) => (clause ? describeClause(clause, name) : (fallback ?? ""));
  return (
    <details className="clause-history" data-testid="clause-history" open={versions.length > 1}>
      <summary>Clause history ({versions.length} version{versions.length === 1 ? "" : "s"})</summary>
      <ol reversed className="history">
        {[...versions].reverse().map((v) => {
          const before = versions.find((x) => x.number === v.number - 1);
          return (
            <li key={v.number} data-version={v.number}>
              <strong>Version {v.number}</strong> by {name(v.author)}
              {v.note ? ` — “${v.note}”` : ""}
              <ul>
                {v.changes.map((c) => {
                  const was = before?.clauses.find((x) => x.id === c.clauseId);
                  const now = v.clauses.find((x) => x.id === c.clauseId);
                  return (
                    <li key={c.clauseId} data-change={c.change}>
                      {c.change === "added" && <>Added: {inWords(now, c.after)}</>}
                      {c.change === "removed" && (
                        <>
                          Removed: <del>{inWords(was, c.before)}</del>
                        </>
                      )}
                      {c.change === "changed" && (
                        <>
                          Changed: <del>{inWords(was, c.before)}</del> → <ins>{inWords(now, c.after)}</ins>
                        </>
                      )}
                    </li>
                  );
                })}
                {v.changes.length === 0 && <li>No clause changed{v.durationTurns != null ? "; the duration or note did" : ""}.</li>}
              </ul>
            </li>
          );
        })}
      </ol>
    </details>
  );
}

import type { TextVersion } from "../../api/negotiationTypes";
import { formatClock } from "../../state/describe";
import { describeClause } from "../../state/negotiation";
import { useExercise } from "../common";

/** One version of the text: its clauses in words, its duration and the author's note. */
export function AgreementText({ version, caption }: { version: TextVersion; caption?: string }) {
  const { name } = useExercise();
  return (
    <div className="text-version" data-testid="text-version" data-version={version.number}>
      <div className="hint">
        {caption ?? "Agreement"} — version {version.number}, tabled by {name(version.author)} at {formatClock(version.at)}
      </div>
      <ol className="clauses">
        {version.clauses.map((c) => (
          <li key={c.id} data-clause-kind={c.kind}>
            {describeClause(c, name)}
          </li>
        ))}
      </ol>
      <div className="hint">{version.durationTurns ? `In force for ${version.durationTurns} turn${version.durationTurns === 1 ? "" : "s"}.` : "No end date."}</div>
      {version.note && <p className="hint">Note: {version.note}</p>}
    </div>
  );
}

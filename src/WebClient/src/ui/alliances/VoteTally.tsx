import type { AllianceMemberView, Draft } from "../../api/types";
import { useExercise } from "../common";

/** Who may vote on a draft now: members in good standing, except the member a suspension concerns (as the rules count). */
export function eligibleVoters(d: Draft, members: string[], m: AllianceMemberView): string[] {
  return members.filter((code) => !m.suspended.includes(code) && !(d.proposal.kind === "suspension" && d.proposal.member === code));
}

/**
 * The count as the rule will make it: the weighted yes tally against the threshold (qualified majority), turnout
 * against the quorum, who has not voted yet, and the viewer's own vote.
 */
export function VoteTally({ d, members, member: m, you }: { d: Draft; members: string[]; member: AllianceMemberView; you: string | null }) {
  const { name } = useExercise();
  const eligible = eligibleVoters(d, members, m);
  const weight = (code: string) => d.rule.weights?.[code] ?? 1;
  const total = eligible.reduce((sum, code) => sum + weight(code), 0);
  const yes = eligible.filter((code) => d.votes[code]?.choice === "yes").reduce((sum, code) => sum + weight(code), 0);
  const voted = eligible.filter((code) => d.votes[code]);
  const notVoted = eligible.filter((code) => !d.votes[code]);
  const yours = you ? d.votes[you] : undefined;
  return (
    <div className="hint" data-testid="vote-tally">
      {d.rule.kind === "qualifiedMajority" && d.rule.threshold != null && (
        <div>
          Yes <strong>{yes}</strong> of {total} votes ({total ? Math.round((yes / total) * 100) : 0}%) — needs {Math.round(d.rule.threshold * 100)}%
          {d.rule.weights ? " (weighted)" : ""}
        </div>
      )}
      {d.rule.quorum != null && (
        <div>
          Turnout {voted.length} of {eligible.length} — quorum {Math.round(d.rule.quorum * 100)}%
        </div>
      )}
      {Object.values(d.votes).length > 0 && <div>Votes: {Object.values(d.votes).map((v) => `${name(v.member)} ${v.choice}`).join(", ")}</div>}
      {d.status === "open" && d.rule.kind !== "silenceProcedure" && (
        <div data-testid="not-voted">Not voted yet: {notVoted.length ? notVoted.map(name).join(", ") : "nobody"}</div>
      )}
      {you && eligible.includes(you) && d.rule.kind !== "silenceProcedure" && (
        <div data-testid="your-vote">Your vote: {yours ? <strong>{yours.choice}</strong> : "not cast"}</div>
      )}
    </div>
  );
}

import { useState } from "react";
import type { AllianceMemberView, AllianceView, Draft } from "../../api/types";
import { describeProposal } from "../../state/describe";
import { withNames } from "../../state/withNames";
import { useExercise } from "../common";
import { ALLIANCE_COMMANDS, ruleText, type Send } from "./allianceCommands";
import { PlayDeadline } from "./PlayDeadline";
import { eligibleVoters, VoteTally } from "./VoteTally";

/**
 * One draft decision with its count. Actions only for who may take them: voting for an eligible member that has not
 * voted, breaking silence for an eligible member, withdrawing for the member that tabled it.
 */
export function DraftItem(props: { d: Draft; alliance: AllianceView; member: AllianceMemberView; actingAs: string | null; send: Send; busy: boolean; mayAct: boolean }) {
  const { d, alliance, member: m, actingAs, send, busy, mayAct } = props;
  const { name, state } = useExercise();
  const [reason, setReason] = useState("");
  const silence = d.rule.kind === "silenceProcedure";
  const you = state.viewer.role === "team" ? state.viewer.nation : actingAs;
  const eligible = you != null && eligibleVoters(d, alliance.members, m).includes(you);
  const open = d.status === "open" && mayAct && you != null;
  return (
    <div className="msg" data-kind="outcome" data-draft={d.id} style={{ marginBottom: 10 }}>
      <div>
        <strong>{describeProposal(d.proposal, name)}</strong> <span className={`tag ${d.status === "passed" ? "ok" : d.status === "failed" ? "bad" : ""}`}>{d.status}</span>
      </div>
      <div className="hint">
        Tabled by {name(d.tabledBy)}; {ruleText(d.rule)}
        {d.status === "open" && <>; {d.dueAfter ? `decided at the end of turn ${d.dueAfter.turn}'s ${d.dueAfter.phase} phase` : <><PlayDeadline at={d.deadline} clock={m.clock} /> left</>}</>}.
      </div>
      <VoteTally d={d} members={alliance.members} member={m} you={state.viewer.role === "observer" ? null : you} />
      {d.silenceBreak && <div className="hint">Silence broken by {name(d.silenceBreak.member)}: {d.silenceBreak.reason}</div>}
      {d.result && <div className="hint">Result: {withNames(d.result.reason, name)}</div>}
      {open && (
        <div className="actions" style={{ marginTop: 6 }}>
          {!silence &&
            eligible &&
            !d.votes[you] &&
            (["yes", "no", "abstain"] as const).map((choice) => (
              <button key={choice} type="button" className="small" disabled={busy} onClick={() => void send(ALLIANCE_COMMANDS.castVote, { draftId: d.id, choice, reason: null })}>
                Vote {choice}
              </button>
            ))}
          {silence && eligible && (
            <>
              <input aria-label="Reason for breaking silence" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (required)" style={{ maxWidth: 260 }} />
              <button type="button" className="small" disabled={busy || !reason.trim()} onClick={() => void send(ALLIANCE_COMMANDS.breakSilence, { draftId: d.id, reason })}>
                Break silence
              </button>
            </>
          )}
          {d.tabledBy === you && (
            <button type="button" className="small" disabled={busy} onClick={() => void send(ALLIANCE_COMMANDS.withdrawDraft, { draftId: d.id })}>
              Withdraw draft
            </button>
          )}
        </div>
      )}
    </div>
  );
}

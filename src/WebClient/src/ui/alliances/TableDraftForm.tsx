import { useState } from "react";
import { shortId } from "../../api/http";
import type { AllianceMemberView, AllianceView, DraftProposal } from "../../api/types";
import { Field, useExercise } from "../common";
import { ALLIANCE_COMMANDS, type Send } from "./allianceCommands";

export function TableDraftForm({ alliance, member, send, busy }: { alliance: AllianceView; member: AllianceMemberView; send: Send; busy: boolean }) {
  const { state, name } = useExercise();
  const [kind, setKind] = useState<DraftProposal["kind"]>("collectiveStatement");
  const [subject, setSubject] = useState("");
  const proposal = (): DraftProposal => {
    switch (kind) {
      case "collectiveDefence":
        return { kind, attackId: subject };
      case "jointDeployment":
        return { kind, nation: subject, area: null };
      case "collectiveStatement":
        return { kind, text: subject };
      case "admission":
        return { kind, candidate: subject };
      case "suspension":
        return { kind, member: subject };
    }
  };
  const nations = kind === "admission" ? state.nations.filter((n) => !alliance.members.includes(n.code)) : kind === "suspension" ? state.nations.filter((n) => alliance.members.includes(n.code)) : state.nations;
  return (
    <>
      <form
        aria-label="Table a draft decision"
        className="sub"
        onSubmit={(e) => {
          e.preventDefault();
          void send(ALLIANCE_COMMANDS.tableDraft, { draftId: shortId("d-"), proposal: proposal() });
        }}
      >
        <div className="row">
          <Field label="Decision">
            {(id) => (
              <select
                id={id}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as DraftProposal["kind"]);
                  setSubject("");
                }}
              >
                <option value="collectiveStatement">Collective statement</option>
                <option value="jointDeployment">Joint deployment</option>
                <option value="collectiveDefence">Invoke collective defence</option>
                <option value="admission">Admit a member</option>
                <option value="suspension">Suspend a member</option>
              </select>
            )}
          </Field>
          {kind === "collectiveStatement" ? (
            <Field label="Text of the statement">{(id) => <input id={id} value={subject} onChange={(e) => setSubject(e.target.value)} />}</Field>
          ) : kind === "collectiveDefence" ? (
            <Field label="Attack on record">
              {(id) => (
                <select id={id} value={subject} onChange={(e) => setSubject(e.target.value)}>
                  <option value="">— choose an attack —</option>
                  {member.attacks.map((a, i) => (
                    <option key={a.attackId} value={a.attackId}>
                      {/* numbered in the order they were recorded, never by the server's id */}
                      {name(a.attacker)} against {name(a.victim)}
                      {member.attacks.length > 1 ? ` (attack ${i + 1} on record)` : ""}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <Field label={kind === "jointDeployment" ? "Deploy to" : kind === "admission" ? "Candidate" : "Member"}>
              {(id) => (
                <select id={id} value={subject} onChange={(e) => setSubject(e.target.value)}>
                  <option value="">— choose a nation —</option>
                  {nations.map((n) => (
                    <option key={n.code} value={n.code}>
                      {n.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <button type="submit" className="primary" disabled={busy || !subject.trim()} title={subject.trim() ? undefined : "Fill in what the decision is about first."}>
          Table draft
        </button>
      </form>
    </>
  );
}


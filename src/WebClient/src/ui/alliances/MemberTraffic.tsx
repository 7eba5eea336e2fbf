import { useState } from "react";
import type { AllianceMemberView, AllianceView } from "../../api/types";
import { formatDuration } from "../../state/describe";
import { ProblemNote, useCommand, useExercise } from "../common";
import { decisionKindText, ruleText } from "./allianceCommands";
import { ConsultationItem } from "./ConsultationItem";
import { DefenceResponseForm } from "./DefenceResponseForm";
import { DraftItem } from "./DraftItem";
import { IntelligenceForm } from "./IntelligenceForm";
import { PledgeForm } from "./PledgeForm";
import { RequestConsultationForm } from "./RequestConsultationForm";
import { TableDraftForm } from "./TableDraftForm";
import { useActingMember } from "./useActingMember";
import { useMayAct } from "./useAllianceActor";
import { PlayDeadline } from "./PlayDeadline";

type AllianceAction = "consult" | "draft" | "pledge" | "intel";

const ACTIONS: { id: AllianceAction; label: string }[] = [
  { id: "consult", label: "Request consultations" },
  { id: "draft", label: "Table a draft decision" },
  { id: "pledge", label: "Pledge resources" },
  { id: "intel", label: "Share an intelligence report with members" },
];

export function MemberTraffic({ alliance, member: m }: { alliance: AllianceView; member: AllianceMemberView }) {
  const { name } = useExercise();
  const [actingAs, picker] = useActingMember(alliance);
  const mayAct = useMayAct();
  const command = useCommand();
  const [open, setOpen] = useState<AllianceAction | null>(null);
  const send = async (type: string, args: Record<string, unknown>) => {
    const reply = await command.run(type, { alliance: alliance.code, ...(actingAs ? { member: actingAs } : {}), ...args });
    if (reply?.accepted) {
      setOpen(null);
    }

    return reply;
  };
  const quiet =
    m.consultations.length + m.drafts.length + m.attacks.length + m.collectiveDefence.length + m.pledges.length + m.intelligence.length +
      m.withdrawals.length + m.formerMembers.length ===
    0;
  return (
    <div>
      {mayAct && picker}
      <details>
        <summary>Charter</summary>
        <ul>
          {m.charter.articles.map((a) => (
            <li key={a.id}>
              <strong>{a.title}.</strong> {a.text}
            </li>
          ))}
        </ul>
        <p className="hint">
          Consultations convene within {formatDuration(m.charter.consultation.conveneWithin)}; positions are due {formatDuration(m.charter.consultation.positionsDueWithin)}{" "}
          after. Withdrawal takes effect {formatDuration(m.charter.withdrawalNotice)} after notice.
        </p>
        <ul className="hint">
          {Object.entries(m.charter.decisionRules).map(([kind, rule]) => (
            <li key={kind}>
              {decisionKindText(kind)}: {ruleText(rule)}
            </li>
          ))}
        </ul>
      </details>

      {quiet && <p className="empty">No consultations, decisions, pledges or intelligence yet.</p>}

      {m.consultations.length > 0 && (
        <div className="sub">
          <h4>Consultations</h4>
          {m.consultations.map((c) => (
            <ConsultationItem key={c.id} c={c} send={send} busy={command.busy} mayAct={mayAct} clock={m.clock} />
          ))}
        </div>
      )}

      {m.drafts.length > 0 && (
        <div className="sub">
          <h4>Draft decisions</h4>
          {m.drafts.map((d) => (
            <DraftItem key={d.id} d={d} alliance={alliance} member={m} actingAs={actingAs} send={send} busy={command.busy} mayAct={mayAct} />
          ))}
        </div>
      )}

      {(m.attacks.length > 0 || m.collectiveDefence.length > 0) && (
        <div className="sub">
          <h4>Collective defence</h4>
          {m.attacks.map((a) => (
            <p key={a.attackId}>
              Attack on record: {name(a.attacker)} against {name(a.victim)}
            </p>
          ))}
          {m.collectiveDefence.map((i) => (
            <div key={i.id} className="msg" data-kind="brief">
              <strong>Invoked</strong> after {name(i.attacker)}'s attack on {name(i.victim)}; {i.closed ? "responses closed" : <>responses due within <PlayDeadline at={i.responsesDue} clock={m.clock} /></>}
.
              <div className="hint">
                Responded: {Object.values(i.responses).map((r) => `${name(r.member)} (${r.kind})`).join(", ") || "none"}
                {i.freeRiders.length > 0 && `; no response: ${i.freeRiders.map(name).join(", ")}`}
              </div>
              {!i.closed && mayAct && <DefenceResponseForm invocationId={i.id} send={send} busy={command.busy} />}
            </div>
          ))}
        </div>
      )}

      {m.pledges.length > 0 && (
        <div className="sub">
          <h4>Burden sharing</h4>
          <ul>
            {m.pledges.map((p) => (
              <li key={p.id}>
                {name(p.member)}: {p.delivered} of {p.amount} {p.resource} delivered, {p.fellDue ? "fell due" : <>due within <PlayDeadline at={p.dueBy} clock={m.clock} /></>}
                {p.fellDue && p.delivered < p.amount ? <span className="tag bad">shortfall</span> : null}
              </li>
            ))}
          </ul>
        </div>
      )}

      {m.intelligence.length > 0 && (
        <div className="sub">
          <h4>Intelligence shared with members</h4>
          <ul>
            {m.intelligence.map((r) => (
              <li key={r.id}>
                <strong>{r.title}</strong> ({name(r.member)}
                {r.about ? `, about ${name(r.about)}` : ""}): {r.body}
              </li>
            ))}
          </ul>
        </div>
      )}

      {(m.withdrawals.length > 0 || m.formerMembers.length > 0) && (
        <div className="sub">
          <h4>Membership</h4>
          {m.withdrawals.map((w) => (
            <p key={w.member}>
              {name(w.member)} gave notice of withdrawal; effective within <PlayDeadline at={w.effectiveAt} clock={m.clock} />.
            </p>
          ))}
          {m.formerMembers.length > 0 && <p>Former members: {m.formerMembers.map(name).join(", ")}</p>}
        </div>
      )}

      {mayAct && (
      <div className="actions sub" role="group" aria-label={`Act in ${alliance.name}`}>
        {ACTIONS.map((a) => (
          <button key={a.id} type="button" className="small" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? null : a.id)}>
            {a.label}
          </button>
        ))}
      </div>
      )}
      {mayAct && open === "consult" && <RequestConsultationForm send={send} busy={command.busy} />}
      {mayAct && open === "draft" && <TableDraftForm alliance={alliance} member={m} send={send} busy={command.busy} />}
      {mayAct && open === "pledge" && <PledgeForm send={send} busy={command.busy} />}
      {mayAct && open === "intel" && <IntelligenceForm alliance={alliance} send={send} busy={command.busy} />}
      <ProblemNote problem={command.problem} />
    </div>
  );
}


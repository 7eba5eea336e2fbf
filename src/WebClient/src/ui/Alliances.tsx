import { useState, type FormEvent, type ReactNode } from "react";
import { shortId } from "../api/http";
import type { AllianceMemberView, AllianceView, Consultation, DecisionRule, Draft, DraftProposal } from "../api/types";
import { describeProposal, formatDuration, formatInstant } from "../state/describe";
import { Field, ProblemNote, useCommand, useExercise } from "./common";

/**
 * Alliance commands as the gateway takes them: "alliance.<command>" with the alliance's code beside the command's
 * fields. A team acts as its own nation (the gateway fills in "member"); exercise control names the member it plays,
 * or none when it chairs (convening). The alliance grain enforces the charter and refuses the rest.
 */
export const ALLIANCE_COMMANDS = {
  requestConsultation: "alliance.requestConsultation",
  conveneConsultation: "alliance.conveneConsultation",
  recordPosition: "alliance.recordPosition",
  tableDraft: "alliance.tableDraft",
  castVote: "alliance.castVote",
  breakSilence: "alliance.breakSilence",
  withdrawDraft: "alliance.withdrawDraft",
  recordDefenceResponse: "alliance.recordDefenceResponse",
  giveWithdrawalNotice: "alliance.giveWithdrawalNotice",
  pledgeResources: "alliance.pledgeResources",
  recordPledgeDelivery: "alliance.recordPledgeDelivery",
  shareIntelligence: "alliance.shareIntelligence",
} as const;

const TYPE_LABEL: Record<string, string> = { bilateral: "Bilateral", multilateral: "Multilateral", regionalPartnership: "Regional partnership" };

function ruleText(rule: DecisionRule): string {
  const kind = { consensus: "Consensus", unanimity: "Unanimity", qualifiedMajority: "Qualified majority", silenceProcedure: "Silence procedure" }[rule.kind] ?? rule.kind;
  const extra = [rule.threshold != null ? `threshold ${Math.round(rule.threshold * 100)}%` : null, rule.quorum != null ? `quorum ${Math.round(rule.quorum * 100)}%` : null]
    .filter(Boolean)
    .join(", ");
  return `${kind}${extra ? ` (${extra})` : ""}, decided within ${formatDuration(rule.deadline)}`;
}

/**
 * The alliances this viewer may see. A team sees the member part of its own alliances (charter, consultations,
 * drafts, collective defence, pledges, intelligence, cohesion) and only names and members of the others.
 */
export function AlliancesPanel({ only }: { only?: string }) {
  const { state } = useExercise();
  const alliances = only ? state.alliances.filter((a) => a.members.includes(only)) : state.alliances;
  return (
    <section className="panel" aria-labelledby="alliances-title" data-testid="alliances">
      <h2 id="alliances-title">{only ? "Your alliances" : "Alliances"}</h2>
      {alliances.length === 0 && <p className="empty">{only ? "Your nation belongs to no alliance." : "This scenario has no alliances."}</p>}
      {alliances.map((a) => (
        <AllianceCard key={a.code} alliance={a} />
      ))}
    </section>
  );
}

function AllianceCard({ alliance }: { alliance: AllianceView }) {
  const { name } = useExercise();
  const m = alliance.member;
  return (
    <article className="alliance" aria-labelledby={`alliance-${alliance.code}`} data-alliance={alliance.code}>
      <header>
        <h3 id={`alliance-${alliance.code}`}>
          {alliance.name} <span className="tag">{alliance.code}</span> <span className="tag accent">{TYPE_LABEL[alliance.type] ?? alliance.type}</span>
        </h3>
        {m && (
          <span className="hint" data-testid="cohesion">
            Cohesion <strong>{m.cohesion.index}</strong>/100
          </span>
        )}
      </header>
      <p className="hint">
        Members:{" "}
        {alliance.members
          .map((code) => `${name(code)}${m?.suspended.includes(code) ? " (suspended)" : ""}`)
          .join(", ")}
      </p>
      {m ? <MemberTraffic alliance={alliance} member={m} /> : <p className="hint">Only members see this alliance's consultations and decisions.</p>}
    </article>
  );
}

/** For exercise control: which member it acts for (it plays non-player nations); null for teams. */
function useActingMember(alliance: AllianceView): [string | null, ReactNode] {
  const { state, name } = useExercise();
  const isControl = state.viewer.role === "facilitator";
  const [member, setMember] = useState(alliance.members[0] ?? "");
  if (!isControl) {
    return [null, null];
  }

  const picker = (
    <div className="acting-as">
      <Field label="Exercise control acts as" hint="Votes, positions and pledges are recorded for this member.">
      {(id) => (
        <select id={id} value={member} onChange={(e) => setMember(e.target.value)}>
          {alliance.members.map((code) => (
            <option key={code} value={code}>
              {name(code)}
            </option>
          ))}
        </select>
      )}
      </Field>
    </div>
  );
  return [member, picker];
}

type AllianceAction = "consult" | "draft" | "pledge" | "intel";

const ACTIONS: { id: AllianceAction; label: string }[] = [
  { id: "consult", label: "Request consultations" },
  { id: "draft", label: "Table a draft decision" },
  { id: "pledge", label: "Pledge resources" },
  { id: "intel", label: "Share intelligence" },
];

function MemberTraffic({ alliance, member: m }: { alliance: AllianceView; member: AllianceMemberView }) {
  const { name } = useExercise();
  const [actingAs, picker] = useActingMember(alliance);
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
      {picker}
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
              {kind === "default" ? "Decisions" : kind}: {ruleText(rule)}
            </li>
          ))}
        </ul>
      </details>

      {quiet && <p className="empty">No consultations, decisions, pledges or intelligence yet.</p>}

      {m.consultations.length > 0 && (
        <div className="sub">
          <h4>Consultations</h4>
          {m.consultations.map((c) => (
            <ConsultationItem key={c.id} c={c} send={send} busy={command.busy} />
          ))}
        </div>
      )}

      {m.drafts.length > 0 && (
        <div className="sub">
          <h4>Draft decisions</h4>
          {m.drafts.map((d) => (
            <DraftItem key={d.id} d={d} send={send} busy={command.busy} />
          ))}
        </div>
      )}

      {(m.attacks.length > 0 || m.collectiveDefence.length > 0) && (
        <div className="sub">
          <h4>Collective defence</h4>
          {m.attacks.map((a) => (
            <p key={a.attackId}>
              Attack on record: {name(a.attacker)} against {name(a.victim)} <span className="hint mono">({a.attackId})</span>
            </p>
          ))}
          {m.collectiveDefence.map((i) => (
            <div key={i.id} className="msg" data-kind="brief">
              <strong>Invoked</strong> after {name(i.attacker)}'s attack on {name(i.victim)}; responses due {formatInstant(i.responsesDue)}
              {i.closed ? " (closed)" : ""}.
              <div className="hint">
                Responded: {Object.values(i.responses).map((r) => `${name(r.member)} (${r.kind})`).join(", ") || "none"}
                {i.freeRiders.length > 0 && `; no response: ${i.freeRiders.map(name).join(", ")}`}
              </div>
              {!i.closed && <DefenceResponseForm invocationId={i.id} send={send} busy={command.busy} />}
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
                {name(p.member)}: {p.delivered} of {p.amount} {p.resource} delivered, due {formatInstant(p.dueBy)}
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
              {name(w.member)} gave notice of withdrawal; effective {formatInstant(w.effectiveAt)}.
            </p>
          ))}
          {m.formerMembers.length > 0 && <p>Former members: {m.formerMembers.map(name).join(", ")}</p>}
        </div>
      )}

      <div className="actions sub" role="group" aria-label={`Act in ${alliance.name}`}>
        {ACTIONS.map((a) => (
          <button key={a.id} type="button" className="small" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? null : a.id)}>
            {a.label}
          </button>
        ))}
      </div>
      {open === "consult" && <RequestConsultationForm send={send} busy={command.busy} />}
      {open === "draft" && <TableDraftForm alliance={alliance} member={m} send={send} busy={command.busy} />}
      {open === "pledge" && <PledgeForm send={send} busy={command.busy} />}
      {open === "intel" && <IntelligenceForm send={send} busy={command.busy} />}
      <ProblemNote problem={command.problem} />
    </div>
  );
}

type Send = (type: string, args: Record<string, unknown>) => Promise<unknown>;

function ConsultationItem({ c, send, busy }: { c: Consultation; send: Send; busy: boolean }) {
  const { name, state } = useExercise();
  const chair = state.viewer.role === "facilitator";
  const [position, setPosition] = useState("support");
  const [text, setText] = useState("");
  return (
    <div className="msg" data-kind="prompt" data-consultation={c.id} style={{ marginBottom: 10 }}>
      <div>
        <strong>{name(c.requestedBy)}</strong> requested consultations <span className="tag">{c.status}</span>
      </div>
      {c.threat && <div>Threat: {c.threat}</div>}
      <div className="hint">
        {c.status === "requested" && `Must convene by ${formatInstant(c.conveneBy)}.`}
        {c.status === "convened" && `Positions due ${formatInstant(c.positionsDue)}.`}
        {c.outcome && `Concluded: support ${c.outcome.support}, oppose ${c.outcome.oppose}, abstain ${c.outcome.abstain}${c.outcome.silent.length ? `; silent: ${c.outcome.silent.map(name).join(", ")}` : ""}.`}
      </div>
      {Object.values(c.positions).length > 0 && (
        <ul className="hint">
          {Object.values(c.positions).map((p) => (
            <li key={p.member}>
              {name(p.member)}: {p.kind}
              {p.text ? ` — “${p.text}”` : ""}
            </li>
          ))}
        </ul>
      )}
      {c.status === "requested" && (
        <button
          type="button"
          className="small"
          disabled={busy}
          // Exercise control convenes as chair (no member); a team convenes as its own nation.
          onClick={() => void send(ALLIANCE_COMMANDS.conveneConsultation, chair ? { consultationId: c.id, member: null } : { consultationId: c.id })}
        >
          {chair ? "Convene as chair" : "Convene"}
        </button>
      )}
      {c.status === "convened" && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void send(ALLIANCE_COMMANDS.recordPosition, { consultationId: c.id, position, text: text.trim() || null });
          }}
        >
          <Field label="Position">
            {(id) => (
              <select id={id} value={position} onChange={(e) => setPosition(e.target.value)}>
                <option value="support">Support</option>
                <option value="oppose">Oppose</option>
                <option value="abstain">Abstain</option>
                <option value="statement">Statement</option>
              </select>
            )}
          </Field>
          <Field label="Statement (optional)">{(id) => <input id={id} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
          <div className="field">
            <button type="submit" className="small" disabled={busy}>
              Record position
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function RequestConsultationForm({ send, busy }: { send: Send; busy: boolean }) {
  const [threat, setThreat] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(ALLIANCE_COMMANDS.requestConsultation, { consultationId: shortId("c-"), threat: threat.trim() || null, injectId: null });
  };
  return (
    <form onSubmit={submit} className="sub" aria-label="Request consultations">
        <Field label="The threat (what another nation did, or an inject)">{(id) => <textarea id={id} value={threat} onChange={(e) => setThreat(e.target.value)} />}</Field>
      <button type="submit" className="primary" disabled={busy}>
        Send the request to all members
      </button>
    </form>
  );
}

function DraftItem({ d, send, busy }: { d: Draft; send: Send; busy: boolean }) {
  const { name } = useExercise();
  const [reason, setReason] = useState("");
  const silence = d.rule.kind === "silenceProcedure";
  return (
    <div className="msg" data-kind="outcome" data-draft={d.id} style={{ marginBottom: 10 }}>
      <div>
        <strong>{describeProposal(d.proposal, name)}</strong> <span className={`tag ${d.status === "passed" ? "ok" : d.status === "failed" ? "bad" : ""}`}>{d.status}</span>
      </div>
      <div className="hint">
        Tabled by {name(d.tabledBy)}; {ruleText(d.rule)}; deadline {formatInstant(d.deadline)}.
      </div>
      {Object.values(d.votes).length > 0 && <div className="hint">Votes: {Object.values(d.votes).map((v) => `${name(v.member)} ${v.choice}`).join(", ")}</div>}
      {d.silenceBreak && <div className="hint">Silence broken by {name(d.silenceBreak.member)}: {d.silenceBreak.reason}</div>}
      {d.result && <div className="hint">Result: {d.result.reason}</div>}
      {d.status === "open" && (
        <div className="actions" style={{ marginTop: 6 }}>
          {!silence &&
            (["yes", "no", "abstain"] as const).map((choice) => (
              <button key={choice} type="button" className="small" disabled={busy} onClick={() => void send(ALLIANCE_COMMANDS.castVote, { draftId: d.id, choice, reason: null })}>
                Vote {choice}
              </button>
            ))}
          {silence && (
            <>
              <input aria-label="Reason for breaking silence" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason" style={{ maxWidth: 260 }} />
              <button type="button" className="small" disabled={busy} onClick={() => void send(ALLIANCE_COMMANDS.breakSilence, { draftId: d.id, reason })}>
                Break silence
              </button>
            </>
          )}
          <button type="button" className="small" disabled={busy} onClick={() => void send(ALLIANCE_COMMANDS.withdrawDraft, { draftId: d.id })}>
            Withdraw draft
          </button>
        </div>
      )}
    </div>
  );
}

function TableDraftForm({ alliance, member, send, busy }: { alliance: AllianceView; member: AllianceMemberView; send: Send; busy: boolean }) {
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
                  {member.attacks.map((a) => (
                    <option key={a.attackId} value={a.attackId}>
                      {name(a.attacker)} against {name(a.victim)} ({a.attackId})
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
        <button type="submit" className="primary" disabled={busy}>
          Table draft
        </button>
      </form>
    </>
  );
}

function DefenceResponseForm({ invocationId, send, busy }: { invocationId: string; send: Send; busy: boolean }) {
  const [kind, setKind] = useState("diplomatic");
  const [description, setDescription] = useState("");
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void send(ALLIANCE_COMMANDS.recordDefenceResponse, { invocationId, kind, description });
      }}
    >
      <Field label="Response">
        {(id) => (
          <select id={id} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="military">Military</option>
            <option value="economic">Economic</option>
            <option value="diplomatic">Diplomatic</option>
            <option value="humanitarian">Humanitarian</option>
            <option value="none">None</option>
          </select>
        )}
      </Field>
      <Field label="What you will do">{(id) => <input id={id} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      <div className="field">
        <button type="submit" className="small" disabled={busy}>
          Record response
        </button>
      </div>
    </form>
  );
}

function PledgeForm({ send, busy }: { send: Send; busy: boolean }) {
  const [resource, setResource] = useState("");
  const [amount, setAmount] = useState("1");
  const [hours, setHours] = useState("2");
  return (
    <>
      <form
        aria-label="Pledge resources"
        className="row sub"
        onSubmit={(e) => {
          e.preventDefault();
          void send(ALLIANCE_COMMANDS.pledgeResources, { pledgeId: shortId("p-"), resource, amount: Number(amount), dueWithin: `PT${Number(hours) || 0}H` });
        }}
      >
        <Field label="Resource">{(id) => <input id={id} value={resource} onChange={(e) => setResource(e.target.value)} placeholder="e.g. air-defence batteries" />}</Field>
        <Field label="Amount">{(id) => <input id={id} type="number" value={amount} onChange={(e) => setAmount(e.target.value)} />}</Field>
        <Field label="Due within (hours)">{(id) => <input id={id} type="number" value={hours} onChange={(e) => setHours(e.target.value)} />}</Field>
        <div className="field">
          <button type="submit" className="primary" disabled={busy}>
            Pledge
          </button>
        </div>
      </form>
    </>
  );
}

function IntelligenceForm({ send, busy }: { send: Send; busy: boolean }) {
  const { state } = useExercise();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [about, setAbout] = useState("");
  return (
    <>
      <form
        aria-label="Share intelligence with members"
        className="sub"
        onSubmit={(e) => {
          e.preventDefault();
          void send(ALLIANCE_COMMANDS.shareIntelligence, { reportId: shortId("r-"), title, body, about: about || null });
        }}
      >
        <Field label="Title">{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <Field label="Report">{(id) => <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
        <Field label="About (optional)">
          {(id) => (
            <select id={id} value={about} onChange={(e) => setAbout(e.target.value)}>
              <option value="">—</option>
              {state.nations.map((n) => (
                <option key={n.code} value={n.code}>
                  {n.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          Share with members
        </button>
      </form>
    </>
  );
}

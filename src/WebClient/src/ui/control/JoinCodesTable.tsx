import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/http";
import type { JoinCodeInfo } from "../../api/types";
import { ProblemNote, useCommand, useExercise } from "../common";
import { DataTable, type Column } from "../common/DataTable";
import { IssueJoinCodeForm } from "./IssueJoinCodeForm";
import { RevokeCodeButton } from "./RevokeCodeButton";

const ROLE_WORDS: Partial<Record<JoinCodeInfo["grant"]["role"], string>> = { facilitator: "Exercise control", team: "Team", observer: "Observer" };

/** "Team playing Republic of Ardenia", "Observer": what a code lets its holder do, in words (no wire keys). */
export function describeGrant(grant: JoinCodeInfo["grant"], name: (code: string) => string): string {
  return grant.role === "team" && grant.nation ? `Team playing ${name(grant.nation)}` : (ROLE_WORDS[grant.role] ?? grant.role);
}

/** Join codes: issue (each new code shown once), list, revoke. */
export function JoinCodesTable() {
  const { state, session, name } = useExercise();
  const revoke = useCommand();
  const [codes, setCodes] = useState<JoinCodeInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  // The list lives behind an HTTP call; any access event (issued, redeemed, revoked) is the cue to fetch it again.
  const accessEvents = state.timeline.filter((e) => e.event.$type.startsWith("access.")).length;

  const load = useCallback(async () => {
    try {
      setCodes(await api.joinCodes(session));
      setListError(null);
    } catch (error) {
      setListError(error instanceof Error ? error.message : String(error));
    }
  }, [session]);

  useEffect(() => {
    void load();
  }, [load, accessEvents]);

  const columns: Column<JoinCodeInfo>[] = [
    { header: "Role", cell: (c) => describeGrant(c.grant, name) },
    { header: "Label", cell: (c) => <>{c.label} {c.codeId === session.me.codeId && <span className="tag accent">this session</span>}</> },
    { header: "Joins", numeric: true, cell: (c) => c.redemptions },
    { header: "Status", cell: (c) => (c.revoked ? <span className="tag bad">Revoked</span> : <span className="tag ok">Active</span>) },
    {
      header: "Actions",
      hideHeader: true,
      cell: (c) =>
        !c.revoked && (
          <RevokeCodeButton
            code={c}
            busy={revoke.busy}
            revoke={async () => {
              await revoke.run("access.revokeJoinCode", { codeId: c.codeId });
              void load();
            }}
          />
        ),
    },
  ];

  return (
    <section className="panel" aria-labelledby="codes-title">
      <h2 id="codes-title">Join codes</h2>
      <IssueJoinCodeForm />
      {listError && <p className="problem">Could not load the codes: {listError}</p>}
      <DataTable testId="join-codes" columns={columns} rows={codes ?? []} rowKey={(c) => c.codeId} rowAttributes={(c) => ({ "data-code": c.codeId })} />
      <ProblemNote problem={revoke.problem} />
      <p className="hint">Revoking a code disconnects everyone who joined with it. Codes themselves are never stored, only shown once when issued.</p>
    </section>
  );
}

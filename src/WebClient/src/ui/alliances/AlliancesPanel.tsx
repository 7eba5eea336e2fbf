import type { AllianceView } from "../../api/types";
import { cohesionCauses } from "../../state/cohesionCauses";
import { useExercise } from "../common";
import { MemberTraffic } from "./MemberTraffic";

const TYPE_LABEL: Record<string, string> = { bilateral: "Bilateral", multilateral: "Multilateral", regionalPartnership: "Regional partnership" };

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
  const { name, state } = useExercise();
  // Players know alliances by name; the code is exercise control's (it appears in scenario files and commands).
  const showCode = state.viewer.role === "facilitator";
  const m = alliance.member;
  return (
    <article className="alliance" aria-labelledby={`alliance-${alliance.code}`} data-alliance={alliance.code}>
      <header>
        <h3 id={`alliance-${alliance.code}`}>
          {alliance.name} {showCode && <span className="tag">{alliance.code}</span>} <span className="tag accent">{TYPE_LABEL[alliance.type] ?? alliance.type}</span>
        </h3>
        {m && (
          <span className="hint" data-testid="cohesion">
            Cohesion <strong>{m.cohesion.index}</strong>/100
          </span>
        )}
      </header>
      {m && cohesionCauses(m.cohesion) && (
        <p className="hint" data-testid="cohesion-causes">
          Cohesion {cohesionCauses(m.cohesion)}.
        </p>
      )}
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


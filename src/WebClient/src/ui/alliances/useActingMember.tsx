import { useState, type ReactNode } from "react";
import type { AllianceView } from "../../api/types";
import { Field, useExercise } from "../common";

/**
 * For exercise control: which member it acts for (it plays the nations no team plays); null for teams. It never
 * defaults to a team-played nation: control picks one deliberately, and team-played members are marked.
 */
export function useActingMember(alliance: AllianceView): [string | null, ReactNode] {
  const { state, name } = useExercise();
  const isControl = state.viewer.role === "facilitator";
  const teamPlayed = new Set(state.exercise.teams.map((t) => t.nation));
  const [member, setMember] = useState(alliance.members.find((code) => !teamPlayed.has(code)) ?? "");
  if (!isControl) {
    return [null, null];
  }

  const picker = (
    <div className="acting-as">
      <Field label="Exercise control acts as" hint="Votes, positions and pledges are recorded for this member.">
        {(id) => (
          <select id={id} value={member} onChange={(e) => setMember(e.target.value)}>
            <option value="">— choose a member —</option>
            {alliance.members.map((code) => (
              <option key={code} value={code}>
                {name(code)}
                {teamPlayed.has(code) ? " (played by a team)" : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
  return [member || null, picker];
}

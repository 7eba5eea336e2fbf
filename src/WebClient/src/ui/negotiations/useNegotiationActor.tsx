import { useState, type ReactNode } from "react";
import type { NegotiationView } from "../../api/negotiationTypes";
import { Field, useExercise } from "../common";

/**
 * Which nation this screen acts as in one session: a team acts as its own nation; exercise control picks the nation
 * it plays (the mediator by default, else a party's nation no team plays; team-played nations are marked); an
 * observer, or anyone once the exercise has ended, acts as nobody.
 */
export interface NegotiationActor {
  /** The nation this screen acts as, or null (an observer, control before it picks one, an ended exercise). */
  actor: string | null;
  mayAct: boolean;
  isControl: boolean;
  picker: ReactNode;
}

export function useNegotiationActor(view: NegotiationView): NegotiationActor {
  const { state, name } = useExercise();
  const isControl = state.viewer.role === "facilitator";
  const teamPlayed = new Set(state.exercise.teams.map((t) => t.nation));
  const candidates = [...new Set([...(view.mediator ? [view.mediator] : []), ...view.parties.flatMap((p) => p.nations)])];
  const [chosen, setChosen] = useState(() => candidates.find((code) => !teamPlayed.has(code)) ?? "");
  const mayAct = state.viewer.role !== "observer" && state.exercise.status !== "ended";
  if (!isControl) {
    return { actor: mayAct ? state.viewer.nation : null, mayAct, isControl, picker: null };
  }

  const picker = mayAct ? (
    <div className="acting-as">
      <Field label="Exercise control acts as" hint="Messages, texts and signatures are recorded for this nation.">
        {(id) => (
          <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">— choose a nation —</option>
            {candidates.map((code) => (
              <option key={code} value={code}>
                {name(code)}
                {code === view.mediator ? " (mediator)" : ""}
                {teamPlayed.has(code) ? " (played by a team)" : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  ) : null;
  return { actor: mayAct && chosen ? chosen : null, mayAct, isControl, picker };
}

import { useExercise } from "../common";
import { CONVENING_COST } from "./negotiationCommands";

/**
 * What convening costs the team's nation, and what it has left this turn: the points are spent in the orders phase
 * (the server refuses outside it, and when too few are left). Updated as the nation's points change.
 */
export function ConveningCost({ nation }: { nation: string }) {
  const { state } = useExercise();
  const own = state.nations.find((n) => n.code === nation)?.private;
  const cost = `Costs ${CONVENING_COST} action point${CONVENING_COST === 1 ? "" : "s"}`;
  return (
    <p className="hint" data-testid="convening-cost">
      {cost}
      {own?.ordersOpen ? `; ${own.actionPoints} left this turn.` : ", spent in the orders phase."}
    </p>
  );
}

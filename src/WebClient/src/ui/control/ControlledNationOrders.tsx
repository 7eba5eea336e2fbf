import { useState } from "react";
import { Field, useExercise } from "../common";
import { OrdersPanel } from "../Orders";

/**
 * Orders for the nations exercise control plays (those no team plays). Control picks the nation deliberately: the
 * picker never defaults to one, and team-played nations are not offered (their teams give their orders).
 */
export function ControlledNationOrders() {
  const { state } = useExercise();
  const played = new Set(state.exercise.teams.map((t) => t.nation));
  const controlled = state.nations.filter((n) => !played.has(n.code));
  const [code, setCode] = useState("");
  const nation = controlled.find((n) => n.code === code);
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="control-orders-title">
        <h2 id="control-orders-title">Orders for the nations exercise control plays</h2>
        {controlled.length === 0 ? (
          <p className="empty">Every nation is played by a team.</p>
        ) : (
          <Field label="Give orders for">
            {(id) => (
              <select id={id} value={code} onChange={(e) => setCode(e.target.value)}>
                <option value="">— choose a nation —</option>
                {controlled.map((n) => (
                  <option key={n.code} value={n.code}>
                    {n.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </section>
      {nation && <OrdersPanel key={nation.code} nation={nation} />}
    </div>
  );
}

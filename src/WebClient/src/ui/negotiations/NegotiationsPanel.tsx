import { useState } from "react";
import { useExercise } from "../common";
import { ConveneTalksForm } from "./ConveneTalksForm";
import { NegotiationRoom } from "./NegotiationRoom";

/**
 * The negotiation room: every session this viewer may know of, each with what it may see of it. A team sees the
 * working of talks it takes part in (as a party or the mediator) and only the existence and outcome of public
 * others; exercise control sees everything; observers see what is public and have no controls.
 */
export function NegotiationsPanel() {
  const { state } = useExercise();
  const [convening, setConvening] = useState(false);
  const mayConvene = state.viewer.role !== "observer" && state.exercise.status !== "ended";
  const sessions = state.negotiations;
  return (
    <section className="panel negotiations" aria-labelledby="negotiations-title" data-testid="negotiations">
      <header>
        <h2 id="negotiations-title">Negotiations</h2>
        {mayConvene && (
          <button type="button" className="small" aria-expanded={convening} onClick={() => setConvening(!convening)}>
            Convene talks
          </button>
        )}
      </header>
      {mayConvene && convening && <ConveneTalksForm onConvened={() => setConvening(false)} />}
      {sessions.length === 0 && <p className="empty">No talks you know of.</p>}
      {sessions.map((view) => (
        <NegotiationRoom key={view.id} view={view} />
      ))}
    </section>
  );
}

import { NewsFeed } from "../Feeds";
import { PublicAllianceDecisions } from "./PublicAllianceDecisions";
import { PublicPostures } from "./PublicPostures";
import { useExercise } from "../common";

/**
 * The observers' live dashboard while the exercise runs: the news, every nation's public posture and the alliance
 * decisions made public, updated as events arrive. It reads only what the observer was sent — the public events —
 * and offers no action: observers watch.
 */
export function ObserverDashboard() {
  const { state, name } = useExercise();
  return (
    <div className="grid cols-2" data-testid="observer-dashboard">
      <NewsFeed />
      <div className="stack">
        <PublicPostures />
        <PublicAllianceDecisions />
        <section className="panel" aria-labelledby="public-alliances-title">
          <h2 id="public-alliances-title">Alliances</h2>
          <ul data-testid="public-alliances">
            {state.alliances.map((a) => (
              <li key={a.code}>
                <strong>{a.name}</strong>: {a.members.map(name).join(", ")}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

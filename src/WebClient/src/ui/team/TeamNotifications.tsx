import { useEffect, useMemo, useState } from "react";
import { describeEvent } from "../../state/describe";
import { describeNotification, notificationsFor, unreadCount } from "../../state/notifications";
import { useExercise } from "../common";
import { ExerciseTimeStamp } from "../ExerciseTimeStamp";

function seenKey(exerciseId: string, nation: string): string {
  return `crisisgrid.seen.${exerciseId}.${nation}`;
}

function loadSeen(key: string): number {
  const value = Number(localStorage.getItem(key) ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/**
 * The team's notifications: what is addressed to it — consultations and drafts of its alliances, votes, decisions,
 * briefs, invocations, deadlines, orders opening and results going out (not the public news, which has its own feed). The count is what arrived since the team last looked; opening the list
 * marks everything in it as seen (remembered in this browser, by the team's own event numbers).
 */
export function TeamNotifications({ nation }: { nation: string }) {
  const { state, name } = useExercise();
  const key = seenKey(state.exerciseId, nation);
  const [seenUpTo, setSeenUpTo] = useState(() => loadSeen(key));
  const [open, setOpen] = useState(false);
  const unread = unreadCount(state.timeline, nation, seenUpTo);
  const items = useMemo(() => notificationsFor(state.timeline, nation).slice(0, 50), [state.timeline, nation]);
  const latest = state.timeline.at(-1)?.sequence ?? 0;
  const allianceName = (code: string) => state.alliances.find((a) => a.code === code)?.name ?? code;

  // While the list is open, what arrives is seen as it arrives.
  useEffect(() => {
    if (open && latest > seenUpTo) {
      localStorage.setItem(key, String(latest));
      setSeenUpTo(latest);
    }
  }, [open, latest, seenUpTo, key]);

  return (
    <section className="panel notifications" aria-labelledby="notifications-title">
      <header>
        <h2 id="notifications-title" className="visually-hidden">
          Notifications
        </h2>
        <button type="button" aria-expanded={open} aria-controls="notifications-list" onClick={() => setOpen(!open)} data-testid="notifications-toggle">
          Notifications{" "}
          {unread > 0 && (
            <span className="badge" data-testid="unread-count" aria-label={`${unread} unread`}>
              {unread}
            </span>
          )}
        </button>
        {unread === 0 && <span className="hint">Nothing new.</span>}
      </header>
      {open && (
        <ul id="notifications-list" className="feed scroll" data-testid="notifications">
          {items.length === 0 && <li className="empty">No notifications yet.</li>}
          {items.map((e) => (
            <li key={e.sequence} data-testid="notification">
              <div className="meta">
                <ExerciseTimeStamp event={e} />
              </div>
              <div>{describeNotification(e, name, allianceName, (r) => describeEvent(r, name))}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

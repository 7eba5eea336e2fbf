import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, loadSession, saveSession, type Session } from "../api/http";
import type { CommandProblem } from "../api/types";
import { ExerciseLive, type ConnectionStatus } from "../live/liveConnection";
import type { ClientState } from "../state/project";
import { FacilitatorConsole, ObserverView, TeamConsole } from "./Consoles";
import { Landing } from "./Landing";
import { ExerciseContext, type ExerciseContextValue } from "./common";

const ROLE_LABEL: Record<string, string> = { facilitator: "Exercise control", team: "Team", observer: "Observer" };
const STATUS_LABEL: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline, retrying",
  revoked: "Access revoked",
};

/** Reads ?code=… once (the gateway prints such a link) and removes it from the address bar. */
function takeCodeFromUrl(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get("code");
  if (code) {
    url.searchParams.delete("code");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  return code;
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [joinProblem, setJoinProblem] = useState<CommandProblem | null>(null);
  const [autoJoining, setAutoJoining] = useState(false);
  const started = useRef(false);

  const enter = useCallback((next: Session | null) => {
    saveSession(next);
    setSession(next);
  }, []);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const code = takeCodeFromUrl();
    if (!code) return;
    setAutoJoining(true);
    api
      .join(code)
      .then(enter, (error: unknown) =>
        setJoinProblem(error instanceof ApiError ? error.problem : { code: "unreachable", message: String(error), field: null, allowed: null }),
      )
      .finally(() => setAutoJoining(false));
  }, [enter]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {session ? (
        <ExerciseScreen key={session.me.codeId + session.me.exerciseId} session={session} onLeave={() => enter(null)} onSession={enter} />
      ) : (
        <>
          <header className="topbar">
            <span className="brand">CrisisGrid</span>
          </header>
          {autoJoining ? (
            <main id="main">
              <p className="empty">Joining…</p>
            </main>
          ) : (
            <Landing onJoined={enter} initialProblem={joinProblem} />
          )}
        </>
      )}
    </>
  );
}

function ExerciseScreen({ session, onLeave, onSession }: { session: Session; onLeave: () => void; onSession: (s: Session) => void }) {
  const [state, setState] = useState<ClientState | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [detail, setDetail] = useState<string | undefined>();
  const [live, setLive] = useState<ExerciseLive | null>(null);

  useEffect(() => {
    const connection = new ExerciseLive(session, {
      onState: setState,
      onStatus: (s, d) => {
        setStatus(s);
        setDetail(d);
      },
      onSession,
    });
    setLive(connection);
    void connection.start();
    return () => void connection.stop();
    // The connection belongs to this session's code; a refreshed token is handed to it, not a new connection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.me.codeId, session.me.exerciseId]);

  const names = useMemo(() => new Map(state?.nations.map((n) => [n.code, n.name]) ?? []), [state?.nations]);
  const name = useCallback((code: string) => names.get(code) ?? code, [names]);
  const context: ExerciseContextValue | null = state && live ? { state, live, session, name } : null;
  const role = session.me.role;

  return (
    <>
      <header className="topbar">
        <span className="brand">CrisisGrid</span>
        <span className="exercise-name" data-testid="exercise-name">
          {state?.exercise.name ?? session.me.exerciseId}
        </span>
        <span className="role-badge" data-testid="role">
          {ROLE_LABEL[role] ?? role}
          {session.me.nation ? ` · ${name(session.me.nation)}` : ""}
        </span>
        <span className="spacer" />
        <span className="conn" data-status={status} data-testid="connection" role="status" title={detail}>
          {STATUS_LABEL[status]}
        </span>
        <button type="button" className="small" onClick={onLeave}>
          Leave
        </button>
      </header>
      <main id="main">
        {status === "revoked" && (
          <div className="problem" role="alert">
            <strong>You are no longer connected to this exercise.</strong> {detail} Ask exercise control for a new join code.
            <div>
              <button type="button" onClick={onLeave}>
                Back to the start page
              </button>
            </div>
          </div>
        )}
        {!context ? (
          status !== "revoked" && <p className="empty">{status === "offline" ? `Cannot reach the exercise (${detail ?? "offline"}); retrying…` : "Loading the exercise…"}</p>
        ) : (
          <ExerciseContext.Provider value={context}>
            {role === "facilitator" ? <FacilitatorConsole /> : role === "team" ? <TeamConsole /> : <ObserverView />}
            <p
              className="footer-status"
              data-testid="sequence"
              data-sequence={context.state.sequence}
              data-last-event={context.state.timeline.at(-1)?.sequence ?? 0}
            >
              Current to event {context.state.sequence}
            </p>
          </ExerciseContext.Provider>
        )}
      </main>
    </>
  );
}

import type {
  CommandEnvelope,
  CommandProblem,
  CommandReply,
  CreatedExercise,
  ExerciseEntry,
  JoinCodeInfo,
  Me,
  RecordedEvent,
  ScenarioSummary,
  TokenPair,
} from "./types";

/** An RFC 9457 problem from the gateway, with its code/field/allowed extensions. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: CommandProblem,
  ) {
    super(problem.message);
  }
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since the epoch), from the gateway's expiresIn. */
  expiresAt: number;
  me: Me;
}

// Per browser tab: a reload keeps the session (and resyncs), another tab can join with another code.
const SESSION_KEY = "crisisgrid.session";

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(SESSION_KEY);
  }
}

async function readProblem(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON: keep the status line
  }

  return new ApiError(response.status, {
    code: typeof body.code === "string" ? body.code : `http-${response.status}`,
    message: (body.detail as string) ?? (body.title as string) ?? `${response.status} ${response.statusText}`,
    field: (body.field as string | null) ?? null,
    allowed: (body.allowed as string | null) ?? null,
  });
}

async function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }

  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }

  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    throw await readProblem(response);
  }

  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A call on the signed-in participant's own exercise (`/api/exercises/{id}` + <path>), answered or thrown as an ApiError. */
export function exerciseRequest<T>(session: Session, method: string, path: string, body?: unknown): Promise<T> {
  return request<T>(method, `/api/exercises/${encodeURIComponent(session.me.exerciseId)}${path}`, body, session.accessToken);
}

export const api = {
  exercises: () => request<ExerciseEntry[]>("GET", "/api/exercises"),
  scenarios: () => request<ScenarioSummary[]>("GET", "/api/scenarios"),
  createExercise: (scenarioId: string, name?: string) =>
    request<CreatedExercise>("POST", "/api/exercises", { scenarioId, name: name?.trim() ? name.trim() : null }),

  /** Exchanges a join code for tokens and learns who they make us. */
  async join(code: string): Promise<Session> {
    const tokens = await request<TokenPair>("POST", "/api/join", { code: code.trim() });
    const me = await request<Me>("GET", "/api/me", undefined, tokens.accessToken);
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000, me };
  },

  async refresh(session: Session): Promise<Session> {
    const tokens = await request<TokenPair>("POST", "/api/join/refresh", { refreshToken: session.refreshToken });
    return { ...session, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 };
  },

  /** Whether this session still opens its exercise (403 when its join code was revoked). */
  checkAccess: (session: Session) => request<unknown>("GET", `/api/exercises/${encodeURIComponent(session.me.exerciseId)}`, undefined, session.accessToken),

  /** Events after a sequence number that this participant may see (for history older than the snapshot's). */
  events: (session: Session, after: number, max: number) =>
    request<RecordedEvent[]>("GET", `/api/exercises/${encodeURIComponent(session.me.exerciseId)}/events?after=${after}&max=${max}`, undefined, session.accessToken),

  joinCodes: (session: Session) => request<JoinCodeInfo[]>("GET", `/api/exercises/${encodeURIComponent(session.me.exerciseId)}/join-codes`, undefined, session.accessToken),

  /** A command over HTTP; a refusal comes back as a reply with its problem, like the hub's Send. */
  async command(session: Session, envelope: CommandEnvelope): Promise<CommandReply> {
    try {
      return await request<CommandReply>("POST", `/api/exercises/${encodeURIComponent(session.me.exerciseId)}/commands`, envelope, session.accessToken);
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
        return { accepted: false, duplicate: false, firstSequence: null, lastSequence: null, output: null, problem: error.problem };
      }

      throw error;
    }
  },
};

/**
 * A client-chosen id for commands and orders. crypto.randomUUID exists only in secure contexts (https, localhost);
 * a gateway on a LAN address over plain http is not one, so fall back to getRandomValues, which is always there.
 */
export function newId(prefix = ""): string {
  if (typeof crypto.randomUUID === "function") {
    return prefix + crypto.randomUUID();
  }

  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A short id people can read out (consultations, drafts, orders): prefix and 8 random hex digits. */
export function shortId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

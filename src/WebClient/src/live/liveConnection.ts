import * as signalR from "@microsoft/signalr";
import { ApiError, api, newId, type Session } from "../api/http";
import type { CommandReply, EventBatch, ExerciseSnapshot, JoinReply, ResyncReply } from "../api/types";
import { applyEvents, fromSnapshot, needsSnapshot, withHistory, type ClientState } from "../state/project";
import {
  expectSnapshot,
  initialLiveSync,
  onBatch,
  onCallFailed,
  onResync,
  onSnapshot,
  onSnapshotSkipped,
  type LiveEffect,
  type LiveSyncState,
  type Step,
} from "./liveSync";

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline" | "revoked";

export interface LiveHandlers {
  onState(state: ClientState): void;
  onStatus(status: ConnectionStatus, detail?: string): void;
  /** The access token was refreshed: keep the new session (storage, HTTP calls). */
  onSession(session: Session): void;
}

// Refresh the access token this long before it expires, so a (re)connect never presents an expired one.
const REFRESH_MARGIN_MS = 60_000;

export const HUB_PATH = "/hubs/exercise";

// Keep trying for as long as the page is open: a crisis room's network blips should never need a reload.
const retryPolicy: signalR.IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context) => Math.min(10_000, 500 * 2 ** Math.min(context.previousRetryCount, 5)),
};

/**
 * One participant's live connection to its exercise: joins, feeds what the hub pushes through the pure protocol in
 * liveSync.ts, carries out its effects (replace state, apply events, Resync) and sends commands.
 */
export class ExerciseLive {
  private readonly connection: signalR.HubConnection;
  private sync: LiveSyncState = initialLiveSync();
  private state: ClientState | null = null;
  private stopped = false;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private session: Session,
    private readonly handlers: LiveHandlers,
  ) {
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(HUB_PATH, { accessTokenFactory: () => this.accessToken() })
      .withAutomaticReconnect(retryPolicy)
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.on("Events", (batch: EventBatch) => this.step(onBatch(this.sync, batch)));
    this.connection.on("Revoked", (reason: string) => {
      this.stopped = true;
      this.handlers.onStatus("revoked", reason);
    });
    this.connection.onreconnecting(() => this.handlers.onStatus("reconnecting"));
    // Group membership belongs to a connection: join again, and reconcile with the snapshot that comes back.
    this.connection.onreconnected(() => void this.join());
    this.connection.onclose(() => this.scheduleRestart());
  }

  get current(): ClientState | null {
    return this.state;
  }

  private async accessToken(): Promise<string> {
    if (this.session.expiresAt && Date.now() > this.session.expiresAt - REFRESH_MARGIN_MS) {
      try {
        this.session = await api.refresh(this.session);
        this.handlers.onSession(this.session);
      } catch {
        // Keep the old token: the gateway answers 401 and the status line says so.
      }
    }

    return this.session.accessToken;
  }

  async start(): Promise<void> {
    this.handlers.onStatus("connecting");
    try {
      await this.connection.start();
    } catch (error) {
      if (await this.accessRevoked()) {
        return;
      }

      this.handlers.onStatus("offline", error instanceof Error ? error.message : String(error));
      this.scheduleRestart();
      return;
    }

    await this.join();
  }

  /**
   * The hub refuses a revoked or expired token without saying why; ask the HTTP API, which does. Stops retrying when
   * this session can no longer open the exercise.
   */
  private async accessRevoked(): Promise<boolean> {
    try {
      await api.checkAccess(this.session);
      return false;
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) {
        return false; // unreachable: keep retrying
      }

      if (error.status === 401) {
        try {
          this.session = await api.refresh(this.session);
          this.handlers.onSession(this.session);
          return false;
        } catch {
          // the refresh token is no good either
        }
      }

      this.stopped = true;
      this.handlers.onStatus("revoked", error.problem.message);
      return true;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.connection.stop();
  }

  /** Runs a command over the hub (HTTP when the hub is down); a refusal is a reply with a problem, not an error. */
  async send(type: string, args?: unknown, commandId: string = newId("c-")): Promise<CommandReply> {
    const envelope = { commandId, type, args: args ?? null };
    if (this.connection.state === signalR.HubConnectionState.Connected) {
      return await this.connection.invoke<CommandReply>("Send", envelope);
    }

    return await api.command(this.session, envelope);
  }

  /**
   * Loads up to <paramref name="count"/> events older than the timeline's oldest (a snapshot carries only the most
   * recent ones). Returns how many were added; 0 means the history is complete.
   */
  async loadEarlier(count = 500): Promise<number> {
    const state = this.state;
    const oldest = state?.timeline[0]?.sequence ?? (state ? state.sequence + 1 : 1);
    if (!state || oldest <= 1) {
      return 0;
    }

    const after = Math.max(0, oldest - 1 - count);
    const events = await api.events(this.session, after, Math.min(count, oldest - 1));
    const before = this.state!.timeline.length;
    this.state = withHistory(this.state!, events.filter((e) => e.sequence < oldest));
    this.handlers.onState(this.state);
    return this.state.timeline.length - before;
  }

  private async join(): Promise<void> {
    this.sync = expectSnapshot(this.sync);
    try {
      const reply = await this.connection.invoke<JoinReply>("Join");
      this.handlers.onStatus("live");
      this.step(onSnapshot(this.sync, reply.snapshot));
    } catch (error) {
      this.sync = onCallFailed(this.sync);
      this.handlers.onStatus("offline", error instanceof Error ? error.message : String(error));
      if (this.connection.state === signalR.HubConnectionState.Connected) {
        // Joined transport but Join failed (e.g. a revoked code): stop here rather than loop.
        await this.connection.stop();
      }
    }
  }

  private scheduleRestart(): void {
    if (this.stopped || this.restartTimer) {
      return;
    }

    this.handlers.onStatus("offline");
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.start();
    }, 3000);
  }

  private step(step: Step): void {
    this.sync = step.state;
    for (const effect of step.effects) {
      this.run(effect);
    }
  }

  private run(effect: LiveEffect): void {
    switch (effect.kind) {
      case "replace":
        this.state = fromSnapshot(effect.snapshot, this.state ?? undefined);
        this.handlers.onState(this.state);
        break;
      case "apply":
        if (this.state) {
          this.state = applyEvents(this.state, effect.events, effect.to);
          this.handlers.onState(this.state);
          if (needsSnapshot(effect.events, this.state.viewer)) {
            this.scheduleSnapshot();
          }
        }
        break;
      case "resync":
        this.resync(effect.after);
        break;
    }
  }

  private resync(after: number): void {
    this.connection
      .invoke<ResyncReply>("Resync", after)
      .then((reply) => this.step(onResync(this.sync, reply)))
      .catch(() => {
        if (this.connection.state === signalR.HubConnectionState.Connected) {
          setTimeout(() => this.resync(after), 1000); // e.g. rate-limited: ask again shortly
        } else {
          this.sync = onCallFailed(this.sync); // the reconnect's Join snapshot reconciles
        }
      });
  }

  // Several alliance events usually come together: one snapshot after a short pause covers them all.
  private scheduleSnapshot(): void {
    if (this.snapshotTimer) {
      return;
    }

    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      if (this.sync.mode !== "live") {
        this.scheduleSnapshot();
        return;
      }

      this.sync = expectSnapshot(this.sync);
      this.connection
        .invoke<ExerciseSnapshot>("Snapshot")
        .then((snapshot) => this.step(onSnapshot(this.sync, snapshot)))
        .catch(() => {
          if (this.connection.state === signalR.HubConnectionState.Connected) {
            this.step(onSnapshotSkipped(this.sync));
          } else {
            this.sync = onCallFailed(this.sync);
          }
        });
    }, 250);
  }
}

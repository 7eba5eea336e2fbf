import * as signalR from "@microsoft/signalr";
import { api, newId, type Session } from "../api/http";
import type { CommandReply, EventBatch, ExerciseSnapshot, JoinReply, ResyncReply } from "../api/types";
import { applyEvents, fromSnapshot, needsSnapshot, type ClientState } from "../state/project";
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
}

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
      .withUrl(HUB_PATH, { accessTokenFactory: () => this.session.accessToken })
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

  updateSession(session: Session): void {
    this.session = session;
  }

  async start(): Promise<void> {
    this.handlers.onStatus("connecting");
    try {
      await this.connection.start();
    } catch (error) {
      this.handlers.onStatus("offline", error instanceof Error ? error.message : String(error));
      this.scheduleRestart();
      return;
    }

    await this.join();
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

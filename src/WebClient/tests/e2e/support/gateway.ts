import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const webClientDir = resolve(here, "../../..");
export const repoRoot = resolve(webClientDir, "../..");
export const artifactsDir = join(webClientDir, "artifacts");

/** The gateway to test: GATEWAY_DLL, else the most recently built of the Debug and Release outputs. */
export function gatewayDll(): string {
  if (process.env.GATEWAY_DLL) {
    if (!existsSync(process.env.GATEWAY_DLL)) {
      throw new Error(`GATEWAY_DLL=${process.env.GATEWAY_DLL} does not exist. Run: dotnet build src/Gateway`);
    }

    return process.env.GATEWAY_DLL;
  }

  const candidates = ["Debug", "Release"].map((c) => join(repoRoot, `src/Gateway/bin/${c}/net10.0/CrisisGrid.Gateway.dll`)).filter((p) => existsSync(p));
  if (candidates.length === 0) {
    throw new Error("No built gateway found under src/Gateway/bin. Run: dotnet build src/Gateway");
  }

  return candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
}

/** The silo beside the gateway: SILO_DLL, else the same build configuration's src/Silo output. */
export function siloDll(): string {
  const dll = process.env.SILO_DLL ?? gatewayDll().replace("/src/Gateway/", "/src/Silo/").replace("CrisisGrid.Gateway.dll", "CrisisGrid.Silo.dll");
  if (!existsSync(dll)) {
    throw new Error(`No built silo at ${dll}. Run: dotnet build src/Silo`);
  }

  return dll;
}

async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * The embedded deployment for one test file: a silo process and a gateway process on 127.0.0.1 with free ports, a
 * temporary data folder, the built web client as the gateway's web root. Output goes to artifacts/gateway-*.log.
 */
export class GatewayProcess {
  private process: ChildProcess | null = null;
  private silo: ChildProcess | null = null;
  private siloPort = 0;
  private siloGatewayPort = 0;
  readonly dataDir = mkdtempSync(join(tmpdir(), "crisisgrid-e2e-"));
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const webRoot = join(webClientDir, "dist");
    if (!existsSync(join(webRoot, "index.html"))) {
      throw new Error(`The web client is not built (${webRoot}/index.html missing). Run: npm run build`);
    }

    this.port = this.port || (await freePort());
    this.siloPort = this.siloPort || (await freePort());
    this.siloGatewayPort = this.siloGatewayPort || (await freePort());
    mkdirSync(artifactsDir, { recursive: true });
    const log = createWriteStream(join(artifactsDir, `gateway-${this.port}.log`), { flags: "a" });
    this.silo = spawn(
      "dotnet",
      [siloDll(), `--Cluster:SiloPort=${this.siloPort}`, `--Cluster:GatewayPort=${this.siloGatewayPort}`, "--Storage:Provider=sqlite", `--Storage:SqlitePath=${join(this.dataDir, "crisisgrid.db")}`],
      { cwd: repoRoot, env: { ...process.env, DOTNET_NOLOGO: "1" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.silo.stdout?.pipe(log);
    this.silo.stderr?.pipe(log);
    this.process = spawn(
      "dotnet",
      [gatewayDll(), `--Urls=${this.url}`, `--Gateway:DataDirectory=${this.dataDir}`, `--Gateway:WebRoot=${webRoot}`, `--Cluster:GatewayPorts=${this.siloGatewayPort}`],
      { cwd: repoRoot, env: { ...process.env, DOTNET_NOLOGO: "1", ASPNETCORE_ENVIRONMENT: "Production" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.process.stdout?.pipe(log);
    this.process.stderr?.pipe(log);
    const exited = new Promise<never>((_, reject) => this.process!.once("exit", (code) => reject(new Error(`The gateway exited early with code ${code}; see ${log.path}`))));
    await Promise.race([this.waitForHealth(), exited]);
  }

  private async waitForHealth(): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.url}/health`);
        if (response.ok) {
          return;
        }
      } catch {
        // not listening yet
      }

      await new Promise((r) => setTimeout(r, 250));
    }

    throw new Error(`The gateway did not report healthy at ${this.url}/health within 90 s`);
  }

  /** Stops the gateway, then the silo (SIGTERM, then SIGKILL after 10 s); the data folder stays for a restart. */
  async stop(): Promise<void> {
    const children = [this.process, this.silo];
    this.process = null;
    this.silo = null;
    for (const child of children) {
      if (!child || child.exitCode !== null) {
        continue;
      }

      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async post<T>(path: string, body: unknown, token?: string): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    }

    return (await response.json()) as T;
  }

  /** Sends one command as <token> and fails the test unless it is accepted; returns the command's output, if any. */
  async command(exerciseId: string, token: string, commandId: string, type: string, args?: unknown): Promise<string | null> {
    const reply = await this.post<{ accepted: boolean; problem: unknown; output?: string | null }>(`/api/exercises/${exerciseId}/commands`, { commandId, type, args }, token);
    if (!reply.accepted) {
      throw new Error(`${type} was refused: ${JSON.stringify(reply.problem)}`);
    }

    return reply.output ?? null;
  }
}

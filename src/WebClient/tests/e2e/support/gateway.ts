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
 * A gateway process for one test file: 127.0.0.1 on a free port, a temporary data folder, the built web client as
 * its web root. Its output goes to artifacts/gateway-*.log for when a test fails.
 */
export class GatewayProcess {
  private process: ChildProcess | null = null;
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
    mkdirSync(artifactsDir, { recursive: true });
    const log = createWriteStream(join(artifactsDir, `gateway-${this.port}.log`), { flags: "a" });
    this.process = spawn(
      "dotnet",
      [gatewayDll(), `--Urls=${this.url}`, `--Gateway:DataDirectory=${this.dataDir}`, `--Gateway:WebRoot=${webRoot}`],
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

  /** Stops the process (SIGTERM, then SIGKILL after 10 s); the data folder stays for a restart. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) {
      return;
    }

    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
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
}

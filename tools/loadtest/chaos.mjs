// Chaos run (issue 12): rounds of `kill -9` of a random silo under a steady command stream from clients on every
// gateway, then the checks operators rely on: no acknowledged event lost, none applied twice, every live client
// gapless after resync, and how long each round took to recover. A program, not a test: its numbers go to
// docs/performance.md. Started by tools/loadtest/chaos.sh, which brings the cluster up (deploy/cluster.sh).
//
//   node chaos.mjs --gateways "http://127.0.0.1:A http://127.0.0.1:B" --silo-pids "1 2 3" --psql "psql URL"
//                  [--rounds 10] [--senders-per-gateway 2] [--interval-ms 100] [--settle 5] [--seed 42]
import { execFileSync, spawn } from 'node:child_process';
import { openSync, readFileSync, readlinkSync } from 'node:fs';
import * as signalR from '@microsoft/signalr';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const gateways = args.gateways.split(' ').filter(Boolean);
let siloPids = args['silo-pids'].split(' ').filter(Boolean).map(Number);
const [psql, psqlUrl] = [args.psql, args['psql-url']];
const clusterId = args['cluster-id'] ?? 'crisisgrid-local';
const rounds = Number(args.rounds ?? 10);
const sendersPerGateway = Number(args['senders-per-gateway'] ?? 2);
const intervalMs = Number(args['interval-ms'] ?? 100);
const settleSeconds = Number(args.settle ?? 5);
const logDir = args.logs ?? '/tmp';
let seed = Number(args.seed ?? Date.now() % 100000);
const initialSeed = seed;
// mulberry32: a seeded choice of victim, so a run can be repeated.
const random = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const log = (m) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 23)}] ${m}\n`);
const delay = (ms) => new Promise((r) => setTimeout(r, ms)); // pacing of the command stream and of polls, not synchronisation
const sql = (query) => execFileSync(psql, [psqlUrl, '-tAc', query], { encoding: 'utf8' }).trim();
const activeSilos = () => Number(sql(`SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '${clusterId}' AND Status = 3`));

async function http(base, path, body, token) {
  const response = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(90_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

// ---- the exercise: created on gateway 1, played through every gateway (tokens are good on each) ----
const created = (await http(gateways[0], '/api/exercises', { scenarioId: 'small-test', name: 'Chaos run' })).body;
const exerciseId = created.exerciseId;
const control = (await http(gateways[0], '/api/join', { code: created.facilitatorCode })).body.accessToken;
let setupNo = 0;
const command = async (type, commandArgs) => {
  const reply = await http(gateways[0], `/api/exercises/${exerciseId}/commands`, { commandId: `setup-${++setupNo}`, type, args: commandArgs ?? {} }, control);
  if (reply.status !== 200 || !reply.body.accepted) throw new Error(`${type}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};
await command('exercise.start');
const observerCode = (await command('access.issueJoinCode', { role: 'observer', nation: null, label: 'chaos observers' })).output;
const ardeniaCode = (await command('access.issueJoinCode', { role: 'team', nation: 'ARD', label: 'chaos ARD' })).output;
log(`exercise ${exerciseId}; ${gateways.length} gateways; silos ${siloPids.join(', ')}; seed ${initialSeed}`);

// ---- live clients: control, an observer and a team on every gateway, each applying its own numbering ----
function liveClient(gateway, role, token) {
  const client = { gateway, role, watermark: 0, snapshot: 0, positions: new Set(), headlines: [], redelivered: 0, gapsSeen: 0, resets: 0, errors: 0, closed: 0, connection: null };
  const apply = (batch) => {
    if (batch.to <= client.watermark) return;
    for (const e of batch.events) {
      if (e.sequence <= client.watermark || client.positions.has(e.sequence)) { client.redelivered++; continue; } // overlap of a live batch and a resync: dropped by the watermark
      client.positions.add(e.sequence);
      if (e.event?.$type === 'news.published' && e.event.headline.startsWith('chaos-')) client.headlines.push(e.event.headline);
    }
    client.watermark = batch.to;
  };
  client.resync = async () => {
    const reply = await client.connection.invoke('Resync', client.watermark);
    if (reply.batch) apply(reply.batch);
    else { client.resets++; client.watermark = reply.snapshot.sequence; }
  };
  let resyncing = Promise.resolve();
  client.onBatch = (batch) => {
    resyncing = resyncing.then(async () => {
      if (batch.from > client.watermark) { client.gapsSeen++; await client.resync(); }
      apply(batch);
    }).catch(() => { client.errors++; }); // a resync that failed mid-kill: the next batch finds the gap again
  };
  client.start = async () => {
    client.connection = new signalR.HubConnectionBuilder()
      .withUrl(`${gateway}/hubs/exercise`, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, accessTokenFactory: () => token })
      .configureLogging(signalR.LogLevel.Error).build();
    client.connection.on('Events', (batch) => client.onBatch(batch));
    client.connection.onclose(() => { client.closed++; });
    await client.connection.start();
    const reply = await client.connection.invoke('Join');
    client.snapshot = client.watermark = reply.snapshot.sequence;
  };
  client.drain = () => resyncing;
  return client;
}
const token = async (gateway, code) => (await http(gateway, '/api/join', { code })).body.accessToken;
const live = [];
for (const g of gateways) {
  live.push(liveClient(g, 'control', control), liveClient(g, 'observer', await token(g, observerCode)), liveClient(g, 'team ARD', await token(g, ardeniaCode)));
}
for (const c of live) await c.start();

// ---- senders: exercise control on every gateway, publishing bulletins; an error is retried with the same id ----
const acknowledged = new Map(); // command id -> { sentAt, ackAt }
let stopping = false;
let retries = 0;
async function sender(gateway, name) {
  for (let n = 0; !stopping; n++) {
    const id = `chaos-${name}-${n}`;
    const sentAt = performance.now();
    for (;;) {
      try {
        const reply = await http(gateway, `/api/exercises/${exerciseId}/commands`, { commandId: id, type: 'exercise.publishNews', args: { headline: id, body: 'Ministries report movement near the border.' } }, control);
        if (reply.status === 200 && reply.body.accepted) break;
        if (reply.status < 500) throw new Error(`${id} refused: ${reply.status} ${JSON.stringify(reply.body)}`);
      } catch (error) {
        if (String(error).includes('refused')) throw error;
      }
      retries++;
      await delay(200);
    }
    acknowledged.set(id, { sentAt, ackAt: performance.now(), name });
    await delay(intervalMs);
  }
}
const senderNames = gateways.flatMap((g, gi) => Array.from({ length: sendersPerGateway }, (_, k) => ({ g, name: `g${gi + 1}s${k + 1}` })));
const senders = senderNames.map(({ g, name }) => sender(g, name));

// ---- rounds ----
const results = [];
const restarted = [];
// How each silo was started, so it can be started again the same way (its ports included).
const commandLines = siloPids.map((pid) => ({
  argv: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean),
  cwd: readlinkSync(`/proc/${pid}/cwd`),
  env: Object.fromEntries(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
}));
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
let leftOnTheirOwn = 0;
process.on('exit', () => restarted.forEach((child) => child.kill('SIGKILL'))); // whatever happens, leave no silo behind
const killing = new Set(); // the silo this round killed: restarted by the round, not by the supervisor
const startSilo = (index, label) => {
  const { argv, cwd, env } = commandLines[index];
  const out = openSync(`${logDir}/chaos-silo-${index + 1}-${label}.log`, 'a');
  const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', out, out] });
  restarted.push(child);
  siloPids[index] = child.pid;
};
// As systemd or Kubernetes would: a silo that stopped by itself (one declared dead while starved of CPU shuts itself
// down, as Orleans requires) is started again, and counted.
const supervise = () => siloPids.forEach((pid, index) => {
  if (!killing.has(index) && !alive(pid)) { leftOnTheirOwn++; log(`silo ${index + 1} (pid ${pid}) stopped by itself; starting it again`); startSilo(index, `supervised-${leftOnTheirOwn}`); }
});
const waitFor = async (what, predicate, seconds) => {
  const until = performance.now() + seconds * 1000;
  while (!predicate()) {
    supervise();
    if (performance.now() > until) throw new Error(`timed out after ${seconds}s waiting for ${what}`);
    await delay(250);
  }
};
await delay(settleSeconds * 1000);
for (let round = 1; round <= rounds; round++) {
  // Exactly N: the silo killed last round has been declared dead and its successor is in.
  await waitFor(`${siloPids.length} active silos`, () => activeSilos() === siloPids.length, 180);
  const index = Math.floor(random() * siloPids.length);
  const pid = siloPids[index];
  const port = Number(commandLines[index].argv.find((a) => a.startsWith('--Cluster:SiloPort=')).split('=')[1]);
  const generation = sql(`SELECT Generation FROM OrleansMembershipTable WHERE DeploymentId = '${clusterId}' AND Port = ${port} AND Status = 3`);
  const ackedBefore = acknowledged.size;
  const killedAt = performance.now();
  killing.add(index);
  process.kill(pid, 'SIGKILL');
  // Recovered: every sender has had a command acknowledged that it sent after the kill.
  await waitFor('every sender to be served after the kill', () => senderNames.every(({ name }) => [...acknowledged.values()].some((a) => a.name === name && a.sentAt > killedAt)), 300);
  const recoveredAt = performance.now();
  const around = [...acknowledged.values()].filter((a) => a.ackAt >= killedAt && a.sentAt <= recoveredAt);
  startSilo(index, `round-${round}`);
  killing.delete(index);
  const restartedAt = performance.now();
  await waitFor('the restarted silo to join', () => sql(`SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '${clusterId}' AND Port = ${port} AND Status = 3 AND Generation <> ${generation}`) === '1', 180);
  const rejoinedAt = performance.now();
  results.push({
    round, silo: index + 1,
    recoverySeconds: (recoveredAt - killedAt) / 1000,
    maxLatencyMs: Math.max(0, ...around.map((a) => a.ackAt - a.sentAt)),
    acknowledgedDuringRecovery: acknowledged.size - ackedBefore,
    rejoinSeconds: (rejoinedAt - restartedAt) / 1000,
  });
  log(`round ${round}: killed silo ${index + 1} (pid ${pid}); every sender served again after ${results.at(-1).recoverySeconds.toFixed(1)} s; restarted silo active after ${results.at(-1).rejoinSeconds.toFixed(1)} s`);
  await delay(settleSeconds * 1000);
}

stopping = true;
await Promise.all(senders);

// ---- checks ----
const rows = sql(`SELECT sequence, payload->>'headline' FROM events WHERE exercise_id = '${exerciseId}' ORDER BY sequence`).split('\n').filter(Boolean).map((l) => l.split('|'));
const sequences = rows.map(([s]) => Number(s));
const logged = rows.map(([, h]) => h).filter((h) => h && h.startsWith('chaos-'));
const counts = logged.reduce((m, h) => m.set(h, (m.get(h) ?? 0) + 1), new Map());
const lost = [...acknowledged.keys()].filter((id) => !counts.has(id));
const twice = [...counts.entries()].filter(([, c]) => c > 1).map(([h]) => h);
const logGapless = sequences.every((s, i) => s === i + 1);
for (const c of live) { await c.drain(); await c.resync(); await c.drain(); }
const clientChecks = live.map((c) => {
  const positions = [...c.positions].sort((a, b) => a - b);
  const contiguous = positions.every((p, i) => p === c.snapshot + 1 + i) && (positions.at(-1) ?? c.snapshot) === c.watermark;
  const sameNews = c.headlines.length === logged.length && c.headlines.every((h, i) => h === logged[i]);
  const fullLog = c.role !== 'control' || c.watermark === sequences.length;
  return { gateway: gateways.indexOf(c.gateway) + 1, role: c.role, events: positions.length, gapsSeenLive: c.gapsSeen, resyncErrors: c.errors, snapshotResets: c.resets, redelivered: c.redelivered, connectionClosed: c.closed, gapless: contiguous && sameNews && fullLog && c.resets === 0 && c.closed === 0 };
});
for (const c of live) await c.connection.stop();
for (const child of restarted) child.kill('SIGTERM');

const summary = {
  exerciseId, seed: initialSeed, rounds, gateways: gateways.length, silos: siloPids.length,
  commandsAcknowledged: acknowledged.size, retries, silosThatStoppedByThemselves: leftOnTheirOwn, eventsInLog: sequences.length,
  lost: lost.length, appliedTwice: twice.length, logGapless,
  clients: clientChecks, rounds_: results,
};
console.log(JSON.stringify(summary));
const ok = lost.length === 0 && twice.length === 0 && logGapless && clientChecks.every((c) => c.gapless);
log(ok ? 'PASS: nothing lost, nothing twice, every client gapless' : `FAIL: lost ${lost.length}, twice ${twice.length}, log gapless ${logGapless}, clients ${JSON.stringify(clientChecks)}`);
process.exit(ok ? 0 : 1);

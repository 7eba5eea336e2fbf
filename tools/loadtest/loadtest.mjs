// Live delivery load tool (issue 4). Connects N SignalR clients spread over roles to a running server, drives a steady
// stream of commands over HTTP, and reports delivery latency (command accepted -> received by every entitled client),
// messages/s delivered and the server's memory and CPU. Two targets with the same clients, rate and message shapes:
//   --target gateway   the CrisisGrid gateway: creates a small-test exercise, issues join codes, clients call Join()
//   --target bare      tools/BareHub: clients Join(group); the driver POSTs each message with the groups that get it
// Usage: node loadtest.mjs --target gateway --url http://127.0.0.1:5080 --clients 100 --rate 20 --duration 30
//        [--warmup 5] [--pid <server pid, for /proc memory and CPU>] [--templates file.json] [--label text]
//        [--save-templates file.json] [--drain 10] [--log-slow <ms: log commands slower than this>]
//        [--client-urls "http://A http://B": gateways the clients spread over, round robin; default --url]
//        [--exec-at S --exec "shell command": run it S seconds after the command stream starts, e.g. kill -9 a silo]
//        (--pid takes a comma-separated list: memory and CPU are summed over those processes, e.g. silo + gateways)
// Prints one JSON result line on stdout (report.mjs turns those into a table) and progress on stderr.
import * as signalR from '@microsoft/signalr';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const options = parseArgs(process.argv.slice(2));
const target = options.target ?? 'gateway';
const baseUrl = (options.url ?? 'http://127.0.0.1:5080').replace(/\/$/, '');
const clientCount = Number(options.clients ?? 100);
const rate = Number(options.rate ?? 20);
const durationS = Number(options.duration ?? 30);
const warmupS = Number(options.warmup ?? 5);
const drainS = Number(options.drain ?? 10);
const serverPids = options.pid ? String(options.pid).split(',').map(Number) : [];
// Clients spread over several gateways of one cluster; commands still go through --url.
const clientUrls = (options.clientUrls ?? baseUrl).split(' ').filter(Boolean).map((u) => u.replace(/\/$/, ''));
const clientUrl = (client) => clientUrls[client.index % clientUrls.length];
const nations = ['ARD', 'BOR', 'CAL', 'DUN'];

// Roles: 10% exercise control, 30% observers, 60% teams spread over every nation of small-test.
const roleOf = (i) => {
  const slot = i % 10;
  if (slot === 0) return { kind: 'control' };
  if (slot <= 3) return { kind: 'observer' };
  return { kind: 'team', nation: nations[(slot - 4) % nations.length] };
};
const groupKey = (role) => (role.kind === 'team' ? `team:${role.nation}` : role.kind);

// Audience.Allows (src/Grains/Events/Audience.cs) for the viewers the tool plays (the review is never open here).
const allows = (audience, role) =>
  role.kind === 'control' ||
  audience.kind === 'public' ||
  (role.kind === 'team' && audience.kind === 'nations' && audience.nations.includes(role.nation));

const log = (message) => process.stderr.write(`[${target} N=${clientCount}] ${message}\n`);

// ---- server process: memory and CPU from /proc (Linux) ----
function serverStats() {
  if (serverPids.length === 0) return null;
  const each = serverPids.map(processStats);
  if (each.some((e) => e === null)) return null;
  return each.reduce((a, b) => ({ rssMiB: a.rssMiB + b.rssMiB, peakMiB: a.peakMiB + b.peakMiB, cpuTicks: a.cpuTicks + b.cpuTicks }));
}

function processStats(serverPid) {
  try {
    const status = readFileSync(`/proc/${serverPid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const stat = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024, cpuTicks: Number(stat[11]) + Number(stat[12]) };
  } catch {
    return null;
  }
}
const loadAverage = () => {
  try { return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { return 'n/a'; }
};

// ---- HTTP ----
async function post(path, body, token, url = baseUrl) {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} -> ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function get(path, token) {
  const response = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path} -> ${response.status}`);
  return response.json();
}

// ---- targets: how to set up, connect a client, and send one command ----
function gatewayTarget() {
  let exerciseId, controlToken;
  let commandNo = 0;
  const codes = {};
  const command = async (type, args) => {
    const reply = await post(`/api/exercises/${exerciseId}/commands`, { commandId: `lt-${++commandNo}`, type, args }, controlToken);
    if (!reply.accepted) throw new Error(`${type} refused: ${JSON.stringify(reply.problem)}`);
    return reply;
  };
  return {
    async setup() {
      const created = await post('/api/exercises', { scenarioId: 'small-test', name: `Load test ${clientCount}` });
      exerciseId = created.exerciseId;
      controlToken = (await post('/api/join', { code: created.facilitatorCode })).accessToken;
      await command('exercise.start');
      for (let i = 0; i < 4; i++) {
        const snapshot = await get(`/api/exercises/${exerciseId}`, controlToken);
        if (snapshot.exercise.phase === 'orders') break;
        await command('exercise.advance', {});
      }
      codes.control = created.facilitatorCode;
      codes.observer = (await command('access.issueJoinCode', { role: 'observer', nation: null, label: 'load observers' })).output;
      for (const nation of nations) {
        codes[`team:${nation}`] = (await command('access.issueJoinCode', { role: 'team', nation, label: `load ${nation}` })).output;
      }
      log(`exercise ${exerciseId} in its orders phase; codes issued`);
    },
    async connect(client) {
      // Every client redeems its role's code, as a participant's browser would.
      let at = performance.now();
      const { accessToken } = await post('/api/join', { code: codes[groupKey(client.role)] }, undefined, clientUrl(client));
      client.connectMs.token = performance.now() - at;
      const connection = build(`${clientUrl(client)}/hubs/exercise`, () => accessToken);
      connection.on('Events', (batch) => client.onBatch(batch, batch.events));
      connection.on('Revoked', () => client.errors.push('revoked'));
      at = performance.now();
      await connection.start();
      client.connectMs.socket = performance.now() - at;
      at = performance.now();
      const reply = await connection.invoke('Join');
      client.connectMs.join = performance.now() - at;
      client.snapshotChars = JSON.stringify(reply).length;
      client.joinedAt(reply.snapshot.sequence);
      return connection;
    },
    async send(kind, nation, id) {
      if (kind === 'news') {
        return command('exercise.publishNews', { headline: `Bulletin ${id}`, body: 'Ministries report a quiet night along the border.' });
      }
      if (kind === 'submit') {
        const action = { kind: 'publicStatement', tone: 'firm', text: 'We call for restraint on the border.', toward: nation === 'BOR' ? 'ARD' : 'BOR' };
        return command('nation.submitOrder', { nation, orderId: id, action });
      }
      return command('nation.withdrawOrder', { nation, orderId: id });
    },
    checksWatermarks: true,
  };
}

function bareTarget(templates) {
  let sequence = 0;
  return {
    async setup() {},
    async connect(client) {
      const connection = build(`${baseUrl}/hubs/bare`, null);
      connection.on('Events', (batch) => client.onBatch(batch, batch.events));
      let at = performance.now();
      await connection.start();
      client.connectMs.socket = performance.now() - at;
      at = performance.now();
      await connection.invoke('Join', groupKey(client.role));
      client.connectMs.join = performance.now() - at;
      client.joinedAt(0);
      return connection;
    },
    async send(kind, nation) {
      // The same message the gateway sent for this kind of command (captured in the gateway run), renumbered.
      const seq = ++sequence;
      const message = structuredClone(templates[kind]);
      message.from = seq - 1;
      message.to = seq;
      message.events[0].sequence = seq;
      if (kind !== 'news') message.events[0].audience = { kind: 'nations', nations: [nation] };
      const groups = kind === 'news' ? null : ['control', `team:${nation}`];
      await post('/broadcast', { groups, message });
      return { firstSequence: seq, lastSequence: seq, audience: message.events[0].audience };
    },
    checksWatermarks: false, // a bare hub has no per-viewer watermark; gaps show up as missing deliveries instead
  };
}

function build(url, accessTokenFactory) {
  return new signalR.HubConnectionBuilder()
    .withUrl(url, {
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
      ...(accessTokenFactory ? { accessTokenFactory } : {}),
    })
    .configureLogging(signalR.LogLevel.Error)
    .build();
}

// A message shaped like what the gateway sends, for a bare run without a gateway run before it.
const syntheticTemplates = () => {
  const event = (stream, audience, payload) => ({ exerciseId: 'small-test-abcdef', sequence: 0, stream, streamVersion: 1, recordedAt: new Date().toISOString(), commandId: 'AB12CD:lt-1', audience, event: payload });
  const batch = (e) => ({ exerciseId: 'small-test-abcdef', from: 0, to: 0, events: [e] });
  return {
    news: batch(event('exercise', { kind: 'public', nations: [] }, { $type: 'news.published', newsId: 'news-1', headline: 'Bulletin 1', body: 'Ministries report a quiet night along the border.', source: 'control' })),
    submit: batch(event('nation/ARD', { kind: 'nations', nations: ['ARD'] }, { $type: 'nation.order-submitted', order: { orderId: 'lt-o1', turn: 1, action: { kind: 'publicStatement', tone: 'firm', text: 'We call for restraint on the border.', toward: 'BOR' }, cost: 1 } })),
    withdraw: batch(event('nation/ARD', { kind: 'nations', nations: ['ARD'] }, { $type: 'nation.order-withdrawn', turn: 1, orderId: 'lt-o1' })),
  };
};

// ---- clients ----
function makeClient(index) {
  const client = {
    index,
    role: roleOf(index),
    received: new Map(), // event key (eventKey) -> receive time (ms, performance.now())
    batches: [], // receive times of Events messages
    watermark: 0,
    snapshotSequence: 0,
    gaps: 0,
    duplicates: 0,
    coveredBySnapshot: 0,
    errors: [],
    joined: false,
    connectMs: {}, // time to redeem the join code (gateway), open the socket, and get the Join reply
    snapshotChars: 0,
    early: [], // batches that arrived before the Join reply: applied against the snapshot's sequence, as a client must
    onBatch(batch, events) {
      const now = performance.now();
      client.batches.push(now);
      if (client.role.kind === 'control') {
        // Exercise control is numbered by the log itself: it tells which event each command's sequence numbers are.
        if (target === 'gateway') captureTemplate(events);
        for (const e of events) {
          audienceOf.set(e.sequence, e.audience);
          keyOf.set(e.sequence, eventKey(e));
        }
      }
      if (!client.joined) client.early.push({ batch, events, now });
      else client.apply(batch, events, now);
    },
    joinedAt(sequence) {
      client.watermark = client.snapshotSequence = sequence;
      client.joined = true;
      for (const { batch, events, now } of client.early) client.apply(batch, events.filter((e) => e.sequence > sequence), now, true);
      client.early = [];
    },
    apply(batch, events, now, early = false) {
      if (checksWatermarks && batch.to > client.watermark) {
        if (batch.from > client.watermark) {
          client.gaps++;
          if (gapReports++ < 5) log(`gap: client ${client.index} (${groupKey(client.role)}) at watermark ${client.watermark} got events ${batch.from}..${batch.to} [${events.map((e) => e.sequence)}]${early ? ' before its Join reply' : ''}`);
        }
        client.watermark = batch.to;
      }
      for (const e of events) {
        // An event the Join snapshot already covered may still arrive once after the reply (the hub adds the
        // connection to its group before it takes the snapshot); the protocol says to drop it (LiveMessages.cs).
        if (e.sequence <= client.snapshotSequence) client.coveredBySnapshot++;
        else if (client.received.has(eventKey(e))) {
          client.duplicates++;
          if (duplicateReports++ < Number(options.logDuplicates ?? 0)) log(`duplicate: client ${client.index} (${groupKey(client.role)}) at watermark ${client.watermark} got ${eventKey(e)} as ${e.sequence} in batch ${batch.from}..${batch.to}`);
        }
        else client.received.set(eventKey(e), now);
      }
    },
  };
  return client;
}

let gapReports = 0;
let duplicateReports = 0;
const audienceOf = new Map(); // log sequence -> audience, learnt from exercise control's clients (they see everything)
const keyOf = new Map(); // log sequence -> event key, learnt the same way

// Each viewer numbers events by its own count (the n-th event it may see; README, "The live protocol"), so a team's
// sequence numbers are not the log's: events are matched across clients by what they are. The bare hub's messages
// repeat one payload with the log's numbers, which every client shares there.
function eventKey(e) {
  if (target !== 'gateway') return `seq:${e.sequence}`;
  // Viewers do not share sequence numbers or stream versions (both would tell a team how much it does not see), and
  // payload ids are not enough (a join code's redemptions all read alike): the payload and its recording time are.
  return `${e.stream}|${e.recordedAt}|${JSON.stringify(e.event)}`;
}
const templates = {};
function captureTemplate(events) {
  for (const e of events) {
    const kind = { 'news.published': 'news', 'nation.order-submitted': 'submit', 'nation.order-withdrawn': 'withdraw' }[e.event.$type];
    if (kind && !templates[kind]) templates[kind] = { exerciseId: e.exerciseId, from: e.sequence - 1, to: e.sequence, events: [e] };
  }
}

// ---- the run ----
const templateFile = options.templates;
const server =
  target === 'gateway'
    ? gatewayTarget()
    : bareTarget(templateFile && existsSync(templateFile) ? JSON.parse(readFileSync(templateFile, 'utf8')) : syntheticTemplates());
const checksWatermarks = server.checksWatermarks;

const loadAtStart = loadAverage();
await server.setup();
const memoryIdle = serverStats();

const clients = Array.from({ length: clientCount }, (_, i) => makeClient(i));
const connections = [];
const connectStart = performance.now();
for (let i = 0; i < clients.length; i += 50) {
  connections.push(...(await Promise.all(clients.slice(i, i + 50).map((c) => server.connect(c)))));
}
const connectSeconds = (performance.now() - connectStart) / 1000;
log(`${clients.length} clients connected in ${connectSeconds.toFixed(1)} s`);
const memoryConnected = serverStats();

// Open loop at a fixed rate: news, then a private order for the next nation, alternating (so a third of commands
// are public and two thirds private). Each nation's next command waits for its previous reply, so the submit and
// withdraw of one order never overtake each other; a nation still busy is skipped for this slot.
const commands = [];
const openOrder = new Map(nations.map((n) => [n, null])); // nation -> id of its submitted, not yet withdrawn order
const busy = new Set();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
// Slots are counted in integers, so the measured window holds exactly duration × rate of them.
const warmupSlots = Math.round(warmupS * rate);
const totalSlots = warmupSlots + Math.round(durationS * rate);
const t0 = performance.now();
const measureFrom = t0 + (warmupSlots * 1000) / rate;
const measureTo = t0 + (totalSlots * 1000) / rate;
let cpuAtStart = null;
let nationTurn = 0;
const inFlight = new Set();
let execAt = null; // when --exec ran, relative to t0 (ms)
for (let n = 1; n <= totalSlots; n++) {
  const slotAt = t0 + ((n - 1) * 1000) / rate;
  const wait = slotAt - performance.now();
  if (wait > 0) await sleep(wait);
  if (options.exec && execAt === null && performance.now() - t0 >= Number(options.execAt ?? 0) * 1000) {
    execAt = performance.now() - t0;
    log(`exec at t=${(execAt / 1000).toFixed(1)} s: ${options.exec}`);
    spawn('sh', ['-c', options.exec], { stdio: 'inherit' });
  }
  if (!cpuAtStart && performance.now() >= measureFrom) {
    cpuAtStart = serverStats();
    loopDelay.enable();
  }

  let kind = 'news', nation = null, id = `lt-n${n}`;
  if (n % 3 !== 1) {
    for (let k = 0; k < nations.length && !nation; k++) {
      const candidate = nations[nationTurn++ % nations.length];
      if (!busy.has(candidate)) nation = candidate;
    }
    if (!nation) continue;
    busy.add(nation);
    const open = openOrder.get(nation);
    [kind, id] = open ? ['withdraw', open] : ['submit', `lt-o${n}`];
  }
  const record = { kind, nation, inWindow: n > warmupSlots, sentAt: performance.now(), acceptedAt: null, first: null, last: null, audience: null, error: null };
  commands.push(record);
  const task = (async () => {
    try {
      const reply = await server.send(kind, nation, id);
      record.acceptedAt = performance.now();
      if (options.logSlow && record.acceptedAt - record.sentAt > Number(options.logSlow)) {
        log(`slow: ${kind} ${nation ?? ''} took ${(record.acceptedAt - record.sentAt).toFixed(0)} ms at t=${((record.sentAt - t0) / 1000).toFixed(2)} s (${new Date().toISOString()})`);
      }
      record.first = reply.firstSequence;
      record.last = reply.lastSequence;
      record.audience = reply.audience ?? null;
      if (nation) openOrder.set(nation, kind === 'submit' ? id : null);
    } catch (err) {
      record.error = String(err.message ?? err);
    } finally {
      busy.delete(nation);
    }
  })();
  inFlight.add(task);
  task.finally(() => inFlight.delete(task));
}
await Promise.all(inFlight);
const cpuAtEnd = serverStats();
loopDelay.disable();
const sendEnd = performance.now();

// A command belongs to the window its slot is in (a slot the event loop served late still counts once).
const measured = commands.filter((c) => c.inWindow);
const entitled = (command, client) => {
  const seqs = [];
  for (let s = command.first; s <= command.last; s++) {
    // Until some exercise-control client has the event, its audience is unknown; control is entitled either way.
    const audience = command.audience ?? audienceOf.get(s);
    if (audience ? allows(audience, client.role) : client.role.kind === 'control') seqs.push(keyOf.get(s) ?? `unseen:${s}`);
  }
  return seqs;
};
// Let deliveries finish: until every entitled client has every measured command's events, or the drain time is up.
const allDelivered = () =>
  measured.every((c) => c.error || c.first == null || clients.every((cl) => entitled(c, cl).every((s) => cl.received.has(s))));
for (const until = performance.now() + drainS * 1000; performance.now() < until && !allDelivered(); ) await sleep(200);
const memoryEnd = serverStats();

// ---- results ----
const fromAccepted = [], fromSent = [];
let missing = 0, deliveries = 0, unknownAudience = 0;
for (const c of measured) {
  if (c.error || c.first == null) continue;
  for (let s = c.first; s <= c.last; s++) {
    if (!c.audience && !audienceOf.has(s)) {
      unknownAudience++;
      log(`no exercise-control client received sequence ${s} (${c.kind} ${c.nation ?? ''}, events ${c.first}..${c.last})`);
    }
  }
  for (const client of clients) {
    const seqs = entitled(c, client);
    if (seqs.length === 0) continue;
    if (!seqs.every((s) => client.received.has(s))) { missing++; continue; }
    const at = Math.max(...seqs.map((s) => client.received.get(s)));
    fromAccepted.push(at - c.acceptedAt);
    fromSent.push(at - c.sentAt);
    deliveries++;
  }
}
const messagesInWindow = clients.reduce((sum, c) => sum + c.batches.filter((t) => t >= measureFrom && t < measureTo).length, 0);
const accept = measured.filter((c) => !c.error).map((c) => c.acceptedAt - c.sentAt);
const cpuSeconds = cpuAtStart && cpuAtEnd ? (cpuAtEnd.cpuTicks - cpuAtStart.cpuTicks) / 100 : null; // USER_HZ = 100 on Linux
const result = {
  target,
  label: options.label ?? target,
  clients: clientCount,
  rate,
  durationS,
  commands: measured.length,
  commandErrors: measured.filter((c) => c.error).length,
  firstError: measured.find((c) => c.error)?.error ?? null,
  connectSeconds,
  connectTokenMs: summary(clients.map((c) => c.connectMs.token).filter((v) => v != null)),
  connectSocketMs: summary(clients.map((c) => c.connectMs.socket)),
  connectJoinMs: summary(clients.map((c) => c.connectMs.join)),
  joinReplyChars: summary(clients.map((c) => c.snapshotChars)).p50,
  acceptMs: summary(accept),
  deliveryFromAcceptedMs: summary(fromAccepted),
  deliveryFromSentMs: summary(fromSent),
  deliveries,
  missing,
  unknownAudience,
  gaps: clients.reduce((s, c) => s + c.gaps, 0),
  duplicates: clients.reduce((s, c) => s + c.duplicates, 0),
  coveredBySnapshot: clients.reduce((s, c) => s + c.coveredBySnapshot, 0),
  messagesPerSecond: messagesInWindow / durationS,
  serverRssIdleMiB: memoryIdle?.rssMiB ?? null,
  serverRssConnectedMiB: memoryConnected?.rssMiB ?? null,
  serverRssEndMiB: memoryEnd?.rssMiB ?? null,
  serverPeakMiB: memoryEnd?.peakMiB ?? null,
  serverCpuPercent: cpuSeconds == null ? null : (100 * cpuSeconds) / ((sendEnd - measureFrom) / 1000),
  toolEventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  execAtS: execAt === null ? null : execAt / 1000,
  commandsOver1s: accept.filter((ms) => ms > 1000).length,
  // Recovery: from --exec to the acceptance of the last command that took over 1 s (0 if none did).
  recoveryS: execAt === null ? null : Math.max(0, ...measured.filter((c) => !c.error && c.acceptedAt - c.sentAt > 1000).map((c) => (c.acceptedAt - t0 - execAt) / 1000)),
  loadAverageStart: loadAtStart,
  loadAverageEnd: loadAverage(),
};
if (target === 'gateway' && options.saveTemplates) writeFileSync(options.saveTemplates, JSON.stringify(templates, null, 1));
log(`${result.commands} commands, ${deliveries} deliveries, p50 ${result.deliveryFromAcceptedMs.p50?.toFixed(1)} ms, p99 ${result.deliveryFromAcceptedMs.p99?.toFixed(1)} ms, missing ${missing}, gaps ${result.gaps}, duplicates ${result.duplicates}`);
process.stdout.write(JSON.stringify(result) + '\n');
await Promise.all(connections.map((c) => c.stop()));
process.exit(0);

// Nearest-rank percentiles over all samples (sorted by hand: the sample counts here are small).
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : null);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1] : null };
}

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`Unexpected argument ${argv[i]}`);
    const key = argv[i].slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    parsed[key] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
  }
  return parsed;
}

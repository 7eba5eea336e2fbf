#!/usr/bin/env python3
"""Rolling restart (and scale 2 -> 3 -> 2) of a deploy/cluster.sh cluster while a client keeps sending commands.

Started by deploy/rolling-restart.sh, which brings the cluster up and passes its ready file. Steps, in order:
  restart each silo in turn: SIGTERM, wait until it has left membership, start it again with the same command line,
  wait until it is active; restart each gateway the same way (ready = /health/ready answers 200); then add a silo
  (new ports) and remove it again gracefully. At the end, read the Orleans dashboard of a silo as an operator.
Meanwhile W client threads send exercise.publishNews as exercise control through the gateways in turn; a command
that fails (connection refused, 5xx, time-out) is retried with the same commandId, as the web client does, until it
is acknowledged. At the end the exercise log is read back and checked: every acknowledged command is in it (lost = 0)
and none is in it twice (duplicates = 0). Prints a JSON summary and a Markdown table.

Uses only the standard library and 127.0.0.1; every loop is bounded in count and time.
"""
import argparse
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

ACTIVE, DEAD = 3, 6
_silos = None  # what this run started, stopped on the way out whatever happens


def read_ready(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'^(\w+)="(.*)"$', line.strip())
            if m:
                values[m.group(1)] = m.group(2)
    return values


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Http:
    def __init__(self, timeout):
        self.timeout = timeout

    def call(self, method, url, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("content-type", "application/json")
        if token:
            request.add_header("authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                text = response.read().decode()
                return response.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            text = e.read().decode(errors="replace")
            try:
                return e.code, json.loads(text)
            except ValueError:
                return e.code, text


class Membership:
    """Reads Orleans' membership table with psql, as an operator would."""

    def __init__(self, psql, postgres, cluster_id):
        parts = dict(p.split("=", 1) for p in postgres.split(";") if "=" in p)
        self.url = f"postgresql://{parts.get('Username', 'postgres')}@{parts.get('Host', '127.0.0.1')}:{parts['Port']}/{parts['Database']}"
        self.psql = psql
        self.cluster_id = cluster_id

    def query(self, sql):
        out = subprocess.run([self.psql, self.url, "-tAc", sql], capture_output=True, text=True, timeout=30)
        return out.stdout.strip()

    def active(self):
        return int(self.query(f"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{self.cluster_id}' AND Status = {ACTIVE}") or 0)

    def status_of_port(self, silo_port):
        rows = self.query(f"SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = '{self.cluster_id}' AND Port = {silo_port} ORDER BY Generation DESC LIMIT 1")
        return int(rows) if rows else None


class Load:
    """W threads sending exercise.publishNews; each command retried with its own commandId until acknowledged."""

    def __init__(self, gateways, exercise, token, workers, pause, give_up):
        self.gateways, self.exercise, self.token = gateways, exercise, token
        self.workers, self.pause, self.give_up = workers, pause, give_up
        self.http = Http(timeout=15)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.sent = []        # (command_id, started, acked_at or None, attempts, events expected)
        self.errors = {}

    def run_worker(self, worker):
        n = 0
        while not self.stop.is_set():
            n += 1
            command_id = f"rr-{worker}-{n}"
            started = time.monotonic()
            attempts, acked, expected = 0, None, None
            while time.monotonic() - started < self.give_up:
                gateway = self.gateways[(n + attempts) % len(self.gateways)]
                attempts += 1
                try:
                    status, reply = self.http.call("POST", f"{gateway}/api/exercises/{self.exercise}/commands",
                                                   {"commandId": command_id, "type": "exercise.publishNews",
                                                    "args": {"headline": f"Bulletin {command_id}", "body": "Rolling restart check."}},
                                                   self.token)
                except (urllib.error.URLError, OSError, TimeoutError) as e:
                    status, reply = None, str(e)
                if status == 200 and isinstance(reply, dict) and reply.get("accepted"):
                    acked = time.monotonic()
                    expected = (reply["lastSequence"] - reply["firstSequence"] + 1) if reply.get("firstSequence") else 1
                    break
                with self.lock:
                    key = f"{status}" if status else "no answer"
                    self.errors[key] = self.errors.get(key, 0) + 1
                if status is not None and status < 500 and status not in (408, 429):
                    break  # refused by a rule or malformed: a retry would not change it
                time.sleep(0.2)
            with self.lock:
                self.sent.append((command_id, started, acked, attempts, expected))
            time.sleep(self.pause)

    def start(self):
        self.threads = [threading.Thread(target=self.run_worker, args=(w,), daemon=True) for w in range(self.workers)]
        for t in self.threads:
            t.start()

    def finish(self):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=self.give_up + 20)

    def latencies_between(self, t0, t1):
        with self.lock:
            return [acked - started for _, started, acked, _, _ in self.sent if acked and acked >= t0 and started <= t1]


class Silos:
    """The cluster's silo processes: stops one by SIGTERM, starts one with a given command line; tracks what it started."""

    def __init__(self, logs):
        self.logs = logs
        self.started = []

    @staticmethod
    def command_line(pid):
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = [a.decode() for a in f.read().split(b"\0") if a]
        with open(f"/proc/{pid}/environ", "rb") as f:
            env = dict(e.decode().split("=", 1) for e in f.read().split(b"\0") if b"=" in e)
        return argv, (os.readlink(f"/proc/{pid}/cwd"), env)

    @staticmethod
    def alive(pid):
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
                return f.read().split(") ")[1][0] != "Z"
        except FileNotFoundError:
            return False

    def start(self, argv, where, name):
        cwd, env = where  # the same folder and environment (operator key, OTEL_*) as the silo it replaces
        log = open(os.path.join(self.logs, f"{name}.log"), "w", encoding="utf-8")
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.started.append(process)
        return process

    def stop_all_started(self):
        for p in self.started:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.started:
            try:
                p.wait(timeout=45)
            except subprocess.TimeoutExpired:
                p.kill()  # a silo whose database is gone retries its membership update for minutes
                p.wait(timeout=10)


def wait_until(condition, what, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


def arg_value(argv, key):
    prefix = f"--{key}="
    return next((a[len(prefix):] for a in argv if a.startswith(prefix)), None)


def with_value(argv, key, value):
    prefix = f"--{key}="
    return [f"{prefix}{value}" if a.startswith(prefix) else a for a in argv]


def graceful_stop(pid, silo_port, membership, silos_expected):
    os.kill(pid, signal.SIGTERM)
    t = time.monotonic()
    wait_until(lambda: not Silos.alive(pid), f"silo pid {pid} to exit after SIGTERM", 120)
    exited = time.monotonic() - t
    status = membership.status_of_port(silo_port)
    wait_until(lambda: membership.active() == silos_expected, f"{silos_expected} active silos", 60)
    return exited, status


def ready_at(http, url):
    try:
        return http.call("GET", f"{url}/health/ready")[0] == 200
    except (urllib.error.URLError, OSError, TimeoutError):
        return False


def dashboard_check(http, silo_urls, key):
    """What an operator sees on the Orleans dashboard of the last silo, and what an anonymous caller gets."""
    url = f"{silo_urls[-1]}/dashboard/DashboardCounters"
    anonymous = http.call("GET", url)[0]
    counters = {}
    # The dashboard samples once a second and only while someone looks: the first answers after a silo starts are empty.
    for _ in range(30):
        request = urllib.request.Request(url, headers={"X-Operator-Key": key})
        with urllib.request.urlopen(request, timeout=30) as response:
            counters = json.loads(response.read().decode())
        if counters.get("totalActiveHostCount"):
            break
        time.sleep(1)
    return {"anonymousStatus": anonymous, "activeSilos": counters.get("totalActiveHostCount"),
            "activations": counters.get("totalActivationCount")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ready", required=True)
    parser.add_argument("--psql", required=True)
    parser.add_argument("--cluster-id", default="crisisgrid-local")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--pause", type=float, default=0.05, help="seconds each worker waits between commands")
    parser.add_argument("--settle", type=float, default=10, help="seconds of load after each step")
    parser.add_argument("--give-up", type=float, default=90, help="seconds a command is retried before it counts as failed")
    parser.add_argument("--no-scale", action="store_true", help="skip the scale 2 -> 3 -> 2 steps")
    parser.add_argument("--no-gateways", action="store_true", help="skip restarting the gateways")
    args = parser.parse_args()

    ready = read_ready(args.ready)
    gateways = ready["GATEWAYS"].split()
    silo_pids = [int(p) for p in ready["SILO_PIDS"].split()]
    membership = Membership(args.psql, ready["POSTGRES"], args.cluster_id)
    global _silos
    silos = _silos = Silos(ready["LOGS"])
    http = Http(timeout=30)
    n = len(silo_pids)

    status, created = http.call("POST", f"{gateways[0]}/api/exercises", {"scenarioId": "small-test", "seed": 7})
    assert status == 201, f"creating the exercise: {status} {created}"
    exercise = created["exerciseId"]
    status, joined = http.call("POST", f"{gateways[0]}/api/join", {"code": created["facilitatorCode"]})
    assert status == 200, f"joining as exercise control: {status} {joined}"
    token = joined["accessToken"]
    status, reply = http.call("POST", f"{gateways[0]}/api/exercises/{exercise}/commands", {"commandId": "rr-start", "type": "exercise.start"}, token)
    assert status == 200 and reply.get("accepted"), f"starting the exercise: {status} {reply}"

    load = Load(gateways, exercise, token, args.workers, args.pause, args.give_up)
    steps = []
    began = time.monotonic()
    load.start()
    try:
        time.sleep(args.settle)
        baseline = load.latencies_between(began, time.monotonic())
        steps.append({"step": "steady load, before any restart", "seconds": round(time.monotonic() - began, 1),
                      "commands": len(baseline), "maxLatencyMs": round(max(baseline, default=0) * 1000)})
        for index, pid in enumerate(silo_pids, start=1):
            argv, cwd = Silos.command_line(pid)
            silo_port = int(arg_value(argv, "Cluster:SiloPort"))
            t0 = time.monotonic()
            exited, status_after = graceful_stop(pid, silo_port, membership, n - 1)
            left = time.monotonic() - t0
            process = silos.start(argv, cwd, f"silo-{index}-restarted")
            wait_until(lambda: membership.active() == n, f"{n} active silos after restarting silo {index}", 180)
            back = time.monotonic() - t0
            time.sleep(args.settle)
            window = load.latencies_between(t0, time.monotonic())
            steps.append({"step": f"restart silo {index}", "exitAfterSigtermS": round(exited, 1), "statusAfterExit": status_after,
                          "leftMembershipS": round(left, 1), "activeAgainS": round(back, 1), "commands": len(window),
                          "maxLatencyMs": round(max(window, default=0) * 1000)})
            silo_pids[index - 1] = process.pid
            print(f"rolling-restart: {steps[-1]}", file=sys.stderr, flush=True)

        if not args.no_gateways:
            for index, pid in enumerate(int(p) for p in ready.get("GATEWAY_PIDS", "").split()):
                argv, where = Silos.command_line(pid)
                url = arg_value(argv, "Urls")
                t0 = time.monotonic()
                os.kill(pid, signal.SIGTERM)
                wait_until(lambda: not Silos.alive(pid), f"gateway pid {pid} to exit after SIGTERM", 120)
                exited = time.monotonic() - t0
                silos.start(argv, where, f"gateway-{index + 1}-restarted")
                wait_until(lambda: ready_at(http, url), f"gateway {index + 1} to be ready again", 180)
                back = time.monotonic() - t0
                time.sleep(args.settle)
                window = load.latencies_between(t0, time.monotonic())
                steps.append({"step": f"restart gateway {index + 1}", "exitAfterSigtermS": round(exited, 1), "activeAgainS": round(back, 1),
                              "commands": len(window), "maxLatencyMs": round(max(window, default=0) * 1000)})
                print(f"rolling-restart: {steps[-1]}", file=sys.stderr, flush=True)

        if not args.no_scale:
            argv, cwd = Silos.command_line(silo_pids[0])
            port = free_port()
            argv = with_value(with_value(with_value(argv, "Cluster:SiloPort", port), "Cluster:GatewayPort", free_port()), "Urls", f"http://127.0.0.1:{free_port()}")
            t0 = time.monotonic()
            third = silos.start(argv, cwd, "silo-added")
            wait_until(lambda: membership.active() == n + 1, f"{n + 1} active silos", 180)
            joined_s = time.monotonic() - t0
            time.sleep(args.settle)
            window = load.latencies_between(t0, time.monotonic())
            steps.append({"step": f"add a silo ({n} -> {n + 1})", "activeAgainS": round(joined_s, 1), "commands": len(window),
                          "maxLatencyMs": round(max(window, default=0) * 1000)})
            print(f"rolling-restart: {steps[-1]}", file=sys.stderr, flush=True)
            t0 = time.monotonic()
            exited, status_after = graceful_stop(third.pid, port, membership, n)
            third.wait(timeout=10)
            left = time.monotonic() - t0
            time.sleep(args.settle)
            window = load.latencies_between(t0, time.monotonic())
            steps.append({"step": f"remove it gracefully ({n + 1} -> {n})", "exitAfterSigtermS": round(exited, 1), "statusAfterExit": status_after,
                          "leftMembershipS": round(left, 1), "commands": len(window), "maxLatencyMs": round(max(window, default=0) * 1000)})
            print(f"rolling-restart: {steps[-1]}", file=sys.stderr, flush=True)
    finally:
        load.finish()

    # Read the whole log back as exercise control (it sees every event) and compare with what was acknowledged.
    seen, after = {}, 0
    for _ in range(10000):
        status, page = http.call("GET", f"{gateways[-1]}/api/exercises/{exercise}/events?after={after}&max=2000", token=token)
        assert status == 200, f"reading the log: {status} {page}"
        if not page:
            break
        for event in page:
            # The gateway stores a command under "<join code id>:<client's command id>" (ids are per participant).
            command_id = (event.get("commandId") or "").rsplit(":", 1)[-1]
            if command_id.startswith("rr-"):
                seen[command_id] = seen.get(command_id, 0) + 1
        after = page[-1]["sequence"]
    dashboard = dashboard_check(http, ready["SILO_URLS"].split(), ready["OPERATOR_KEY"]) if ready.get("SILO_URLS") else None
    acked = [(c, expected) for c, _, a, _, expected in load.sent if a]
    unacked = [c for c, _, a, _, _ in load.sent if not a]
    lost = [c for c, _ in acked if c not in seen]
    duplicates = [c for c, expected in acked if seen.get(c, 0) > (expected or 1)]
    latencies = [a - s for _, s, a, _, _ in load.sent if a]
    summary = {
        "silos": n, "gateways": len(gateways), "workers": args.workers, "durationS": round(time.monotonic() - began, 1),
        "sent": len(load.sent), "acknowledged": len(acked), "notAcknowledged": len(unacked),
        "retried": sum(1 for *_, attempts, _ in load.sent if attempts > 1), "lost": len(lost), "duplicates": len(duplicates),
        "unackedButInLog": sum(1 for c in unacked if c in seen), "errorsSeenByClient": load.errors,
        "maxLatencyMs": round(max(latencies, default=0) * 1000),
        "p50LatencyMs": round(sorted(latencies)[len(latencies) // 2] * 1000) if latencies else 0,
        "dashboard": dashboard, "steps": steps,
    }
    print(json.dumps(summary, indent=2))
    print()
    print("| step | commands in window | max command latency | silo gone after SIGTERM | back / joined |")
    print("|---|---|---|---|---|")
    for s in steps:
        print(f"| {s['step']} | {s['commands']} | {s['maxLatencyMs']} ms | {str(s['exitAfterSigtermS']) + ' s' if 'exitAfterSigtermS' in s else '—'} | {str(s['activeAgainS']) + ' s' if 'activeAgainS' in s else '—'} |")
    return 0 if not lost and not duplicates and not unacked else 1


def interrupted(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


if __name__ == "__main__":
    # SIGTERM from the wrapper also runs the finally below: nothing this run started is left behind.
    signal.signal(signal.SIGTERM, interrupted)
    code = 1
    try:
        code = main()
    finally:
        if _silos:
            _silos.stop_all_started()
    sys.exit(code)

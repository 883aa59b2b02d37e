#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Launch-to-WAITING time of clusterdeck-runtime against the raw engine start, in the same run.

raw:     --engine dask: start `dask scheduler` and N `dask worker` processes by hand (same arguments and
         preloads as the runtime uses, each worker in its own process group), poll the scheduler's
         /json/identity.json every 50 ms until N workers are registered.
         --engine spark: start a Spark standalone Master and N Workers by hand with spark-class (the same
         environment and options as the runtime's SparkDriver; ports picked beforehand, as a person would, so
         the Workers start at once), poll the master's /json/ every 50 ms until it lists N ALIVE workers.
runtime: `clusterdeck-cli cluster launch --engine E --workers N --wait` against a running clusterdeck-runtime,
         which returns when the cluster is WAITING with every worker registered.
Each is run --repeat times per N, alternating, and the medians compared. Goal (issue 14): the runtime's median is
at most 1.10x the raw one, or at most 150 ms more.

Where the runtime's time goes, per run (medians printed per N): from the CLI's start to the cluster's creation
(`createdAt`: CLI start-up, connection, launch call), from there to the engine's own registration of the last
worker (Dask: the scheduler's "Register worker" log line, ms; Spark: the master's "Registering worker" line,
whole seconds only), from that to the runtime's WAITING (`readyAt`: how long the runtime took to notice), and
from WAITING to the CLI's exit (the event to the CLI, its output and exit).
"""
import datetime
import glob
import re
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def raw_launch(n, resources, workdir):
    port, dash = free_port(), free_port()
    cfg = os.path.join(workdir, "dask-config")
    os.makedirs(cfg, exist_ok=True)
    shutil.copy(os.path.join(resources, "engine", "dask.yaml"), cfg)
    env = dict(os.environ, DASK_CONFIG=cfg, PYTHONDONTWRITEBYTECODE="1")
    log = open(os.path.join(workdir, "raw.log"), "ab")
    start = time.monotonic()
    procs = [subprocess.Popen(["/usr/bin/dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", f"127.0.0.1:{dash}", "--preload",
                               os.path.join(resources, "engine", "scheduler_preload.py")],
                              env=env, stdout=log, stderr=log, start_new_session=True, cwd=workdir)]
    for i in range(n):
        procs.append(subprocess.Popen(["/usr/bin/dask", "worker", f"tcp://127.0.0.1:{port}", "--name", f"w{i + 1}",
                                       "--nthreads", "1", "--memory-limit", str(1 << 30), "--host", "127.0.0.1",
                                       "--dashboard-address", "127.0.0.1:0", "--local-directory",
                                       os.path.join(workdir, f"w{i + 1}"), "--preload",
                                       os.path.join(resources, "engine", "worker_preload.py")],
                                      env=env, stdout=log, stderr=log, start_new_session=True, cwd=workdir))
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{dash}/json/identity.json", timeout=2) as r:
                    if len(json.load(r).get("workers", {})) >= n:
                        return time.monotonic() - start
            except OSError:
                pass
            if any(p.poll() is not None for p in procs):
                raise RuntimeError(f"an engine process exited: see {workdir}/raw.log")
            if time.monotonic() - start > 300:
                raise RuntimeError("raw start timed out")
            time.sleep(0.05)
    finally:
        for p in procs:
            kill_group(p.pid)
        for p in procs:
            p.wait()


def spark_install():
    venv = subprocess.run([os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts", "spark-venv-path.sh")],
                          capture_output=True, text=True, check=True).stdout.strip()
    venv = os.environ.get("CLUSTERDECK_SPARK_VENV", venv)
    for py in sorted(os.listdir(os.path.join(venv, "lib"))):
        home = os.path.join(venv, "lib", py, "site-packages", "pyspark")
        if os.path.exists(os.path.join(home, "bin", "spark-class")):
            return home
    raise RuntimeError(f"no pyspark in {venv}: run scripts/install-deps.sh")


def raw_spark_launch(n, workdir):
    home = spark_install()
    port, ui = free_port(), free_port()
    opts = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
    env = dict(os.environ, SPARK_HOME=home, SPARK_LOCAL_IP="127.0.0.1", SPARK_LOCAL_HOSTNAME="127.0.0.1",
               SPARK_DAEMON_MEMORY="256m", SPARK_DAEMON_JAVA_OPTS=opts, HOME=workdir,
               SPARK_MASTER_OPTS="-Dspark.worker.timeout=10",
               SPARK_WORKER_OPTS="-Dspark.worker.timeout=10 -Dspark.decommission.enabled=true "
                                 "-Dspark.worker.decommission.signal=PWR")
    if os.path.isdir("/usr/lib/jvm/java-17-openjdk-amd64"):
        env["JAVA_HOME"] = "/usr/lib/jvm/java-17-openjdk-amd64"
    log = open(os.path.join(workdir, "raw.log"), "ab")
    spark_class = os.path.join(home, "bin", "spark-class")
    start = time.monotonic()
    procs = [subprocess.Popen([spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                               "--port", str(port), "--webui-port", str(ui)],
                              env=env, stdout=log, stderr=log, start_new_session=True, cwd=workdir)]
    for i in range(n):
        wd = os.path.join(workdir, f"w{i + 1}")
        os.makedirs(wd, exist_ok=True)
        procs.append(subprocess.Popen([spark_class, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                                       "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1024m",
                                       "--work-dir", wd, f"spark://127.0.0.1:{port}"],
                                      env=env, stdout=log, stderr=log, start_new_session=True, cwd=wd))
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{ui}/json/", timeout=2) as r:
                    alive = [w for w in json.load(r).get("workers", []) if w.get("state") == "ALIVE"]
                    if len(alive) >= n:
                        return time.monotonic() - start
            except (OSError, ValueError):
                pass
            if any(p.poll() is not None for p in procs):
                raise RuntimeError(f"an engine process exited: see {workdir}/raw.log")
            if time.monotonic() - start > 300:
                raise RuntimeError("raw start timed out")
            time.sleep(0.05)
    finally:
        for p in procs:
            kill_group(p.pid)
        for p in procs:
            p.wait()


def cli(bin_dir, url, token, *args):
    out = subprocess.run([os.path.join(bin_dir, "clusterdeck-cli"), "--runtime", url, "--token-file", token,
                          "--json", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def iso_epoch(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def last_registration(data_dir, cluster_id, engine):
    """Epoch seconds of the head's log line registering the last worker (None when not found)."""
    if engine == "dask":
        pattern, fmt, head = r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) - distributed\.scheduler - INFO - Register worker", \
            "%Y-%m-%d %H:%M:%S,%f", "scheduler.log"
    else:
        pattern, fmt, head = r"^(\d\d/\d\d/\d\d \d\d:\d\d:\d\d) INFO Master: Registering worker", "%y/%m/%d %H:%M:%S", \
            "master.log"
    found = None
    for path in glob.glob(os.path.join(data_dir, "clusters", cluster_id, "logs", head)):
        with open(path, errors="replace") as f:
            for line in f:
                m = re.match(pattern, line)
                if m:
                    found = datetime.datetime.strptime(m.group(1), fmt).timestamp()  # local time, as the engine logs
    return found


def runtime_launch(n, bin_dir, url, token, name, engine, data_dir, steps):
    wall = time.time()
    start = time.monotonic()
    cluster = cli(bin_dir, url, token, "cluster", "launch", "--name", name, "--engine", engine, "--workers", str(n),
                  "--wait")
    elapsed = time.monotonic() - start
    end = wall + elapsed
    assert cluster["state"] == "WAITING" and cluster["runningWorkers"] == n, cluster
    created, ready = iso_epoch(cluster["createdAt"]), iso_epoch(cluster["readyAt"])
    registered = last_registration(data_dir, cluster["id"], engine)
    steps.append((created - wall, (registered or ready) - created, ready - (registered or ready), end - ready))
    cli(bin_dir, url, token, "cluster", "terminate", cluster["id"], "--wait")
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--resources", required=True)
    ap.add_argument("--workers", default="1,4,8")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--engine", choices=["dask", "spark"], default="dask")
    args = ap.parse_args()
    args.resources = os.path.abspath(args.resources)  # engine processes run in their own directories
    args.bin = os.path.abspath(args.bin)
    data = tempfile.mkdtemp(prefix="cdeck-bench-")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, CLUSTERDECK_TERMINATE_GRACE_S="3")
    runtime = subprocess.Popen([os.path.join(args.bin, "clusterdeck-runtime"), "--listen", f"127.0.0.1:{port}",
                                "--data-dir", data, "--resources", args.resources],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    token = os.path.join(data, "token")
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/api/v1/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        print(f"engine {args.engine}; load average at the start: {open('/proc/loadavg').read().strip()}")
        print(f"{'workers':>7} {'raw median s':>12} {'runtime median s':>16} {'ratio':>6}   (runs: raw | runtime)")
        met = True
        breakdown = []
        for n in [int(x) for x in args.workers.split(",")]:
            raw, ours, steps = [], [], []
            for r in range(args.repeat):
                with tempfile.TemporaryDirectory(prefix="cdeck-raw-") as wd:
                    raw.append(raw_spark_launch(n, wd) if args.engine == "spark" else raw_launch(n, args.resources, wd))
                ours.append(runtime_launch(n, args.bin, url, token, f"bench-{n}-{r}", args.engine, data, steps))
            raw_median, ours_median = statistics.median(raw), statistics.median(ours)
            ratio = ours_median / raw_median
            ok = ratio <= 1.10 or ours_median - raw_median <= 0.150
            met = met and ok
            print(f"{n:>7} {raw_median:>12.2f} {ours_median:>16.2f} {ratio:>6.2f}   "
                  f"({', '.join(f'{x:.2f}' for x in raw)} | {', '.join(f'{x:.2f}' for x in ours)}) "
                  f"{'met' if ok else 'NOT met'}", flush=True)
            breakdown.append((n, [statistics.median(column) for column in zip(*steps)]))
        print("where the runtime's time goes, medians in s: CLI start -> created | created -> engine registered the "
              "last worker | -> runtime WAITING | WAITING -> CLI exit")
        for n, medians in breakdown:
            print(f"{n:>7} " + " | ".join(f"{x:.3f}" for x in medians))
        print(f"goal (ratio <= 1.10 or <= 150 ms more) {'met' if met else 'NOT met'}; "
              f"load average at the end: {open('/proc/loadavg').read().strip()}")
    finally:
        runtime.terminate()
        runtime.wait()
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Launch-to-WAITING time of clusterdeck-runtime against the raw engine start, in the same run.

raw:     start `dask scheduler` and N `dask worker` processes by hand (same arguments and preloads as the
         runtime uses, each worker in its own process group), poll the scheduler's /json/identity.json
         every 50 ms until N workers are registered.
runtime: `clusterdeck-cli cluster launch --workers N --wait` against a running clusterdeck-runtime,
         which returns when the cluster is WAITING with every worker registered.
Each is run --repeat times per N, alternating, and the medians compared. Goal: the runtime adds < 20%.
"""
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


def cli(bin_dir, url, token, *args):
    out = subprocess.run([os.path.join(bin_dir, "clusterdeck-cli"), "--runtime", url, "--token-file", token,
                          "--json", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def runtime_launch(n, bin_dir, url, token, name):
    start = time.monotonic()
    cluster = cli(bin_dir, url, token, "cluster", "launch", "--name", name, "--workers", str(n), "--wait")
    elapsed = time.monotonic() - start
    assert cluster["state"] == "WAITING" and cluster["runningWorkers"] == n, cluster
    cli(bin_dir, url, token, "cluster", "terminate", cluster["id"], "--wait")
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--resources", required=True)
    ap.add_argument("--workers", default="1,4,8")
    ap.add_argument("--repeat", type=int, default=3)
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
        print(f"{'workers':>7} {'raw median s':>12} {'runtime median s':>16} {'ratio':>6}   (runs: raw | runtime)")
        worst = 0.0
        for n in [int(x) for x in args.workers.split(",")]:
            raw, ours = [], []
            for r in range(args.repeat):
                with tempfile.TemporaryDirectory(prefix="cdeck-raw-") as wd:
                    raw.append(raw_launch(n, args.resources, wd))
                ours.append(runtime_launch(n, args.bin, url, token, f"bench-{n}-{r}"))
            ratio = statistics.median(ours) / statistics.median(raw)
            worst = max(worst, ratio)
            print(f"{n:>7} {statistics.median(raw):>12.2f} {statistics.median(ours):>16.2f} {ratio:>6.2f}   "
                  f"({', '.join(f'{x:.2f}' for x in raw)} | {', '.join(f'{x:.2f}' for x in ours)})", flush=True)
        print(f"worst ratio {worst:.2f} (goal < 1.20)")
    finally:
        runtime.terminate()
        runtime.wait()
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

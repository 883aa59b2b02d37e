#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Time to the first answer on a 1 GB event log: spark-log against Spark's own History Server, same run.

ctest bench_history_server (label bench), or by hand:

    bench_history_server.py CLUSTERDECK_CLI [--log FILE] [--size-mb 1024] [--heap 6g]

Without --log it generates the log in a temporary folder (never in the repository), the way bench_sparklog does:
the events of fixtures/spark/event-logs/local-1642039451826 (Spark 3.3) in order, each task's start/end pair
repeated with fresh task ids until the file reaches --size-mb. Then, one after the other on the same machine:

1. spark-log: `clusterdeck-cli spark-log LOG --api applications/ID/stages` (log to the stages answer), and the
   task endpoints of the largest stage (taskList sorted by -runtime, taskSummary, the stage with details=true),
   each under /usr/bin/time for its peak RSS.
2. Spark's HistoryServer (pyspark's spark-class; SPARK_DAEMON_MEMORY = --heap, its disk store in
   spark.history.store.path, spark.history.fs.update.interval=1s so its scan period does not count) on a folder
   holding only that log: seconds from its start until /api/v1/applications lists the application complete,
   and until it answers the same stages request (the replay into its store happens on that first request).

Prints every figure, the ratios and `uptime` before and after (the machine is shared: say how busy it was).
"""
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "integration", "spark"))
import live_history_server as live  # noqa: E402  (pyspark's location, process-group helpers)

FIXTURE_APP = "local-1642039451826"


def fixtures_dir():
    shared = os.environ.get("CLUSTERDECK_SHARED_DIR") or os.path.join(HERE, "..", "..", "..", "..", "shared")
    return os.path.join(shared, "fixtures")


def generate(fixture, target, target_bytes):
    """The fixture's events; after each task end, `copies` more start/end pairs of that task with new ids."""
    with open(fixture, "rb") as f:
        lines = f.readlines()
    task_id = re.compile(rb'"Task ID":(\d+),')
    is_start = lambda l: l.startswith(b'{"Event":"SparkListenerTaskStart"')  # noqa: E731
    is_end = lambda l: l.startswith(b'{"Event":"SparkListenerTaskEnd"')  # noqa: E731
    task_bytes = sum(len(l) for l in lines if is_start(l) or is_end(l))
    fixed_bytes = sum(len(l) for l in lines) - task_bytes
    start_of = {task_id.search(l).group(0): l for l in lines if is_start(l)}
    copies = max(0, (target_bytes - fixed_bytes) // max(1, task_bytes) - 1)
    next_id, tasks = 1_000_000, 0
    with open(target, "wb") as out:
        for l in lines:
            out.write(l)
            if not is_end(l):
                continue
            tasks += 1
            field = task_id.search(l).group(0)
            start = start_of[field]
            for _ in range(copies):
                fresh = b'"Task ID":%d,' % next_id
                next_id += 1
                out.write(start.replace(field, fresh))
                out.write(l.replace(field, fresh))
                tasks += 1
    return tasks


def timed(cmd):
    """Runs cmd under /usr/bin/time: (wall s, peak RSS MB, stdout)."""
    started = time.time()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=1800)
    wall = time.time() - started
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {r.stderr.decode()[-2000:]}")
    rss_kb = int(r.stderr.decode().strip().splitlines()[-1])
    return wall, rss_kb / 1024, r.stdout


def uptime():
    return subprocess.run(["uptime"], stdout=subprocess.PIPE, text=True).stdout.strip()


def main():
    args = sys.argv[1:]
    cli = os.path.abspath(args[0])
    log_arg = args[args.index("--log") + 1] if "--log" in args else None
    size_mb = int(args[args.index("--size-mb") + 1]) if "--size-mb" in args else 1024
    heap = args[args.index("--heap") + 1] if "--heap" in args else "6g"
    python = live.spark_python()
    spark_home = subprocess.check_output(
        [python, "-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))"], text=True).strip()
    work = tempfile.mkdtemp(prefix="cdeck-bench-shs-")
    history = None
    try:
        logs = os.path.join(work, "logs")
        os.makedirs(logs)
        log = os.path.join(logs, FIXTURE_APP)
        if log_arg:
            os.symlink(os.path.abspath(log_arg), log)
        else:
            t = time.time()
            tasks = generate(os.path.join(fixtures_dir(), "spark", "event-logs", FIXTURE_APP), log, size_mb << 20)
            print(f"generated {os.path.getsize(log) / 1e6:.0f} MB, {tasks} tasks, in {time.time() - t:.1f} s")
        size = os.path.getsize(os.path.realpath(log))
        print("before:", uptime(), flush=True)

        stages_api = f"applications/{FIXTURE_APP}/stages"
        ours_wall, ours_rss, out = timed([cli, "spark-log", log, "--api", stages_api])
        stages = json.loads(out)
        print(f"spark-log stages: {ours_wall:.2f} s, {size / 1e6 / ours_wall:.0f} MB/s, peak RSS {ours_rss:.0f} MB, "
              f"{len(stages)} stage attempts", flush=True)
        big = max(stages, key=lambda s: s["numCompleteTasks"])
        base = f"applications/{FIXTURE_APP}/stages/{big['stageId']}/{big['attemptId']}"
        task_rss = {}
        for name, api in (("taskList sortBy=-runtime", base + "/taskList?sortBy=-runtime&length=100"),
                          ("taskSummary", base + "/taskSummary"),
                          ("stage details=true", base + "?details=true")):
            wall, rss, _ = timed([cli, "spark-log", log, "--api", api])
            task_rss[name] = rss
            print(f"spark-log {name} (stage {big['stageId']}, {big['numCompleteTasks']} tasks): {wall:.2f} s, "
                  f"peak RSS {rss:.0f} MB", flush=True)

        store = os.path.join(work, "store")
        opts = (f"-Dspark.history.fs.logDirectory=file://{logs} -Dspark.history.ui.port=0 "
                f"-Dspark.history.fs.update.interval=1s -Dspark.history.store.path={store}")
        env = dict(os.environ, SPARK_HOME=spark_home, SPARK_LOCAL_IP="127.0.0.1", SPARK_HISTORY_OPTS=opts,
                   SPARK_NO_DAEMONIZE="1", SPARK_LOG_DIR=work, SPARK_DAEMON_MEMORY=heap)
        history_log = os.path.join(work, "history.log")
        started = time.time()
        history = subprocess.Popen(
            [os.path.join(spark_home, "bin", "spark-class"), "org.apache.spark.deploy.history.HistoryServer"],
            env=env, stdout=subprocess.DEVNULL, stderr=open(history_log, "w"), start_new_session=True)
        url = None
        listed = answered = None
        deadline = started + 1800
        while time.time() < deadline and history.poll() is None:
            if not url:
                m = re.search(r"Successfully started service 'HistoryServerUI' on port (\d+)",
                              open(history_log, errors="replace").read())
                url = f"http://127.0.0.1:{m.group(1)}/api/v1/" if m else None
            elif listed is None:
                try:
                    apps = live.get_json(url + "applications")
                    if apps and apps[0]["attempts"][0]["completed"]:
                        listed = time.time() - started
                        print(f"History Server lists the application complete after {listed:.1f} s", flush=True)
                        continue
                except OSError:
                    pass
            else:
                try:
                    with urllib.request.urlopen(url + stages_api, timeout=1800) as r:
                        theirs = json.load(r)
                    answered = time.time() - started
                    print(f"History Server answers the stages ({len(theirs)}) after {answered:.1f} s", flush=True)
                    break
                except OSError as e:
                    print("History Server:", e, flush=True)
            time.sleep(0.2)
        print("after:", uptime())
        if listed is None or answered is None:
            print("the History Server gave no answer:", open(history_log, errors="replace").read()[-3000:],
                  file=sys.stderr)
            return 1
        peak_task_rss = max([ours_rss] + list(task_rss.values()))
        print(f"RESULT log {size / 1e6:.0f} MB: spark-log {ours_wall:.2f} s; History Server listed {listed:.1f} s "
              f"({listed / ours_wall:.1f}x), answered {answered:.1f} s ({answered / ours_wall:.1f}x); spark-log peak "
              f"RSS {peak_task_rss:.0f} MB with the task endpoints (heap given to the server: {heap})")
        return 0
    finally:
        live.stop_group(history)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

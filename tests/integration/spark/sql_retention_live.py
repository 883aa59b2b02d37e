#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""spark-log keeps the SQL executions Spark's History Server keeps (ctest tst_spark_sql_retention_live).

Spark's History Server stores at most spark.sql.ui.retainedExecutions (default 1000) SQL executions per
application and drops the oldest completed ones beyond that. This writes an event log with a PySpark
application (local[1]) that runs RUNS (> 1000) tiny SQL queries, starts Spark's own HistoryServer on it (as
live_history_server.py does), and checks that `clusterdeck-cli spark-log LOG --api applications/ID/sql` lists
exactly the executions the server lists, whole JSON trees, and that both dropped the oldest: the log holds RUNS
executions, the answers 1000. Leaves no process behind. Usage: sql_retention_live.py CLUSTERDECK_CLI
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import live_history_server as live  # noqa: E402  (its pyspark, History Server and process helpers)

RUNS = 1010
RETAINED = 1000  # Spark's default spark.sql.ui.retainedExecutions, which the History Server applies

JOB = r'''
import sys
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local[1]").appName("cdeck-sql-retention")
         .config("spark.eventLog.enabled", "true").config("spark.eventLog.dir", "file://" + sys.argv[1])
         .config("spark.eventLog.compress", "false").config("spark.eventLog.rolling.enabled", "false")
         .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
         .config("spark.ui.enabled", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
for i in range(int(sys.argv[2])):
    spark.sql("SELECT %d AS n" % i).collect()  # one SQL execution each (a local relation: no Spark job)
spark.stop()
'''


def main():
    cli = os.path.abspath(sys.argv[1])
    python = live.spark_python()
    if not os.path.exists(python):
        print(f"no pyspark venv at {python}: run scripts/install-deps.sh", file=sys.stderr)
        return 1
    spark_home = subprocess.check_output(
        [python, "-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))"], text=True).strip()
    work = tempfile.mkdtemp(prefix="cdeck-sqlret-")
    logs = os.path.join(work, "logs")
    os.makedirs(logs)
    env = dict(os.environ, SPARK_HOME=spark_home, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=python)
    history = None
    try:
        script = os.path.join(work, "job.py")
        with open(script, "w") as f:
            f.write(JOB)
        started = time.time()
        job = subprocess.Popen([python, script, logs, str(RUNS)], env=env, stdout=subprocess.DEVNULL,
                               stderr=open(os.path.join(work, "job.log"), "w"), start_new_session=True)
        try:
            rc = job.wait(300)
        except subprocess.TimeoutExpired:
            rc = -1
        finally:
            live.stop_group(job)
        if rc != 0:
            print("the PySpark application failed:", open(os.path.join(work, "job.log")).read()[-3000:],
                  file=sys.stderr)
            return 1
        (name,) = os.listdir(logs)
        log = os.path.join(logs, name)
        with open(log) as f:
            events = [json.loads(line) for line in f if line.strip()]
        starts = [e["executionId"] for e in events if e["Event"].endswith("SparkListenerSQLExecutionStart")]
        ends = {e["executionId"]: e["time"] for e in events if e["Event"].endswith("SparkListenerSQLExecutionEnd")}
        app_id = next(e["App ID"] for e in events if e["Event"] == "SparkListenerApplicationStart")
        print(f"wrote {name}: {len(starts)} SQL executions in {time.time() - started:.1f} s", flush=True)
        if len(starts) < RUNS or len(ends) != len(starts):
            print(f"the log holds {len(starts)} executions ({len(ends)} ended), not {RUNS}", file=sys.stderr)
            return 1
        # Spark's rule, from the log alone: the oldest completed (by completion time, then id) are dropped.
        kept = sorted(sorted(ends, key=lambda i: (ends[i], i))[len(ends) - RETAINED:])

        history, url = live.start_history_server(spark_home, env, logs, work)
        if not url:
            return 1
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                apps = live.get_json(url + "/api/v1/applications")
                if len(apps) == 1 and apps[0]["attempts"][0]["completed"]:
                    break
            except OSError:
                pass
            time.sleep(1)
        else:
            print("the History Server did not list the application complete in 180 s", file=sys.stderr)
            return 1
        endpoint = f"applications/{app_id}/sql?length={2 * RUNS}"
        theirs = live.get_json(f"{url}/api/v1/{endpoint}")
        ours_run = subprocess.run([cli, "spark-log", log, "--api", endpoint], text=True, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=300)
        if ours_run.returncode != 0:
            print("spark-log failed:", ours_run.stderr, file=sys.stderr)
            return 1
        ours = json.loads(ours_run.stdout)
        their_ids = [x["id"] for x in theirs]
        our_ids = [x["id"] for x in ours]
        print(f"Spark's History Server lists {len(their_ids)} executions ({min(their_ids)}..{max(their_ids)}), "
              f"spark-log {len(our_ids)} ({min(our_ids)}..{max(our_ids)})")
        failed = False
        if sorted(their_ids) != kept:
            print("Spark's server kept other executions than its rule says: the test's model of it is wrong",
                  file=sys.stderr)
            failed = True
        if our_ids != their_ids:
            print(f"spark-log lists other executions: only ours {sorted(set(our_ids) - set(their_ids))[:10]}, "
                  f"only theirs {sorted(set(their_ids) - set(our_ids))[:10]}", file=sys.stderr)
            failed = True
        elif ours != theirs:
            diff = next(i for i in range(len(ours)) if ours[i] != theirs[i])
            print(f"execution {our_ids[diff]} differs:\n ours   {ours[diff]}\n theirs {theirs[diff]}", file=sys.stderr)
            failed = True
        return 1 if failed else 0
    finally:
        live.stop_group(history)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

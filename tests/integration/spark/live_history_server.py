#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""spark-log against Spark's own History Server, live.

Writes event logs with real PySpark jobs (a job that succeeds, one whose stage fails, a skewed shuffle, a SQL
query with joins, a cached RDD), plain and compressed with lz4, snappy and zstd (Spark 4's rolling default),
starts Spark's HistoryServer (spark-class, 127.0.0.1) on that folder, waits until it lists every application
complete, then runs `clusterdeck-cli spark-log DIR --compare-with URL`, which asks both for every endpoint and
prints the first difference of each. Exits with the comparison's status. Usage:

    live_history_server.py CLUSTERDECK_CLI [--keep DIR]

pyspark comes from the venv scripts/install-deps.sh makes (CLUSTERDECK_SPARK_PYTHON overrides it).
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def spark_python():
    if os.environ.get("CLUSTERDECK_SPARK_PYTHON"):
        return os.environ["CLUSTERDECK_SPARK_PYTHON"]
    base = "/opt/clusterdeck/pyspark-4.0.1" if os.geteuid() == 0 else os.path.join(
        os.environ.get("XDG_DATA_HOME", os.path.expanduser("~/.local/share")), "clusterdeck", "pyspark-4.0.1")
    return os.path.join(base, "bin", "python")


# One application per codec; each runs the same jobs so every endpoint has something to show.
JOBS = r'''
import sys
from pyspark.sql import SparkSession
log_dir, name, codec = sys.argv[1], sys.argv[2], sys.argv[3]
b = (SparkSession.builder.master("local[2]").appName(name)
     .config("spark.eventLog.enabled", "true").config("spark.eventLog.dir", "file://" + log_dir)
     .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
     .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
     .config("spark.eventLog.logBlockUpdates.enabled", "true")
     .config("spark.eventLog.logStageExecutorMetrics", "true"))
if codec == "plain":
    b = b.config("spark.eventLog.compress", "false").config("spark.eventLog.rolling.enabled", "false")
elif codec == "zstd-rolling":
    b = b.config("spark.eventLog.compress", "true").config("spark.eventLog.rolling.enabled", "true")
else:
    b = (b.config("spark.eventLog.compress", "true").config("spark.eventLog.compression.codec", codec)
         .config("spark.eventLog.rolling.enabled", "false"))
spark = b.getOrCreate()
sc = spark.sparkContext
sc.setLogLevel("ERROR")
# success
sc.parallelize(range(20000), 8).map(lambda x: (x % 10, x)).reduceByKey(lambda a, b: a + b).collect()
# a cached RDD, used twice (the second job skips the cached stage's work)
cached = sc.parallelize(range(5000), 4).map(lambda x: x * 2).cache()
cached.count()
cached.sum()
# skew: one key holds most of the rows
sc.parallelize([0] * 20000 + list(range(1, 2000)), 6).map(lambda k: (k, 1)).groupByKey().mapValues(len).collect()
# a stage that fails: every attempt of partition 3 raises
def boom(i, it):
    if i == 3:
        raise ValueError("task %d fails on purpose" % i)
    return it
try:
    sc.parallelize(range(100), 4).mapPartitionsWithIndex(boom).count()
except Exception:
    pass
# SQL with joins
a = spark.range(0, 3000).withColumnRenamed("id", "k")
b2 = spark.range(0, 3000).selectExpr("id as k", "id % 7 as g")
c = spark.range(0, 7).selectExpr("id as g", "concat('g', id) as label")
a.join(b2, "k").join(c, "g").groupBy("label").count().collect()
spark.stop()
'''


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def main():
    cli = os.path.abspath(sys.argv[1])
    keep = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--keep" else None
    python = spark_python()
    if not os.path.exists(python):
        print(f"no pyspark venv at {python}: run scripts/install-deps.sh", file=sys.stderr)
        return 1
    spark_home = subprocess.check_output(
        [python, "-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))"], text=True).strip()
    work = tempfile.mkdtemp(prefix="cdeck-shs-")
    logs = os.path.join(work, "logs")
    os.makedirs(logs)
    env = dict(os.environ, SPARK_HOME=spark_home, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=python)
    history = None
    try:
        script = os.path.join(work, "jobs.py")
        with open(script, "w") as f:
            f.write(JOBS)
        for codec in ("plain", "lz4", "snappy", "zstd-rolling"):
            started = time.time()
            subprocess.run([python, script, logs, "cdeck-" + codec, codec], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
            print(f"wrote the {codec} log in {time.time() - started:.1f} s", flush=True)
        print("logs:", sorted(os.listdir(logs)), flush=True)

        port = free_port()
        opts = (f"-Dspark.history.fs.logDirectory=file://{logs} -Dspark.history.ui.port={port} "
                "-Dspark.history.fs.update.interval=1s -Dspark.history.retainedApplications=50")
        hs_env = dict(env, SPARK_HISTORY_OPTS=opts, SPARK_NO_DAEMONIZE="1")
        history = subprocess.Popen(
            [os.path.join(spark_home, "bin", "spark-class"), "org.apache.spark.deploy.history.HistoryServer"],
            env=hs_env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "history.log"), "w"),
            start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 180
        apps = []
        while time.time() < deadline:
            try:
                apps = get_json(url + "/api/v1/applications")
                if len(apps) == 4 and all(a["attempts"][0]["completed"] for a in apps):
                    break
            except OSError:
                pass
            if history.poll() is not None:
                print("the History Server exited:", open(os.path.join(work, "history.log")).read()[-3000:])
                return 1
            time.sleep(1)
        else:
            print(f"the History Server listed {len(apps)} applications after 180 s", file=sys.stderr)
            return 1
        print(f"Spark's History Server lists {len(apps)} applications at {url}", flush=True)
        result = subprocess.run([cli, "spark-log", logs, "--compare-with", url], text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
        print(result.stdout)
        print(result.stderr, file=sys.stderr)
        return result.returncode
    finally:
        if history and history.poll() is None:
            os.killpg(history.pid, signal.SIGTERM)
            try:
                history.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(history.pid, signal.SIGKILL)
        if keep:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(logs, keep)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

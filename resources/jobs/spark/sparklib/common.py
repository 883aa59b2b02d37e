# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Helpers shared by ClusterDeck's PySpark sample jobs.

The runtime starts a job on a Spark cluster as `spark-submit --master spark://... <script> [args...]`
(client mode: this script is the driver), with CLUSTERDECK_JOB_ID set to the job's id. Only the
driver imports this module: functions shipped to executors live in the sample itself.
"""
import os
import sys
import time


def scale_arg(default=1):
    """The optional positional SCALE (a positive integer) that multiplies the data size."""
    if len(sys.argv) < 2:
        return default
    try:
        scale = int(sys.argv[1])
    except ValueError:
        sys.exit(f"SCALE must be a positive integer, got {sys.argv[1]!r}")
    if scale < 1 or scale > 1000:
        sys.exit(f"SCALE must be between 1 and 1000, got {scale}")
    return scale


def session(sample, **conf):
    """The job's SparkSession, named after the job so the master and the event log tell jobs apart."""
    from pyspark.sql import SparkSession

    job = os.environ.get("CLUSTERDECK_JOB_ID", "adhoc")
    builder = SparkSession.builder.appName(f"clusterdeck-job-{job}")
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    master = spark.sparkContext.master
    if not master.startswith("spark://"):
        sys.exit(f"{sample}: not on a Spark cluster (master {master}): run this through clusterdeck-cli job submit")
    log(f"{sample}: connected to {master} as job {job} (application {spark.sparkContext.applicationId})")
    return spark


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)

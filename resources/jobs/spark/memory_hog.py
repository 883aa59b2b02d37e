# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Needs more memory than an executor has: one task gathers SCALE x 1.25 GiB of rows into a single
group (collect_list keeps a group's values on the executor's JVM heap, and nothing spills one group),
past the executor's 512 MiB heap. The executor dies of java.lang.OutOfMemoryError (exit code 52, in
its Worker's log); after spark.task.maxFailures (2 here) lost attempts the job fails: the
out-of-memory story the triage page explains.

Usage: memory_hog.py [SCALE]   (SCALE 0 gathers nothing and completes)
"""
import sys
import time

from pyspark.sql import functions as F

from sparklib.common import log, session

ROW_BYTES = 1024
GIB = 1 << 30


def main():
    try:
        scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    except ValueError:
        sys.exit(f"SCALE must be a number, got {sys.argv[1]!r}")
    if not 0 <= scale <= 100:
        sys.exit("SCALE must be between 0 and 100")
    # Two attempts are enough to tell a task that always dies from bad luck, and keep the story short.
    spark = session("memory_hog", **{"spark.task.maxFailures": "2", "spark.sql.adaptive.enabled": "false"})
    started = time.time()
    rows = int(scale * 1.25 * GIB / ROW_BYTES)
    log(f"one task gathers {rows} rows of {ROW_BYTES} bytes ({rows * ROW_BYTES / GIB:.2f} GiB) into one group")
    rows_df = spark.range(0, max(rows, 1), numPartitions=1).where(F.lit(rows > 0))
    hog = rows_df.select(F.lit(1).alias("k"), F.concat(F.col("id").cast("string"), F.repeat(F.lit("x"), ROW_BYTES)).alias("v"))
    gathered = hog.groupBy("k").agg(F.size(F.collect_list("v")).alias("n")).collect()
    log(f"gathered: {gathered[0]['n'] if gathered else 0} rows")
    log(f"done in {time.time() - started:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()

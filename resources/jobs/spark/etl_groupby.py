# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""ETL with a shuffle: hash-partition a synthetic event table by user id (an exchange that moves rows
between every pair of executors), then aggregate per user and per name.

Usage: etl_groupby.py [SCALE]   (SCALE multiplies the number of rows; default 1)
"""
import time

from pyspark.sql import functions as F

from sparklib.common import log, scale_arg, session

NAMES = ["Alice", "Bob", "Charlie", "Dan", "Edith", "Frank", "George", "Hannah", "Ingrid", "Jerry"]


def main():
    scale = scale_arg()
    spark = session("etl_groupby", **{"spark.sql.shuffle.partitions": "8", "spark.sql.adaptive.enabled": "false"})
    started = time.time()
    rows = 2_000_000 * scale
    events = (
        spark.range(0, rows, numPartitions=8)
        .withColumn("user", (F.hash("id") % 1000).cast("int"))
        .withColumn("name", F.element_at(F.array(*[F.lit(n) for n in NAMES]), (F.col("id") % len(NAMES) + 1).cast("int")))
        .withColumn("x", F.rand(seed=7) * 2 - 1)
        .withColumn("y", F.randn(seed=8))
    )
    log(f"input: {rows} rows in {events.rdd.getNumPartitions()} partitions")
    by_user = events.repartition(8, "user").cache()  # the shuffle: every row moves to its user's partition
    per_user = by_user.groupBy("user").agg(F.mean("x").alias("x"), F.max("y").alias("y"), F.count("name").alias("n"))
    per_name = by_user.groupBy("name").agg(F.sum("x").alias("x"))
    users = per_user.collect()
    names = per_name.collect()
    log(f"users: {len(users)}, names: {len(names)}, rows: {sum(r['n'] for r in users)}")
    log(f"done in {time.time() - started:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()

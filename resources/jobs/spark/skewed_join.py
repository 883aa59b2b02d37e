# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""A join on a skewed key: 90% of the orders belong to one customer, who also has 16 rows (accounts) on
the other side, so after the hash shuffle one of 32 partitions reads nearly all the input and produces
16 joined rows for each of its orders. That partition's task (and the executor holding it) does almost
all the work while the other 31 finish at once: the straggler the skew detector looks for, by far.

Usage: skewed_join.py [SCALE]   (SCALE multiplies the number of orders; default 1)
"""
import time

from pyspark.sql import functions as F

from sparklib.common import log, scale_arg, session

CUSTOMERS = 20_000
HOT_SHARE = 0.9  # of the orders, all on customer 0
HOT_ACCOUNTS = 16  # rows of customer 0 on the customers side: each hot order joins 16 times
PARTITIONS = 32  # many small partitions: the 75th percentile of the tasks is a cold one


def main():
    scale = scale_arg()
    # No broadcast and no adaptive skew split: the join must shuffle and the hot key must stay one partition.
    spark = session(
        "skewed_join",
        **{
            "spark.sql.shuffle.partitions": str(PARTITIONS),
            "spark.sql.autoBroadcastJoinThreshold": "-1",
            "spark.sql.adaptive.enabled": "false",
        },
    )
    started = time.time()
    rows = 2_000_000 * scale
    orders = (
        spark.range(0, rows, numPartitions=8)
        .withColumn("hot", F.rand(seed=3) < HOT_SHARE)
        .withColumn("customer", F.when(F.col("hot"), F.lit(0)).otherwise((F.rand(seed=4) * (CUSTOMERS - 1) + 1).cast("long")))
        .withColumn("amount", F.rand(seed=5) * 60)
        .drop("hot")
    )
    cold = spark.range(1, CUSTOMERS, numPartitions=2).withColumnRenamed("id", "customer")
    hot = spark.range(0, HOT_ACCOUNTS, numPartitions=1).select(F.lit(0).cast("long").alias("customer"))
    customers = cold.unionByName(hot).withColumn("region", F.col("customer") % 17)
    joined = orders.join(customers, "customer")
    # One pass over the join: rows per region, the hot customer's apart, so the log shows the skew's size.
    per_region = (
        joined.groupBy("region", (F.col("customer") == 0).alias("is_hot"))
        .agg(F.sum("amount").alias("sum"), F.count("*").alias("count"))
        .collect()
    )
    total = sum(r["count"] for r in per_region)
    hot_rows = sum(r["count"] for r in per_region if r["is_hot"])
    log(f"regions: {len({r['region'] for r in per_region})}, joined rows: {total}")
    log(f"the hot customer's share of the joined rows: {100.0 * hot_rows / max(total, 1):.1f}% in 1 of {PARTITIONS} partitions")
    log(f"done in {time.time() - started:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()

# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""A join on a skewed key: 60% of the orders belong to one customer, so after the hash shuffle one
partition (and the executor holding it) does most of the work: the straggler the skew detector looks for.

Usage: skewed_join.py [SCALE]   (SCALE multiplies the number of orders; default 1)
"""
import time

from pyspark.sql import functions as F

from sparklib.common import log, scale_arg, session

CUSTOMERS = 20_000


def main():
    scale = scale_arg()
    # No broadcast and no adaptive skew split: the join must shuffle and the hot key must stay one partition.
    spark = session(
        "skewed_join",
        **{
            "spark.sql.shuffle.partitions": "8",
            "spark.sql.autoBroadcastJoinThreshold": "-1",
            "spark.sql.adaptive.enabled": "false",
        },
    )
    started = time.time()
    rows = 2_000_000 * scale
    orders = (
        spark.range(0, rows, numPartitions=8)
        .withColumn("hot", F.rand(seed=3) < 0.6)
        .withColumn("customer", F.when(F.col("hot"), F.lit(0)).otherwise((F.rand(seed=4) * (CUSTOMERS - 1) + 1).cast("long")))
        .withColumn("amount", F.rand(seed=5) * 60)
    )
    customers = spark.range(0, CUSTOMERS, numPartitions=2).withColumnRenamed("id", "customer").withColumn(
        "region", F.col("customer") % 17
    )
    joined = orders.join(customers, "customer")
    per_region = joined.groupBy("region").agg(F.sum("amount").alias("sum"), F.count("*").alias("count")).collect()
    sizes = joined.rdd.glom().map(len).collect()
    log(f"regions: {len(per_region)}, joined rows: {sum(r['count'] for r in per_region)}")
    log(f"partition sizes after the shuffle: largest {max(sizes)}, median {sorted(sizes)[len(sizes) // 2]}")
    log(f"done in {time.time() - started:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()

# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Publishes a daily report into a directory it may not write: by default the parent of its own folder,
which belongs to the runtime (root). Jobs run as an unprivileged user, so the aggregate is computed on
the cluster and then the write fails with PermissionError (EACCES): the access-denied story the
permission_denied incident explains. Given a directory the job may write (".") it completes.

Usage: export_report.py [DIR]   (where report.csv goes; default "..", a folder of the runtime's)
"""
import os
import sys
import time

from pyspark.sql import functions as F

from sparklib.common import log, session


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else ".."
    spark = session("export_report", **{"spark.sql.shuffle.partitions": "4"})
    started = time.time()
    log(f"running as uid {os.getuid()} gid {os.getgid()}")
    events = spark.range(0, 172_800, numPartitions=4).withColumn("name", (F.col("id") % 26).cast("string")).withColumn(
        "x", F.rand(seed=11)
    )
    report = events.groupBy("name").agg(F.mean("x").alias("x")).orderBy("name").collect()
    log(f"report: {len(report)} names")
    # Written by the driver through the relative path (see the Dask sample): the error names the absolute one.
    path = os.path.join(target, "report.csv")
    shown = os.path.normpath(os.path.join(os.getcwd(), path))
    log(f"writing {shown}")
    try:
        with open(path, "w") as out:
            out.write("name,x\n")
            out.writelines(f"{r['name']},{r['x']}\n" for r in report)
    except PermissionError as e:
        raise PermissionError(e.errno, e.strerror, shown) from e
    log(f"done in {time.time() - started:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()

# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""ETL with a shuffle: hash-partition a synthetic event table by user id (a task-based shuffle that
moves data between every pair of workers), then aggregate per user and per name.

Usage: etl_groupby.py [SCALE]   (SCALE multiplies the number of rows; default 1)
"""
import time

import dask
import dask.dataframe as dd  # noqa: F401  (registers the dataframe API used below)
import pandas as pd

from lib.common import connect, log, scale_arg


def main():
    scale = scale_arg()
    client = connect("etl_groupby")
    days = 10 * scale  # one partition a day, 864,000 rows each (one every 100 ms)
    started = time.time()
    start = pd.Timestamp("2026-01-01")
    events = dask.datasets.timeseries(
        start=start, end=start + pd.Timedelta(days=days), freq="100ms", partition_freq="1d", seed=7
    )
    log(f"input: {events.npartitions} partitions")
    # shuffle="tasks": Debian 12 has no pyarrow, so the p2p shuffle is not available.
    by_user = events.shuffle("id", shuffle="tasks", npartitions=max(4, events.npartitions))
    per_user = by_user.groupby("id").agg({"x": "mean", "y": "max", "name": "count"})
    per_name = by_user.groupby("name").x.sum()
    users, names = dask.compute(per_user, per_name)
    log(f"users: {len(users)}, names: {len(names)}, rows: {int(users['name'].sum())}")
    log(f"done in {time.time() - started:.1f} s")
    client.close()


if __name__ == "__main__":
    main()

# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""A join on a skewed key: 60% of the orders belong to one customer, so after the hash shuffle one
partition (and the worker holding it) does most of the work: the straggler the skew detector looks for.

Usage: skewed_join.py [SCALE]   (SCALE multiplies the number of orders; default 1)
"""
import time

import dask.dataframe as dd
import numpy as np
import pandas as pd

from lib.common import connect, log, scale_arg

ROWS_PER_PARTITION = 1_000_000
CUSTOMERS = 20_000


def orders_partition(seed):
    rng = np.random.default_rng(seed)
    hot = rng.random(ROWS_PER_PARTITION) < 0.6  # the skew: most orders go to customer 0
    customer = np.where(hot, 0, rng.integers(1, CUSTOMERS, ROWS_PER_PARTITION))
    return pd.DataFrame({"customer": customer, "amount": rng.gamma(2.0, 30.0, ROWS_PER_PARTITION)})


def main():
    scale = scale_arg()
    client = connect("skewed_join")
    started = time.time()
    partitions = 10 * scale
    meta = pd.DataFrame({"customer": pd.Series(dtype="int64"), "amount": pd.Series(dtype="float64")})
    orders = dd.from_map(orders_partition, list(range(partitions)), meta=meta)
    customers = dd.from_pandas(
        pd.DataFrame({"customer": np.arange(CUSTOMERS), "region": np.arange(CUSTOMERS) % 17}), npartitions=4
    )
    # shuffle="tasks": Debian 12 has no pyarrow for the p2p shuffle.
    joined = dd.merge(orders, customers, on="customer", how="inner", shuffle="tasks", npartitions=partitions)
    per_region = joined.groupby("region").amount.agg(["sum", "count"]).compute()
    sizes = joined.map_partitions(len).compute()
    log(f"regions: {len(per_region)}, joined rows: {int(per_region['count'].sum())}")
    log(f"partition sizes after the shuffle: largest {max(sizes)}, median {int(np.median(sizes))}")
    log(f"done in {time.time() - started:.1f} s")
    client.close()


if __name__ == "__main__":
    main()

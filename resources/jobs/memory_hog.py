# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Needs more memory than a small worker has: each task builds an array of SCALE x 1.25 GiB, past
local.small's 1 GiB limit. On local.small the nanny restarts the worker at 95% of its budget and,
after three deaths on the same task, the job fails with KilledWorker: the out-of-memory story the
triage page explains. On local.memory (4 GiB) it completes.

Usage: memory_hog.py [SCALE]
"""
import time

import dask
import numpy as np

from lib.common import connect, log, scale_arg

GIB = 1 << 30


@dask.delayed
def hog(part, nbytes):
    block = np.ones(nbytes // 8, dtype=np.float64)  # really touched, so it is resident
    return float(block.sum()) + part


def main():
    scale = scale_arg()
    client = connect("memory_hog")
    started = time.time()
    nbytes = int(scale * 1.25 * GIB)
    log(f"each task allocates {nbytes / GIB:.2f} GiB")
    totals = dask.compute(*[hog(i, nbytes) for i in range(2)])
    log(f"sum: {sum(totals):.0f}")
    log(f"done in {time.time() - started:.1f} s")
    client.close()


if __name__ == "__main__":
    main()

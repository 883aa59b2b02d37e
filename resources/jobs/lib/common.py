# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Helpers shared by ClusterDeck's sample jobs.

The runtime starts a job as `/usr/bin/python3 <script> [args...]` with DASK_SCHEDULER_ADDRESS set
to its cluster's scheduler and CLUSTERDECK_JOB_ID to the job's id.
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


def connect(sample):
    """A client on the job's cluster, named after the job so the scheduler can tell jobs apart."""
    from dask.distributed import Client

    address = os.environ.get("DASK_SCHEDULER_ADDRESS")
    if not address:
        sys.exit("DASK_SCHEDULER_ADDRESS is not set: run this through clusterdeck-cli job submit")
    job = os.environ.get("CLUSTERDECK_JOB_ID", "adhoc")
    client = Client(address, name=f"clusterdeck-job-{job}", timeout="30s")
    workers = len(client.scheduler_info().get("workers", {}))
    log(f"{sample}: connected to {address} ({workers} workers) as job {job}")
    return client


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)

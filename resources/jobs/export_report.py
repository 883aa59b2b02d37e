# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Publishes a daily report into a directory it may not write: by default the parent of its own folder,
which belongs to the runtime (root): the cluster's jobs folder, or the staging folder the job runs from
when the runtime drops it to an unprivileged user. Jobs run as an unprivileged user, so the aggregate is computed on
the cluster and then the write fails with PermissionError (EACCES): the access-denied story the
permission_denied incident explains. Given a directory the job may write (its own working directory,
".") it completes.

Usage: export_report.py [DIR]   (where report.csv goes; default "..", a folder of the runtime's)
"""
import os
import sys
import time

import dask
import pandas as pd

from lib.common import connect, log


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else ".."
    client = connect("export_report")
    started = time.time()
    log(f"running as uid {os.getuid()} gid {os.getgid()}")
    start = pd.Timestamp("2026-01-01")
    events = dask.datasets.timeseries(
        start=start, end=start + pd.Timedelta(days=2), freq="1s", partition_freq="1d", seed=11
    )
    report = events.groupby("name").x.mean().compute()
    log(f"report: {len(report)} names")
    # Written through the relative path: the job's user may not be able to look up the absolute one
    # (the runtime's data directory can sit under a 0700 home), but the error names the absolute path.
    path = os.path.join(target, "report.csv")
    shown = os.path.normpath(os.path.join(os.getcwd(), path))
    log(f"writing {shown}")
    try:
        with open(path, "w") as out:
            report.to_csv(out)
    except PermissionError as e:
        raise PermissionError(e.errno, e.strerror, shown) from e
    log(f"done in {time.time() - started:.1f} s")
    client.close()


if __name__ == "__main__":
    main()

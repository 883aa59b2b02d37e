# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Many short independent tasks: a backlog a managed cluster scales out for. Each task sleeps, so the
job asks for executors without eating the machine's CPU.

Usage: many_tasks.py [TASKS] [SECONDS]   (default 160 tasks of 0.25 s each)
"""
import sys
import time

from sparklib.common import log, session


def one_task(i, seconds):
    time.sleep(seconds)
    return i


def main():
    try:
        tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 160
        seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 0.25
    except ValueError:
        sys.exit("usage: many_tasks.py [TASKS] [SECONDS]")
    if not 1 <= tasks <= 100000 or not 0 <= seconds <= 60:
        sys.exit("TASKS must be 1-100000 and SECONDS 0-60")
    spark = session("many_tasks")
    started = time.time()
    sc = spark.sparkContext
    results = sc.parallelize(range(tasks), tasks).map(lambda i: one_task(i, seconds)).collect()
    executors = len(sc._jsc.sc().getExecutorMemoryStatus()) - 1  # less the driver
    log(f"{len(results)} tasks, {executors} executors at the end")
    log(f"done in {time.time() - started:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()

# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Many short independent tasks: a backlog a managed cluster scales out for. Each task sleeps, so the
job asks for workers without eating the machine's CPU.

Usage: many_tasks.py [TASKS] [SECONDS]   (default 160 tasks of 0.25 s each)
"""
import sys
import time

from lib.common import connect, log


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
    client = connect("many_tasks")
    started = time.time()
    futures = client.map(one_task, range(tasks), seconds=seconds, pure=False)
    results = client.gather(futures)
    workers = len(client.scheduler_info().get("workers", {}))
    log(f"{len(results)} tasks, {workers} workers at the end")
    log(f"done in {time.time() - started:.1f} s")
    client.close()


if __name__ == "__main__":
    main()

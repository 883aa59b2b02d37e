# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Worker preload for ClusterDeck (`dask worker --preload` this file).

Dask counts the bytes a worker sends (transfer_outgoing_bytes_total) but keeps no total of the bytes
it receives: only what is in flight now. Every finished incoming transfer is appended to
worker.transfer_incoming_log, so we count there, exactly, and publish both totals as custom worker
metrics. They travel to the scheduler with each heartbeat and appear in /json/identity.json under
the worker's "metrics" as clusterdeck_bytes_in_total / clusterdeck_bytes_out_total.
"""
from collections import deque


class _CountingLog(deque):
    """The worker's transfer log, unchanged, plus a running total of the bytes it recorded."""

    def __init__(self, iterable=(), maxlen=None):
        super().__init__(iterable, maxlen)
        self.bytes_total = sum(int(e.get("total", 0)) for e in self)

    def append(self, entry):
        try:
            self.bytes_total += int(entry.get("total", 0))
        except (AttributeError, TypeError, ValueError):
            pass
        super().append(entry)


def dask_setup(worker):
    worker.transfer_incoming_log = _CountingLog(worker.transfer_incoming_log, worker.transfer_incoming_log.maxlen)
    worker.metrics["clusterdeck_bytes_in_total"] = lambda w: w.transfer_incoming_log.bytes_total
    worker.metrics["clusterdeck_bytes_out_total"] = lambda w: w.transfer_outgoing_bytes_total

# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Scheduler preload for ClusterDeck (`dask scheduler --preload` this file).

Adds a JSON handler to the scheduler's own HTTP server:

  POST /clusterdeck/v1/retire  {"names": ["w2", ...]}
      A retire that sticks: the workers' data moves to the others first, then each worker closes
      and its nanny exits. (The built-in /api/v1/retire_workers does not close the worker, so its
      nanny sees an unexpected death and restarts it.) Answers which names were retired.
"""
import json
import time

from distributed.http.utils import RequestHandler


class RetireHandler(RequestHandler):
    def _send(self, obj, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(obj))

    async def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
            names = [str(n) for n in body["names"]]
        except (ValueError, KeyError, TypeError) as exc:
            self._send({"error": "bad request", "detail": repr(exc)}, 400)
            return
        scheduler = self.server
        by_name = {str(ws.name): addr for addr, ws in scheduler.workers.items()}
        addresses = [by_name[n] for n in names if n in by_name]
        started = time.time()
        retired = {}
        if addresses:
            retired = await scheduler.retire_workers(workers=addresses, close_workers=True, remove=True)
        retired_names = sorted(str(info.get("name", addr)) for addr, info in (retired or {}).items())
        self._send(
            {
                "requested": names,
                "retired": retired_names,
                "unknown": [n for n in names if n not in by_name],
                "seconds": round(time.time() - started, 3),
            }
        )


def dask_setup(scheduler):
    scheduler.http_application.add_handlers(
        r".*", [(r"/clusterdeck/v1/retire", RetireHandler, {"dask_server": scheduler})]
    )

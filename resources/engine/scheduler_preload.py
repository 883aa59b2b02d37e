# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Scheduler preload for ClusterDeck (`dask scheduler --preload` this file).

Adds JSON handlers to the scheduler's own HTTP server:

  GET  /clusterdeck/v1/dag?job=ID
      The DAG of one ClusterDeck job: the union of the task groups of every graph its clients
      submitted (clients named "clusterdeck-job-<ID>", as the runtime's jobs name them), with their
      dependencies as edges (duplicates merged, self-edges dropped). Shape:
      {"jobId", "nodes": [{"id", "name", "state", "counts", "bytes", "durationS", "start", "stop",
                           "executors", "retried"}],
       "edges": [{"from", "to", "bytes"}]}  (start/stop ISO 8601 UTC, present once known; executors: the
      worker names its tasks ran on, recorded at each task's transitions; retried: tasks that left a worker
      without a result and were scheduled again: a retry after an error or a lost worker)

  GET  /clusterdeck/v1/tasks?jobs=ID[,ID...]
      Per-task statistics of each job's task groups, for the skew detector: every finished task's
      compute time (at most 2000 per group) and, per worker name, how many tasks it ran, for how long
      and how many output bytes, and how many of its tasks remain (waiting, queued, without a worker or
      running: the job-stall detector's "work remains"). Every group the job's graphs touched is listed;
      one with no finished task has no durations and startMs = stopMs = 0.
      Shape: {"jobs": {ID: [{"group", "prefix", "durations": [s...],
      "workers": {name: {"tasks", "seconds", "bytes"}}, "startMs", "stopMs", "remaining"}]}}

  POST /clusterdeck/v1/retire  {"names": ["w2", ...]}
      A retire that sticks: the workers' data moves to the others first, then each worker closes
      and its nanny exits. (The built-in /api/v1/retire_workers does not close the worker, so its
      nanny sees an unexpected death and restarts it.) Answers which names were retired.
      Only for the runtime: the request must carry the cluster's key (header X-ClusterDeck-Key, the
      content of the 0600 file CLUSTERDECK_HTTP_KEY_FILE names), else 403: the dashboard is plain HTTP
      on loopback, and another local user or another cluster's job must not retire this one's workers.

  GET  /clusterdeck/v1/load
      What managed scaling decides on, read in one place: the scheduler's own adaptive target,
      the runnable backlog (tasks processing on workers, queued, or with no worker), the workers'
      threads and memory, and which workers have no task at all (the only ones a scale-in retires).
      {"adaptiveTarget", "processing", "queued", "unrunnable", "threads",
       "memoryBytes", "memoryLimitBytes", "managedBytes", "workers": n, "idle": [names]}
"""
import hmac
import json
import os
import time
from datetime import datetime, timezone

from distributed.diagnostics.plugin import SchedulerPlugin
from distributed.http.utils import RequestHandler


def read_key():
    path = os.environ.get("CLUSTERDECK_HTTP_KEY_FILE")
    if not path:
        return None
    with open(path, "rb") as f:
        return f.read().strip()


CLUSTER_KEY = read_key()  # read once, as the scheduler starts: the file is the cluster user's alone


def authorized(request):
    if CLUSTER_KEY is None:
        return True  # a scheduler started by hand, outside the runtime
    given = request.headers.get("X-ClusterDeck-Key", "").encode()
    return hmac.compare_digest(given, CLUSTER_KEY)


class RetireHandler(RequestHandler):
    def _send(self, obj, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(obj))

    async def post(self):
        if not authorized(self.request):
            self._send({"error": "forbidden", "detail": "this route needs the cluster's key"}, 403)
            return
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


CLIENT_MARK = "-clusterdeck-job-"
UUID_SUFFIX = 37  # "-" + a uuid: Dask builds client ids as "Client-<name>-<uuid1>"


def job_of_client(client):
    """The ClusterDeck job id carried by a client id ("Client-clusterdeck-job-<ID>-<uuid>"), or None."""
    if not client:
        return None
    start = client.find(CLIENT_MARK)
    if start < 0 or len(client) <= start + len(CLIENT_MARK) + UUID_SUFFIX:
        return None
    return client[start + len(CLIENT_MARK):-UUID_SUFFIX]


class JobGraphs(SchedulerPlugin):
    """Remembers which task groups each job's graphs touched. TaskGroup objects outlive their tasks, so
    a finished job's DAG keeps its final counts, bytes and durations."""

    name = "clusterdeck-job-graphs"

    def __init__(self, scheduler=None):
        super().__init__()
        self.scheduler = scheduler
        self.groups = {}  # job id -> {group name: TaskGroup}
        self.executors = {}  # group name -> set of worker names its tasks ran on
        self.retried = {}  # group name -> tasks that left "processing" without a result, then ran again
        self.erred = {}  # group name -> tasks that ended in error (the group's live counts forget them
        # once the failed job's client lets go of its keys)

    def update_graph(self, scheduler, client=None, tasks=None, keys=None, **kwargs):
        job = job_of_client(client)
        if job is None:
            return
        groups = self.groups.setdefault(job, {})
        for key in list(tasks or []) + list(keys or []):
            ts = scheduler.tasks.get(key)
            if ts is not None and ts.group is not None:
                groups[ts.group.name] = ts.group

    def transition(self, key, start, finish, *args, **kwargs):
        # Called by the scheduler for every task transition: keep it to dictionary look-ups.
        scheduler = self.scheduler
        if scheduler is None:
            return
        ts = scheduler.tasks.get(key)
        if ts is None or ts.group is None:
            return
        group = ts.group.name
        if finish == "processing" and ts.processing_on is not None:
            self.executors.setdefault(group, set()).add(str(ts.processing_on.name))
        elif finish == "memory":
            worker = scheduler.workers.get(kwargs.get("worker") or "")
            if worker is not None:
                self.executors.setdefault(group, set()).add(str(worker.name))
        elif finish == "erred":
            self.erred[group] = self.erred.get(group, 0) + 1
        elif start == "processing" and finish == "released":
            # Off its worker without a result: a retry after an error (Client.submit(retries=)) or its worker
            # left. Both pass through "released" exactly once (processing -> waiting is made of processing ->
            # released -> waiting, and the plugin also hears the outer step). A client that lets go of its
            # keys (a cancelled job) is not a retry.
            stimulus = scheduler.transition_log[-1].stimulus_id if scheduler.transition_log else ""
            if not str(stimulus).startswith(("client-releases", "remove-client", "cancel")):
                self.retried[group] = self.retried.get(group, 0) + 1


class TaskStats(SchedulerPlugin):
    """Per task group: each finished task's compute time and which worker ran it with what output.
    TaskGroup keeps only totals; a straggler or a pile of bytes on one worker needs the spread."""

    name = "clusterdeck-task-stats"
    MAX_DURATIONS = 2000  # per group: enough for a percentile, bounded for a long-lived cluster

    def __init__(self, scheduler):
        super().__init__()
        self.scheduler = scheduler
        self.groups = {}  # group name -> {"prefix", "durations", "workers", "start", "stop"}

    def transition(self, key, start, finish, *args, **kwargs):
        if start != "processing" or finish != "memory":
            return
        ts = self.scheduler.tasks.get(key)
        if ts is None or ts.group is None:
            return
        computes = [s for s in kwargs.get("startstops") or () if s.get("action") == "compute"]
        if not computes:
            return
        began = min(s["start"] for s in computes)
        ended = max(s["stop"] for s in computes)
        seconds = sum(s["stop"] - s["start"] for s in computes)
        ws = self.scheduler.workers.get(kwargs.get("worker"))
        worker = str(ws.name) if ws is not None else str(kwargs.get("worker"))
        g = self.groups.get(ts.group.name)
        if g is None:
            prefix = ts.group.prefix.name if ts.group.prefix is not None else ts.group.name
            g = self.groups[ts.group.name] = {"prefix": prefix, "durations": [], "workers": {}, "start": began, "stop": ended}
        if len(g["durations"]) < self.MAX_DURATIONS:
            g["durations"].append(round(seconds, 4))
        w = g["workers"].setdefault(worker, {"tasks": 0, "seconds": 0.0, "bytes": 0})
        w["tasks"] += 1
        w["seconds"] += seconds
        w["bytes"] += max(0, int(kwargs.get("nbytes") or ts.nbytes or 0))
        g["start"] = min(g["start"], began)
        g["stop"] = max(g["stop"], ended)


def remaining_tasks(tg):
    """Tasks of a group still to be done: waiting for inputs, queued, without a worker, or running."""
    return int(sum(tg.states.get(state, 0) for state in ("waiting", "queued", "no-worker", "processing")))


class TasksHandler(RequestHandler):
    def get(self):
        jobs = [j for j in self.get_argument("jobs", "").split(",") if j]
        graphs = self.server.plugins.get(JobGraphs.name)
        stats = self.server.plugins.get(TaskStats.name)
        result = {}
        for job in jobs:
            groups = []
            for name, tg in (graphs.groups.get(job, {}) if graphs else {}).items():
                g = stats.groups.get(name) if stats else None
                entry = {"group": name, "remaining": remaining_tasks(tg)}
                if g is None:
                    # No task of it has finished yet: only what remains to do.
                    entry.update({"prefix": tg.prefix.name if tg.prefix is not None else name, "durations": [],
                                  "workers": {}, "startMs": 0, "stopMs": 0})
                else:
                    entry.update({
                        "prefix": g["prefix"],
                        "durations": g["durations"],
                        "workers": {k: {"tasks": v["tasks"], "seconds": round(v["seconds"], 4), "bytes": v["bytes"]}
                                    for k, v in g["workers"].items()},
                        "startMs": int(g["start"] * 1000),
                        "stopMs": int(g["stop"] * 1000),
                    })
                groups.append(entry)
            result[job] = groups
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"jobs": result}))


def iso(seconds):
    """Epoch seconds as ISO 8601 UTC with milliseconds (ClusterDeck's time format), None when unset."""
    if not seconds:
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def node_state(counts, erred_before=0):
    total = sum(counts.values())
    done = counts.get("memory", 0) + counts.get("forgotten", 0) + counts.get("released", 0)
    if counts.get("erred", 0) or erred_before:
        return "failed"
    if total and done == total:
        return "completed"
    if done or counts.get("processing", 0):
        return "running"
    return "pending"


class DagHandler(RequestHandler):
    def get(self):
        job = self.get_argument("job", "")
        graphs = self.server.plugins.get(JobGraphs.name)
        groups = dict(graphs.groups.get(job, {})) if graphs else {}
        nodes = []
        edges = {}
        for name, tg in groups.items():
            counts = {k: int(v) for k, v in tg.states.items() if v}
            node = {
                "id": name,
                "name": tg.prefix.name if tg.prefix is not None else name,
                "state": node_state(counts, graphs.erred.get(name, 0) if graphs else 0),
                "counts": counts,
                "bytes": max(0, int(tg.nbytes_total)),
                "durationS": max(0.0, float(tg.duration)),
            }
            for key, value in (("start", iso(tg.start)), ("stop", iso(tg.stop))):
                if value:
                    node[key] = value
            if graphs and graphs.executors.get(name):
                node["executors"] = sorted(graphs.executors[name])
            if graphs and graphs.retried.get(name):
                node["retried"] = graphs.retried[name]
            nodes.append(node)
            for dep in tg.dependencies:
                if dep.name == name or dep.name not in groups:
                    continue  # a group may list itself; edges stay inside the job
                edges[(dep.name, name)] = {"from": dep.name, "to": name, "bytes": max(0, int(dep.nbytes_total))}
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"jobId": job, "nodes": nodes, "edges": list(edges.values())}))


class LoadHandler(RequestHandler):
    def get(self):
        s = self.server
        workers = list(s.workers.values())
        processing = sum(len(ws.processing) for ws in workers)
        body = {
            "adaptiveTarget": int(s.adaptive_target()),
            "processing": processing,
            "queued": len(s.queued),
            "unrunnable": len(s.unrunnable),
            "threads": sum(ws.nthreads for ws in workers),
            "memoryBytes": sum(int(ws.memory.process) for ws in workers),
            "memoryLimitBytes": sum(int(ws.memory_limit or 0) for ws in workers),
            "managedBytes": sum(int(ws.nbytes) for ws in workers),
            "workers": len(workers),
            "idle": sorted(str(ws.name) for ws in workers if not ws.processing),
        }
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(body))


def dask_setup(scheduler):
    scheduler.add_plugin(JobGraphs(scheduler), name=JobGraphs.name)
    scheduler.add_plugin(TaskStats(scheduler), name=TaskStats.name)
    scheduler.http_application.add_handlers(
        r".*",
        [
            (r"/clusterdeck/v1/retire", RetireHandler, {"dask_server": scheduler}),
            (r"/clusterdeck/v1/dag", DagHandler, {"dask_server": scheduler}),
            (r"/clusterdeck/v1/tasks", TasksHandler, {"dask_server": scheduler}),
            (r"/clusterdeck/v1/load", LoadHandler, {"dask_server": scheduler}),
        ],
    )

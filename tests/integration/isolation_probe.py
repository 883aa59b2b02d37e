# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
# tst_isolation_integration's job: what a job of cluster A finds out and may do, printed as one line
# "ISOLATION {json}". Usage: isolation_probe.py OTHER_SCHEDULER_ADDRESS OTHER_DASHBOARD_URL OTHER_CLUSTER_DIR
import json, os, sys, urllib.request
# Before anything else opens a file: what the job was given.
report = {"fds": sorted(int(fd) for fd in os.listdir("/proc/self/fd")), "jobUid": os.getuid(),
          "jobGid": os.getgid(), "env": sorted(os.environ)}
from dask.distributed import Client

other_address, other_dashboard, other_dir = sys.argv[1:4]
client = Client(os.environ["DASK_SCHEDULER_ADDRESS"], timeout="30s")
report["ownAddress"] = os.environ["DASK_SCHEDULER_ADDRESS"]
report["workerUid"] = client.submit(os.getuid, pure=False).result()
client.close()

def attempt(what, fn):
    try:
        report[what] = "reached: " + repr(fn())
    except BaseException as exc:  # a refusal of any kind is the expected outcome
        report[what] = "refused: " + type(exc).__name__ + ": " + str(exc)[:200]

def other_with_own_certificate():
    with Client(other_address, timeout="8s") as c:
        return len(c.scheduler_info()["workers"])

def other_in_plain_tcp():
    with Client(other_address.replace("tls://", "tcp://"), timeout="8s",
                security=__import__("distributed").security.Security(require_encryption=False)) as c:
        return len(c.scheduler_info()["workers"])

def other_retire():
    request = urllib.request.Request(other_dashboard + "/clusterdeck/v1/retire", data=b'{"names": ["w1"]}',
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=8) as r:
        return r.status

attempt("otherWithOwnCertificate", other_with_own_certificate)
attempt("otherInPlainTcp", other_in_plain_tcp)
attempt("otherRetire", other_retire)
attempt("otherFolder", lambda: os.listdir(other_dir))
attempt("otherKey", lambda: open(os.path.join(other_dir, "tls", "key.pem")).read(40))
attempt("runtimeDatabase", lambda: open(os.path.join(os.path.dirname(os.path.dirname(other_dir)), "runtime.sqlite"), "rb").read(16))
print("ISOLATION " + json.dumps(report), flush=True)

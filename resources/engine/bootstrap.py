# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Bootstrap actions for one ClusterDeck node (a worker or the scheduler), run before it joins.

Usage: bootstrap.py PLAN.json -- PROGRAM [ARGS...]

PLAN.json: {"node": "w1", "result": "/path/result.json",
            "actions": [{"name", "script", "args": [...], "timeoutSeconds"}]}

Runs each action in order (with CLUSTERDECK_NODE set to the node's name), its output going to this process's stdout/stderr (the node's log). If every
action succeeds it writes {"ok": true, ...} to the result file and replaces itself with PROGRAM (same
pid, same process group: the runtime keeps following the node). If one fails or runs past its timeout
it writes {"ok": false, "action", "exitCode", "reason"} and exits 97, and the node never joins.
"""
import json
import os
import signal
import subprocess
import sys
import time

FAILED = 97


def write_result(path, result):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(result, f)
    os.replace(tmp, path)  # the runtime never reads half a file


def command_for(script, args):
    if os.access(script, os.X_OK):
        return [script] + args
    return ["/bin/sh", script] + args


def run_action(command, env, timeout):
    """Runs one action in its own process group, so a timeout kills everything it started (a `sleep`
    left behind would keep the node's process group alive); a SIGTERM to this wrapper (the cluster is
    terminating) is passed on to it."""
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, env=env, start_new_session=True)

    def forward(signum, _frame):
        kill_group(proc)
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, forward)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit("usage: bootstrap.py PLAN.json -- PROGRAM [ARGS...]")
    with open(sys.argv[1]) as f:
        plan = json.load(f)
    program = sys.argv[3:]
    result_path = plan["result"]
    node = plan.get("node", "?")
    started = time.time()
    for action in plan.get("actions", []):
        name = action.get("name") or os.path.basename(action["script"])
        timeout = float(action.get("timeoutSeconds", 300))
        print(f"[bootstrap] {node}: running '{name}' ({action['script']}, timeout {timeout:g} s)", flush=True)
        t0 = time.time()
        try:
            code = run_action(command_for(action["script"], list(action.get("args", []))),
                              dict(os.environ, CLUSTERDECK_NODE=node), timeout)
            reason = None if code == 0 else f"exited with code {code}"
        except subprocess.TimeoutExpired:
            code = None
            reason = f"still running after its {timeout:g} s timeout (killed)"
        except OSError as exc:
            code = None
            reason = f"could not be started: {exc.strerror or exc}"
        seconds = round(time.time() - t0, 3)
        if reason:
            print(f"[bootstrap] {node}: '{name}' failed: {reason}", flush=True)
            write_result(result_path, {"ok": False, "node": node, "action": name, "exitCode": code,
                                       "reason": reason, "seconds": seconds})
            sys.exit(FAILED)
        print(f"[bootstrap] {node}: '{name}' done in {seconds} s", flush=True)
    write_result(result_path, {"ok": True, "node": node, "seconds": round(time.time() - started, 3)})
    sys.stdout.flush()
    os.execv(program[0], program)


if __name__ == "__main__":
    main()

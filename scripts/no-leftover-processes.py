#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""Runs a command (a test suite) and fails if any process it started is still alive when it ends.

Usage: no-leftover-processes.py COMMAND [ARG...]

Two ways to know the suite's processes, so that neither a daemon nor a cleared environment hides one:
  - this process becomes a child subreaper (prctl PR_SET_CHILD_SUBREAPER): a process whose parent dies is
    handed to it instead of to init, so whatever the suite started, double-forked or setsid() included, stays
    its descendant until it exits;
  - the command runs with CLUSTERDECK_TEST_RUN set to a value unique to this run, which every process it starts
    inherits unless it is given a new environment; /proc/PID/environ is searched for it.
At the end every survivor is listed (pid, parent, command line, working directory), sent SIGTERM, then SIGKILL
after 10 s, and the exit status is 3 unless the command itself failed (its status is kept then). Orphans that
exit while the command runs are reaped at once, so a test that waits for a pid to vanish is not misled by a
zombie. Other users' and other runs' processes are never touched: only descendants and marked processes are.
"""

import ctypes
import os
import signal
import sys
import time
import uuid

PR_SET_CHILD_SUBREAPER = 36
MARKER = "CLUSTERDECK_TEST_RUN"
LEFTOVER_STATUS = 3


def proc_stat(pid):
    """(state, ppid) of a process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except OSError:
        return None
    # The command name is in parentheses and may itself hold spaces or parentheses.
    fields = data[data.rindex(b")") + 2:].split()
    return fields[0].decode(), int(fields[1])


def all_pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def carries_marker(pid, token):
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            return f"{MARKER}={token}".encode() in f.read().split(b"\0")
    except OSError:
        return False


def describe(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        cmdline = "?"
    try:
        cwd = os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        cwd = "?"
    stat = proc_stat(pid)
    ppid = stat[1] if stat else "?"
    if len(cmdline) > 300:
        cmdline = cmdline[:300] + "..."
    return f"  pid {pid} (parent {ppid}, cwd {cwd}): {cmdline}"


def survivors(token):
    """Live (not zombie) processes of this run, other than this one."""
    me = os.getpid()
    children = {}
    alive = set()
    for pid in all_pids():
        stat = proc_stat(pid)
        if stat is None:
            continue
        state, ppid = stat
        children.setdefault(ppid, []).append(pid)
        if state not in ("Z", "X"):
            alive.add(pid)
    found = set()
    todo = list(children.get(me, []))
    while todo:
        pid = todo.pop()
        if pid in found:
            continue
        found.add(pid)
        todo.extend(children.get(pid, []))
    found |= {pid for pid in alive if pid != me and carries_marker(pid, token)}
    return sorted(pid for pid in found if pid in alive)


def reap_exited():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def end_processes(pids, token):
    for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            reap_exited()
            pids = [pid for pid in pids if pid in set(survivors(token))]
            if not pids:
                return []
            time.sleep(0.2)
    return pids


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print(f"no-leftover-processes: cannot become a subreaper ({os.strerror(ctypes.get_errno())}); "
              f"only processes that keep {MARKER} in their environment are checked", file=sys.stderr)
    token = uuid.uuid4().hex
    env = dict(os.environ, **{MARKER: token})
    child = os.fork()
    if child == 0:
        try:
            os.execvpe(sys.argv[1], sys.argv[1:], env)
        except OSError as e:
            print(f"no-leftover-processes: cannot run {sys.argv[1]}: {e}", file=sys.stderr)
            os._exit(127)

    # Pass on the signals a CI runner or a user sends, and go on waiting for the command to end.
    def forward(signum, _frame):
        try:
            os.kill(child, signum)
        except ProcessLookupError:
            pass
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, forward)

    status = None
    while status is None:
        try:
            pid, wstatus = os.wait()  # the command, or an orphan handed to this subreaper
        except InterruptedError:
            continue
        except ChildProcessError:
            break
        if pid == child:
            status = os.waitstatus_to_exitcode(wstatus)
    if status is None:
        status = 1
    elif status < 0:
        status = 128 - status  # killed by a signal

    time.sleep(1)  # let processes that are already on their way out finish
    reap_exited()
    left = survivors(token)
    if not left:
        print("no-leftover-processes: no process of this run is still alive")
        return status
    print(f"no-leftover-processes: {len(left)} process(es) started by this run outlived it:", file=sys.stderr)
    for pid in left:
        print(describe(pid), file=sys.stderr)
    stubborn = end_processes(left, token)
    if stubborn:
        print(f"no-leftover-processes: still alive after SIGKILL: {stubborn}", file=sys.stderr)
    else:
        print("no-leftover-processes: all of them are ended now", file=sys.stderr)
    return status if status != 0 else LEFTOVER_STATUS


if __name__ == "__main__":
    sys.exit(main())

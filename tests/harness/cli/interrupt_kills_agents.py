#!/usr/bin/env python3
# Ctrl-C (SIGINT) or SIGTERM to `wnetconf run` while its cmd: agent hangs: the harness ends
# the agent's process group (which the terminal's Ctrl-C does not reach) before it exits.
import os
import signal
import subprocess
import sys
import tempfile
import time

wnetconf, scenario = sys.argv[1], sys.argv[2]


def group_alive(pgid):
    """Some process of the group runs: a zombie waiting for a reaper does not count."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = open(f"/proc/{entry}/stat").read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # state, ppid, pgrp, ...
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def check(sig):
    with tempfile.TemporaryDirectory() as tmp:
        pidfile = os.path.join(tmp, "agent.pid")
        # The agent's shell leads its group; the sleep it starts never answers hello.
        agent = f"echo $$ > {pidfile}; sleep 1000"
        harness = subprocess.Popen([wnetconf, "run", scenario, "--sut", "cmd:" + agent],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while not (os.path.exists(pidfile) and os.path.getsize(pidfile) > 0):
            if time.monotonic() > deadline:
                harness.kill()
                sys.exit(f"FAIL: the agent never started: {harness.stderr.read().decode()}")
            time.sleep(0.02)
        pgid = int(open(pidfile).read())
        time.sleep(0.2)
        assert group_alive(pgid), "the agent is not running"
        harness.send_signal(sig)
        try:
            rc = harness.wait(timeout=10)
        except subprocess.TimeoutExpired:
            harness.kill()
            os.killpg(pgid, signal.SIGKILL)
            sys.exit(f"FAIL: {signal.Signals(sig).name} did not end wnetconf run")
        time.sleep(0.1)
        alive = group_alive(pgid)
        if alive:
            os.killpg(pgid, signal.SIGKILL)
        if alive:
            sys.exit(f"FAIL: after {signal.Signals(sig).name} the agent's process group {pgid} survives")
        if rc != 128 + sig:
            sys.exit(f"FAIL: exit {rc} after {signal.Signals(sig).name}, expected {128 + sig}")


check(signal.SIGINT)
check(signal.SIGTERM)
print("ok")

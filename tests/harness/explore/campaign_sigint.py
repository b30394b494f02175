#!/usr/bin/python3
"""Ctrl-C during a keep-going campaign against a mutant, once a divergence was found and saved,
leaves every divergence found so far on disk, listed by the interrupt notice, and each saved
case replays: it fails on the mutant and passes on the clean sim.

Usage: campaign_sigint.py WNETCONF DIR MUTANTS
"""

import pathlib
import re
import shutil
import signal
import subprocess
import sys
import threading

wnetconf, folder, mutants = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
shutil.rmtree(folder, ignore_errors=True)


def fail(why):
    sys.exit(f"FAILED: {why}")


# Far more cases than can finish before the interrupt: the campaign is still running then.
campaign = subprocess.Popen([wnetconf, "explore", "--sut", "sim", "--mutant", mutants, "--seed", "1", "--cases",
                             "10000000", "--keep-going", "--save-dir", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
watchdog = threading.Timer(300, campaign.kill)  # a campaign that never finds anything fails, not hangs
watchdog.start()
saved_line = None
for line in campaign.stdout:
    print(line, end="")
    if re.match(r"divergence 1: .* saved as ", line):
        saved_line = line
        break
if saved_line is None:
    watchdog.cancel()
    fail(f"the campaign ended (exit {campaign.wait()}) before saving a divergence")
campaign.send_signal(signal.SIGINT)
rest, err = campaign.communicate()
watchdog.cancel()
print(rest, end="")
print(err, end="", file=sys.stderr)
if campaign.returncode != 130:
    fail(f"the interrupted campaign exited {campaign.returncode}, not 130")
if "wnetconf explore: interrupted;" not in err:
    fail("no interrupt notice on stderr")
listed = re.findall(r"^  .*: (\S+\.yaml)$", err, re.M)
saved = sorted(str(p) for p in folder.glob("*.yaml"))
if not listed or sorted(listed) != saved:
    fail(f"the notice lists {listed}, the folder holds {saved}")
if saved_line.split("saved as ")[1].strip() not in listed:
    fail("the divergence saved before the interrupt is not listed")
for f in saved:
    on_mutant = subprocess.run([wnetconf, "replay", f, "--sut", "sim", "--mutant", mutants], capture_output=True)
    clean = subprocess.run([wnetconf, "replay", f, "--sut", "sim"], capture_output=True)
    if on_mutant.returncode != 1 or clean.returncode != 0:
        fail(f"{f} replays with exit {on_mutant.returncode} on the mutant, {clean.returncode} on the clean sim")
print(f"interrupted after a divergence: {len(saved)} saved case(s), each fails on {mutants}")

#!/usr/bin/python3
"""A keep-going campaign against stacked sim mutants whose bugs differ finds distinct
divergences, at least one of each mutant (a mutant can show more than one face), saves each
once, and each saved case fails on its own mutant alone (and on no other of the stack) and
passes on the clean sim.

Usage: campaign_stacked.py WNETCONF DIR SEED CASES MUTANT...
"""

import json
import pathlib
import shutil
import subprocess
import sys

wnetconf, folder, seed, cases, mutants = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
shutil.rmtree(folder, ignore_errors=True)


def run(*args):
    return subprocess.run([wnetconf, *args], capture_output=True, text=True)


def fail(why, output=""):
    sys.exit(f"FAILED: {why}\n{output}")


campaign = run("explore", "--sut", "sim", "--mutant", ",".join(mutants), "--seed", seed, "--cases", cases,
               "--keep-going", "--save-dir", str(folder), "--json")
print(campaign.stdout)
if campaign.returncode != 1:
    fail(f"the campaign exited {campaign.returncode}, not 1", campaign.stderr)
summary = json.loads(campaign.stdout.strip().splitlines()[-1])
found = summary["divergences"]
signatures = [d["signature"] for d in found]
if len(found) < len(mutants) or len(set(signatures)) != len(found):
    fail(f"expected at least {len(mutants)} distinct divergences, found {signatures}")
saved = sorted(folder.glob("*.yaml"))
if sorted(pathlib.Path(d["file"]) for d in found) != saved:
    fail(f"the summary's files {[d['file'] for d in found]} are not the folder's {saved}")

owners = []
for d in found:
    if d["cases"] < 1 or d["first_case"] < 1 or d["shrunk_length"] < 1:
        fail(f"a divergence without its counts: {d}")
    failing_on = [m for m in mutants if run("replay", d["file"], "--sut", "sim", "--mutant", m).returncode == 1]
    if len(failing_on) != 1:
        fail(f"{d['file']} ({d['signature']}) fails on {failing_on} of {mutants}, not on exactly one")
    clean = run("replay", d["file"], "--sut", "sim")
    if clean.returncode != 0:
        fail(f"{d['file']} fails on the clean sim", clean.stdout)
    owners += failing_on
    print(f"{d['signature']}: {d['file']} fails on {failing_on[0]} alone")
if set(owners) != set(mutants):
    fail(f"the saved cases belong to {owners}, not at least one to each of {mutants}")

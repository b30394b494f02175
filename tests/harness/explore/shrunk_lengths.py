#!/usr/bin/python3
"""Shrinking stays sharp: over every sim mutant and seeds 1..4, the saved counterexamples are
at most MAX_MEDIAN steps long at the median (docs/explore.md, "Shrinking").

Usage: shrunk_lengths.py WNETCONF DIR
"""

import json
import pathlib
import statistics
import subprocess
import sys

MAX_MEDIAN = 3
wnetconf, folder = sys.argv[1], pathlib.Path(sys.argv[2])
listing = subprocess.run([wnetconf, "run", "--list-mutants"], capture_output=True, text=True, check=True).stdout
mutants = [line.split("  ", 1)[0].strip() for line in listing.splitlines() if line.strip()]
if len(mutants) < 10:
    sys.exit(f"FAILED: only {mutants} listed")

lengths = []
for mutant in mutants:
    for seed in range(1, 5):
        out = subprocess.run([wnetconf, "explore", "--sut", "sim", "--mutant", mutant, "--seed", str(seed),
                              "--cases", "1000", "--save-dir", str(folder / f"{mutant}.{seed}"), "--json"],
                             capture_output=True, text=True)
        summary = json.loads(out.stdout.strip().splitlines()[-1])
        if out.returncode != 1 or summary["passed"]:
            sys.exit(f"FAILED: {mutant} seed {seed} was not detected (exit {out.returncode})")
        lengths.append(summary["shrunk_length"])

median = statistics.median(lengths)
print(f"{len(lengths)} detections over {len(mutants)} mutants: median shrunk length {median}, longest {max(lengths)}")
if median > MAX_MEDIAN:
    sys.exit(f"FAILED: median shrunk length {median} > {MAX_MEDIAN}")

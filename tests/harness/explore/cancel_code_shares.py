#!/usr/bin/python3
"""The generator reaches every cancel return code: over 1000 explored cases of the clean sim,
for each of seeds 1..8, every one of the seven codes is at least MIN_SEED of the cancels, and
its median over the seeds at least MIN_MEDIAN (docs/explore.md, "The generator").

Usage: cancel_code_shares.py WNETCONF
"""

import json
import statistics
import subprocess
import sys

CODES = ["NO_ERROR", "ERROR_NOT_CONNECTED", "ERROR_OPEN_FILES", "ERROR_DEVICE_IN_USE",
         "ERROR_EXTENDED_ERROR", "ERROR_CANNOT_OPEN_PROFILE", "ERROR_BAD_PROFILE"]
MIN_SEED, MIN_MEDIAN = 0.025, 0.03

shares = {code: [] for code in CODES}
for seed in range(1, 9):
    out = subprocess.run([sys.argv[1], "explore", "--sut", "sim", "--seed", str(seed), "--cases", "1000",
                          "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"FAILED: seed {seed} exited {out.returncode}\n{out.stdout}{out.stderr}")
    counts = json.loads(out.stdout.strip().splitlines()[-1])["cancel_codes"]
    total = sum(counts.values())
    for code in CODES:
        shares[code].append(counts.get(code, 0) / total)

failures = []
for code, s in shares.items():
    print(f"{code}: median {100 * statistics.median(s):.1f}%, lowest {100 * min(s):.1f}%")
    if min(s) < MIN_SEED:
        failures.append(f"{code} is {100 * min(s):.1f}% of the cancels of seed {s.index(min(s)) + 1}")
    if statistics.median(s) < MIN_MEDIAN:
        failures.append(f"{code}'s median share is {100 * statistics.median(s):.1f}%")
if failures:
    sys.exit("FAILED: " + "; ".join(failures))

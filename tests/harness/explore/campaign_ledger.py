#!/usr/bin/python3
"""explore --expect: a divergence the ledger lists is known (counted, reported, never a
failure) and the campaign goes on to the others; a ledger entry nothing matched is reported
stale, and cases go on past a known divergence that left both worlds as they were. The
ledger is made from a first campaign's own findings: its first signature is listed,
with a signature no campaign can meet.

Usage: campaign_ledger.py WNETCONF DIR SEED CASES MUTANTS
"""

import json
import pathlib
import shutil
import subprocess
import sys

wnetconf, folder, seed, cases, mutants = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
shutil.rmtree(folder, ignore_errors=True)
folder.mkdir(parents=True)


def campaign(save, *extra):
    r = subprocess.run([wnetconf, "explore", "--sut", "sim", "--mutant", mutants, "--seed", seed, "--cases", cases,
                        "--keep-going", "--save-dir", str(folder / save), "--json", *extra], capture_output=True, text=True)
    print(r.stdout)
    return r.returncode, json.loads(r.stdout.strip().splitlines()[-1])


def fail(why):
    sys.exit(f"FAILED: {why}")


rc, first = campaign("first")
found = [d["signature"] for d in first["divergences"]]
if rc != 1 or len(found) < 2:
    fail(f"the first campaign must find at least two divergences (exit 1), found {found} (exit {rc})")
ledger = folder / "ledger.yaml"
ledger.write_text("vendor: test\ndivergences:\n"
                  f"  - signature: {json.dumps(found[0])}\n    reason: listed from the first campaign\n"
                  "  - signature: 'drives: drives differs'\n    reason: never met by this mutant\n")

rc, listed = campaign("listed", "--expect", str(ledger))
known = listed["known"]
if [k["signature"] for k in known] != [found[0]] or known[0]["cases"] < 1 or known[0]["entry"] != f"{ledger}:3":
    fail(f"the listed divergence is not reported known: {known}")
again = [d["signature"] for d in listed["divergences"]]
# Going past the listed one can meet another face of a mutant the first campaign never reached,
# and miss a face it met by luck: the others it met in a handful of cases must come again.
common = [d["signature"] for d in first["divergences"][1:] if d["cases"] >= 5]
if found[0] in again or not common or not set(common) <= set(again):
    fail(f"with the ledger the campaign found {again}, not the common others {common} of {found}")
if listed["stale"] != [f"{ledger}:5"]:
    fail(f"the entry nothing matched is not reported stale: {listed['stale']}")

# With every finding listed, the campaign is no failure (listing what each round still finds).
every = list(dict.fromkeys(found + again))
for _ in range(3):
    ledger.write_text("divergences:\n" + "".join(f"  - signature: {json.dumps(s)}\n    reason: r\n" for s in every))
    rc, clean = campaign("all-known", "--expect", str(ledger))
    new = [d["signature"] for d in clean["divergences"]]
    if not new:
        break
    every += new
if rc != 0 or clean["divergences"] or not clean["known"]:
    fail(f"with every divergence listed the campaign exits {rc}: {clean['divergences']}, known {clean['known']}")
# get-connection-sees-global diverges on a step that only reads: its cases go on past it, and
# going on finds nothing new (every later step meets the same world on both sides).
if clean["went_on_past"] < 1:
    fail(f"no case went on past a known divergence that left both worlds as they were: {clean['went_on_past']}")
print(f"{len(found)} divergences; with the ledger: {len(known)} known, {len(again)} new, 1 stale; "
      f"{len(every)} listed: exit 0")

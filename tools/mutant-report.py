#!/usr/bin/python3
"""Writes the mutant report: which corpus scenarios kill each sim mutant, and how fast
exploration (fixed seed) catches it. Usage: tools/mutant-report.py BUILD_DIR OUT.md"""
import json
import statistics
import subprocess
import sys
import tempfile

build, out = sys.argv[1], sys.argv[2]
wnetconf = f"{build}/harness/wnetconf"
SEED, CASES = 1, 3000


def last_json(args):
    proc = subprocess.run([wnetconf, *args], capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


mutants = [line.split("  ", 1) for line in
           subprocess.run([wnetconf, "run", "--list-mutants"], capture_output=True, text=True,
                          check=True).stdout.splitlines()]
rows, lengths, not_caught = [], [], []
for name, description in mutants:
    corpus = last_json(["run", "scenarios", "--sut", "sim", "--mutant", name, "--json"])
    with tempfile.TemporaryDirectory() as save:
        found = last_json(["explore", "--sut", "sim", "--mutant", name, "--seed", str(SEED),
                           "--cases", str(CASES), "--save-dir", save, "--json"])
    killers = corpus["failing_scenarios"]
    if not killers:
        not_caught.append(name)
    if not found["passed"]:
        lengths.append(found["shrunk_length"])
    rows.append((name, description, killers, found))

with open(out, "w") as f:
    f.write("# Sim mutants: kill table\n\n")
    f.write(f"Produced by `tools/mutant-report.py build {out}`: each mutant against the corpus "
            f"(`wnetconf run scenarios --sut sim --mutant M`) and against exploration "
            f"(`wnetconf explore --sut sim --mutant M --seed {SEED} --cases {CASES}`).\n\n")
    f.write("| mutant | what it breaks | corpus scenarios failing | explore: cases to detection | shrunk steps | seconds |\n")
    f.write("|---|---|---|---|---|---|\n")
    for name, description, killers, found in rows:
        shown = ", ".join(f"`{k}`" for k in killers[:4]) + (f" (+{len(killers) - 4} more)" if len(killers) > 4 else "")
        caught = "not caught" if found["passed"] else str(found["cases"])
        f.write(f"| `{name}` | {description} | {len(killers)}: {shown or 'none'} | {caught} | "
                f"{found['shrunk_length'] or '-'} | {found['seconds']:.2f} |\n")
    f.write(f"\nMutants not caught by any corpus scenario: {', '.join(not_caught) or 'none'}.\n")
    if lengths:
        f.write(f"Median shrunk counterexample length: {statistics.median(lengths)} steps "
                f"(max {max(lengths)}) over {len(lengths)} mutants caught by exploration.\n")
print(open(out).read())

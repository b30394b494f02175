#!/usr/bin/python3
"""Writes the mutant report: which corpus scenarios kill each sim mutant, how many explored
cases it takes to detect it over 8 seeds, and how often exploration reaches each cancel
return code. Usage: tools/mutant-report.py BUILD_DIR OUT.md [--baseline FILE.json]
[--save-baseline FILE.json]. --baseline adds a "before" column from a file an earlier
generator's run saved with --save-baseline."""
import argparse
import json
import statistics
import subprocess
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("build")
parser.add_argument("out")
parser.add_argument("--baseline", help="detection figures of an earlier generator (--save-baseline's file)")
parser.add_argument("--save-baseline", help="write this run's detection figures here")
args = parser.parse_args()
wnetconf = f"{args.build}/harness/wnetconf"
SEEDS, CASES, CODE_CASES = range(1, 9), 3000, 1000
CANCEL_CODES = ["NO_ERROR", "ERROR_NOT_CONNECTED", "ERROR_OPEN_FILES", "ERROR_DEVICE_IN_USE",
                "ERROR_EXTENDED_ERROR", "ERROR_CANNOT_OPEN_PROFILE", "ERROR_BAD_PROFILE"]


def last_json(cmd):
    proc = subprocess.run([wnetconf, *cmd], capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def explore(seed, cases, mutant=None):
    with tempfile.TemporaryDirectory() as save:
        return last_json(["explore", "--sut", "sim", *(["--mutant", mutant] if mutant else []),
                          "--seed", str(seed), "--cases", str(cases), "--save-dir", save, "--json"])


def figures(found):
    """(median, worst) cases to detection; a seed that never detects counts as CASES + 1."""
    cases = [f["cases"] if not f["passed"] else CASES + 1 for f in found]
    return statistics.median(cases), max(cases)


def shown(value):
    return f"> {CASES}" if value > CASES else f"{value:g}"


mutants = [line.split("  ", 1) for line in
           subprocess.run([wnetconf, "run", "--list-mutants"], capture_output=True, text=True,
                          check=True).stdout.splitlines()]
baseline = json.load(open(args.baseline)) if args.baseline else {}
rows, lengths, not_caught, saved = [], [], [], {}
for name, description in mutants:
    corpus = last_json(["run", "scenarios", "--sut", "sim", "--mutant", name, "--json"])
    found = [explore(seed, CASES, name) for seed in SEEDS]
    killers = corpus["failing_scenarios"]
    if not killers:
        not_caught.append(name)
    lengths += [f["shrunk_length"] for f in found if not f["passed"]]
    median, worst = figures(found)
    saved[name] = {"median": median, "worst": worst}
    rows.append((name, description, killers, median, worst, found))
codes = []  # per seed: code -> share of cancels
for seed in SEEDS:
    counts = explore(seed, CODE_CASES)["cancel_codes"]
    total = sum(counts.values())
    codes.append({c: counts.get(c, 0) / total for c in CANCEL_CODES})
shares = {c: {"median": statistics.median(s[c] for s in codes), "lowest": min(s[c] for s in codes)}
          for c in CANCEL_CODES}
if args.save_baseline:
    with open(args.save_baseline, "w") as f:
        json.dump({"mutants": saved, "cancel_codes": shares}, f, indent=1, sort_keys=True)
        f.write("\n")

seeds = f"{SEEDS.start}..{SEEDS.stop - 1}"
with open(args.out, "w") as f:
    f.write("# Sim mutants: kill table and exploration strength\n\n")
    f.write(f"Produced by `tools/mutant-report.py build {args.out}"
            f"{' --baseline ' + args.baseline if args.baseline else ''}`: each mutant against the corpus "
            f"(`wnetconf run scenarios --sut sim --mutant M`) and against exploration "
            f"(`wnetconf explore --sut sim --mutant M --seed S --cases {CASES}` for S in {seeds}). "
            f"Cases to detection count the case that showed the divergence; a seed that does not "
            f"detect the mutant within {CASES} cases counts as \"> {CASES}\".\n\n")
    before = " before (median / worst) |" if baseline else ""
    f.write(f"| mutant | what it breaks | corpus scenarios failing |{before} cases to detection: median / worst | shrunk steps (median) |\n")
    f.write("|---|---|---|" + ("---|" if baseline else "") + "---|---|\n")
    for name, description, killers, median, worst, found in rows:
        listed = ", ".join(f"`{k}`" for k in killers[:4]) + (f" (+{len(killers) - 4} more)" if len(killers) > 4 else "")
        old = baseline.get("mutants", {}).get(name)
        was = (f" {shown(old['median'])} / {shown(old['worst'])} |" if old else " - |") if baseline else ""
        shrunk = [x["shrunk_length"] for x in found if not x["passed"]]
        f.write(f"| `{name}` | {description} | {len(killers)}: {listed or 'none'} |{was} "
                f"{shown(median)} / {shown(worst)} | {statistics.median(shrunk) if shrunk else '-'} |\n")
    medians = [r[3] for r in rows]
    worsts = [r[4] for r in rows]
    f.write(f"\nMutants not caught by any corpus scenario: {', '.join(not_caught) or 'none'}.\n")
    f.write(f"Over all {len(rows)} mutants and {len(SEEDS)} seeds: the worst case to detection is "
            f"{shown(max(worsts))}; the largest per-mutant median is {shown(max(medians))}.\n")
    missed = [r[0] for r in rows if r[4] > 300 or r[3] > 50]
    f.write(f"Targets (every seed within 300 cases, median within 50): {len(rows) - len(missed)} of "
            f"{len(rows)} mutants meet both" + (f"; not: {', '.join(f'`{m}`' for m in missed)}" if missed else "") + ".\n")
    if lengths:
        f.write(f"Median shrunk counterexample length: {statistics.median(lengths)} steps "
                f"(max {max(lengths)}) over {len(lengths)} detections.\n")
    f.write(f"\n## Cancel return codes reached\n\n"
            f"Share of the cancels of `wnetconf explore --sut sim --seed S --cases {CODE_CASES}` "
            f"(no mutant) that return each code, for S in {seeds}: median and lowest over the seeds.\n\n")
    was = baseline.get("cancel_codes", {})
    f.write("| code |" + (" before: median / lowest |" if was else "") + " median share | lowest share |\n")
    f.write("|---|" + ("---|" if was else "") + "---|---|\n")
    for c in CANCEL_CODES:
        old = f" {100 * was[c]['median']:.1f}% / {100 * was[c]['lowest']:.1f}% |" if was else ""
        f.write(f"| {c} |{old} {100 * shares[c]['median']:.1f}% | {100 * shares[c]['lowest']:.1f}% |\n")
print(open(args.out).read())

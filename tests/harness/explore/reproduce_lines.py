#!/usr/bin/python3
"""Reproduce lines reproduce: the command a saved case's header, explore's `reproduce:` line
and a mutant bundle's report.md print, run as printed, finds the same divergence (signature
and first diverging step). A case saved under a mutant, replayed without it, says so. With
no --save-dir the case lands in ./wnetconf-findings, outside the corpus.
   reproduce_lines.py WNETCONF CORPUS WORK_DIR MUTANT[,MUTANT...]"""
import html
import json
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

wnetconf, corpus, work, mutants = sys.argv[1:5]
work = pathlib.Path(work)
shutil.rmtree(work, ignore_errors=True)
(work / "cwd").mkdir(parents=True)
problems = []


def run(args, cwd=work):
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, timeout=300)


def printed(command, save_dir, cwd=work):
    """Runs a printed `wnetconf explore ...` line with this build's binary; its --json summary."""
    words = shlex.split(command)
    if words[:2] != ["wnetconf", "explore"]:
        sys.exit(f"FAILED: not an explore command: {command}")
    r = run([wnetconf, *words[1:], "--save-dir", str(save_dir), "--json"], cwd)
    return json.loads(r.stdout.strip().splitlines()[-1])


def scenario_body(file):
    """The saved case less its comments and id, which names the command (explore or certify)."""
    return "".join(l for l in pathlib.Path(file).read_text().splitlines(True) if not l.startswith(("#", "id:")))


# An exploration under stacked mutants, saved where no --save-dir says.
first = run([wnetconf, "explore", "--sut", "sim", "--mutant", mutants, "--seed", "1", "--cases", "3000",
             "--max-steps", "20", "--json"], work / "cwd")
found = json.loads(first.stdout.strip().splitlines()[-1])
if first.returncode != 1 or not found["divergences"]:
    sys.exit(f"FAILED: explore under {mutants} exited {first.returncode} without a divergence\n{first.stdout}")
saved = work / "cwd" / found["saved_file"]
if pathlib.Path(found["saved_file"]).parts[0] != "wnetconf-findings" or not saved.is_file():
    problems.append(f"the case was saved as {found['saved_file']}, not under ./wnetconf-findings")
signature = found["divergences"][0]["signature"]

header = re.search(r"^# Minimal failing case found by: (.*)$", saved.read_text(), re.M).group(1)
for flag in ("--sut sim", f"--mutant {mutants}", "--seed 1", "--cases 3000", "--max-steps 20"):
    if flag not in header:
        problems.append(f"the saved case's command lacks {flag}: {header}")
reproduce = re.search(r"^reproduce: (.*) \(RapidCheck: ", first.stdout, re.M).group(1)
for what, command in (("the saved case's header", header), ("explore's reproduce line", reproduce)):
    again = printed(command, work / what.replace(" ", "-"), work / "cwd")
    got = again["divergences"][0]["signature"] if again["divergences"] else "no divergence"
    if got != signature:
        problems.append(f"{what} found '{got}', not '{signature}'")
    elif again["failure"] != found["failure"]:
        problems.append(f"{what} diverged elsewhere: {again['failure']!r}, not {found['failure']!r}")
    elif scenario_body(again["saved_file"]) != scenario_body(saved):
        problems.append(f"{what} shrank to another case")

# Replayed without its mutant, the case says where it was found; under it, it fails quietly.
clean = run([wnetconf, "replay", str(saved), "--sut", "sim"])
if f"this case was found under --mutant {mutants}; run without it, it may pass" not in clean.stderr:
    problems.append(f"replay without the mutant gives no warning: {clean.stderr!r}")
under = run([wnetconf, "replay", str(saved), "--sut", "sim", "--mutant", mutants])
if under.returncode != 1 or "found under" in under.stderr:
    problems.append(f"replay under the mutant: exit {under.returncode}, {under.stderr!r}")

# A bundle made under a mutant: report.md's and report.html's line for the failing block.
mutant = mutants.split(",")[0]
bundle = work / "bundle"
r = run([wnetconf, "certify", "--sut", "sim", "--mutant", mutant, "--vendor", "reproduce", "--scenarios", corpus,
         "--cases", "60", "--max-steps", "20", "--out", str(bundle), "-q"])
results = json.loads((bundle / "results.json").read_text())
failed = [b for b in results["exploration"]["blocks"] if not b["passed"]]
if r.returncode != 1 or not failed:
    sys.exit(f"FAILED: certify under {mutant} exited {r.returncode} without a failing block\n{r.stdout}{r.stderr}")
lines = re.findall(r"reproduce with `([^`]*)`", (bundle / "report.md").read_text())
page = (bundle / "report.html").read_text()
if len(lines) != len(failed):
    problems.append(f"report.md gives {len(lines)} reproduce lines for {len(failed)} failing blocks")
for block, line in zip(failed, lines):
    if f'<code class="reproduce">{html.escape(line, quote=False)}</code>' not in page:
        problems.append(f"report.html does not give report.md's line {line}")
    header = re.search(r"^# Minimal failing case found by: (.*)$", (bundle / block["saved_file"]).read_text(), re.M).group(1)
    if header != line:
        problems.append(f"the block's saved case says {header}, report.md {line}")
    again = printed(line, work / f"block-{block['block']}", bundle)
    if again["failure"] != block["failure"]:
        problems.append(f"block {block['block']}: {line} diverged elsewhere: {again['failure']!r}, not {block['failure']!r}")
    elif scenario_body(again["saved_file"]) != scenario_body(bundle / block["saved_file"]):
        problems.append(f"block {block['block']}: {line} shrank to another case")
if f"mutant {mutant}</title>" not in page:
    problems.append("the mutant is not in report.html's title")

for p in problems:
    print("FAIL:", p)
print(f"'{signature}' reproduced from a saved case, a reproduce line and {len(lines)} bundle block(s)")
sys.exit(1 if problems else 0)

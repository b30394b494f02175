#!/usr/bin/python3
"""reports/wine-8.0.md is what tools/vendor-report.py makes of the inputs kept beside it, and
those were made with today's ledger; and the report counts against a requirement only what
the platform's own code does (a cause moved to the test provider's layer stops counting).

Usage: check_vendor_report.py SOURCE_DIR WORK_DIR
"""
import pathlib
import shutil
import subprocess
import sys

import yaml

root, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
inputs = root / "reports/wine-8.0"
tool = root / "tools/vendor-report.py"


def report(folder):
    return subprocess.run([sys.executable, str(tool), str(folder), str(folder / "campaign.json"),
                           str(folder / "commands.txt")], capture_output=True, text=True, check=True).stdout


def verdict(text, requirement):
    row = next(l for l in text.splitlines() if l.startswith(f"| {requirement} |"))
    return row.split("|")[2].strip()


failures = []
if (inputs / "ledger.yaml").read_bytes() != (root / "expectations/wine-8.0.yaml").read_bytes():
    failures.append("expectations/wine-8.0.yaml changed since reports/wine-8.0/ was made: run tools/wine-report.sh")
made = report(inputs)
if made != (root / "reports/wine-8.0.md").read_text():
    failures.append("reports/wine-8.0.md is not what tools/vendor-report.py makes of reports/wine-8.0/: regenerate it")

# The same inputs with the profile cause declared the provider's: R-COMPAT-PROFILE no longer fails.
shutil.rmtree(work, ignore_errors=True)
shutil.copytree(inputs, work)
ledger = yaml.safe_load((inputs / "ledger.yaml").read_text())
profile = next(k for k, c in ledger["causes"].items() if "R-COMPAT-PROFILE" in c.get("requirements", []))
if verdict(made, "R-COMPAT-PROFILE") != "**no**":
    failures.append("R-COMPAT-PROFILE should not conform on Wine: the profile is never read on cancel")
ledger["causes"][profile]["layer"] = "provider"
(work / "ledger.yaml").write_text(yaml.safe_dump(ledger))
if verdict(report(work), "R-COMPAT-PROFILE") != "**yes**":
    failures.append("a cause of the provider's layer still counts against R-COMPAT-PROFILE")
if failures:
    sys.exit("FAILED: " + "\n".join(failures))
print("reports/wine-8.0.md is current")

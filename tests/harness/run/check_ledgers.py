#!/usr/bin/python3
"""Every ledger under expectations/ matches expectations/schema/ledger-v1.schema.json, and the
schema refuses what the loader refuses (so a loosened schema is noticed).

Usage: check_ledgers.py REPO   Needs python3-yaml and python3-jsonschema.
"""

import json
import pathlib
import sys

import jsonschema
import yaml

repo = pathlib.Path(sys.argv[1])
schema = json.loads((repo / "expectations/schema/ledger-v1.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
failures = []

ledgers = sorted((repo / "expectations").glob("*.yaml"))
if not ledgers:
    failures.append("no ledger under expectations/")
for path in ledgers:
    for error in validator.iter_errors(yaml.safe_load(path.read_text())):
        failures.append(f"{path}: {error.json_path}: {error.message}")

GOOD = [
    {"divergences": [{"scenario": "cancel.open-files.w", "step": 3, "observed": "NO_ERROR", "reason": "r"}]},
    {"divergences": [{"requirement": "R-FORCE-TRUE", "observed": 2401, "expected": "NO_ERROR", "reason": "r"}]},
    {"divergences": [{"signature": "cancel 2W: expected ERROR_OPEN_FILES (2401), got NO_ERROR (0)", "reason": "r"}]},
    {"divergences": [{"signature": "add: crash", "reason": "r"}]},
]
BAD = [
    {"divergences": [{"scenario": "a", "requirement": "R-ATOMIC", "observed": 0, "reason": "r"}]},
    {"divergences": [{"signature": "add: crash", "observed": 0, "reason": "r"}]},
    {"divergences": [{"scenario": "a", "expected": 0, "observed": 0, "reason": "r"}]},
    {"divergences": [{"scenario": "a", "observed": 0}]},
    {"divergences": [{"signature": "add: crash", "reason": ""}]},
    {"divergences": [{"scenario": "a", "observed": 0, "reason": "r", "stepp": 2}]},
    {"vendor": "v"},
]
for doc in GOOD:
    for error in validator.iter_errors(doc):
        failures.append(f"the schema refuses a good ledger {doc}: {error.message}")
for doc in BAD:
    if validator.is_valid(doc):
        failures.append(f"the schema accepts a bad ledger {doc}")

for f in failures:
    print(f)
print(f"{len(ledgers)} ledgers, {len(GOOD)} good and {len(BAD)} bad documents: {'FAILED' if failures else 'ok'}")
sys.exit(1 if failures else 0)

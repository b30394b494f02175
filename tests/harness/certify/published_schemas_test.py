#!/usr/bin/python3
"""The published schemas describe what wnetconf writes: two bundles (a conformant sim, and a
sim with a mutant, which fails scenarios and diverges in exploration) are checked against
results-v1, manifest-v1 and junit.xsd, `verify --json` on them (intact and re-run, diffed,
tampered, refused) against verify-v1, and a whole agent session (every step of the corpus
as results.json records it, and a malformed request) against protocol-v1, both directions.
A few documents that must not match are fed too, so a loosened schema is noticed.
   published_schemas_test.py WNETCONF SCHEMA_DIR SCENARIO_SCHEMA WORK_DIR"""
import json
import pathlib
import shutil
import subprocess
import sys

import jsonschema

wnetconf, schema_dir, scenario_schema, work = sys.argv[1:5]
schema_dir, work = pathlib.Path(schema_dir), pathlib.Path(work)
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
problems = []

scenario = json.loads(pathlib.Path(scenario_schema).read_text())
store = {scenario["$id"]: scenario}


def validator(name):
    schema = json.loads((schema_dir / name).read_text())
    store[schema["$id"]] = schema
    return jsonschema.Draft202012Validator(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))


def check(v, doc, what, should_match=True):
    errors = list(v.iter_errors(doc))
    if should_match and errors:
        e = errors[0]
        problems.append(f"{what}: {e.message} at /{'/'.join(map(str, e.absolute_path))}")
    if not should_match and not errors:
        problems.append(f"{what}: matched, but must not")


results_v, manifest_v, protocol_v, verify_v = (validator(n) for n in
                                                ("results-v1.schema.json", "manifest-v1.schema.json",
                                                 "protocol-v1.schema.json", "verify-v1.schema.json"))


def verify_json(what, *args, want_rc, want_ok):
    r = subprocess.run([wnetconf, "verify", *args, "--json", "-q"], capture_output=True, text=True)
    lines = r.stdout.strip().splitlines()
    doc = json.loads(lines[-1]) if lines else {}
    check(verify_v, doc, f"verify --json ({what})")
    if r.returncode != want_rc or doc.get("ok") is not want_ok or doc.get("exit_code") != r.returncode:
        problems.append(f"verify --json ({what}): exit {r.returncode}, ok {doc.get('ok')}, expected {want_rc}, {want_ok}")
    return doc

mutant = subprocess.run([wnetconf, "run", "--list-mutants"], capture_output=True, text=True, check=True).stdout.split()[0]
for name, extra in (("clean", []), ("mutant", ["--mutant", mutant])):
    out = work / name
    rc = subprocess.run([wnetconf, "certify", "--sut", "sim", *extra, "--vendor", "schema-test", "--cases", "60",
                         "--out", str(out), "-q"], capture_output=True, text=True).returncode
    if rc not in (0, 1):
        problems.append(f"certify ({name}) exited {rc}")
        continue
    results = json.loads((out / "results.json").read_text())
    check(results_v, results, f"{name}/results.json")
    check(manifest_v, json.loads((out / "manifest.json").read_text()), f"{name}/manifest.json")
    lint = subprocess.run(["xmllint", "--noout", "--schema", str(schema_dir / "junit.xsd"), str(out / "junit.xml")],
                          capture_output=True, text=True)
    if lint.returncode != 0:
        problems.append(f"{name}/junit.xml: {lint.stderr.strip()}")
    if name == "mutant" and results["conformant"]:
        problems.append(f"the mutant {mutant} was certified conformant: the failing shapes were not checked")

    broken = dict(results)
    del broken["harness_version"]
    check(results_v, broken, f"{name}/results.json without harness_version", should_match=False)

    intact = verify_json(name, str(out), "--rerun", "--sut", "sim", *extra, want_rc=0, want_ok=True)
    if not intact.get("rerun", {}).get("matches") or not all(f["ok"] for f in intact["digests"][0]["files"]):
        problems.append(f"verify --json ({name}): {intact}")

verify_json("diff", "--diff", str(work / "clean"), str(work / "mutant"), want_rc=1, want_ok=False)
shutil.copytree(work / "clean", work / "tampered")
with open(work / "tampered" / "report.md", "a") as f:
    f.write("tampered\n")
tampered = verify_json("tampered", str(work / "tampered"), want_rc=1, want_ok=False)
if [f["file"] for d in tampered["digests"] for f in d["files"] if not f["ok"]] != ["report.md"]:
    problems.append(f"verify --json (tampered) does not name report.md alone: {tampered['digests']}")
refused = verify_json("no bundle", str(work / "nothing-here"), want_rc=2, want_ok=False)
if "error" not in refused:
    problems.append(f"verify --json (no bundle) gives no error: {refused}")
check(verify_v, {**refused, "colour": "red"}, "a verify result with an unknown key", should_match=False)

# One agent session: hello, then each scenario's setup is not in results.json, so one reset with
# a logon per name used, then every recorded step, then a malformed request, then bye.
results = json.loads((work / "clean" / "results.json").read_text())
steps = [s["step"] for sc in results["scenarios"] for s in sc["steps"]]
names = sorted({body["as"] for st in steps for body in st.values() if isinstance(body, dict) and "as" in body} - {"system"})
requests = [{"op": "hello", "protocol": 1},
            {"op": "reset", "profile": "nt", "logons": {n: {"user": n} for n in names}}]
requests += [{"op": "step", "step": st} for st in steps]
requests += [{"op": "step", "step": {"teleport": {}}}, {"op": "bye"}]
session = subprocess.run([wnetconf, "agent", "--sut", "sim"], input="".join(json.dumps(r) + "\n" for r in requests),
                         capture_output=True, text=True, timeout=120)
answers = [json.loads(line) for line in session.stdout.splitlines()]
if len(answers) != len(requests):
    problems.append(f"the agent answered {len(answers)} of {len(requests)} requests")
for i, r in enumerate(requests):
    malformed = i == len(requests) - 2
    check(protocol_v, r, f"request {i + 1} {json.dumps(r)[:80]}", should_match=not malformed)
for i, a in enumerate(answers):
    check(protocol_v, a, f"answer {i + 1} {json.dumps(a)[:80]}")
if answers and "error" not in answers[-2]:
    problems.append(f"the malformed request was answered {answers[-2]}")
check(protocol_v, {"rc": 0, "colour": "red"}, "a result with an unknown key", should_match=False)
check(protocol_v, {"op": "step", "step": {"cancel": {"as": "alice", "name": "Z:"}, "expect": 0}}, "a step with expect",
      should_match=False)

for p in problems:
    print("FAIL:", p)
print(f"checked 2 bundles, their verify results and {len(requests)} requests with {len(answers)} answers")
sys.exit(1 if problems else 0)

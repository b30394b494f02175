#!/usr/bin/python3
"""Writes a vendor's conformance report (reports/wine-8.0.md) from what a run recorded, so it
cannot go stale: a certification bundle (its results.json, and the ledger it was run with,
ledger.yaml, whose causes say why and whose code each divergence is) and a campaign's summary
(`wnetconf explore --keep-going --json`, its last line). Usage:

  tools/vendor-report.py BUNDLE CAMPAIGN.json COMMANDS.txt > reports/<vendor>.md

COMMANDS.txt holds the commands that made BUNDLE and CAMPAIGN.json, quoted in the report.
A requirement's verdict counts only the diverging steps that are about it and that the
implementation's own code (platform or file system) decided, by the per-step attribution
results.json and the campaign record (docs/attribution.md); a step whose ledger cause is in a
harness stand-in's layer (provider, agent), or does not list the requirement among those it
breaks, is set aside too.
"""
import json
import sys

import yaml

bundle, campaign_file, commands_file = sys.argv[1:4]
results = json.load(open(f"{bundle}/results.json"))
ledger = yaml.safe_load(open(f"{bundle}/ledger.yaml"))
campaign = json.loads(open(campaign_file).read().strip().splitlines()[-1])
commands = open(commands_file).read().strip()
causes = ledger.get("causes", {})
OWN = {"platform", "file-system"}

# What the harness's own stand-ins decide when the implementation is the Windows agent with the
# test provider (sut/windows): a verdict resting on these shows the platform passed their answer on.
PROVIDER_DECIDES = {
    "R-DEVICE-ONLY": "which connections a device cancel removes is the provider's bookkeeping",
    "R-REMOTE-ONLY": "which connections a remote-name cancel removes is the provider's bookkeeping",
    "R-FORCE-FALSE": "the provider counts open files and jobs from the handles the agent reports",
    "R-FORCE-TRUE": "the provider orphans the handles, and the agent answers 59 for I/O on an orphaned "
                    "handle without calling ReadFile",
    "R-RC-OPEN-FILES": "2401 comes from the provider's count of the agent's handles",
    "R-RC-DEVICE-IN-USE": "2404 comes from the provider's count, and 2401 before 2404 is the provider's order",
    "R-NAME-CASE": "the provider matches names case-insensitively, and spells its mount point "
                   "`\\\\fs1\\docs` (lower case, no trailing backslash) whatever the add said",
    "R-RC-NOT-CONNECTED": "2250 for a name nobody holds is the provider's answer once the platform passes it on",
}


def entry_for(scenario, step, first):
    for d in ledger["divergences"]:
        if d.get("scenario") == scenario and d.get("step", first) == step:
            return d
    return None


def signature_entry(signature):
    return next((d for d in ledger["divergences"] if d.get("signature") == signature), None)


# Every diverging step the corpus run recorded, with its ledger entry's cause.
corpus_rows = []
step_cause = {}  # (scenario, 1-based step) -> cause id
for s in results["scenarios"]:
    if s["status"] not in ("known divergence", "failed"):
        continue
    for st in s["steps"]:
        if st.get("passed", True):
            continue
        d = entry_for(s["id"], st["index"], s.get("first_divergence"))
        cause = d.get("cause", "?") if d else "?"
        step_cause[(s["id"], st["index"])] = cause
        corpus_rows.append((s["id"], st["index"], st["step_text"], st["expected"], st["got_text"], st["decided_by"], cause))
step_text = {(s["id"], st["index"]): (st["expected"], st["got_text"]) for s in results["scenarios"] for st in s["steps"]}


def counts_against(cause, requirement):
    """The ledger's cause has the last word: one in a harness stand-in's layer, or one that does
    not list the requirement among those it breaks, takes the step out of the count."""
    c = causes.get(cause)
    return c is None or (c["layer"] in OWN and requirement in c.get("requirements", []))


# Against a requirement: the corpus steps results.json counted for it (about it, decided by the
# platform or its file system: the per-step attribution), then the explored divergences whose
# diverging step was the same, each unless its cause says otherwise (counts_against).
counted = {}  # requirement -> [(cause, text)]
for req in results["requirements"]:
    for ref in req["diverging_steps"]:
        cause = step_cause.get((ref["scenario"], ref["step"]), "?")
        if counts_against(cause, req["id"]):
            expected, got = step_text[(ref["scenario"], ref["step"])]
            counted.setdefault(req["id"], []).append((cause, f"`{ref['scenario']}` @{ref['step']}: {expected} → **{got}**"))
for d in campaign["divergences"] + campaign.get("known", []):
    entry = signature_entry(d["signature"])
    cause = entry.get("cause", "?") if entry else "?"
    if d.get("decided_by") not in OWN:
        continue
    for r in d.get("about", []):
        if counts_against(cause, r):
            counted.setdefault(r, []).append((cause, f"explored: `{d['signature']}`"))

vendor = results["vendor"]
impl = results["implementation"]
summary = results["summary"]
rows, tally = [], {"yes": 0, "no": 0, "not tested": 0}
for req in results["requirements"]:
    ran = [s for s in req["scenarios"] if s["status"] in ("passed", "known divergence", "failed")]
    n_s = sum(1 for s in req["scenarios"] if s["status"] == "not supported")
    passed = sum(1 for s in ran if s["status"] == "passed")
    against = counted.get(req["id"], [])
    tested = (ran and req["counted_steps"]) or req.get("exploration_steps")
    verdict = "not tested" if not tested else ("no" if against else "yes")
    tally[verdict] += 1
    shown = sorted({c for c, _ in against})
    proof = "; ".join(t for _, t in against[:3]) + (f" (+{len(against) - 3} more)" if len(against) > 3 else "")
    rests = PROVIDER_DECIDES.get(req["id"], "") if impl["name"] == "wnetconf-agent" else ""
    rows.append(f"| {req['id']} | **{verdict}** | {passed} / {len(ran) - passed} ({n_s}) | {req['counted_steps']} | "
                f"{', '.join(shown) or '-'} | {proof or '-'} | {rests or '-'} |")

out = []
w = out.append
w(f"# {vendor}: WNetCancelConnection conformance report\n")
w("<!-- Generated by tools/vendor-report.py from a certification bundle, its ledger and a campaign; "
  "do not edit: regenerate (docs/certification.md, \"Vendor reports\"). -->\n")
w(f"**Verdict, counting only {vendor}'s own code.** Of the {len(rows)} requirements of docs/behaviour.md, "
  f"{tally['yes']} are met, {tally['no']} are not, and {tally['not tested']} cannot be tested here "
  f"(the capabilities they need are missing). A diverging step counts against a requirement only when "
  f"it is about the requirement and the platform (or its file system) decided it, by the per-step attribution "
  f"of docs/attribution.md, and its cause in the ledger is the platform's and names the requirement.\n")
w(f"The corpus: {summary['passed']} scenarios pass, {summary['known_divergences']} are known divergences, "
  f"{summary['failed']} fail, {summary['not_supported']} are not supported. "
  f"The campaign: {campaign['cases']} cases, {campaign['steps']} steps, "
  f"{len(campaign['divergences'])} new distinct divergences, {len(campaign.get('known', []))} known, "
  f"{len(campaign.get('stale', []))} ledger entries stale.\n")
w("## How it was produced\n")
w(f"| | |\n|---|---|\n| Implementation (hello) | `{impl['name']}` {impl['version']}, platform `{impl['platform']}` |")
w(f"| Harness, model | wnetconf {results['harness_version']}, model {results['model_version']} |")
w(f"| Ledger | `{ledger.get('vendor', '')}`: {len(ledger['divergences'])} entries, {len(causes)} causes |\n")
w("```sh\n" + commands + "\n```\n")
w("## Requirements\n")
w("\"Run\" counts the covering scenarios that ran: passed / known divergence (not supported). "
  "\"Counted\" is the steps about the requirement that the platform decided. "
  "\"Causes\" are the causes below of the counted steps that diverged, with evidence. "
  "\"Rests on the test provider\" says what a *yes* shows only through the harness's stand-ins.\n")
w("| Requirement | Conforms? | Run | Counted | Causes | Evidence | Rests on the test provider |\n|---|---|---|---|---|---|---|")
out.extend(rows)
w("")
w("## Causes\n")
for cid, c in causes.items():
    breaks = ", ".join(c.get("requirements", [])) or "no requirement: it is in an operation the scenarios use around the cancel"
    w(f"- **{cid}. {c['title']}** ({c['layer']}; breaks {breaks}). {c['text']}")
w("")
w(f"## Corpus divergences ({len(corpus_rows)} diverging steps)\n")
w("| Scenario | Step | Expected | Got | Decided by | Cause |\n|---|---|---|---|---|---|")
for sid, idx, text, exp, got, layer, cause in corpus_rows:
    w(f"| {sid} | {idx} `{text}` | {exp} | {got} | {layer} | {cause} |")
w("")
w("## Campaign: distinct divergences\n")
w("| Signature | Cases | First case | Shrunk steps | Cause |\n|---|---|---|---|---|")
for d in campaign["divergences"]:
    e = signature_entry(d["signature"])
    w(f"| `{d['signature']}` (new) | {d['cases']} | {d['first_case']} | {d['shrunk_length']} | "
      f"{e.get('cause', '?') if e else 'not in the ledger'} |")
for k in campaign.get("known", []):
    e = signature_entry(k["signature"])
    w(f"| `{k['signature']}` | {k['cases']} | {k['first_case']} | - | {e.get('cause', '?') if e else '?'} |")
w("")
missing = sorted({s["note"] for s in results["scenarios"] if s["status"] == "not supported"})
w(f"## Not supported ({summary['not_supported']} scenarios)\n")
for note in missing:
    n = sum(1 for s in results["scenarios"] if s["status"] == "not supported" and s["note"] == note)
    w(f"- {n}: {note}")
print("\n".join(out))

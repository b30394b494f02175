#!/usr/bin/python3
"""Validate the scenario corpus against scenario-v1.schema.json.

Usage: check_corpus.py [PATH...]      (default: the scenarios/ folder this file lives in)

For every scenarios/**/*.yaml (or the files and folders given) this checks:
  * the file parses as YAML, with no duplicate keys;
  * the document matches scenarios/schema/scenario-v1.schema.json;
  * the id equals the file name without .yaml, and no two files share an id;
  * (whole corpus only: no PATH, or the scenarios/ folder itself) every requirement ID of
    docs/behaviour.md is covered by some scenario.
It also feeds the schema a few deliberately bad documents (unknown key, unknown step, ...) and
fails if any of them is accepted, so that a loosened schema is noticed.

Errors are printed as `file:line:column: reason`; the exit status is 0 when all is well, 1 on
any failure, 2 on bad usage. Needs Debian's python3-yaml and python3-jsonschema.

Scalars are typed the way the scenario loader types them (YAML 1.2 core: only true/false are
booleans, so drive letters such as `Y` and `N` stay strings; no floats or dates).
"""

import json
import pathlib
import re
import sys

try:
    import yaml
    import jsonschema
except ImportError as e:  # pragma: no cover
    sys.stderr.write(f"check_corpus.py: {e}; install python3-yaml and python3-jsonschema\n")
    sys.exit(2)

HERE = pathlib.Path(__file__).resolve().parent
SCENARIOS = HERE.parent
SCHEMA_PATH = HERE / "scenario-v1.schema.json"


# --- YAML read as the loader reads it ---------------------------------------------------------
# harness/scenario/scenario_loader.cpp types plain scalars by the YAML 1.2 core schema: null/~
# (any case variant listed), true/false, decimal or 0x integers, everything else a string.
# PyYAML's YAML 1.1 defaults (y/n/yes/no/on/off booleans, floats, octal, sexagesimal, dates)
# are replaced by exactly that, so `Y` is a drive letter and `1.5` is text, as in the loader.

class CorpusLoader(yaml.SafeLoader):
    pass


CorpusLoader.yaml_implicit_resolvers = {}
CorpusLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
CorpusLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CorpusLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    return int(text[2:], 16) if text.startswith("0x") else int(text, 10)


CorpusLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a map", node.start_mark,
                f"duplicate key '{key}' (first at line {seen[key].line + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


CorpusLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(text):
    """Returns (document, root node)."""
    loader = CorpusLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def locate(node, path, key=None):
    """The (line, column), 1-based, of the node at `path` (or of `key` inside it)."""
    best = node
    for part in path:
        nxt = None
        if isinstance(best, yaml.MappingNode):
            for k, v in best.value:
                if k.value == part:
                    nxt = v
                    break
        elif isinstance(best, yaml.SequenceNode) and isinstance(part, int) and part < len(best.value):
            nxt = best.value[part]
        if nxt is None:
            break
        best = nxt
    if key is not None and isinstance(best, yaml.MappingNode):
        for k, _ in best.value:
            if k.value == key:
                best = k
                break
    if best is None:
        return 1, 1
    return best.start_mark.line + 1, best.start_mark.column + 1


# --- Schema errors in words --------------------------------------------------------------------

SCHEMA = json.loads(SCHEMA_PATH.read_text())
DEFS = SCHEMA["$defs"]
STEP_BRANCHES = {next(iter(b["required"])): b for b in DEFS["step"]["oneOf"]}
STEP_KINDS = ", ".join(STEP_BRANCHES)
REQUIREMENTS = SCHEMA["properties"]["covers"]["items"]["enum"]
CODE_NAMES = DEFS["codeName"]["enum"]


def validator_for(subschema):
    return jsonschema.Draft202012Validator({"$defs": DEFS, **subschema})


def plain(error):
    """One error of a schema without oneOf choices to explain, as (path, message, key)."""
    path = list(error.absolute_path)
    v = error.validator
    if "then" in error.schema_path:
        # The cancel step's if/then: update_profile needs api 2W or 2A.
        base = path[:-1] if path and path[-1] == "api" else path
        return base, "update_profile applies to api 2W and 2A only", "update_profile"
    if v == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        if extra:
            return path, (f"unknown key '{extra[0]}' (expected "
                          f"{', '.join(allowed) if allowed else 'no keys'})"), extra[0]
    if v == "required":
        return path, error.message.replace("is a required property", "is missing (required key)"), None
    if v == "enum" and error.validator_value == REQUIREMENTS:
        return path, f"unknown requirement {error.instance!r} (expected an ID of docs/behaviour.md)", None
    if v == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        if len(error.validator_value) > 8:
            choices = ", ".join(str(c) for c in error.validator_value[:8]) + ", ..."
        return path, f"expected one of {choices}, got {error.instance!r}", None
    if v == "type":
        return path, f"expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}", None
    return path, error.message, None


def explain(error, base=()):
    """Turns a jsonschema error into (path, message, key), resolving oneOf by what was meant."""
    path = list(base) + list(error.absolute_path)
    inst = error.instance
    if error.validator != "oneOf":
        p, msg, key = plain(error)
        return list(base) + p, msg, key
    schema = error.schema
    if schema is DEFS["step"] or schema == DEFS["step"]:
        if not isinstance(inst, dict):
            return path, f"expected a step (a map with one of {STEP_KINDS})", None
        kinds = [k for k in inst if k != "expect"]
        if len(kinds) != 1:
            return path, (f"expected a step: a map with exactly one of {STEP_KINDS} "
                          f"(and optionally expect), got {', '.join(kinds) or 'none'}"), None
        kind = kinds[0]
        if kind not in STEP_BRANCHES:
            return path, f"unknown step '{kind}' (expected one of {STEP_KINDS})", kind
        return first_error(validator_for(STEP_BRANCHES[kind]), inst, path)
    if schema == DEFS["expect"] or schema == DEFS["code"]:
        if isinstance(inst, str):
            return path, f"unknown code name '{inst}' (expected a name from codes.h or a number)", None
        if isinstance(inst, bool) or not isinstance(inst, (int, dict)):
            return path, f"expected a code (name or number) or a map, got {inst!r}", None
        if isinstance(inst, int):
            return path, "a numeric code must be from 0 to 4294967295", None
        return first_error(validator_for(schema["oneOf"][1]), inst, path)
    if isinstance(inst, dict) and "provider" in schema.get("oneOf", [{}])[0].get("properties", {}):
        branches = schema["oneOf"]
        if "provider" in inst:
            branch = branches[0]
        elif inst.get("profile") == "corrupt":
            branch = branches[2]
        elif "profile" in inst:
            branch = branches[1]
        else:
            return path, "a fault needs 'profile' (unreadable, corrupt, ok) or 'provider'", None
        return first_error(validator_for(branch), inst, path)
    p, msg, key = plain(error)
    return list(base) + p, msg, key


def first_error(validator, instance, base=()):
    errors = sorted(validator.iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if not errors:
        return list(base), "does not match the schema", None
    return explain(errors[0], base)


ROOT_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def schema_problems(doc):
    """[(path, message, key)] for a loaded document."""
    out = []
    for err in sorted(ROOT_VALIDATOR.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path]):
        out.append(explain(err))
    return out


# --- The corpus ------------------------------------------------------------------------------

def check_file(path, ids, problems):
    text = path.read_text(encoding="utf-8")
    try:
        doc, node = load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        problems.append(f"{path}:{where}: not valid YAML: {getattr(e, 'problem', e)}")
        return None
    found = schema_problems(doc)
    for p, msg, key in found:
        line, col = locate(node, p, key)
        where = "/" + "/".join(str(x) for x in p)
        problems.append(f"{path}:{line}:{col}: {where}: {msg}")
    if found or not isinstance(doc, dict):
        return doc
    sid = doc["id"]
    if path.name != sid + ".yaml":
        line, col = locate(node, ["id"])
        problems.append(f"{path}:{line}:{col}: the file must be named after its id: {sid}.yaml")
    if sid in ids:
        line, col = locate(node, ["id"])
        problems.append(f"{path}:{line}:{col}: duplicate id '{sid}' (also in {ids[sid]})")
    else:
        ids[sid] = path
    return doc


# Documents the schema must reject, with a word on why.
BAD_DOCUMENTS = {
    "unknown top-level key": "id: bad.a\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{drives: {as: alice}}]\nowner: me\n",
    "unknown step": "id: bad.b\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{unmount: {as: alice}}]\n",
    "unknown key in a step": "id: bad.c\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{cancel: {as: alice, name: 'Z:', forse: true}}]\n",
    "two step kinds in one step": "id: bad.d\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{drives: {as: a}, io: {handle: h}}]\n",
    "update_profile with api W": "id: bad.e\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{cancel: {as: a, name: 'Z:', api: W, update_profile: true}}]\n",
    "update_profile without api": "id: bad.f\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{cancel: {as: a, name: 'Z:', update_profile: false}}]\n",
    "cancel without name": "id: bad.g\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{cancel: {as: a}}]\n",
    "wrong type for force": "id: bad.h\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{cancel: {as: a, name: 'Z:', force: 'yes'}}]\n",
    "unknown code name": "id: bad.i\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{drives: {as: a}, expect: ERROR_NOPE}]\n",
    "unknown expect key": "id: bad.j\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{drives: {as: a}, expect: {contains: [Z]}}]\n",
    "bad type value": "id: bad.k\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{add: {as: a, remote: 'x', type: tape}}]\n",
    "corrupt fault without device": "id: bad.l\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{fault: {profile: corrupt, user: a}}]\n",
    "profile and provider fault at once": "id: bad.m\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{fault: {profile: ok, user: a, provider: {code: 1}}}]\n",
    "system declared": "id: bad.n\ntitle: t\ncovers: [R-ATOMIC]\nlogons: {system: {user: x}}\nsteps: [{drives: {as: system}}]\n",
    "unknown requirement": "id: bad.o\ntitle: t\ncovers: [R-NOPE]\nsteps: [{drives: {as: a}}]\n",
    "unknown behaviour profile": "id: bad.p\ntitle: t\ncovers: [R-ATOMIC]\nprofile: win95\nsteps: [{drives: {as: a}}]\n",
    "unknown logon key": "id: bad.q\ntitle: t\ncovers: [R-ATOMIC]\nlogons: {a: {user: a, sesion: 2}}\nsteps: [{drives: {as: a}}]\n",
    "not a drive letter": "id: bad.r\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{drives: {as: a}, expect: {includes: ['ZZ']}}]\n",
    "corrupt fault on a non-device": "id: bad.s\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{fault: {profile: corrupt, user: a, device: 'Z'}}]\n",
    "empty steps": "id: bad.t\ntitle: t\ncovers: [R-ATOMIC]\nsteps: []\n",
    "missing covers": "id: bad.u\ntitle: t\nsteps: [{drives: {as: a}}]\n",
    "number where text is expected": "id: bad.v\ntitle: t\ncovers: [R-ATOMIC]\nsteps: [{chdir: {as: a, path: 12}}]\n",
}
GOOD_DOCUMENT = (
    "id: good.one\ntitle: t\ncovers: [R-ATOMIC]\nprofile: nt-linked\n"
    "network: {shares: ['\\\\fs1\\docs'], printers: []}\n"
    "logons: {a: {user: a, session: 2, linked: b}, b: {user: a}}\nsteps:\n"
    "  - add: {as: a, local: 'Z:', remote: '\\\\fs1\\docs', type: disk, persistent: true}\n"
    "  - cancel: {as: a, name: null, force: true, api: 2A, update_profile: true}\n"
    "    expect: 2250\n"
    "  - fault: {provider: {code: 5001, text: t, name: n}, times: 2}\n"
    "  - fault: {profile: corrupt, user: a, device: 'Z:'}\n"
    "  - drives: {as: a}\n    expect: {includes: [C, Y, N, n], excludes: ['Z:'], exactly: [C]}\n"
    "  - chdir: {as: a, path: 1.5}\n    expect: 0x8D2\n"
    "  - last_error: {as: a}\n    expect: {rc: NO_ERROR, code: 5001, text: t, provider: n}\n"
)


def self_test(problems):
    doc, _ = load(GOOD_DOCUMENT)
    for p, msg, _key in schema_problems(doc):
        problems.append(f"{SCHEMA_PATH}: self-test: a valid document was rejected at /{'/'.join(map(str, p))}: {msg}")
    for why, text in BAD_DOCUMENTS.items():
        doc, _ = load(text)
        if not schema_problems(doc):
            problems.append(f"{SCHEMA_PATH}: self-test: a bad document ({why}) was accepted")


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    problems = []
    try:
        jsonschema.Draft202012Validator.check_schema(SCHEMA)
    except jsonschema.SchemaError as e:
        print(f"{SCHEMA_PATH}: not a valid JSON Schema: {e.message}")
        return 1
    self_test(problems)

    targets = [pathlib.Path(a) for a in argv] or [SCENARIOS]
    files = []
    for t in targets:
        if t.is_dir():
            files += sorted(t.rglob("*.yaml"))
        elif t.is_file():
            files.append(t)
        else:
            print(f"check_corpus.py: no such file or folder: {t}", file=sys.stderr)
            return 2
    whole_corpus = not argv or (len(targets) == 1 and targets[0].resolve() == SCENARIOS)
    if whole_corpus and not files:
        problems.append(f"{SCENARIOS}: no scenarios found")

    ids, covered = {}, set()
    for f in files:
        doc = check_file(f, ids, problems)
        if isinstance(doc, dict) and isinstance(doc.get("covers"), list):
            covered.update(c for c in doc["covers"] if isinstance(c, str))
    if whole_corpus:
        for req in REQUIREMENTS:
            if req not in covered:
                problems.append(f"{SCENARIOS}: requirement {req} is covered by no scenario")

    for p in problems:
        print(p)
    if problems:
        print(f"check_corpus.py: {len(problems)} problem(s) in {len(files)} file(s)")
        return 1
    print(f"check_corpus.py: {len(files)} scenario(s) valid, {len(BAD_DOCUMENTS)} bad documents rejected"
          + (f", all {len(REQUIREMENTS)} requirements covered" if whole_corpus else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

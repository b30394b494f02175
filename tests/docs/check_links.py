#!/usr/bin/env python3
"""Fails when a file of the repository points outside it.

check_links.py ROOT       checks the files git tracks under ROOT (every file below ROOT,
                          less build*/, out/ and .git, when ROOT is no git checkout)
check_links.py --self-test  shows that each kind of problem is found

A problem is: a relative link of a Markdown file (inline, reference or HTML) or a
yaml-language-server $schema that leaves ROOT or names nothing under it, an absolute link
path, or a mention of the workplace's shared folder or of the spec kept there, whose place in
the repository docs/behaviour.md, docs/agent-protocol.md and scenarios/README.md take.
"""
import os
import re
import subprocess
import sys
import tempfile
from urllib.parse import unquote

# Spelt in pieces so that this file does not match itself.
MENTIONS = re.compile(r"\.\./shared|shared/spec|\b" + "SP" + r"EC\b")
MD_LINKS = [
    re.compile(r"\]\(\s*<?([^)\s>]+)"),              # [text](target)
    re.compile(r"^[ \t]*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.M),  # [label]: target
    re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']"""),  # <a href="target">
]
SCHEMA_REF = re.compile(r"yaml-language-server:\s*\$schema=(\S+)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def tracked_files(root):
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True,
                             capture_output=True).stdout
        return [f for f in out.decode().split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for d, dirs, names in os.walk(root):
            dirs[:] = [x for x in dirs if not (x.startswith("build") or x in ("out", ".git"))]
            files += [os.path.relpath(os.path.join(d, n), root) for n in names]
        return files


def link_targets(rel, text):
    patterns = MD_LINKS if rel.endswith(".md") else []
    if rel.endswith((".yaml", ".yml")):
        patterns = [SCHEMA_REF]
    for pattern in patterns:
        for m in pattern.finditer(text):
            yield text.count("\n", 0, m.start()) + 1, m.group(1)


def problems(root, files):
    found = []
    for rel in sorted(files):
        if os.path.abspath(os.path.join(root, rel)) == os.path.abspath(__file__):
            continue
        try:
            with open(os.path.join(root, rel), "rb") as fh:
                data = fh.read()
        except OSError:
            continue  # listed by git, gone from the work tree
        if b"\0" in data:
            continue
        text = data.decode("utf-8", errors="replace")
        for m in MENTIONS.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            found.append(f"{rel}:{line}: mentions {m.group(0)!r}, which is outside the repository")
        for line, target in link_targets(rel, text):
            if SCHEME.match(target) or target.startswith("#"):
                continue
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            if path.startswith("/"):
                found.append(f"{rel}:{line}: absolute link {target!r}")
                continue
            resolved = os.path.normpath(os.path.join(os.path.dirname(rel), path))
            if resolved == ".." or resolved.startswith("../"):
                found.append(f"{rel}:{line}: link {target!r} leaves the repository")
            elif not os.path.exists(os.path.join(root, resolved)):
                found.append(f"{rel}:{line}: link {target!r} names nothing in the repository")
    return found


def self_test():
    cases = {
        "README.md": "[ok](docs/a.md) [up](../x.md) [gone](docs/nope.md) [web](https://x.org/a)"
                     " [here](#top) [dir](docs/)\n",
        "docs/a.md": "[back](../README.md#using-it)\n\n[ref]: ../../elsewhere.md\n"
                     '<a href="/etc/passwd">x</a>\n',
        "docs/b.txt": "see ../" + "shared/x and the " + "SP" + "EC 2.2\n",
        "s/t.yaml": "# yaml-language-server: $schema=../schema/none.json\n",
        "build/c.md": "[up](../../x.md)\n",  # a build folder: not walked
    }
    want = [
        "README.md:1: link '../x.md' leaves the repository",
        "README.md:1: link 'docs/nope.md' names nothing in the repository",
        "docs/a.md:3: link '../../elsewhere.md' leaves the repository",
        "docs/a.md:4: absolute link '/etc/passwd'",
        "docs/b.txt:1: mentions '../" + "shared', which is outside the repository",
        "docs/b.txt:1: mentions '" + "SP" + "EC', which is outside the repository",
        "s/t.yaml:1: link '../schema/none.json' names nothing in the repository",
    ]
    with tempfile.TemporaryDirectory() as root:
        for rel, text in cases.items():
            os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as fh:
                fh.write(text)
        got = problems(root, tracked_files(root))
    if got != want:
        print("self-test: expected\n  " + "\n  ".join(want) + "\ngot\n  " + "\n  ".join(got))
        return 1
    print(f"self-test: all {len(want)} kinds of problem found")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    root = argv[1]
    files = tracked_files(root)
    found = problems(root, files)
    for p in found:
        print(p)
    print(f"{len(files)} files checked, {len(found)} pointing outside the repository")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""The man page describes the command line as it is: every subcommand and every option that
`wnetconf ... --help` prints has its place in wnetconf.1, and the page names this version.
   man_page_test.py WNETCONF MAN_PAGE VERSION"""
import re
import subprocess
import sys

wnetconf, man_page, version = sys.argv[1:4]
page = open(man_page, encoding="utf-8").read()
text = page.replace("\\-", "-")
problems = []


def help_of(*args):
    return subprocess.run([wnetconf, *args, "--help"], capture_output=True, text=True, check=True).stdout


top = help_of()
subcommands = re.findall(r"^  (\w+)\s{2,}", top.split("SUBCOMMANDS:")[-1], re.M)
if len(subcommands) < 5:
    problems.append(f"found only {subcommands} in `wnetconf --help`")
for sub in subcommands:
    section = re.search(rf"^\.SS {sub}\b(.*?)(?=^\.SS |^\.SH )", text, re.M | re.S)
    if not section:
        problems.append(f"no .SS {sub} section")
        continue
    for option in sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", help_of(sub)))):
        if option in ("--help", "--version"):
            continue
        if option not in section.group(1) and option not in text.split(".SH COMMANDS")[0]:
            problems.append(f"{sub} {option}: not in the man page")
if f'"wnetconf {version}"' not in page:
    problems.append(f"the .TH line does not name wnetconf {version}")
for code in range(5):
    if not re.search(rf"^\.B {code}$", page, re.M):
        problems.append(f"exit status {code} is not described")

for p in problems:
    print("FAIL:", p)
print(f"{len(subcommands)} subcommands checked against {man_page}")
sys.exit(1 if problems else 0)

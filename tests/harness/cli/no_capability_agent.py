#!/usr/bin/env python3
# An agent that claims no capability: every scenario is "not supported" against it.
import json
import sys

for line in sys.stdin:
    op = json.loads(line).get("op")
    if op == "hello":
        answer = {"ok": True, "protocol": 1, "capabilities": [],
                  "implementation": {"name": "nothing", "version": "0", "platform": "test"}}
    else:
        answer = {"ok": True}
    print(json.dumps(answer), flush=True)
    if op == "bye":
        break

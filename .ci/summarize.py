#!/usr/bin/env python3
"""Counts CI results from meson's testlog.json files and prints `N passed, N failed`.
doctest executables count per test case (from doctest's own summary line), the CLI
script per check (its `ok`/`FAIL` lines), any other test as one. A meson-level failure
that the runner's own counts missed (a crash after the summary, a timeout) adds one
failure; so does each missing log and each failed configure, build or benchmark step.
EXTRA_PASSED counts checks run outside meson (the benchmark run, CTest's tests).
Usage: summarize.py STEP_FAILURES EXTRA_PASSED LOG..."""
import json
import os
import re
import sys

DOCTEST = re.compile(r"\[doctest\] test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")
CLI = re.compile(r"^(ok|FAIL) ", re.M)
GOOD = {"OK", "EXPECTEDFAIL"}

passed = 0
failed = int(sys.argv[1])
passed += int(sys.argv[2])
for log in sys.argv[3:]:
    if not os.path.exists(log):
        print(f"missing test log: {log}")
        failed += 1
        continue
    for line in open(log):
        test = json.loads(line)
        ok = test["result"] in GOOD
        out = test.get("stdout") or ""
        doctest = DOCTEST.search(out)
        cli = CLI.findall(out)
        if doctest:
            p, f = int(doctest.group(2)), int(doctest.group(3))
        elif cli:
            p, f = cli.count("ok"), cli.count("FAIL")
        else:
            p, f = (1, 0) if ok else (0, 1)
        if not ok and f == 0:
            f = 1  # the runner said it passed but the process failed
        if not ok:
            print(f"FAILED: {os.path.dirname(os.path.dirname(log))}: {test['name']} ({test['result']})")
        passed += p
        failed += f
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)

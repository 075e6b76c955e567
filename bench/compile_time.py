#!/usr/bin/env python3
"""Compile cost of each public header, beside the standard-library peers, in one run.

Times `CXX -std=c++20 -fsyntax-only` of a file that includes one thing: each public
header alone (include/iam/*.hpp), and the peers <regex> and <string>+<vector>. Every
repetition compiles all subjects in turn (interleaved, so a busy machine slows all of
them alike); the table shows medians and two ratios: against <regex> and against
<string>+<vector>. The issue's aims: the umbrella header within 3x <regex>, names.hpp
within 1.2x <string>+<vector>.

Usage: bench/compile_time.py [--include DIR] [--compiler CXX]... [--repeat N] [--markdown]
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGEX = "<regex>"
STRING_VECTOR = "<string>+<vector>"
PEERS = {REGEX: ["regex"], STRING_VECTOR: ["string", "vector"]}
AIMS = {"iam/iam.hpp": (REGEX, 3.0), "iam/names.hpp": (STRING_VECTOR, 1.2)}


def subjects(include_dir):
    headers = sorted(f for f in os.listdir(os.path.join(include_dir, "iam")) if f.endswith(".hpp"))
    found = {f"iam/{h}": [f"iam/{h}"] for h in headers}
    return {**PEERS, **found}


def compile_seconds(compiler, include_dir, source):
    start = time.perf_counter()
    run = subprocess.run([compiler, "-std=c++20", "-fsyntax-only", "-I", include_dir, source],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        print(f"{compiler} failed on {source}:\n{run.stderr}", file=sys.stderr)
        return math.nan  # shown as nan: a header that does not compile has no figure
    return seconds


def measure(compiler, include_dir, cases, repeat, scratch):
    sources = {}
    for name, includes in cases.items():
        path = os.path.join(scratch, f"case{len(sources)}.cpp")
        with open(path, "w") as f:
            f.writelines(f"#include <{i}>\n" for i in includes)
        sources[name] = path
    times = {name: [] for name in cases}
    for _ in range(repeat):
        for name, path in sources.items():
            times[name].append(compile_seconds(compiler, include_dir, path))
    return {name: statistics.median(t) if not any(math.isnan(x) for x in t) else math.nan for name, t in times.items()}


def table(compiler, medians, markdown):
    regex, string_vector = medians[REGEX], medians[STRING_VECTOR]
    rows = [("subject", "seconds", "x <regex>", "x <string>+<vector>")]
    for name, s in medians.items():
        rows.append((name, f"{s:.2f}", f"{s / regex:.2f}", f"{s / string_vector:.2f}"))
    print(f"{compiler} -std=c++20 -fsyntax-only (median)")
    if markdown:
        for i, row in enumerate(rows):
            print("| " + " | ".join(row) + " |")
            if i == 0:
                print("|---|--:|--:|--:|")
    else:
        width = max(len(r[0]) for r in rows)
        for row in rows:
            print(f"{row[0]:<{width}}  {row[1]:>7}  {row[2]:>9}  {row[3]:>19}")
    for name, (peer, aim) in AIMS.items():
        ratio = medians[name] / medians[peer]
        print(f"aim: {name} within {aim}x {peer}: {ratio:.2f}x {'met' if ratio <= aim else 'NOT met'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--include", default=os.path.join(ROOT, "include"), help="the include/ directory to measure")
    parser.add_argument("--compiler", action="append", help="g++ (default), clang++, ... (repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions per subject (median taken)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args()
    include_dir = os.path.abspath(args.include)
    cases = subjects(include_dir)
    with tempfile.TemporaryDirectory() as scratch:
        for compiler in args.compiler or ["g++"]:
            table(compiler, measure(compiler, include_dir, cases, args.repeat, scratch), args.markdown)
            print()


if __name__ == "__main__":
    main()

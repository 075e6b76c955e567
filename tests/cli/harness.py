"""What the command-line test scripts share: running the tool and counting checks.
Each script passes PATH/TO/iamcpp as its first argument."""
import subprocess
import sys

tool = sys.argv[1]
failures = 0


def run(args, stdin=b""):
    p = subprocess.run([tool] + args, input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(name, condition, detail=""):
    global failures
    if not condition:
        failures += 1
        print(f"FAIL {name} {detail}")
    else:
        print(f"ok   {name}")


def finish():
    """Prints the count of failed checks and exits with 1 if any failed."""
    print(f"{failures} failed")
    sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""Print one line "N passed, N failed" from meson's testlog.json.

Each TAP subtest counts, so a test program with twenty checks counts
twenty; a test program that crashed or timed out counts as one failure.
A test marked as expected to fail (a known gap) that fails is counted
apart; one that passes unexpectedly is a failure.
"""

import json
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: test-summary.py TESTLOG.json", file=sys.stderr)
        return 2

    passed = failed = skipped = expected = 0
    try:
        with open(sys.argv[1], encoding="utf-8") as log:
            lines = [json.loads(line) for line in log if line.strip()]
    except OSError as error:
        print(f"test-summary: {error}", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1

    for test in lines:
        result = test.get("result")
        subtests = [line for line in test.get("stdout", "").splitlines()
                    if line.startswith(("ok ", "not ok "))]
        if result in ("SKIP",):
            skipped += 1
        elif result == "EXPECTEDFAIL":
            # A test marked should_fail that failed: a known gap, not a
            # pass and not a new failure; said on its own
            expected += 1
        elif subtests and result in ("OK", "FAIL"):
            for line in subtests:
                if line.startswith("not ok") and "# TODO" not in line:
                    failed += 1
                elif "# SKIP" in line:
                    skipped += 1
                else:
                    passed += 1
            if result == "FAIL" and not any(l.startswith("not ok") for l in subtests):
                failed += 1
        elif result == "OK":
            passed += 1
        else:
            failed += 1

    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    if expected:
        line += f", {expected} known failures (expected to fail)"
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

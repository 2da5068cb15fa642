#!/usr/bin/env python3
"""Prints each failed test in the given .trx files with the first lines of its message and stack.

CI shows only the tail of the run's output, so scripts/test.sh calls this just before its summary
line: whatever failed is then always in the part of the log that is read.
"""
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
MESSAGE_LINES = 12
STACK_LINES = 6


def clip(text, lines):
    rows = (text or "").strip().splitlines()
    kept = rows[:lines]
    if len(rows) > lines:
        kept.append(f"... ({len(rows) - lines} more lines)")
    return kept


def main(paths):
    failures = 0
    for path in paths:
        try:
            root = ET.parse(path).getroot()
        except (ET.ParseError, OSError) as error:
            print(f"could not read {path}: {error}")
            continue
        for result in root.iter(NS + "UnitTestResult"):
            if result.get("outcome") in ("Passed", "NotExecuted", "Inconclusive"):
                continue
            failures += 1
            print(f"FAILED {result.get('testName')} [{result.get('outcome')}, {result.get('duration')}]")
            info = result.find(f"{NS}Output/{NS}ErrorInfo")
            if info is not None:
                for line in clip(info.findtext(NS + "Message"), MESSAGE_LINES):
                    print(f"    {line}")
                for line in clip(info.findtext(NS + "StackTrace"), STACK_LINES):
                    print(f"    {line}")
    if failures:
        print(f"{failures} failed test(s) listed above")


if __name__ == "__main__":
    main(sys.argv[1:])

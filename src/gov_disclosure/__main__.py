"""``python -m gov_disclosure FILE``: parse one report and print it as JSON.

A minimal front end for trying the library; reads UTF-8 text from FILE or standard input
(``-``) and prints the flat fields and the diagnostics.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from decimal import Decimal

from ._api import parse_report
from ._errors import GovDisclosureError


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    raise TypeError(type(value).__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gov_disclosure",
        description="Parse a 政府信息公开工作年度报告 (UTF-8 text) and print it as JSON.",
        epilog="example: python -m gov_disclosure tests/data/samples/r013.layout.txt",
    )
    parser.add_argument("file", help="a text file, or - for standard input")
    args = parser.parse_args(argv)
    if args.file == "-":
        text = sys.stdin.read()
    else:
        with open(args.file, encoding="utf-8-sig") as f:
            text = f.read()
    try:
        report = parse_report(text)
    except GovDisclosureError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    out = {
        "fields": report.to_flat(),
        "diagnostics": [
            {"code": d.code, "severity": d.severity, "kind": d.kind, "message": d.message}
            for d in report.diagnostics
        ],
    }
    try:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1, default=_json_default)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (| head): not an error; silence the flush at exit
        # (the recipe of the Python docs for SIGPIPE)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())

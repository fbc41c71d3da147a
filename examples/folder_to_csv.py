"""A folder of reports (any encoding, text or web pages) to one CSV file.

    python examples/folder_to_csv.py [FOLDER] [OUT.csv]

The same as `gov-disclosure parse FOLDER --format csv -o OUT.csv`, in Python.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from gov_disclosure import parse_many
from gov_disclosure._vocab import ALL_FLAT_KEYS

SUFFIXES = {".txt", ".md", ".html", ".htm"}


def cell(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return "" if value is None else value


def main(folder: Path, out: Path) -> None:
    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)
    written = failed = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["source", *ALL_FLAT_KEYS])
        # rows=True: each report's row is made in its worker process (much less to send
        # back than the report)
        for result in parse_many(paths, jobs=2, rows=True):
            if result.row is None:
                failed += 1
                print(f"{result.name}: {result.error}", file=sys.stderr)
                continue
            row = result.row
            writer.writerow([result.name, *(cell(row.get(k)) for k in ALL_FLAT_KEYS)])
            written += 1
    print(f"{written} reports written to {out} ({failed} failed), {len(ALL_FLAT_KEYS) + 1} columns")


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/samples")
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()) / "reports.csv"
    main(folder, target)

"""Parse one report and print what a reader of it wants first.

    python examples/parse_one.py tests/data/samples/r013.layout.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from gov_disclosure import parse_report


def main(path: str) -> None:
    report = parse_report(Path(path).read_text(encoding="utf-8"))
    print(f"{report.agency} {report.year} ({report.template} template)")
    requests = report.requests
    print("applications received:", requests.cell("new_received", "total").value)
    print("granted in full:", requests.cell("granted", "total").value)
    print("reconsiderations:", report.review.cell("reconsideration", "total").value)
    fee = report.to_flat().get("active.fees.amount_yuan")
    print("administrative fees (元):", fee)
    print("problems:", report.sections.problems.text[:60], "…")
    for d in report.diagnostics:
        if d.severity != "info":
            print(" ", d)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/samples/r013.layout.txt")

"""Tell a publisher's mistake from a parser's decision, for a folder of text reports.

    python examples/consistency.py tests/data/samples
"""

from __future__ import annotations

import sys
from pathlib import Path

from gov_disclosure import NotAReportError, parse_report


def main(folder: str) -> None:
    for path in sorted(Path(folder).glob("*.txt")):
        try:
            report = parse_report(path.read_text(encoding="utf-8"))
        except NotAReportError as e:
            print(f"{path.name}: not a report ({e.missing[:2]})")
            continue
        failed = [d for d in report.findings if d.code.endswith("-failed")]
        decided = [d for d in report.diagnostics if d.kind == "parse" and d.severity != "info"]
        print(f"{path.name}: {len(failed)} inconsistencies in the report, "
              f"{len(decided)} parser warnings")
        for d in failed[:2]:
            print("   ", d.message[:110], "…")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/samples")

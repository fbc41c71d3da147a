"""Instructions per parse, counted by valgrind's callgrind: a figure the machine's load
does not move, for comparing two versions of the code.

    python benchmarks/instructions.py          # about a minute; needs valgrind

Runs the text samples through parse_report once and four times under callgrind; the
difference, divided by three passes of 18 samples, is the cost of one parse.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOOP = """
import pathlib, sys
sys.path.insert(0, {src!r})
from gov_disclosure import parse_report
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path({samples!r}).iterdir())
         if p.suffix in (".txt", ".md")]
for _ in range({n}):
    for t in texts:
        parse_report(t)
print(len(texts))
"""


def count(n: int) -> tuple[int, int]:
    code = LOOP.format(src=str(ROOT / "src"), samples=str(ROOT / "tests" / "data" / "samples"), n=n)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code],
        check=True, capture_output=True, text=True,
    )
    m = re.search(r"Collected : (\d+)", done.stderr)
    if m is None:
        raise SystemExit("callgrind printed no count")
    return int(m.group(1)), int(done.stdout.strip())


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    once, samples = count(1)
    four, _ = count(4)
    print(f"instructions per parse: {(four - once) / (3 * samples) / 1e6:.2f} M "
          f"(average over {samples} text samples)")


if __name__ == "__main__":
    main()

"""Where the time of a parse goes, sampled by py-spy (low overhead: unlike cProfile, it does
not inflate the cost of small functions, which is most of this library).

    python benchmarks/profile.py                      # every text sample, 20 s
    python benchmarks/profile.py tests/data/samples/r013.plumber.txt --seconds 10

Parses the given reports in a loop under ``py-spy record`` and prints, for the functions of
the package, the share of samples in which each is on the stack (inclusive), then the
lines that hold the most samples themselves.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"
LOOP = """
import pathlib, sys, time
sys.path.insert(0, {src!r})
from gov_disclosure import parse_report
texts = [pathlib.Path(p).read_text(encoding="utf-8") for p in {paths!r}]
for t in texts:
    parse_report(t)
end = time.time() + {seconds}
while time.time() < end:
    for t in texts:
        parse_report(t)
"""
#: A py-spy frame: ``function (file:line)``.
_FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")


def record(paths: list[str], seconds: float) -> pathlib.Path:
    spy = shutil.which("py-spy") or str(pathlib.Path(sys.executable).parent / "py-spy")
    if not pathlib.Path(spy).exists():
        raise SystemExit("py-spy is not installed (pip install py-spy)")
    out = pathlib.Path(tempfile.mkdtemp()) / "profile.txt"
    code = LOOP.format(src=str(ROOT / "src"), paths=paths, seconds=seconds)
    subprocess.run(
        [spy, "record", "--rate", "400", "--format", "raw", "--output", str(out), "--",
         sys.executable, "-c", code],
        check=True, capture_output=True,
    )
    return out


def report(raw: pathlib.Path, top: int) -> None:
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for entry in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = entry.rpartition(" ")
        n = int(count)
        total += n
        frames = [m for m in map(_FRAME.match, stack.split(";")) if m is not None]
        ours = [m for m in frames if "gov_disclosure" in m["file"]]
        seen = set()
        for m in ours:
            name = f"{m['func']} ({pathlib.Path(m['file']).name})"
            if name not in seen:
                seen.add(name)
                inclusive[name] += n
        if frames:
            leaf = frames[-1]
            own[f"{leaf['func']} ({pathlib.Path(leaf['file']).name}:{leaf['line']})"] += n
    if not total:
        raise SystemExit("py-spy recorded no samples")
    print(f"{total} samples\n\nfunctions of the package, inclusive:")
    for name, n in inclusive.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("\nlines, own samples:")
    for name, n in own.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="*", help="report texts (default: the text samples)")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    paths = args.reports or [
        str(p) for p in sorted(SAMPLES.iterdir()) if p.suffix in (".txt", ".md")
    ]
    report(record([str(pathlib.Path(p).resolve()) for p in paths], args.seconds), args.top)


if __name__ == "__main__":
    main()

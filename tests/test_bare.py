"""The library with attrs alone: every other dependency is used where it is importable and
done without where it is not (OpenCC's binding has no wheel for every platform; scrapers
vendor the package with what they have)."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

from gov_disclosure import parse_file

from .corpus import FIXTURES, SAMPLES

ROOT = pathlib.Path(__file__).resolve().parent.parent
#: What the child process cannot import: everything the library uses but attrs.
BLOCKED = ["opencc", "lxml", "lxml.html", "charset_normalizer", "tqdm", "pandas"]

_CHILD = """
import json, sys
for name in {blocked!r}:
    sys.modules[name] = None  # import raises ImportError
sys.path.insert(0, {src!r})
from gov_disclosure import parse_file
from gov_disclosure._cli import main
out = {{}}
for p in {paths!r}:
    report = parse_file(p)
    out[p] = [repr(report.to_flat()), [d.code for d in report.diagnostics]]
out["cli"] = main(["check", "--quiet", {paths!r}[0]])
print(json.dumps(out))
"""


def test_everything_but_attrs_missing() -> None:
    paths = [
        str(p)
        for p in [*sorted(SAMPLES.iterdir()), *sorted(FIXTURES.iterdir())]
        if p.suffix in (".txt", ".md", ".html")
    ]
    code = _CHILD.format(blocked=BLOCKED, src=str(ROOT / "src"), paths=paths)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    got = json.loads(run.stdout.splitlines()[-1])
    from gov_disclosure._cli import main

    assert got.pop("cli") == main(["check", "--quiet", paths[0]])  # and no crash
    converted = 0
    for p in paths:
        report = parse_file(p)
        flat, codes = got[p]
        assert flat == repr(report.to_flat()), p  # same values as with every dependency
        converted += "t2s-table" in codes
        assert [c for c in codes if c != "t2s-table"] == [d.code for d in report.diagnostics], p
    assert converted >= 4  # the traditional-script inputs went through the built-in table

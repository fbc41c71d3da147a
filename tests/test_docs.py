"""The examples run, and the generated docs are up to date."""

from __future__ import annotations

import pathlib
import runpy
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(script: pathlib.Path) -> None:
    out = subprocess.run(
        [sys.executable, str(script)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()


def test_analysis_example_saves_a_plot(tmp_path: pathlib.Path) -> None:
    png = tmp_path / "outcomes.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "analysis_plot.py"), str(ROOT / "tests" / "data" / "samples"), str(png)],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_flat_keys_doc_is_current() -> None:
    generator = runpy.run_path(str(ROOT / "tools" / "gen_flat_keys_doc.py"))
    assert (ROOT / "docs" / "flat-keys.md").read_text(encoding="utf-8") == generator["render"]()


def test_every_diagnostic_code_is_documented() -> None:
    doc = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    src = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))
    import re

    codes = set(re.findall(r'Diagnostic\(\s*"([a-z-]+)"', src))
    codes |= set(re.findall(r'CellNote\(\s*"([a-z-]+)"', src))
    codes |= set(re.findall(r'Note\(\s*"([a-z-]+)"', src))
    codes |= {f"check-{x}-failed" for x in "abcd"}
    missing = sorted(c for c in codes if f"`{c}`" not in doc)
    assert not missing, missing

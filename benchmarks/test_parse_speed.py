"""Per-report parse time, under pytest-benchmark (calibrated rounds, warm-up).

Run through benchmarks/run.py, which prints the figures next to their targets; or alone:
    python -m pytest benchmarks/test_parse_speed.py --benchmark-only
"""

from __future__ import annotations

import pathlib

import pytest

from gov_disclosure import parse_html, parse_report

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "samples"
INPUTS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_parse(benchmark: pytest.FixtureDef, path: pathlib.Path) -> None:  # type: ignore[type-arg]
    text = path.read_text(encoding="utf-8")
    parse = parse_html if path.suffix == ".html" else parse_report
    report = benchmark(parse, text)
    assert report.to_flat()

"""The synthetic fixtures (tests/data/fixtures): each template in each layout family.

They are made by tools/gen_fixtures.py from tests/reports.py and tests/render.py; the first
test fails when a renderer changes and the files were not regenerated."""

from __future__ import annotations

import pathlib

import pytest

from gov_disclosure import parse_report

from .corpus import (
    FIXTURES,
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    assert_section_snippets,
    expected_for,
    same_value,
    sample_inputs,
)
from .render import FAMILIES
from .reports import make_report

INPUTS = sample_inputs(FIXTURES, TEXT_SUFFIXES + HTML_SUFFIXES)
VARIANTS = {"trial": ("2019", "2019"), "revised": ("2021", "2021"), "mixed": ("2021", "2019")}


def test_every_family_and_template_has_a_fixture() -> None:
    assert {p.stem for p in INPUTS} == {f"{f}-{v}" for f in FAMILIES for v in VARIANTS}


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_fixture_is_current(path: pathlib.Path) -> None:
    family, variant = path.stem.rsplit("-", 1)
    active, requests = VARIANTS[variant]
    report = make_report(active, requests, seed=11)  # type: ignore[arg-type]
    assert FAMILIES[family](report) == path.read_text(encoding="utf-8"), "run tools/gen_fixtures.py"


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_fixture_parses_exactly(path: pathlib.Path) -> None:
    report = parse_report(path.read_text(encoding="utf-8"))
    flat = report.to_flat()
    gold = expected_for(path)
    ambiguous = {d.key for d in report.diagnostics if d.code == "ambiguous-cells"}
    for key, want in gold["fields"].items():
        if want == "?":
            owner = "review" if key.startswith("review.") else key.rsplit(".", 1)[0]
            assert flat[key] is None and owner in ambiguous, key
        else:
            assert same_value(want, flat[key]), (key, want, flat[key])
    assert_section_snippets(report, gold)

"""The real PDF samples read by the PDF tools Python scrapers use besides pdfplumber and
pdftotext: pypdf (plain and layout), PyMuPDF (plain, sorted by position, text blocks),
pymupdf4llm's markdown and pypdfium2 (tests/data/extractors, tools/gen_extractor_fixtures.py).

Every extraction is read exactly, but one cell of r015 in PyMuPDF's sorted text: ``8结``,
the total of a row with a character of the group label written down the margin glued to
it, which is left unset and reported by the failed row check."""

from __future__ import annotations

import pathlib

import pytest

from gov_disclosure import parse_report

from .corpus import DATA, assert_section_snippets, expected_for, same_value, sample_inputs

EXTRACTORS = DATA / "extractors"
INPUTS = sample_inputs(EXTRACTORS)
#: Fields left unset, each with the warning that says so.
UNSET = {"r015.pymupdf-sort.txt": {"requests.denied.internal_affairs.total": "check-c-failed"}}


def test_every_extraction_is_here() -> None:
    assert len(INPUTS) == 21


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_read_exactly(path: pathlib.Path) -> None:
    report = parse_report(path.read_text(encoding="utf-8"))
    flat = report.to_flat()
    gold = expected_for(path)
    wrong = {
        key: (want, flat[key])
        for key, want in gold["fields"].items()
        if not same_value(want, flat[key])
    }
    unset = UNSET.get(path.name, {})
    assert set(wrong) == set(unset), wrong
    for key, code in unset.items():
        assert flat[key] is None
        assert any(d.code == code and d.key == key for d in report.diagnostics)
    assert_section_snippets(report, gold)

"""Reports saved as Word files and read back by the tools scrapers use on ``.docx``
attachments (tests/data/docx, tools/gen_docx_fixtures.py): python-docx (``row.cells``
joined by tabs, which gives a merged cell once per grid column it spans; with merged
cells once; the paragraphs, then the tables, as an appendix), docx2python, mammoth, docx2txt, pandoc (plain, markdown, GFM) and
unstructured (each table one line, its cells a space apart).

All but unstructured keep blank cells where they are, or their positions (pandoc's plain
text aligns columns): each is read exactly, with no warning.  unstructured drops blank
cells, as PDF text does: a value may then be left unset, with a warning, never set
wrong."""

from __future__ import annotations

import pathlib

import pytest

from gov_disclosure import parse_report

from .corpus import DOCX, assert_section_snippets, expected_for, sample_inputs, wrong_values

INPUTS = sample_inputs(DOCX)
#: Blank cells dropped: values may be left unset (with a warning).
DROPS_BLANKS = {p.name for p in INPUTS if p.name.endswith("-blanks.unstructured.txt")}


def test_every_extraction_is_here() -> None:
    assert len(INPUTS) == 6 * 10
    assert len(DROPS_BLANKS) == 3


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_read_exactly(path: pathlib.Path) -> None:
    report = parse_report(path.read_text(encoding="utf-8"))
    gold = expected_for(path)
    wrong = wrong_values(report, gold)
    assert_section_snippets(report, gold)
    if path.name in DROPS_BLANKS:
        assert all(got is None for _, got in wrong.values()), wrong
        assert any(d.severity != "info" for d in report.diagnostics)
        return
    assert not wrong
    assert [d for d in report.diagnostics if d.severity != "info"] == []


def test_merged_value_cells_are_said() -> None:
    # python-docx prints the 2021 table 二's one-column values three times: read once, said
    text = (DOCX / "w105-revised.python-docx.txt").read_text(encoding="utf-8")
    said = [d.key for d in parse_report(text).diagnostics if d.code == "merged-repeat"]
    assert said == ["active.licensing", "active.penalty", "active.coercion", "active.fees"]

"""Web pages read by a real browser (tests/data/browser, tools/gen_browser_fixtures.py):
the real page of the samples and reports written as Word-style pages, read by headless
Chromium as ``innerText``, WebDriver's text, the page's selection and ``textContent``.

``innerText`` and the selection keep blank cells where they are: read exactly; so does
WebDriver's text where a blank cell holds ``&nbsp;`` (two spaces opening the next line).
WebDriver's text drops a blank cell of white space, and ``textContent`` runs a row's cells
together, with a blank cell's ``&nbsp;`` among them (table 二 has no arithmetic to split
them): a value may then be left unset, but only with a warning, and never set wrong."""

from __future__ import annotations

import pathlib
import re

import pytest

from gov_disclosure import parse_report

from .corpus import BROWSER, assert_section_snippets, expected_for, sample_inputs, wrong_values

INPUTS = sample_inputs(BROWSER)
#: Read exactly: every reading that keeps blank cells, and the others of pages without
#: blank cells but the synthetic pages' textContent (table 二's runs of digits).
EXACT = {
    p.name
    for p in INPUTS
    if p.name.endswith((".inner-text.txt", ".selection.txt"))
    # (WebDriver's text of b304's page drops its blank cells: they hold a plain space)
    or (p.name.endswith(".webdriver-text.txt") and "b304" not in p.name)
    or p.name == "r012.text-content.txt"
}


def test_every_reading_is_here() -> None:
    assert len(INPUTS) == 6 * 3 + 5  # textContent: not of the page with blank spaces
    assert len(EXACT) == 6 * 2 + 5 + 1


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_never_a_wrong_value_nor_a_silent_gap(path: pathlib.Path) -> None:
    report = parse_report(path.read_text(encoding="utf-8"))
    gold = expected_for(path)
    wrong = wrong_values(report, gold)
    assert all(got is None for _, got in wrong.values()), wrong
    if wrong:
        assert any(d.severity != "info" for d in report.diagnostics)
    if path.name in EXACT:
        assert not wrong
    assert_section_snippets(report, gold)


def test_text_content_of_indented_markup_reads_its_blank_cells() -> None:
    # r012's page is written with indented markup: its textContent has lines of spaces
    # between cells (the markup's indents) and blank cells' &nbsp; lines among them.
    # Read by counting lines, every blank cell is where it was; before, each row of
    # table 三 was placed by convention (25 diagnostics)
    path = next(p for p in INPUTS if p.name == "r012.text-content.txt")
    report = parse_report(path.read_text(encoding="utf-8"))
    assert not wrong_values(report, expected_for(path))
    placed = [d for d in report.diagnostics if d.code.startswith("placed-by")]
    assert not placed


#: What scrapers do to the white space of a browser's text before they store it: tabs
#: (and runs of spaces) made one space, with or without the ``&nbsp;`` of blank cells,
#: and tabs expanded to spaces.
_WHITE_SPACE_CLEANUPS = {
    "tabs-to-a-space": lambda t: re.sub(r"[ \t]+", " ", t),
    "all-spaces-to-a-space": lambda t: re.sub(r"[ \t\u3000\xa0]+", " ", t),
    "tabs-expanded": lambda t: t.expandtabs(8),
}
INNER_TEXTS = [p for p in INPUTS if p.name.endswith(".inner-text.txt")]


@pytest.mark.parametrize("cleanup", sorted(_WHITE_SPACE_CLEANUPS))
@pytest.mark.parametrize("path", INNER_TEXTS, ids=[p.name for p in INNER_TEXTS])
def test_inner_text_with_its_tabs_made_spaces(path: pathlib.Path, cleanup: str) -> None:
    # the tab between two paragraph cells, on a line of its own, became a line of spaces:
    # 36-64 values a page were set wrong and 57-112 unset, the cells read one a line
    text = path.read_text(encoding="utf-8")
    cleaned = _WHITE_SPACE_CLEANUPS[cleanup](text)
    assert "\t" not in cleaned
    report = parse_report(cleaned)
    assert not wrong_values(report, expected_for(path))
    assert report.to_flat() == parse_report(text).to_flat()


@pytest.mark.parametrize("cleanup", ["strip", "split-join"])
@pytest.mark.parametrize("path", INNER_TEXTS, ids=[p.name for p in INNER_TEXTS])
def test_inner_text_with_its_lines_stripped(path: pathlib.Path, cleanup: str) -> None:
    # the tabs between cells and the &nbsp; of blank cells are then empty lines: cells 3
    # empty lines apart, rows 4, and each blank cell 4 more (2 where a cell is empty, no
    # paragraph: r012's).  Before: the blank cells of b303 and b304 were lost (44 and 72
    # values unset, one placed by convention)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if cleanup == "strip":
        stripped = "\n".join(line.strip() for line in lines)
    else:
        stripped = "\n".join(" ".join(line.split()) for line in lines)
    report = parse_report(stripped)
    assert not wrong_values(report, expected_for(path))
    assert report.to_flat() == parse_report(text).to_flat()

"""The real samples read by the tools Python scrapers use besides those of
tests/data/samples (tests/data/extractors, tools/gen_extractor_fixtures.py): the PDFs by
pypdf (plain and layout), PyMuPDF (plain, sorted by position, text blocks), pymupdf4llm's
markdown, pypdfium2, pdfminer.six (row labels first, then the values a column at a time),
Apache PDFBox (Tika's text) and markitdown; the web page by BeautifulSoup's
``get_text()`` (lxml, html.parser, with ``" "``, and with ``strip=True``: with ``" "``, the
whole page on one line, its texts a space apart), markdownify, trafilatura (text and
markdown), html2text without wrapping, html-text, the text browsers w3m and lynx, and
turndown (markdown whose tables with merged cells stay HTML markup).

Every extraction is read exactly.  The narrative text is compared too (markitdown moves
a paragraph's opening year, set in another font, to the line below: ``年，我市坚持…``
then ``2024``, which is put back), but where markitdown printed a paragraph's first line
as a table row (``| 2024 | 年，淮安市…``), text the report keeps as written."""

from __future__ import annotations

import pathlib
import re

import pytest

from gov_disclosure import parse_report

from .corpus import DATA, assert_section_snippets, expected_for, same_value, sample_inputs

EXTRACTORS = DATA / "extractors"
INPUTS = sample_inputs(EXTRACTORS)


def test_every_extraction_is_here() -> None:
    assert len(INPUTS) == 3 * 10 + 13


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
    assert not wrong
    # (markitdown prints a paragraph's first line as a table row: prose again in the text)
    assert_section_snippets(report, gold)


#: The PDF extractions read exactly with their line breaks made spaces, as a crawler or a
#: clean-up (``" ".join(text.split())``) leaves them: page footers inside the line
#: (``- 3 -``) and, in pdfminer.six's text, labels first and values a column at a time.
_ONE_LINE = [
    p for p in INPUTS
    if p.name.split(".")[0] in ("r013", "r015")
    and p.name.split(".")[1] in ("pdfbox", "pdfium", "pdfminer", "pymupdf", "pymupdf-blocks", "pypdf", "pypdf-layout")
]


def test_one_line_extractions_are_here() -> None:
    assert len(_ONE_LINE) == 14


@pytest.mark.parametrize("path", _ONE_LINE, ids=[p.name for p in _ONE_LINE])
def test_read_exactly_with_line_breaks_made_spaces(path: pathlib.Path) -> None:
    flat = parse_report(re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))).to_flat()
    gold = expected_for(path)
    assert {k: (v, flat[k]) for k, v in gold["fields"].items() if not same_value(v, flat[k])} == {}


#: BeautifulSoup's text of the page (each text node a line) with its lines stripped, as
#: a clean-up does (``line.strip()``, ``" ".join(line.split())``): a blank cell's line of
#: spaces is then an empty line like those between cells, three lines more.
_STRIPPED = [p for p in INPUTS if p.name.startswith("r012.bs4-") and "strip" not in p.name]
_LINE_CLEANUPS = {
    "strip": lambda t: "\n".join(line.strip() for line in t.split("\n")),
    "split-join": lambda t: "\n".join(" ".join(line.split()) for line in t.split("\n")),
}


def test_stripped_extractions_are_here() -> None:
    assert len(_STRIPPED) == 3


@pytest.mark.parametrize("cleanup", sorted(_LINE_CLEANUPS))
@pytest.mark.parametrize("path", _STRIPPED, ids=[p.name for p in _STRIPPED])
def test_read_exactly_with_lines_stripped(path: pathlib.Path, cleanup: str) -> None:
    # before: 57 values unset and 2 set wrong, the blank cells gone
    flat = parse_report(_LINE_CLEANUPS[cleanup](path.read_text(encoding="utf-8"))).to_flat()
    gold = expected_for(path)
    assert {k: (v, flat[k]) for k, v in gold["fields"].items() if not same_value(v, flat[k])} == {}

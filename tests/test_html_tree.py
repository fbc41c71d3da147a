"""The standard library's page tree (`_html_tree`): parse_html where lxml is not installed."""

from __future__ import annotations

import pathlib
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import _html
from gov_disclosure._html_tree import Element, parse_page

from .corpus import FIXTURES, SAMPLES

PAGES = [SAMPLES / "r012.html", *sorted(FIXTURES.glob("*.html"))]


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_reads_real_pages_as_lxml_does(path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = path.read_text(encoding="utf-8")
    with_lxml = _html.html_to_text(page)
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.html", None)
    with_stdlib = _html.html_to_text(page)
    # the text, every cell's grid place and source line (the lines of text outside cells
    # are finer with the standard library's tree, which knows where each text starts)
    assert (with_stdlib.text, with_stdlib.cells) == (with_lxml.text, with_lxml.cells)
    assert with_lxml.cells


def _cells(table: Element) -> list[list[str]]:
    return [[c.text_content() for c in row if c.tag in ("td", "th")] for row in table.iter("tr")]


def test_end_tags_pages_leave_out() -> None:
    root = parse_page(
        "<table><tr><td>1<td>2<tr><td>3<td><p>a<p>b</table><p>after"
    )
    (table,) = root.iter("table")
    assert _cells(table) == [["1", "2"], ["3", "ab"]]
    assert [p.text for p in root.iter("p")] == ["a", "b", "after"]
    parent = next(root.iter("p")).getparent()
    assert parent is not None and parent.tag == "td"


def test_nested_tables_keep_their_cells() -> None:
    root = parse_page("<table><tr><td><table><tr><td>in</td></tr></table>out</td><td>2</td></tr></table>")
    outer, inner = root.iter("table")
    assert next(outer.iter("td")).text_content() == "inout"
    assert _cells(inner) == [["in"]]
    assert next(outer.iterdescendants("table")) is inner
    assert [a.tag for a in inner.iterancestors()] == ["td", "tr", "table", "html"]


def test_void_elements_stray_end_tags_and_entities() -> None:
    root = parse_page("<body><p>a<br>b<br/>c</span>&nbsp;d<o:p></o:p></p></td>e</body>")
    (p,) = root.iter("p")
    assert p.text_content() == "abc\u00a0d"
    assert [c.tag for c in p] == ["br", "br", "o:p"]
    (body,) = root.iter("body")
    assert body.text_content() == "abc\u00a0de"
    assert p.sourceline == 1 and p.get("class") is None


def test_text_content_order_and_tails() -> None:
    root = parse_page("<div>a<b>b<i>c</i>d</b>e<!-- note -->f</div>")
    (div,) = root.iter("div")
    assert div.text_content() == "abcdef"
    (b,) = root.iter("b")
    assert b.text_content() == "bcd" and b.tail == "ef"


def test_source_lines() -> None:
    root = parse_page("<html>\n<body>\n<table>\n<tr>\n<td>1</td>\n</tr>\n</table>")
    assert [el.sourceline for el in root.iter("td")] == [5]


_FRAGMENTS = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<td colspan=2>", "<th>",
              "<p>", "</p>", "<br>", "<br/>", "</br>", "<li>", "<ul>", "</ul>", "<html>", "</html>",
              "<body>", "</body>", "<!--", "-->", "<script>", "</script>", "<o:p>", "</o:p>",
              "&nbsp;", "&#", "<", ">", "一、总体情况", "六、其他需要报告的事项", "12", "\n", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60))
def test_any_markup_builds_a_tree(pieces: list[str]) -> None:
    page = "".join(pieces)
    root = parse_page(page)
    assert root.tag == "html"
    # every element is reachable from the root and knows its parent
    for el in root.iterdescendants("td"):
        assert root in el.iterancestors()
    root.text_content()

"""parse_html on named structures of real web pages, with lxml and with the standard
library's parser (`_html_tree`, where lxml is not installed)."""

from __future__ import annotations

import contextlib
import re
import sys

import pytest

from gov_disclosure import GovDisclosureError, GridRef, parse_html, parse_report

from .corpus import SAMPLES
from .render import render_html, render_tabs, render_turndown
from .reports import expected_flat, make_report


@pytest.fixture(autouse=True, params=["lxml", "stdlib"])
def page_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test of this module runs with lxml, then as if lxml were not installed."""
    if request.param == "stdlib":
        monkeypatch.setitem(sys.modules, "lxml", None)  # import lxml.html raises ImportError
        monkeypatch.setitem(sys.modules, "lxml.html", None)
    return str(request.param)


@pytest.fixture(scope="module")
def made() -> object:
    return make_report("2021", "2021", seed=21, blanks=0.5)


def test_sample_page_cells_know_their_place() -> None:
    page = (SAMPLES / "r012.html").read_text(encoding="utf-8")
    report = parse_html(page)
    cell = report.requests.cell("granted", "total")
    assert cell.value == 26
    assert cell.origin == GridRef(table=2, row=5, column=9, line=cell.origin.line)  # type: ignore[union-attr]
    assert cell.span is not None and "26" in page.splitlines()[cell.span.line - 1 : cell.span.line + 3][0] + "".join(
        page.splitlines()[cell.span.line : cell.span.line + 3]
    )
    # the page's navigation and footer are not part of any section
    assert "首页" not in report.sections.overview.text
    assert report.sections.other_matters.text == "2023年度，县发展和改革局政府信息公开未发生收费情况。"


def test_report_inside_a_layout_table(made: object) -> None:
    page = render_html(made)  # type: ignore[arg-type]
    body_start = page.index('<div class="content">')
    body_end = page.index('<div class="footer">')
    wrapped = (
        page[:body_start]
        + '<table width="100%"><tr><td>' + page[body_start:body_end] + "</td></tr></table>"
        + page[body_end:]
    )
    assert parse_html(wrapped).to_flat() == expected_flat(made)  # type: ignore[arg-type]


def test_table_split_in_two_with_its_header_repeated(made: object) -> None:
    page = render_html(made)  # type: ignore[arg-type]
    rows = page.split("\n")
    table_three = next(k for k, ln in enumerate(rows) if ln.startswith('<table border="1">'))
    header = rows[table_three + 1]  # the first header row
    i = table_three + 3 + 15  # a data row in the middle of the table
    rows[i:i] = ["</table>", '<p class="MsoNormal">（续表）</p>', '<table border="1">', header]
    assert parse_html("\n".join(rows)).to_flat() == expected_flat(made)  # type: ignore[arg-type]


def test_line_breaks_inside_cells(made: object) -> None:
    page = render_html(made).replace("<o:p></o:p></p></td>", "<br/></p></td>")  # type: ignore[arg-type]
    page = page.replace(">商业<", ">商业<br>企业<").replace(">企业<", "><")
    assert parse_html(page).to_flat() == expected_flat(made)  # type: ignore[arg-type]


def test_parse_report_reads_a_page_as_parse_html_does(made: object) -> None:
    page = render_html(made)  # type: ignore[arg-type]
    assert parse_report(page).to_flat() == parse_html(page).to_flat()


def test_pages_without_a_report() -> None:
    from gov_disclosure import NotAReportError

    with pytest.raises(NotAReportError):
        parse_html("<html><body><p>今日天气晴。</p></body></html>")
    with pytest.raises(TypeError):
        parse_html(b"<html></html>")  # type: ignore[arg-type]
    assert issubclass(NotAReportError, GovDisclosureError)



def test_word_conditional_markers_are_not_text() -> None:
    # Word wraps list bullets, shapes and spacer rows in <![if …]> … <![endif]>: browsers
    # ignore the markers; libxml2 keeps them as text in places (here, between paragraphs)
    page = (SAMPLES / "r012.html").read_text(encoding="utf-8")
    marked = page.replace("</p>\n<p", "</p>\n<![if !supportLists]><span>·</span><![endif]><p")
    marked = marked.replace('align="center">', 'align="center"><![if !vml]><![endif]>')
    assert marked.count("<![if") > 10
    report = parse_html(marked)
    assert all("[if" not in s.text and "[endif]" not in s.text for s in report.sections)
    assert report.to_flat() == parse_html(page).to_flat()


@pytest.mark.parametrize("parens", [("", ""), ("(", ")"), ("（", "）")])
def test_ruby_pinyin_over_characters_is_not_text(parens: tuple[str, str]) -> None:
    # a site's reading aid sets pinyin over characters: <ruby>政<rt>zhèng</rt></ruby>
    page = (SAMPLES / "r012.html").read_text(encoding="utf-8")
    body = page.index("<body")
    o, c = (f"<rp>{p}</rp>" if p else "" for p in parens)
    ruby = page[:body] + page[body:].replace("信息公开", f"<ruby>信<rp></rp>{o}<rt>xìn</rt>{c}</ruby>息公开")
    assert ruby.count("<rt>") > 20
    report = parse_html(ruby)
    assert report.to_flat() == parse_html(page).to_flat()
    assert all("xìn" not in s.text for s in report.sections)


def test_comments_are_not_text() -> None:
    # <!-- 正文开始 --> and the like: lxml's tree keeps comments, whose text is no report's
    page = (SAMPLES / "r012.html").read_text(encoding="utf-8")
    at = page.index("二、主动公开")
    at = page.rindex("<", 0, at)
    commented = page[:at] + "<!-- 以下为正文表格，共三张 -->" + page[at:]
    report = parse_html(commented)
    assert all("正文表格" not in s.text for s in report.sections)
    assert report.to_flat() == parse_html(page).to_flat()


def test_deeply_nested_cell_with_hidden_text() -> None:
    # hostile markup: a cell nested thousands deep, with a script in the table (the
    # cells' text is then walked without the hidden elements): no RecursionError
    page = (SAMPLES / "r012.html").read_text(encoding="utf-8")
    at = page.index("<td", page.index("<table", page.index("<body")))
    deep = "<span>" * 3000 + "<script>x</script>9" + "</span>" * 3000
    # (a parser may cut the page at a depth limit: no report is an answer too)
    with contextlib.suppress(GovDisclosureError):
        parse_html(page[:at] + f"<td>{deep}</td>" + page[at:])


def test_xhtml_page_with_an_xml_declaration() -> None:
    # XHTML pages start with <?xml … encoding="utf-8"?>, which lxml refuses in a str; and
    # parse_report must still see a web page in it
    page = (SAMPLES / "r012.html").read_text(encoding="utf-8")
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + page
    want = parse_html(page)
    for report in (parse_html(xhtml), parse_report(xhtml)):
        assert report.to_flat() == want.to_flat()
        cell, was = report.requests.cell("granted", "total"), want.requests.cell("granted", "total")
        assert cell.origin is not None and was.origin is not None
        assert cell.origin.line == was.origin.line + 1  # lines of the page as given


def test_markdown_whose_tables_are_markup_is_read_as_a_page() -> None:
    # turndown (Jina Reader and other page-to-markdown tools) keeps a table with merged
    # cells as its HTML markup: parse_report reads such text as a page, exactly
    made = make_report("2021", "2019", seed=2, blanks=0.3)
    text = render_turndown(made, 1)
    assert "<table" in text
    report = parse_report(text)
    assert report.to_flat() == expected_flat(made) | {
        k: v for k, v in report.to_flat().items() if k.startswith("meta.")
    }
    assert [d for d in report.diagnostics if d.severity != "info"] == []
    # with every heading gone, the text read finds nothing: the page read still does
    bare = re.sub(r"[一二三四五六]、[^\n<]*情况|[五六]、[^\n<]*事项", "", text)
    assert parse_report(bare).requests.cell("new_received", "total").value is not None


def test_markup_outside_the_tables_does_not_take_over() -> None:
    # a report in text with a page's markup after it (another report): the text's own
    # tables are read, as they were
    text = render_tabs(make_report("2021", "2021", seed=3))
    page = render_html(make_report("2019", "2019", seed=4))
    assert parse_report(text + page).to_flat() == parse_report(text).to_flat()


def test_text_with_headings_but_no_element_owning_text() -> None:
    # parse_html of markdown (text directly in the body): no stray IndexError
    text = render_turndown(make_report("2021", "2021", seed=5))
    assert parse_html(text).requests.cell("new_received", "total").value is not None

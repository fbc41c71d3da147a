"""Stage 1: normalisation."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from gov_disclosure import CellKind, example_text, parse_report
from gov_disclosure._normalize import PAGE_NUMBER_MARK, has_doubled_breaks, normalize

from .render import FAMILIES
from .reports import make_report


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("據(jù)", "据"),
        ("公(gong)(gong)開(kai)", "公开"),
        ("結(jié)轉(zhuǎn)", "结转"),
        ("機構(gòu)", "机构"),
        ("(一)予以公开", "(一)予以公开"),  # a real bracket stays
        ("(本列数据的勾稽关系为)", "(本列数据的勾稽关系为)"),
        ("显示屏(LED)", "显示屏(LED)"),  # not pinyin: upper case
        ("下载(pdf)", "下载(pdf)"),  # not a pinyin syllable
        ("2019(shù)", "2019(shù)"),  # only right after a Han character
        ("據（jù）", "据"),  # full-width brackets
        ("公（gong）（gong）開（kai）", "公开"),
        ("（一）予以公开", "（一）予以公开"),
        ("下载（pdf）", "下载（pdf）"),
        ("2019（shù）", "2019（shù）"),
    ],
)
def test_pinyin_noise(text: str, want: str) -> None:
    assert normalize(text).text == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("| **12** |", "| 12 |"),  # a bold cell, as html2text writes <b>12</b>
        ("| *12* | __3__ |", "| 12 | 3 |"),
        ("***12***", "12"),
        ("合计**+3**件", "合计+3件"),
        ("| **1,234万元** | **-** |", "| 1,234万元 | - |"),
        ("**总计**", "**总计**"),  # a bold label stays: labels are found through marks
        ("a**12**", "a**12**"),  # marks after a letter or a digit are no emphasis
        ("****12****", "****12****"),
        ("**12*", "**12*"),
        ("2**10", "2**10"),
    ],
)
def test_emphasis_round_numbers(text: str, want: str) -> None:
    n = normalize(text)
    assert n.text == want
    assert normalize(n.text).text == want


def test_emphasis_marks_removed_keep_spans_on_the_input() -> None:
    text = "规章 | **12** | 3"
    n = normalize(text)
    start = n.text.index("12")
    span = n.span(start, start + 2)
    assert text[span.start : span.end] == "12"


def test_traditional_is_converted_only_when_present() -> None:
    assert normalize("本年新收政府信息公开申请数量").converted is False
    n = normalize("本年新收政府信息公開申請數量")
    assert n.converted and n.text == "本年新收政府信息公开申请数量"


def test_sample_000_labels_after_conversion() -> None:
    assert normalize("行政事業收費 規范性文件 屬于 復議后起訴").text == "行政事业收费 规范性文件 属于 复议后起诉"


#: Invisible format characters as web editors and Word leave them.
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202a")


@pytest.mark.parametrize("mark", _INVISIBLE)
def test_invisible_format_characters_are_removed(mark: str) -> None:
    text = f"{mark}（一）予以{mark}公开 | 1{mark}2 | **4{mark}6** | 據{mark}(jù)\r{mark}\n"
    n = normalize(text)
    assert n.text == "（一）予以公开 | 12 | 46 | 据\n"
    assert normalize(n.text).text == n.text
    # spans still point at the input: the digits, with the mark between them
    twelve = n.text.index("12")
    span = n.span(twelve, twelve + 2)
    assert text[span.start : span.end] == f"1{mark}2"
    assert span.line == 1 and span.column == text.index(f"1{mark}2") + 1


def test_invisible_characters_with_traditional_ones_and_radical_forms() -> None:
    # each stops the scan that folds the text in its own way; all three together
    text = "⾏政\u200b許可 1\u200b2 ⼀、"
    n = normalize(text)
    assert n.text == "行政许可 12 一、"
    assert n.converted
    assert normalize("⾏政许可 1\u200b2").text == "行政许可 12"  # radical form first


@pytest.mark.parametrize("family", ["pipe_lines", "tabs", "plumber", "glued", "fragments", "gfm"])
def test_reports_sprinkled_with_zero_width_characters_read_the_same(family: str) -> None:
    made = make_report("2021", "2021", seed=11)
    text = FAMILIES[family](made)
    # a zero-width character after every seventh character: inside labels and numbers
    marked = "\ufeff" + "".join(
        ch + _INVISIBLE[k % len(_INVISIBLE)] if k % 7 == 6 else ch for k, ch in enumerate(text)
    )
    plain, sprinkled = parse_report(text), parse_report(marked)
    assert sprinkled.to_flat() == plain.to_flat()
    assert [d.code for d in sprinkled.diagnostics] == [d.code for d in plain.diagnostics]
    for table in sprinkled.tables:
        for row in table:
            for cell in row:
                if cell.kind is CellKind.NUMBER and cell.span is not None:
                    written = marked[cell.span.start : cell.span.end]
                    assert normalize(written).text == cell.raw, (row.key, cell)


def test_folded_copy() -> None:
    n = normalize("（一）１２件\u3000\u00a0／－")
    assert n.text == "（一）１２件\u3000\u00a0／－"
    assert n.folded == "(一)12件  /-"


@pytest.mark.parametrize("dash", ["\u2010", "\u2011", "\u2012", "\u2013", "\u2212"])
@pytest.mark.parametrize("family", ["tabs", "glued", "plumber"])
def test_hyphens_and_dashes_are_minus_signs(family: str, dash: str) -> None:
    # a change of -1 written with a hyphen or an en dash: ‐1 was read as 1, its sign lost
    assert normalize(f"{dash}1").folded == "-1"
    text = FAMILIES[family](make_report("2019", "2021", seed=4))
    assert "-1" in text
    flat = parse_report(text.replace("-", dash)).to_flat()
    assert flat == parse_report(text).to_flat()
    assert -1 in flat.values()


def test_line_endings_and_offsets() -> None:
    text = "一\r\n二\r三(sān)\n四"
    n = normalize(text)
    assert n.text == "一\n二\n三\n四"
    four = n.text.index("四")
    span = n.span(four, four + 1)
    assert text[span.start] == "四" and span.line == 4 and span.column == 1


def test_controls_and_form_feed() -> None:
    assert normalize("a\x00b\x0cc\x7f").text == "a b c "


def test_other_line_breaks_are_line_breaks() -> None:
    text = "一\u2028二\u2029三\x85四"
    n = normalize(text)
    assert n.text == "一\n二\n三\n四" == n.folded
    assert n.span(6, 7).start == 6  # one for one


@pytest.mark.parametrize(
    "family", ["tabs", "pipe_lines", "plumber", "raw", "gfm", "python_docx", "inner_text"]
)
@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_reports_whose_lines_end_in_line_separators_read_the_same(family: str, separator: str) -> None:
    text = FAMILIES[family](make_report("2019", "2021", seed=6))
    assert parse_report(text.replace("\n", separator)).to_flat() == parse_report(text).to_flat()


def test_without_opencc_the_character_table_converts(monkeypatch: pytest.MonkeyPatch) -> None:
    # opencc's binding has no wheel for every platform: a report must still be read
    from gov_disclosure import _normalize, parse_report

    from .corpus import SAMPLES

    text = (SAMPLES / "000_816ab1973f62b0b4.txt").read_text(encoding="utf-8")
    with_opencc = parse_report(text)
    assert normalize(text).t2s == "opencc"
    monkeypatch.setattr(_normalize, "_converter", None)
    monkeypatch.setitem(sys.modules, "opencc", None)  # import opencc raises ImportError
    n = normalize(text)
    assert n.t2s == "table" and n.converted
    assert normalize("本年新收政府信息公開申請數量").text == "本年新收政府信息公开申请数量"
    report = parse_report(text)
    assert report.to_flat() == with_opencc.to_flat()
    assert report.sections == with_opencc.sections
    assert [d.code for d in report.diagnostics if d.code == "t2s-table"] == ["t2s-table"]
    assert "t2s-table" not in {d.code for d in with_opencc.diagnostics}


def test_character_table_is_opencc_character_by_character() -> None:
    # tools/gen_tradchars.py writes it from OpenCC; stale after an OpenCC upgrade if not rerun
    import opencc

    from gov_disclosure._tradchars import T2S_FROM, T2S_TO

    cc = opencc.OpenCC("t2s")
    assert len(T2S_FROM) == len(T2S_TO) > 4000
    assert cc.convert("\n".join(T2S_FROM)).split("\n") == list(T2S_TO)


def test_box_drawing_borders_fold_to_pipes_rules_and_corners() -> None:
    n = normalize("┌──┬──┐\n│ 规章 │ 12 │\n╞══╪══╡\n┃ 3 ║ ¦ 4 ┃")
    assert n.folded == "+--+--+\n| 规章 | 12 |\n+--+--+\n| 3 | | 4 |"
    assert n.text.startswith("┌──┬──┐")  # the text users see keeps the report's own


@pytest.mark.parametrize("mark", ["╱", "╲", "╳", "∕", "⧸"])
def test_a_diagonal_through_a_cell_is_not_applicable(mark: str) -> None:
    # the diagonal drawn through a cell that does not apply, typed as a character (box
    # drawing's diagonals are no border piece), and other slashes, read as ``/``
    assert normalize(f"| 规章 | {mark} |").folded == "| 规章 | / |"
    row = "（一）予以公开 0 0 0 0 0 0 0"
    assert row in example_text()
    report = parse_report(example_text().replace(row, f"（一）予以公开 {mark} 0 0 0 0 0 0"))
    cell = report.requests.cell("granted", "natural_person")
    assert cell.kind is CellKind.NOT_APPLICABLE and cell.raw == mark
    assert report.requests.cell("granted", "total").value == 0


def test_page_breaks_are_kept_as_page_starts() -> None:
    n = normalize("第一页\f第二页\r\n據(jù)\f第三页")
    assert n.page_starts == (4, 10)
    assert n.text[4:7] == "第二页" and n.text[10:13] == "第三页"
    assert "\f" not in n.text
    assert normalize("no page break").page_starts == ()


def test_page_numbers_alone_at_page_breaks_are_marked_in_the_folded_text() -> None:
    # pdftotext: each page's number on its last line, then the form feed; the last page's
    # number ends the text.  Numbered in turn, they are page furniture (FOOTER_BODY)
    text = "一、总体情况\n本机关\n\n1\n\n\f0\n12\n\n2\n\n\f五、问题\n\n 3 \n"
    n = normalize(text)
    marks = [i for i, c in enumerate(n.folded) if c == PAGE_NUMBER_MARK]
    assert [text[i] for i in marks] == ["1", "2", "3"]
    assert n.text == text.replace("\f", " ")  # (what users see keeps the numbers)
    assert "0\n12" in n.folded


@pytest.mark.parametrize(
    "text",
    [
        "甲\n\n1\n\n\f乙\n\n5\n\n\f丙\n3\n",  # out of turn: a page's last cells, say
        "甲\n\n3\n\n\f乙\n",  # one page break: nothing to tell a number by
        "甲\n\n- 1 -\n\n\f乙\n\n- 2 -\n\n\f丙\n",  # footers that say so themselves
        "\f\f\f\f1\n\f\f2",  # empty pages: a page's scan stops at its start
    ],
)
def test_bare_numbers_not_in_turn_are_left_alone(text: str) -> None:
    assert PAGE_NUMBER_MARK not in normalize(text).folded


def test_radical_forms_from_pdf_text_become_ideographs() -> None:
    # PDF text extraction writes Kangxi radicals (U+2F00-) and radical supplement forms
    # where the font shares a glyph: ⾏政 is 行政, ⼀、 is 一、, ⻓期 is 长期
    # (and CJK compatibility ideographs: U+F902 for 車)
    n = normalize("⼀、⾏政许可 ⻓期 ⾨ \uf902辆")
    assert n.text == "一、行政许可 长期 门 车辆"  # ⾨ decomposes to 門, then simplified
    assert len(n.text) == len("⼀、⾏政许可 ⻓期 ⾨ \uf902辆")
    assert normalize(n.text).text == n.text


@pytest.mark.parametrize("family", ["plumber", "aligned", "raw", "pipe_lines"])
def test_reports_written_with_radical_forms_read_the_same(family: str) -> None:
    made = make_report("2021", "2019", seed=4)
    text = FAMILIES[family](made)
    # every ideograph that a Kangxi radical stands for, written as the radical
    radicals = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0x2F00, 0x2FD6)}
    pdf_like = "".join(radicals.get(ch, ch) for ch in text)
    assert sum(ch != c for ch, c in zip(text, pdf_like, strict=True)) > 50
    assert parse_report(pdf_like).to_flat() == parse_report(text).to_flat()


#: A browser's innerText of table cells that hold paragraphs: each tab on a line of its
#: own between the paragraphs' line breaks.
def _inner(rows: list[list[str]], pad: str = "\n\n", row_break: str = "\n\n\n\n\n") -> str:
    return row_break.join((pad + "\t" + pad).join(cells) for cells in rows)


_ROWS = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "150", "\xa0", "26"],
         ["规范性文件", "0", "83", "26106"]]


@pytest.mark.parametrize(
    ("pad", "row_break", "newline"),
    [("\n\n", "\n\n\n\n\n", "\n"),  # <td><p>…</p></td>
     ("\n", "\n\n\n", "\n"),  # <td><div>…</div></td>
     ("\n\n", "\n\n\n\n\n", "\r\n"),  # saved with Windows line endings
     ("\n\n", "\n\n\n\n\n", "\u2028"),  # or with line separators
     ("\n", "\n\n\n", "\u2029")],
)
def test_paragraph_breaks_round_cell_tabs_are_removed(pad: str, row_break: str, newline: str) -> None:
    text = _inner(_ROWS, pad, row_break).replace("\n", newline)
    n = normalize(text)
    # rows on lines, cells a tab apart (the blank cell's &nbsp; kept); rows as far apart
    assert n.text == row_break.join("\t".join(cells) for cells in _ROWS)
    # offsets map back to the input: "26106" is where the input has it
    at = n.text.index("26106")
    span = n.span(at, at + 5)
    assert text[span.start : span.end] == "26106"
    assert normalize(n.text).text == n.text


def test_cell_padding_at_row_ends_and_empty_cells() -> None:
    # a row's last cell empty (no paragraph): its tab stays at the end of the row; an empty
    # paragraph cell is a tab on each side of nothing
    rows = _inner([["规章", "1", "2", "3"]] * 3) + "\n\n\t\n\n\n\n行政许可\n\n\t\n\n\t\n\n5"
    assert normalize(rows).text.endswith("规章\t1\t2\t3\t\n\n\n\n行政许可\t\t5")


def test_few_lone_tabs_are_left_alone() -> None:
    # a tab-separated table with a row of two empty cells, a blank line either side: not
    # a browser's text of paragraph cells (it takes five such tabs)
    text = "规章\t1\t2\n\n\t\n\n行政许可\t0\n" * 2
    assert normalize(text).text == text


#: The table of `_ROWS`, longer: rows enough for the padding to be seen.
_MANY_ROWS = _ROWS + [["行政许可", "12", "0", "7"], ["行政处罚", "3", "45", "6"]] * 2


@pytest.mark.parametrize(
    ("pad", "row_break", "newline"),
    [("\n\n", "\n\n\n\n\n", "\n"), ("\n", "\n\n\n", "\n"), ("\n\n", "\n\n\n\n\n", "\r\n")],
)
@pytest.mark.parametrize("space", [" ", " " * 8])  # collapsed, or expanded
def test_cell_tabs_made_spaces_are_tabs_again(pad: str, row_break: str, newline: str, space: str) -> None:
    # the browser's text of paragraph cells with its white space collapsed: the tab and
    # the blank cell's &nbsp; both a line of spaces, told apart by where they are
    text = _inner(_MANY_ROWS, pad, row_break).replace("\t", space).replace("\xa0", space)
    n = normalize(text.replace("\n", newline))
    want = row_break.join("\t".join(c.replace("\xa0", " ") for c in cells) for cells in _MANY_ROWS)
    assert n.text == want
    at = n.text.index("26106")
    span = n.span(at, at + 5)
    assert text.replace("\n", newline)[span.start : span.end] == "26106"
    assert normalize(n.text).text == n.text


def test_cell_tabs_made_spaces_round_empty_cells() -> None:
    # cells with no paragraph are empty: two separators with nothing between them (which
    # a blank cell's &nbsp; never gives), and then every line of spaces is a separator:
    # two empty cells, not a blank one, between 1 and 3
    rows = ["规章\n\n \n\n1\n\n \n\n \n\n \n\n3", "行政许可\n\n \n\n5\n\n \n\n \n\n7\n\n \n\n8"]
    rows += ["行政处罚\n\n \n\n5\n\n \n\n \n\n7\n\n \n\n8"] * 10
    want = ["规章\t1\t\t\t3", "行政许可\t5\t\t7\t8"] + ["行政处罚\t5\t\t7\t8"] * 10
    assert normalize("\n\n\n\n".join(rows)).text == "\n\n\n\n".join(want)


def test_cell_tabs_made_spaces_at_a_row_end() -> None:
    # a row whose last cell is blank: the separator and the blank cell, then the row's end
    rows = _inner(_MANY_ROWS).replace("\t", " ").replace("\xa0", " ")
    text = rows + "\n\n\n\n\n行政强制\n\n \n\n4\n\n \n\n \n\n\n\n\n行政征收\n\n \n\n9"
    assert normalize(text).text.endswith("\n行政强制\t4\t \n\n\n\n\n行政征收\t9")


@pytest.mark.parametrize(
    "text",
    [
        # a cell a line, whose blank cells are a space (PDF text, a browser's selection)
        "规章\n1\n \n3\n4\n \n0\n" * 8,
        "规章\n\n1\n\n \n\n3\n\n4\n\n \n\n0\n\n" * 8,
        # a cell a line, every empty line holding a space (a Word file's text, docx2txt's):
        # rows as near as cells, where a browser's are further apart
        "\n \n".join(["规章", "1", "0", "3", "行政许可", "5", "7", "8"] * 4),
        # paragraphs a line of one space apart
        "\n \n".join(["一、概述", "本年度，我局坚持公开为常态。", "二、主动公开", "共发布信息 12 条。"] * 8),
        # too few
        "规章\n\n \n\n1\n\n \n\n2\n\n\n\n行政许可\n\n \n\n3",
    ],
)
def test_lines_of_spaces_that_are_not_cell_tabs_stay(text: str) -> None:
    assert normalize(text).text == text


def test_blank_markup_is_white_space_in_the_folded_text() -> None:
    n = normalize("| 规章 | &nbsp; | <br> | <BR /> | &#160; | 5 |")
    assert n.folded == "| 规章 |        |      |        |        | 5 |"
    assert n.text == "| 规章 | &nbsp; | <br> | <BR /> | &#160; | 5 |"  # as printed


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("> 规章\n> | 1 | 0 |\n>\n> 完", "规章\n| 1 | 0 |\n\n完"),  # a markdown blockquote
        ("> > 规章\n>> 1\n >  > 2", "规章\n1\n2"),  # nested, with the spaces round the marks
        (">\t\t0\t0\n>\t1", "\t\t0\t0\n\t1"),  # a tab after the mark is the line's own
        (">   （一）主动公开\n> 正文", "  （一）主动公开\n正文"),  # as is the indent past one space
        ("> 甲\r> 乙\r\n> 丙", "甲\n乙\n丙"),  # after any line ending
        ("> 甲\u200b1\n> 2", "甲1\n2"),  # with invisible characters removed as well
    ],
)
def test_quote_marks_of_a_text_quoted_as_a_whole(text: str, want: str) -> None:
    norm = normalize(text)
    assert norm.text == want
    assert normalize(norm.text).text == norm.text
    last = norm.span(len(want) - 1, len(want))  # spans still point into the input
    assert text[last.start : last.end] == want[-1]


@pytest.mark.parametrize(
    "text",
    [
        "首页\n>\n政务公开\n>\n年度报告\n正文一\n正文二\n正文三",  # a breadcrumb, one node a line
        "> 注：本表单位为件\n正文一\n正文二\n正文三",  # one quoted line
        "正文 > 其他\n1 > 0",  # not at the start of a line
    ],
)
def test_quote_marks_of_a_few_lines_are_left_alone(text: str) -> None:
    assert normalize(text).text == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("    一、总体情况\n    规章\t3\n\n    \t\n      本年新增", "一、总体情况\n规章\t3\n\n\t\n  本年新增"),
        ("\u3000\u3000标题\r\n\u3000\u3000  5\r\n", "标题\n  5\n"),  # a line's own indent stays
        ("\n \n 标题 \n \n 正文", "\n\n标题 \n\n正文"),  # get_text(" \\n "): lines of one space
        ("  \xa0一\n  \u3000二", "\xa0一\n\u3000二"),  # the indent all lines share, no more
    ],
)
def test_the_indent_of_a_text_indented_as_a_whole(text: str, want: str) -> None:
    norm = normalize(text)
    assert norm.text == want
    assert normalize(norm.text).text == norm.text
    last = norm.text.rstrip().rfind(want.rstrip()[-1])
    span = norm.span(last, last + 1)  # spans still point into the input
    assert text[span.start : span.end] == want.rstrip()[-1]


@pytest.mark.parametrize(
    "text",
    [
        "标题\n    正文一\n    正文二",  # the title at the margin
        "  标题\n\t5\n  正文",  # a line of text opens with a tab
        "  标题\n  \t5",  # or with a tab after the indent
        "  标题\n\u3000正文",  # indents with nothing in common
    ],
)
def test_an_indent_some_lines_lack_is_left_alone(text: str) -> None:
    assert normalize(text).text == text


def test_page_footers_inside_a_text_on_one_line_are_page_furniture() -> None:
    # a PDF's text with its line breaks made spaces: the footer's digits are no values
    body = "第二十条第（六）项 - 3 - 信息内容 本年处理决定数量 行政处罚 4119 第4页 行政强制 195 "
    text = body * 20
    folded = normalize(text).folded
    start = text.index("- 3 -")  # (the folded copy has the text's offsets)
    assert folded[start : start + 5] == PAGE_NUMBER_MARK * 5
    start = text.index("行政强制") - len("第4页 ")
    assert folded[start : start + 3] == PAGE_NUMBER_MARK * 3
    assert normalize(text).text == text  # (the text users see keeps them)
    # on lines of their own length, a row's dashes and numbers stay as they are
    lines = "\n".join(["行政许可 - 3 -", "行政处罚 -2- 5"] * 20)
    assert normalize(lines).folded == lines


def test_a_space_inside_emphasis_marks_goes_with_them() -> None:
    # ``** 5**`` at a line's start would leave `` 5``: an indent a second pass removes
    assert normalize("** 5**\n*6*").text == "5\n6"
    assert normalize("| ** 5** |").text == "| 5 |"


def test_pages_start_where_they_did_once_the_text_is_edited() -> None:
    # form feeds are spaces before anything is read (an indent may hold one); the pages
    # they start are still known, in the edited text's offsets
    n = normalize("  据(jù)一\r\n  二\f三\r\n  四\f五")
    assert n.text == "据一\n二 三\n四 五"
    assert [n.text[p] for p in n.page_starts] == ["三", "五"]


@pytest.mark.parametrize("double", ["\n\n", "\r\r\n", "\r\n\r\n"])
def test_doubled_line_breaks_are_halved_on_request(double: str) -> None:
    # every line break doubled (CRLF text written again in text mode on Windows: \r\r\n;
    # read back with universal newlines: \n\n): halved, each run of breaks by half, and
    # offsets still point into the input
    text = "某某县2023年报告\n一、总体情况\n\n本年度，我局\n认真贯彻落实。\n\n\n\n规章\n12\n" * 3
    doubled = text.replace("\n", double)
    assert has_doubled_breaks(doubled) and not has_doubled_breaks(text)
    halved = normalize(doubled, halve_breaks=True)
    assert halved.text == normalize(text).text
    at = halved.text.index("认真")
    assert doubled[halved.span(at, at + 2).start :].startswith("认真")
    assert normalize(doubled).text.count("\n") == 2 * text.count("\n")  # not unless asked


def test_breaks_not_all_doubled_are_kept() -> None:
    # a blank-line layout whose blank cells make an odd run of breaks is as it is written
    text = "规章\n\n12\n\n\n3\n\n" * 6
    assert not has_doubled_breaks(text)

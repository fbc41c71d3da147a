"""Stage 3: layout detection and the fill of template rows, on small named cases."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from gov_disclosure import parse_report
from gov_disclosure._grid import (
    Layout,
    _Line,
    detect_layout,
    indented_blanks,
    read_table,
    region_lines,
    spaced_blanks,
)
from gov_disclosure._normalize import normalize
from gov_disclosure._vocab import TABLES, TableSpec

from .corpus import SAMPLES
from .render import FAMILIES, markitdown_block
from .reports import expected_flat, make_report

REQ = TABLES["requests"]["2019"]


@pytest.mark.parametrize(
    ("family", "layout"),
    [
        ("pipe_suffix", Layout.CELL_LINES),
        ("pipe_lines", Layout.CELL_LINES),
        ("blank_lines", Layout.GAPS),
        ("docx2txt", Layout.GAPS),
        ("word_text", Layout.CELL_LINES),
        ("tabs", Layout.TABS),
        ("markdown", Layout.PIPES),
        ("gfm", Layout.PIPES),
        ("boxed", Layout.PIPES),
        ("aligned", Layout.WORDS),
        ("plumber", Layout.WORDS),
        ("raw", Layout.RAW),
        ("fragments", Layout.FRAGMENTS),
        ("glued", Layout.GLUED),
        ("text_content", Layout.GLUED),  # a row a line, its cells run together
        ("inner_text", Layout.TABS),  # once normalised
        ("python_docx", Layout.TABS),
        ("docx2python", Layout.GAPS),
    ],
)
def test_layout_detection(family: str, layout: Layout) -> None:
    text = normalize(FAMILIES[family](make_report("2019", "2019", seed=2))).folded
    start = text.index("二、主动公开")
    end = text.index("五、存在的主要问题")
    assert detect_layout(text, [region_lines(text, start, end)], 60) is layout


def _rows(text: str, layout: Layout, table: TableSpec = REQ) -> dict[str, list[str]]:
    """Each row read of `table`: its tokens' text, ``""`` for a blank cell."""
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), table, layout)
    return {
        spec.key: ["" if t.blank else (t.text or folded[t.start : t.end]) for t in row.tokens]
        for spec, row in zip(table.rows, read.rows, strict=True)
        if row is not None
    }


def test_values_printed_before_their_label() -> None:
    # pdfplumber: a wrapped label with its values on the line between, and the next row's
    # values before that row's label
    text = "\n".join([
        "（二）部分公开（区分处理的，只计这一情",
        "4 0 0 0 0 0 4",
        "形，不计其他情形）",
        "1 0 0 0 0 0 1",
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0",
    ])
    rows = _rows(text, Layout.WORDS)
    assert rows["partially_granted"] == ["4", "0", "0", "0", "0", "0", "4"]
    assert rows["denied.state_secret"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert rows["denied.prohibited_by_law"] == ["0"] * 7


def test_block_printed_column_by_column() -> None:
    cols = ["1\n0", "0\n0", "0\n0", "0\n0", "0\n0", "0\n2", "1\n2"]
    text = "1.属于国家秘密\n\n" + "\n\n".join(cols) + "\n\n2.其他法律行政法规禁止公开\n"
    rows = _rows(text, Layout.RAW)
    assert rows["denied.state_secret"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert rows["denied.prohibited_by_law"] == ["0", "0", "0", "0", "0", "2", "2"]


@pytest.mark.parametrize(
    ("first", "between"),
    [
        ("1\n- 3 -\n0", "\n\n"),  # a footer line among a column's values
        ("1\n0", "\n\n- 3 -\n\n\f"),  # a page break (blank, footer, blank) between columns
        ("1\n某某县人民政府2023年政府信息公开工作年度报告\n0", "\n\n"),  # a running header
        ("1\n0", "\n\n第 3 页 共 6 页\n\n\f某某县2023年政府信息公开工作年度报告\n\n"),
    ],
    ids=["inside-a-run", "between-runs", "running-header", "footer-and-header"],
)
def test_page_footer_in_a_column_block(first: str, between: str) -> None:
    cols = [first, "0\n0", "0\n0", "0\n0", "0\n0", "0\n2", "1\n2"]
    body = "\n\n".join(cols[:3]) + between + "\n\n".join(cols[3:])
    text = "1.属于国家秘密\n\n" + body + "\n\n2.其他法律行政法规禁止公开\n"
    rows = _rows(text, Layout.RAW)
    assert rows["denied.state_secret"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert rows["denied.prohibited_by_law"] == ["0", "0", "0", "0", "0", "2", "2"]


@pytest.mark.parametrize("layout", [Layout.WORDS, Layout.TABS])
def test_a_page_number_alone_on_its_line_is_no_rows_values(layout: Layout) -> None:
    # a page footer of a bare number ("3", no dashes) between two rows: it took the next
    # row, and every row after it moved one down; the row's own line takes it back
    sep = "\t" if layout is Layout.TABS else "   "
    text = (
        sep.join(["7.属于行政执法案卷", *"0000404"]) + "\n\n3\n\n"
        + sep.join(["8.属于行政查询事项", *"1000001"]) + "\n"
        + sep.join(["（四）无法提供", "1.本机关不掌握相关政府信息", *"2000002"]) + "\n"
    )
    rows = _rows(text, layout, TABLES["requests"]["2021"])
    assert rows["denied.enforcement_file"] == ["0", "0", "0", "0", "4", "0", "4"]
    assert rows["denied.administrative_inquiry"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert rows["unavailable.not_held"] == ["2", "0", "0", "0", "0", "0", "2"]
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), TABLES["requests"]["2021"], layout)
    assert [folded[t.start : t.end] for t in read.extra] == ["3"]


def _three_rows(head: str = "", tail: str = "") -> str:
    """Three rows of aligned text, the second with `head` before it and `tail` after it."""
    return (
        "1.属于国家秘密     1   0   0   0   0   0   1\n"
        f"{head}2.其他法律行政法规禁止公开     0   0   0   0   0   2   2{tail}\n"
        "3.危及“三安全一稳定”    0   0   0   0   0   0   0\n"
    )


@pytest.mark.parametrize(
    "head",
    [
        "          - 3 -             ",  # PyMuPDF's sort=True: the footer, then the row
        "- 3 -",  # the footer glued to the label
        "—3—  ",
    ],
)
def test_page_number_at_the_head_of_a_row(head: str) -> None:
    rows = _rows(_three_rows(head=head), Layout.WORDS)
    assert rows["denied.state_secret"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert rows["denied.prohibited_by_law"] == ["0", "0", "0", "0", "0", "2", "2"]
    assert rows["denied.endangers_safety"] == ["0"] * 7


@pytest.mark.parametrize("tail", ["结", "三、本年度办", "不予"])
def test_a_value_with_the_margin_label_glued_to_it(tail: str) -> None:
    # PyMuPDF's sort=True: the group label written down the left margin, at a row's height,
    # goes on the end of the row's line, glued to its last value
    rows = _rows(_three_rows(tail=tail), Layout.WORDS)
    assert rows["denied.prohibited_by_law"] == ["0", "0", "0", "0", "0", "2", "2"]


@pytest.mark.parametrize("line", ["1 2 2023年", "1 2 3人", "0 5 7结果"])
def test_a_value_with_other_text_glued_to_it_is_not_read(line: str) -> None:
    folded = normalize(f"1.属于国家秘密 {line}\n").folded
    read = read_table(folded, 0, len(folded), REQ, Layout.WORDS)
    row = read.rows[4]
    cells = [] if row is None else [folded[t.start : t.end] for t in row.tokens]
    assert len(cells) == (3 if line.endswith("结果") else 2)


@pytest.mark.parametrize("line", ["-  3  -  0  0  0  3", "- 3 - 0 0 0 3", "-3-0"])
def test_cells_that_only_look_like_a_page_number_stay(line: str) -> None:
    text = f"1.属于国家秘密\n{line}\n"
    lines = region_lines(text, 0, len(text))
    assert text[lines[1].start : lines[1].end] == line


ACT = TABLES["active"]["2021"]


def _active(text: str) -> dict[str, list[str]]:
    return {key: [v for v in values if v] for key, values in _rows(text, Layout.PIPES, ACT).items()}


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("|规章|9788|540<br>59|", ["9788", "540", "59"]),  # two columns in one cell
        ("|规章|9788|540 59|", ["9788", "540", "59"]),
        ("|规章<br>9788|540|59|", ["9788", "540", "59"]),  # the label's cell holds a value
        ("|规章|9788|540<br>见附件|", ["9788"]),  # not every piece a cell: none read
    ],
)
def test_cells_a_markdown_converter_merged(line: str, values: list[str]) -> None:
    # pymupdf4llm's tables of a PDF whose columns it could not tell apart
    text = f"|信息内容|本年制发件数|本年废止件数现行有效件数|\n{line}\n|行政规范性文件|1|0|1|\n"
    rows = _active(text)
    assert rows["rules"] == values
    assert rows["normative_docs"] == ["1", "0", "1"]


@pytest.mark.parametrize("header", ["本年增 / 减", "本年增 /减", "本年增/ 减"])
def test_the_slash_of_the_header_increase_decrease_is_no_cell(header: str) -> None:
    # pypdf: the trial header 本年增/减 with spaces round its slash; before, the slash was
    # read as a "/" cell, which went to 行政处罚 and moved every later row's values down
    text = (
        "第二十条第（六）项\n"
        f"信息内容 上一年项目数量 {header} 处理决定数量\n"
        "行政处罚 466 -1 0\n"
        "行政强制 423125 +63 493\n"
    )
    rows = _rows(text, Layout.WORDS, TABLES["active"]["2019"])
    assert rows["penalty"] == ["466", "-1", "0"]
    assert rows["coercion"] == ["423125", "+63", "493"]


def test_a_line_of_numbers_without_pipes_is_no_merged_cell() -> None:
    text = "|规章|1|0|1|\n7 8 9\n|行政规范性文件|1|0|1|\n"
    rows = _active(text)
    assert rows["rules"] == ["1", "0", "1"]
    # nor is it dropped without a word: its digits are noted
    folded = normalize(text).folded
    notes = read_table(folded, 0, len(folded), ACT, Layout.PIPES).notes
    assert [n.code for n in notes] == ["unread-value"]


def test_uneven_block_is_undecidable() -> None:
    cols = ["1\n0", "0", "0\n0", "0\n0", "0\n0", "0\n2", "1\n2"]  # one cell printed nothing
    text = "1.属于国家秘密\n\n" + "\n\n".join(cols) + "\n\n2.其他法律行政法规禁止公开\n"
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), REQ, Layout.RAW)
    assert read.rows[4] is not None and read.rows[4].undecided


def test_blank_line_cells() -> None:
    text = "一、本年新收政府信息公开申请数量\n\n6\n\n\n\n\n\n\n 6\n\n二、上年结转政府信息公开申请数量\n\n\n\n\n\n\n\n 0\n"
    rows = _rows(text, Layout.GAPS)
    assert rows["new_received"] == ["6", "", "", "", "", "", "6"]
    assert rows["carried_over"] == ["", "", "", "", "", "", "0"]


@pytest.mark.parametrize("added", ["9.其他", "其中：撤回申请"])
def test_blank_cells_after_an_added_rows_label_are_its_cells(added: str) -> None:
    # a row the agency added, its first cell blank (blank, 5, four blanks, 5): the blank
    # lines after its label are its cells, as after a known label (not header text's), so
    # the row before reads as a whole row and the added row's values are reported
    cells = "\n\n".join(["1", "0", "0", "0", "0", "0", "1"])
    row = "\n\n\n\n5\n\n\n\n\n\n\n\n\n\n5"
    text = f"1.属于国家秘密\n\n{cells}\n\n{added}{row}\n\n2.其他法律行政法规禁止公开\n\n{cells}\n"
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), REQ, Layout.GAPS)
    for i in (4, 5):  # 1.属于国家秘密, 2.其他法律行政法规禁止公开
        row_read = read.rows[i]
        assert row_read is not None and not row_read.undecided
        assert ["" if t.blank else folded[t.start : t.end] for t in row_read.tokens] == list("1000001")
    assert [folded[n.start : n.end] for n in read.notes if n.code == "unplaced-value"] == ["5", "5"]


# --------------------------------------------------------------------------- WebDriver's text
@pytest.mark.parametrize(
    ("layout", "plain", "text"),
    [
        # a Word page, a cell a line: a blank cell's &nbsp; and the space after it open the
        # next line, a row's label line too (its row above ended blank)
        (
            Layout.INDENTED,
            Layout.CELL_LINES,
            (
                "一、本年新收政府信息公开申请数量\n6\n    2\n  8\n  "
                "二、上年结转政府信息公开申请数量\n          0\n"
                "（一）予以公开\n1\n1\n1\n1\n1\n1\n6\n"
            ),
        ),
        # a page whose cells hold no paragraph, a row a line: its cells a space apart, each
        # blank cell's &nbsp; a space of its own (two more spaces)
        (
            Layout.SPACED,
            Layout.WORDS,
            (
                "一、本年新收政府信息公开申请数量 6     2   8  \n"
                "二、上年结转政府信息公开申请数量           0\n"
                "（一）予以公开 1 1 1 1 1 1 6\n"
            ),
        ),
    ],
)
def test_webdriver_blank_cells_are_spaces(layout: Layout, plain: Layout, text: str) -> None:
    rows = _rows(text, layout)
    assert rows["new_received"] == ["6", "", "", "2", "", "8", ""]
    assert rows["carried_over"] == ["", "", "", "", "", "0"]
    assert rows["granted"] == ["1", "1", "1", "1", "1", "1", "6"]
    # read without them, the spaces are nothing
    assert _rows(text, plain)["new_received"] == ["6", "2", "8"]


@pytest.mark.parametrize(
    ("indents", "blanks"),
    [
        ([0, 2, 0, 4, 0, 0], True),
        ([0, 2, 0, 0, 0, 0], False),  # one line: too little to go by
        ([0, 3, 0, 6, 0, 0], False),  # a blank cell of two &nbsp; (or anything else)
        ([0, 4, 0, 8, 0, 0], False),  # no blank cell alone: not a cell's two spaces
        ([2, 2, 2, 2, 0, 4], False),  # most lines indented: the source's indentation
    ],
)
def test_which_indentation_is_blank_cells(indents: list[int], blanks: bool) -> None:
    text = "\n".join(" " * n + str(k) for k, n in enumerate(indents))
    assert indented_blanks(text, [region_lines(text, 0, len(text))]) is blanks


@pytest.mark.parametrize(
    ("line", "blanks"),
    [
        ("规章 3   5 0  ", True),
        ("规章 3   5 0", False),  # one run: too little to go by
        ("规章 3    5   0", False),  # an even run between two cells: columns aligned
        ("规章 3   5   0   ", False),  # an odd run at a line's end
    ],
)
def test_which_spaces_are_blank_cells(line: str, blanks: bool) -> None:
    text = f"{line}\n行政许可 1 2 3\n"
    assert spaced_blanks(text, [region_lines(text, 0, len(text))]) is blanks


@pytest.mark.parametrize(
    ("family", "blank"), [("webdriver_text", "\n  "), ("webdriver_rows", "   ")]
)
@pytest.mark.parametrize(("template", "seed"), [("2021", 1), ("2021", 2), ("2019", 3), ("2019", 4)])
def test_webdriver_text_with_blank_cells_reads_exactly(
    family: str, blank: str, template: str, seed: int
) -> None:
    made = make_report(template, template, seed=seed, blanks=0.4)  # type: ignore[arg-type]
    text = FAMILIES[family](made)
    assert blank in text  # blank cells there are, as spaces
    assert parse_report(text).to_flat() == expected_flat(made)


def test_indentation_that_is_no_blank_cells_is_left_alone() -> None:
    # lines opened by two spaces here and there, but reading them as blank cells would
    # make rows longer than the table: one cell a line, as before
    made = make_report("2021", "2021", seed=5)
    text = FAMILIES["word_text"](made)
    lines = text.split("\n")
    start = lines.index("（一）予以公开")
    for i in range(start + 1, start + 8, 3):
        lines[i] = "  " + lines[i]
    report = parse_report("\n".join(lines))
    assert report.to_flat() == expected_flat(made)


def test_tab_row_with_merged_label_cells() -> None:
    text = "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t1\t4\t\n\t(三) 不 予 公 开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0"
    rows = _rows(text, Layout.TABS)
    assert rows["new_received"] == ["3", "0", "0", "0", "0", "1", "4"]
    assert rows["denied.state_secret"] == ["0"] * 7


def test_glued_run_keeps_the_next_labels_number() -> None:
    text = "1.本机关不掌握相关政府信息2200003252.没有现成信息需要另行制作0000000"
    rows = _rows(text, Layout.GLUED)
    assert rows["unavailable.not_held"] == ["220000325"]
    assert rows["unavailable.needs_creation"] == ["0000000"]


def test_glued_text_with_no_break_spaces_for_blank_cells() -> None:
    # a page's textContent: each blank cell's &nbsp; among the digits, where folded text
    # has a space (which would make the rows single-space rows of pdfplumber's kind)
    from .render import render_text_content

    made = make_report("2021", "2021", seed=1, blanks=0.25)
    norm = normalize(render_text_content(made))
    text = norm.folded
    start, end = text.index("二、主动公开"), text.index("五、存在的主要问题")
    regions = [region_lines(text, start, end)]
    assert detect_layout(text, regions, 60) is Layout.WORDS
    assert detect_layout(text, regions, 60, norm.text) is Layout.GLUED


def test_no_break_spaces_in_glued_rows_are_blank_cells() -> None:
    text = "\n".join([
        "（一）予以公开\xa000\xa002929",  # blank first cell, a blank among the runs
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\xa00\xa0290029",
        "1.属于国家秘密0330\xa0\xa0\xa033",  # three blank cells in a row
        "\xa02.其他法律行政法规禁止公开0000000\xa0",  # indenting: no cell; a blank last one
    ])
    norm = normalize(text)
    read = read_table(norm.folded, 0, len(text), REQ, Layout.GLUED, unfolded=norm.text)
    rows = {
        spec.key: ["" if t.blank else norm.folded[t.start : t.end] for t in row.tokens]
        for spec, row in zip(REQ.rows, read.rows, strict=True)
        if row is not None
    }
    assert rows["granted"] == ["", "00", "", "02929"]
    assert rows["partially_granted"] == ["", "0", "", "290029"]
    assert rows["denied.state_secret"] == ["0330", "", "", "", "33"]
    assert rows["denied.prohibited_by_law"] == ["0000000", ""]
    # without the unfolded text, no blank cell is seen
    plain = read_table(norm.folded, 0, len(text), REQ, Layout.GLUED)
    assert not any(t.blank for row in plain.rows if row is not None for t in row.tokens)


def test_glued_rows_with_blank_cells_split_by_the_arithmetic() -> None:
    from .render import render_text_content
    from .reports import expected_flat

    made = make_report("2021", "2021", seed=1, blanks=0.25)
    flat = parse_report(render_text_content(made)).to_flat()
    want = expected_flat(made)
    assert any(want[k] is None for k in want if k.startswith("requests."))  # blanks there
    assert {k: flat[k] for k in want if k.startswith("requests.")} == {
        k: v for k, v in want.items() if k.startswith("requests.")
    }


def test_rows_without_labels_are_filled_in_template_order() -> None:
    made = make_report("2019", "2019", seed=4)
    text = FAMILIES["plumber"](made)
    # drop two labels entirely: their values still land in their rows
    text = text.replace("2.重复申请", "").replace("3.要求提供公开出版物", "")
    flat = parse_report(text).to_flat()
    for key in ("not_processed.duplicate", "not_processed.publication"):
        assert flat[f"requests.{key}.total"] == int(made.requests[key][6] or 0)


def test_digits_after_a_label_that_yield_no_cell_are_reported() -> None:
    # a line the layout cannot read (label tail, then cells) must not vanish silently
    text = normalize(
        "（一）予以公开\n1 |\n2 |\n|\n|\n|\n|\n3 |\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 19 | 0 | 0 | 0 | 19 |\n"
    ).folded
    read = read_table(text, 0, len(text), REQ, Layout.CELL_LINES)
    (note,) = [n for n in read.notes if n.code == "unread-value"]
    assert "19" in note.message and note.start is not None
    assert text[note.start : note.end].count("19") == 2


@pytest.mark.parametrize(("family", "layout"), [("plumber", Layout.WORDS), ("raw", Layout.RAW)])
def test_layout_detection_with_units_after_counts(family: str, layout: Layout) -> None:
    # some reports write every count with its unit: 12件 0件 3件
    import re

    text = normalize(FAMILIES[family](make_report("2021", "2021", seed=4))).folded
    text = re.sub(r"(?<![\d.,])(\d{1,4})(?=[ \t]|$)", r"\1件", text, flags=re.MULTILINE)
    start = text.index("二、主动公开")
    end = text.index("五、存在的主要问题")
    assert "0件" in text[start:end]
    assert detect_layout(text, [region_lines(text, start, end)], 60) is layout


def test_a_line_with_digits_that_is_no_cell_is_reported_where_lines_hold_one_cell() -> None:
    text = normalize("一、本年新收政府信息公开申请数量\n\n6\n\n约30件\n\n6\n").folded
    read = read_table(text, 0, len(text), REQ, Layout.GAPS)
    (note,) = [n for n in read.notes if n.code == "unread-value"]
    assert "约30件" in note.message and note.start is not None


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        # pdfplumber: 无 of （四）无法提供 before the first row's label, 法提供 after a footer
        (("本机关不掌握相关政府信息 746 12 0 0 10 1 769\n无 没有现成信息需要另行制作 11 0 0 0 0 0 11\n"
          "- 4 -\n法提供 补正后申请内容仍不明确 1 0 0 0 0 0 1\n"), Layout.WORDS),
        # pdftotext -layout / raw: 无 alone on its line, a page break, then 法提供
        (("本机关不掌握相关政府信息\n\n746\n\n12\n\n0\n\n0\n\n10\n\n1\n\n769\n\n无\n\n-4-\n\n\f法提供\n\n"
          "没有现成信息需要另行制作\n\n11\n\n0\n\n0\n\n0\n\n0\n\n0\n\n11\n"), Layout.RAW),
    ],
    ids=["before-a-label", "own-line"],
)
def test_wrapped_group_label_head_is_no_cell(text: str, layout: Layout) -> None:
    # 无 is a not-applicable mark, but here it is the head of （四）无法提供 (number lost)
    rows = _rows(text, layout)
    assert rows["unavailable.not_held"] == ["746", "12", "0", "0", "10", "1", "769"]
    assert rows["unavailable.needs_creation"] == ["11", "0", "0", "0", "0", "0", "11"]


@pytest.mark.parametrize("name", ["r015.layout.txt", "r015.plumber.txt", "r015.raw.txt"])
def test_row_numbers_lost_change_no_value(name: str) -> None:
    # without （四）/1. the group label （四）无法提供 leaves a bare 无, wrapped round a row
    text = (SAMPLES / name).read_text(encoding="utf-8")
    start, end = text.index("二、主动公开"), text.index("五、")
    bare = re.sub(r"（[一二三四五六七]）|(?<![\d.])[1-8]\.(?=[\u4e00-\u9fff])", "", text[start:end])
    assert "无" in bare
    want = parse_report(text).to_flat()
    assert parse_report(text[:start] + bare + text[end:]).to_flat() == want


def test_fragments_join_pieces_but_never_into_a_leading_zero() -> None:
    # get_text("\n"): a number split over <span>s is joined (20/23 is 2023); pieces that
    # would make 07 are two cells
    blocks = ["20\n23", " ", "0\n7", " ", " ", "2030"]
    text = "一、本年新收政府信息公开申请数量\n\n" + "\n\n".join(blocks) + "\n\n二、上年结转政府信息公开申请数量\n"
    rows = _rows(text, Layout.FRAGMENTS)
    assert rows["new_received"] == ["2023", "", "0", "7", "", "", "2030"]


@pytest.mark.parametrize(
    "spacer", [lambda row: row + "  |", lambda row: "|  " + row], ids=["last", "first"]
)
def test_markdown_rule_with_a_spacer_column_is_no_row(spacer: Callable[[str], str]) -> None:
    # | --- | --- |  | under a header whose table has an empty column: a rule, not cells
    # of --- (read as not applicable)
    rows = ["| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "| --- | --- | --- | --- |",
            "| 规章 | 4 | 2 | 9 |", "| 行政规范性文件 | 3 | 1 | 0 |"]
    text = normalize("\n".join(map(spacer, rows)) + "\n").folded
    read = read_table(text, 0, len(text), TABLES["active"]["2021"], Layout.PIPES)
    cells = [["" if t.blank else text[t.start : t.end] for t in r.tokens] for r in read.rows[:2] if r]
    assert cells == [["4", "2", "9"], ["3", "1", "0"]]


def test_cell_lines_with_an_empty_cell_after_them_are_still_cell_lines() -> None:
    # 规章 | | (the cell, then an empty merged cell on the same line): one cell a line
    made = FAMILIES["pipe_suffix"](make_report("2021", "2021", seed=5))
    text = normalize("\n".join(ln + " |" if ln.rstrip().endswith("|") else ln for ln in made.split("\n"))).folded
    start, end = text.index("二、主动公开"), text.index("五、存在的主要问题")
    assert " | |" in text[start:end]
    assert detect_layout(text, [region_lines(text, start, end)], 60) is Layout.CELL_LINES


@pytest.mark.parametrize("family", ["aligned", "plumber"])
@pytest.mark.parametrize("seed", range(5))
def test_units_and_signs_printed_apart_from_their_number(family: str, seed: int) -> None:
    # pdftotext -layout puts a space where Latin digits meet Chinese: 12667.96 万元,
    # 增 318 件; the unit is the number's, not a word to skip (12667.96 read as 元)
    made = make_report("2019", "2019", seed=seed)
    text = FAMILIES[family](made)
    spaced = re.sub(r"(\d)(万元|元|件)", r"\1 \2", re.sub(r"([增减])(\d)", r"\1 \2", text))
    assert spaced != text
    assert parse_report(spaced).to_flat() == parse_report(text).to_flat()


def test_a_unit_word_joins_only_the_number_before_it() -> None:
    text = "行政事业性收费 20 件 增 318 件\n政府集中采购 261875 12667.96 万元\n"
    cells = _rows(text, Layout.WORDS, TABLES["active"]["2019"])
    assert cells["procurement"] == ["261875", "12667.96 万元"]
    assert cells["fees"] == ["20 件", "增 318 件"]


#: pdftotext's reading order (its default mode) on tables with merged cells, as seen on
#: PDFs printed from Word-style HTML: each edit of the raw rendering must change no value.
_PDFTOTEXT_ORDER = {
    # the labels of two rows in one text block, then the values of both
    "stacked-labels": (
        r"(（一）予以公开\n\n)((?:\d+\n\n){7})(（二）部分公开[^\n]*\n\n)",
        r"\1\3\2",
    ),
    # a merged group cell printed where its middle is, after the rows below it began
    "late-group-cell": (r"(\n\n)(\d+\n\n四、政府信息公开行政复议)", r"\1（五）\n不予处\n理\n\n\2"),
    # a row's label printed in the middle of its values
    "label-mid-row": (r"(四、结转下年度继续办理\n\n)((?:\d+\n\n){6})", r"\2\1"),
}


@pytest.mark.parametrize("edit", sorted(_PDFTOTEXT_ORDER))
@pytest.mark.parametrize("variant", ["2019", "2021"])
@pytest.mark.parametrize("seed", range(4))
def test_pdftotext_reading_order(edit: str, variant: str, seed: int) -> None:
    text = FAMILIES["raw"](make_report(variant, variant, seed=seed))  # type: ignore[arg-type]
    pattern, repl = _PDFTOTEXT_ORDER[edit]
    edited, count = re.subn(pattern, repl, text)
    assert count == 1
    report = parse_report(edited)
    assert report.to_flat() == parse_report(text).to_flat()
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_stacked_labels_with_one_rows_values_are_the_last_labels() -> None:
    # two labels, then seven values: the first row printed nothing (blank cells)
    text = "（一）予以公开\n\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n" + (
        "\n\n".join("4000004") + "\n"
    )
    rows = _rows(text, Layout.RAW)
    assert "granted" not in rows or not any(rows["granted"])
    assert rows["partially_granted"] == list("4000004")


@pytest.mark.parametrize("variant", ["2019", "2021"])
def test_stray_values_do_not_push_the_rows_below_down(variant: str) -> None:
    # raw pdftotext printed two cells of an earlier row after a merged group cell, before
    # the next row's label: they must not take that row, whose own label brings all seven
    made = make_report(variant, variant, seed=5)  # type: ignore[arg-type]
    text = FAMILIES["raw"](made)
    edited = text.replace("2.重复申请\n\n", "（四）\n无法提\n供\n\n0\n\n8\n\n2.重复申请\n\n", 1)
    assert edited != text
    report = parse_report(edited)
    flat, want = report.to_flat(), parse_report(text).to_flat()
    assert {k: v for k, v in flat.items() if v != want[k]} == {}
    assert [d.code for d in report.diagnostics if d.severity != "info"] == ["unplaced-value"] * 2


@pytest.mark.parametrize("seed", range(4))
def test_docx2txt_blank_cells_are_two_empty_lines(seed: int) -> None:
    # docx2txt writes every cell as its text and two line breaks: a blank cell adds two
    # empty lines, not one as in sample 002 (every gap odd, none empty, tells them apart)
    made = make_report("2021", "2021", seed=seed, blanks=0.5)
    assert parse_report(FAMILIES["docx2txt"](made)).to_flat() == expected_flat(made)


@pytest.mark.parametrize("seed", range(4))
def test_word_text_export_empty_lines_are_blank_cells(seed: int) -> None:
    # LibreOffice's text export of a Word file: a cell a line, a blank cell an empty line
    # (and a cell merged down from the row above, too); read as such because more rows
    # then add up than with the empty lines ignored
    made = make_report("2019", "2021", seed=seed, blanks=0.5)  # type: ignore[arg-type]
    text = FAMILIES["word_text"](made)
    assert parse_report(text).to_flat() == expected_flat(made)
    folded = normalize(text).folded
    start, end = folded.index("三、收到和处理"), folded.index("四、政府信息公开行政复议")
    spec = TABLES["requests"]["2021"]
    assert read_table(folded, start, end, spec, Layout.CELL_LINES).layout is Layout.LINES


# --------------------------------------------------------------------------- markitdown
def _region(text: str) -> tuple[str, list[list[_Line]]]:
    folded = normalize(text).folded
    return folded, [region_lines(folded, 0, len(folded))]


def test_values_of_several_columns_in_one_pipe_cell_mean_words() -> None:
    # markitdown's tables of a PDF: columns lying close together share a cell
    rows = "\n".join(f"| 一、本年新收 | {a} 0 | 0 0 | 0 0 | {a} |" for a in (21, 3, 7, 9))
    assert detect_layout(*_region(rows), 60) is Layout.PIPED_WORDS
    # one such cell among markdown rows (OCR cutting a number) keeps the pipes
    rows = "\n".join([*(f"| 行 | {a} | 0 | 0 | {a} |" for a in range(1, 9)), "| 行 | 1 2 | 0 | 0 | 12 |"])
    assert detect_layout(*_region(rows), 60) is Layout.PIPES


@pytest.mark.parametrize(
    ("line", "skipped"),
    [
        ("|     |     |     | - 3 | -   |", True),  # markitdown cut the footer - 3 - in two
        ("| - 4 | -   |     |     |", True),
        ("|  | - | 3 -  |", True),
        ("| - | 3 | - |", False),  # a row of cells: not applicable, 3, not applicable
        ("|  | 12 | - 3 |", False),
    ],
)
def test_page_footer_cut_into_cells(line: str, skipped: bool) -> None:
    text = f"| 规章 | 1 | 0 | 1 |\n{line}\n| 行政规范性文件 | 1 | 0 | 1 |"
    lines = region_lines(text, 0, len(text))
    assert (len(lines) == 2) is skipped


_block = markitdown_block


@pytest.mark.parametrize("order", [0, 1])
def test_row_whose_numbers_and_label_went_a_line_apart(order: int) -> None:
    """markitdown puts a row's plain numbers a line from its label when a value written
    with words (减1件) sets the label's line at another height: one row, in column order."""
    split = [["", "", "119790", "", "255"], ["", "行政处罚", "", "减1件", ""]]
    text = "第二十条第（六）项\n" + _block(
        ["", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        *(split if order == 0 else split[::-1]),
        ["", "行政强制", "0", "+63", "523"],
    )
    for layout in (Layout.PIPED_WORDS, Layout.PIPES):  # kept as cells: blanks filled
        rows = _rows(text, layout, TABLES["active"]["2019"])
        assert rows["penalty"] == ["119790", "减1件", "255"], layout
        assert rows["coercion"] == ["0", "+63", "523"], layout


def test_two_lines_of_a_row_do_not_join_across_blocks() -> None:
    """Lines of two table blocks (a loose line between) are two rows, however alike their
    widths: the second row's label printed round its values."""
    text = (
        _block(["", "4.保护第三方合法权益", "17 39", "56"])
        + "5.属于三类内部事\n"
        + _block(["", "", "6", "6"])
        + "务信息\n6.属于\n"
        + _block(["", "", "37", "37"])
        + "四类过程性信息\n7.属于行政执法案卷 0 0\n"
    )
    rows = _rows(text, Layout.PIPED_WORDS)
    assert rows["denied.internal_affairs"] == ["6", "6"]
    assert rows["denied.process_info"] == ["37", "37"]


def test_lines_whose_cells_overlap_are_two_rows() -> None:
    text = "|规章| |1|0|\n|行政规范性文件|2|3| |\n"
    rows = _rows(text, Layout.PIPES, ACT)
    assert rows["rules"] == ["", "1", "0"]
    assert rows["normative_docs"] == ["2", "3", ""]


def test_row_printed_as_plain_text_among_pipe_rows() -> None:
    # markitdown prints a row whose words it did not take as a table's as a line of text
    assert _active("|规章|1|0|1|\n行政规范性文件 7 8 9\n")["normative_docs"] == ["7", "8", "9"]


@pytest.mark.parametrize(
    ("path", "cells"),
    [
        ("pdf/s102-revised.markitdown.md", False),  # labels round their rows: words
        ("pdf/s100-revised-blanks.pymupdf4llm.md", True),  # blank cells kept: pipes
        ("fixtures/gfm-revised.txt", True),
    ],
)
def test_pipes_are_cells_judged_on_table_three(path: str, cells: bool) -> None:
    from gov_disclosure._grid import pipes_are_cells
    from gov_disclosure._labels import find_labels

    from .corpus import DATA

    folded = normalize((DATA / path).read_text(encoding="utf-8")).folded
    start = folded.index("三、收到和处理政府信息公开申请情况")
    end = folded.index("四、政府信息公开行政复议")
    spec = TABLES["requests"]["2021"]
    labels = find_labels(folded, start, end, spec)
    lines = region_lines(folded, start, end)
    assert pipes_are_cells(folded, start, end, spec, labels, lines) is cells


@pytest.mark.parametrize("layout", [Layout.PIPED_WORDS, Layout.PIPES])
@pytest.mark.parametrize("above", [True, False])
def test_lone_number_of_a_split_row_goes_by_kind(layout: Layout, above: bool) -> None:
    """A split row whose plain numbers are one: markitdown prints it as a loose line (too
    few words for a table row), with no column to go by; the worded value (增318件: a
    change) takes its column, the number the other."""
    row = _block(["", "行政事业性收费", "", "增318件"]).splitlines()
    lines = ["415", row[0]] if above else [row[0], "415"]
    text = (
        "第二十条第（八）项\n"
        + _block(["", "信息内容", "上一年项目数量", "本年增/减"])
        + "\n".join(lines)
        + "\n第二十条第（九）项\n"
        + _block(["", "信息内容", "采购项目数量", "采购总金额"], ["", "政府集中采购", "0", "970843元"])
    )
    rows = _rows(text, layout, TABLES["active"]["2019"])
    assert [v for v in rows["fees"] if v] == ["415", "增318件"]
    assert [v for v in rows["procurement"] if v] == ["0", "970843元"]


def test_markdown_row_continues_only_on_the_next_line() -> None:
    """A short markdown row takes the values of the next line (a cell pushed out of its
    row), not those of a line further down, past a label's loose lines."""
    text = (
        "|  | 2.其他法律行政法规禁止公开 | 0 |  |  |  |  |  | 0 |\n"
        "3.危及“\n0\n三安全一稳定”\n4.保护第三方合\n0\n法权益\n"
        "|  | 5.属于三类内部事务信息 | 0 |  |  |  |  |  | 0 |\n"
    )
    rows = _rows(text, Layout.PIPES)
    assert rows["denied.endangers_safety"] == ["0"]
    assert rows["denied.third_party_rights"] == ["0"]


# --------------------------------------------------------------------------- pdfminer.six
_REQ_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开"]


def _columns(rows: list[list[int]], order: list[int]) -> str:
    """pdfminer.six's printing: the labels, then each column's values (in `order`)."""
    return "\n\n".join([*_REQ_LABELS, *(str(row[c]) for c in order for row in rows)]) + "\n"


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4, 6, 5]])
def test_labels_first_then_a_column_at_a_time(order: list[int]) -> None:
    """pdfminer.six prints a page's row labels, then the values a column at a time, 总计
    now last, now before 其他: the column that is the sum of the others is the 总计."""
    rows = [[21, 0, 3, 0, 1, 2, 27], [5, 1, 0, 0, 0, 0, 6], [4, 0, 0, 2, 0, 1, 7]]
    text = _columns(rows, order)
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), REQ, detect_layout(*_region(text), 60))
    assert read.columns_first is True
    got = {s.key: [folded[t.start : t.end] for t in r.tokens] for s, r in zip(REQ.rows, read.rows, strict=True) if r}
    assert got["new_received"] == ["21", "0", "3", "0", "1", "2", "27"]
    assert got["carried_over"] == ["5", "1", "0", "0", "0", "0", "6"]
    assert got["granted"] == ["4", "0", "0", "2", "0", "1", "7"]


def test_labels_first_then_rows_is_not_turned() -> None:
    # values that add up row by row were printed row by row
    rows = [[1, 0, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 0, 2], [3, 0, 0, 0, 0, 0, 3]]
    text = "\n\n".join([*_REQ_LABELS, *(str(v) for row in rows for v in row)]) + "\n"
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), REQ, Layout.GAPS)
    assert read.columns_first is False


def test_labels_first_with_a_blank_cell_is_undecided() -> None:
    """A blank cell prints nothing: the columns' lengths no longer say whose value is
    whose, and the rows are left undecided (never read row by row)."""
    rows = [[21, 0, 3, 0, 1, 2, 27], [5, 1, 0, 0, 0, 0, 6], [4, 0, 0, 2, 0, 1, 7]]
    text = _columns(rows, list(range(7))).replace("\n\n1\n\n", "\n\n", 1)  # carried_over's 1
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), REQ, Layout.GAPS)
    assert read.columns_first is None
    assert all(r is not None and r.undecided for r in read.rows[:3])


@pytest.mark.parametrize(("shown", "rules"), [(True, ["9", "0", "11"]), (None, None), (False, ["9", "8", "0"])])
def test_table_two_printed_as_table_three_was(shown: bool | None, rules: list[str] | None) -> None:
    """Table 二 has no arithmetic: a block of its rows is read a column at a time where
    table 三 was, left undecided where table 三 could not tell, else read row by row."""
    act = TABLES["active"]["2021"]
    text = "第二十条第（一）项\n\n规章\n\n行政规范性文件\n\n9\n\n8\n\n0\n\n26\n\n11\n\n66\n"
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), act, Layout.GAPS, columns_first=shown)
    row = read.rows[0]
    assert row is not None
    if rules is None:
        assert row.undecided
    else:
        assert [folded[t.start : t.end] for t in row.tokens] == rules


def test_table_two_block_short_of_values_is_undecided() -> None:
    # a blank cell printed nothing: read a column at a time, whose value is whose is lost
    act = TABLES["active"]["2021"]
    text = "第二十条第（一）项\n\n规章\n\n行政规范性文件\n\n9\n\n8\n\n26\n\n11\n\n66\n"
    folded = normalize(text).folded
    read = read_table(folded, 0, len(folded), act, Layout.GAPS, columns_first=True)
    assert read.rows[0] is not None and read.rows[0].undecided
    assert read.rows[1] is not None and read.rows[1].undecided


def test_markdown_rows_with_mostly_empty_cells_are_rows() -> None:
    """markitdown's rows of a table with blank cells and labels printed apart: outer pipes,
    few cells filled, many loose lines; still markdown rows, not `cell |` lines."""
    text = (
        "（六）其他处理\n"
        + _block(["", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "", "", "0"])
        + "2.申请人逾期未按收费通知要求缴纳费用\n21 21\n、行政机关不再处理其政府\n信息公开申请\n"
        + _block(["", "3.其他", "", "33", "33"], ["", "", "5", "", "5"])
        + "（七）总计\n"
        + _block(["", "", "", "7", "7"])
        + "四、结转下年度继续办理\n"
    )
    assert detect_layout(*_region(text), 60) is Layout.PIPES


#: Table 二 of the 2021 format as python-docx gives a Word file's table: ``row.cells``
#: joined by tabs, each merged cell once per grid column it spans.
_CAPTION = "第二十条第（{}）项"
_DOCX_ACTIVE = [
    [_CAPTION.format("一")] * 4,
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "1", "0", "5"],
    ["行政规范性文件", "2", "0", "7"],
    [_CAPTION.format("五")] * 4,
    ["信息内容"] + ["本年处理决定数量"] * 3,
    ["行政许可"] + ["12"] * 3,
    [_CAPTION.format("六")] * 4,
    ["信息内容"] + ["本年处理决定数量"] * 3,
    ["行政处罚"] + ["3"] * 3,
    ["行政强制"] + ["0"] * 3,
    [_CAPTION.format("八")] * 4,
    ["信息内容"] + ["本年收费金额（单位：万元）"] * 3,
    ["行政事业性收费"] + ["1.5"] * 3,
]


def test_a_last_cell_spanning_the_fourth_column_is_one_cell() -> None:
    # the trial (八) and (九) rows, their last cell merged over the grid's fourth column:
    # python-docx prints it twice; the captions, printed once per column, say so
    rows = [
        [_CAPTION.format("八")] * 4,
        ["信息内容", "上一年项目数量", "本年增/减", "本年增/减"],
        ["行政事业性收费", "3", "-1", "-1"],
        [_CAPTION.format("九")] * 4,
        ["信息内容", "采购项目数量", "采购总金额", "采购总金额"],
        ["政府集中采购", "2", "5656528", "5656528"],
    ]
    values, said = _active_read("\n".join("\t".join(r) for r in rows) + "\n")
    assert values["active.fees.previous"] == 3 and values["active.fees.change"] == -1
    assert values["active.procurement.projects"] == 2
    assert values["active.procurement.amount_yuan"] == 5656528
    assert said.count(("merged-repeat", "info")) == 2
    assert ("too-many-values", "warning") not in said


def _active_read(text: str) -> tuple[dict[str, object], list[tuple[str, str]]]:
    report = parse_report("二、主动公开政府信息情况\n" + text)
    flat = report.to_flat()
    values = {k: v for k, v in flat.items() if k.startswith("active.")}
    said = [(d.code, d.severity) for d in report.diagnostics if (d.key or "").startswith("active")]
    return values, said


@pytest.mark.parametrize("joined", ["tabs", "blank lines"])
def test_merged_value_cells_printed_once_per_column_are_one_cell(joined: str) -> None:
    # python-docx (tabs) and docx2python (a blank line after every cell) print the value
    # cell of a one-column row, which spans the three value columns, three times
    rows = _DOCX_ACTIVE
    text = (
        "\n".join("\t".join(r) for r in rows)
        if joined == "tabs"
        else "\n\n".join(c for r in rows for c in r)
    )
    values, said = _active_read(text + "\n")
    assert values == {
        "active.rules.issued": 1, "active.rules.repealed": 0, "active.rules.in_force": 5,
        "active.normative_docs.issued": 2, "active.normative_docs.repealed": 0,
        "active.normative_docs.in_force": 7, "active.licensing.decisions": 12,
        "active.penalty.decisions": 3, "active.coercion.decisions": 0,
        "active.fees.amount_yuan": Decimal(15000),
    }
    assert set(said) == {("merged-repeat", "info")}


@pytest.mark.parametrize("joined", ["tabs", "blank lines"])
@pytest.mark.parametrize("lost", ["行政处罚", "行政事业性收费"])
def test_merged_value_cells_of_a_misspelt_row_are_one_cell(joined: str, lost: str) -> None:
    # the row's label misspelt (a character lost), its value printed three times after a
    # caption: read once, and the row takes it in template order, not one copy per row
    rows = [[r[0][1:] if r[0] == lost else r[0], *r[1:]] for r in _DOCX_ACTIVE]
    text = (
        "\n".join("\t".join(r) for r in rows)
        if joined == "tabs"
        else "\n\n".join(c for r in rows for c in r)
    )
    values, said = _active_read(text + "\n")
    assert values["active.penalty.decisions"] == 3
    assert values["active.coercion.decisions"] == 0
    assert values["active.fees.amount_yuan"] == Decimal(15000)
    assert set(said) == {("merged-repeat", "info")}


def test_one_row_of_equal_values_is_no_merged_cell() -> None:
    # captions printed once: only where every one-column row holds the same number of
    # copies is it a merge; one row of three equal values among rows of one is three
    # values, two of them too many
    rows = [
        r[:1] if r[0].startswith("第二十条") else r[:2] if r[0] in ("行政处罚", "行政强制", "行政事业性收费") else r
        for r in _DOCX_ACTIVE
    ]
    values, said = _active_read("\n".join("\t".join(r) for r in rows) + "\n")
    assert values["active.licensing.decisions"] == 12
    assert said.count(("too-many-values", "warning")) == 2
    assert ("merged-repeat", "info") not in said


def test_blank_cells_after_a_label_repeated_over_two_cells() -> None:
    # docx2python: a label cell spanning two columns is printed twice, a blank line
    # apart; the empty lines after the second copy are still blank cells of the row
    cells = [
        "三、收到和处理政府信息公开申请情况",
        *["一、本年新收政府信息公开申请数量"] * 3, "1", "0", "0", "0", "0", "2", "3",
        *["二、上年结转政府信息公开申请数量"] * 3, *["0"] * 7,
        "三、本年度办理结果", *["（一）予以公开"] * 2, "", "0", "0", "0", "0", "2", "2",
        "", *["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] * 2,
        "", "", "", "", "", "1", "1",
        "", "（三）不予公开", "1.属于国家秘密", *["0"] * 7,
    ]
    flat = parse_report("\n\n".join(cells) + "\n").to_flat()
    columns = ("natural_person", "commercial", "research", "nonprofit", "legal_service",
               "other_org", "total")
    assert [flat[f"requests.granted.{c}"] for c in columns] == [None, 0, 0, 0, 0, 2, 2]
    assert [flat[f"requests.partially_granted.{c}"] for c in columns] == [None] * 5 + [1, 1]


@pytest.mark.parametrize(
    ("lost", "rows_read"),
    [
        # the first three labels misspelt (本 and 上 and 以 lost): each run of seven values
        # is the next row's, not two rows' values on the first row and the rest moved up
        ("一、年新收申请数量 1 2 3 4 5 6 21 二、年结转申请数量 0 1 0 0 0 0 1 （一）予公开 1 1 1 1 1 1 6",
         {"new_received": "1 2 3 4 5 6 21", "carried_over": "0 1 0 0 0 0 1",
          "granted": "1 1 1 1 1 1 6"}),
        # runs that are not whole rows stay together on the one row (too many values)
        ("一、年新收申请数量 1 2 3 4 二、年结转 5 6 21 0 1 0 0 0 0 1",
         {"new_received": "1 2 3 4 5 6 21 0 1 0 0 0 0 1"}),
        # blank cells that print nothing: runs short of a row, the first of one value even
        ("一、本年新收政府信息公开申请数量 5 16 21 二、年结转申请数量 1 1 （一）予公开 2 2",
         {"new_received": "5 16 21", "carried_over": "1 1", "granted": "2 2"}),
        ("一、本年新收政府信息公开申请数量 0 二、年结转申请数量 3 3",
         {"new_received": "0", "carried_over": "3 3"}),
        # a later run of one value is no row's (prose as likely): not joined to the run
        # before, where it was a cell too many, or filled that row wrongly
        ("一、本年新收政府信息公开申请数量 15 7 8 35 16 81 二、年结转申请数量 0",
         {"new_received": "15 7 8 35 16 81"}),
        # Han characters out of nowhere (a wrong encoding) part no rows
        ("一、本年新收政府信息公开申请数量 1 2 鸮蝛頦 3 4 二、上年结转政府信息公开申请数量 1 1",
         {"new_received": "1 2 3 4", "carried_over": "1 1"}),
    ],
)
def test_one_line_whole_rows_between_unknown_labels_are_rows(
    lost: str, rows_read: dict[str, str]
) -> None:
    text = "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计 " + lost
    assert _rows(text, Layout.WORDS) == {k: v.split() for k, v in rows_read.items()}


def test_numbers_between_words_are_no_rows_of_one_cell() -> None:
    # a line of prose among table 二's rows (one cell each): its numbers are not rows
    text = "行政许可 447228\n件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。\n"
    rows = _rows(text, Layout.WORDS, TABLES["active"]["2021"])
    assert rows.get("penalty") != ["5"] and rows.get("coercion") != ["9"]


@pytest.mark.parametrize("seed", [2, 3])
def test_two_rows_on_one_line_are_no_space_inside_a_number(seed: int) -> None:
    # one-line text, blank cells printing nothing, 3.危及“三安全一稳定” misspelt: its values
    # follow the row before's on that row's line, more values than cells; with words
    # between the two runs, that is no stray space cutting a number, and the spaces
    # are still the cells' boundaries (the table was read as glued digits)
    made = make_report("2021", "2021", seed=seed, blanks=0.3)
    text = FAMILIES["soup_one_line"](made).replace("3.危及“三安全一稳定”", "3.危及“三安全稳定”", 1)
    flat = parse_report(text).to_flat()
    for key, value in expected_flat(made).items():
        if key.startswith("requests."):
            assert flat[key] is None or flat[key] == value, key


def _without_empty_lines(text: str) -> str:
    """`text` as a common clean-up leaves it: every empty (or white) line removed."""
    return "\n".join(line for line in text.split("\n") if line.strip())


@pytest.mark.parametrize("variant", ["2019", "2021"])
@pytest.mark.parametrize("seed", range(4))
def test_raw_pdftotext_with_its_empty_lines_removed(variant: str, seed: int) -> None:
    # table 三's blocks printed a column at a time run into one another and into the rows
    # round them once the empty lines between the columns are gone: the arithmetic tells
    # the blocks (35 values a report were set wrong)
    made = make_report(variant, variant, seed=seed)  # type: ignore[arg-type]
    text = FAMILIES["raw"](made)
    report = parse_report(_without_empty_lines(text))
    assert report.to_flat() == expected_flat(made)
    assert [d.code for d in report.diagnostics] == [d.code for d in parse_report(text).diagnostics]


@pytest.mark.parametrize(("variant", "seed"), [("2019", 7), ("2019", 8), ("2019", 12), ("2021", 21)])
def test_raw_pdftotext_with_blank_cells_and_its_empty_lines_removed(variant: str, seed: int) -> None:
    # a blank cell printed nothing, so a block's columns differ in length: its rows are
    # left unset, not read row by row (nor as a block of two rows that happen to add up)
    made = make_report(variant, variant, seed=seed, blanks=0.3)  # type: ignore[arg-type]
    text = FAMILIES["raw"](made)
    report = parse_report(_without_empty_lines(text))
    want = parse_report(text).to_flat()
    assert {k: v for k, v in report.to_flat().items() if v is not None and v != want[k]} == {}


@pytest.mark.parametrize("name", ["r013.raw.txt", "r014.raw.txt", "r015.raw.txt"])
def test_real_raw_pdftotext_with_its_empty_lines_removed(name: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert parse_report(_without_empty_lines(text)).to_flat() == parse_report(text).to_flat()


_ROW = ["4", "0", "0", "0", "0", "0", "4"]
#: Ten rows of table 三 from 1.属于国家秘密 on, printed a column at a time (the 总计 column
#: last), as raw pdftotext prints them.
_BLOCK_COLUMNS = [
    ["1", "0", "0", "0", "0", "1", "1", "0", "10", "3"],
    *[["0"] * 10] * 3,
    ["0", "2", "0", "0", "0", "0", "0", "0", "0", "0"],
    ["0"] * 10,
    ["1", "2", "0", "0", "0", "1", "1", "0", "10", "3"],
]


def test_a_row_then_a_block_printed_by_columns_on_consecutive_lines() -> None:
    lines = ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *_ROW]
    lines += [v for col in _BLOCK_COLUMNS for v in col]
    rows = _rows("\n".join(lines), Layout.CELL_LINES)
    assert rows["partially_granted"] == _ROW
    keys = [spec.key for spec in REQ.rows]
    first = keys.index("denied.state_secret")
    for r, key in enumerate(keys[first : first + 10]):
        assert rows[key] == [col[r] for col in _BLOCK_COLUMNS]


def test_rows_on_consecutive_lines_one_of_which_does_not_add_up_stay_rows() -> None:
    # the report's own slip in one row is no block printed by columns
    slip = ["1", "0", "0", "0", "0", "0", "2"]
    lines = ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *_ROW, *slip, *_ROW]
    rows = _rows("\n".join(lines), Layout.CELL_LINES)
    assert rows["partially_granted"] == _ROW
    assert rows["denied.state_secret"] == slip
    assert rows["denied.prohibited_by_law"] == _ROW


def test_a_block_whose_columns_differ_in_length_on_consecutive_lines_is_undecided() -> None:
    # the block's columns with a blank cell that printed nothing: no reading adds up
    columns = [col[:-1] if c == 2 else col for c, col in enumerate(_BLOCK_COLUMNS)]
    values = [v for col in columns for v in col][:63]
    lines = ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *_ROW, *values]
    folded = normalize("\n".join(lines)).folded
    read = read_table(folded, 0, len(folded), REQ, Layout.CELL_LINES)
    keys = [spec.key for spec in REQ.rows]
    first = keys.index("denied.state_secret")
    assert all(read.rows[i] is None or read.rows[i].undecided for i in range(first, first + 9))


@pytest.mark.parametrize("variant", ["2019", "2021"])
@pytest.mark.parametrize("seed", range(3))
def test_pdfminer_text_with_its_line_breaks_made_spaces(variant: str, seed: int) -> None:
    # labels first, then the values a column at a time, all on one line: the blocks are
    # turned as in the text with its lines (they were read row by row, 50-70 values wrong)
    made = make_report(variant, variant, seed=seed)  # type: ignore[arg-type]
    text = re.sub(r"\s+", " ", FAMILIES["pdfminer"](made))
    assert "\n" not in text
    assert parse_report(text).to_flat() == expected_flat(made)


def _gap_units_of(
    rows: list[list[str | None]], cell: int, row: int, blank: int, indent: str = ""
) -> object:
    """`gap_units` of table 三 written a cell a block: cells `cell` empty lines apart,
    rows `row`, and each blank cell (``None``) `blank` empty lines more; the first of
    each run of empty lines made `indent`."""
    from gov_disclosure._grid import gap_units
    from gov_disclosure._labels import find_labels

    text = "三、收到和处理政府信息公开申请情况"
    pending = 0
    for cells in rows:
        text += "\n" * (row + 1 + pending * blank) + str(cells[0])
        pending = 0
        for value in cells[1:]:
            if value is None:
                pending += 1
            else:
                text += "\n" * (cell + 1 + pending * blank) + value
                pending = 0
    text += "\n" * (row + 1 + pending * blank) + "四、政府信息公开行政复议、行政诉讼情况\n"
    if indent:
        text = re.sub(r"(?<=[^\n]\n)(?=\n)", indent, text)
    folded = normalize(text).folded
    start, end = 0, folded.index("四、政府")
    return gap_units(folded, start, end, find_labels(folded, start, end, TABLES["requests"]["2021"]))


_GAP_ROWS: list[list[str | None]] = [
    ["一、本年新收政府信息公开申请数量", "3", None, "4", "0", "1", "2", "10"],
    ["二、上年结转政府信息公开申请数量", "0", "0", None, None, "1", "0", "1"],
    ["（一）予以公开", "2", "1", "0", "0", "1", None, None],
    ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", "1", "1", "0", "0", "0", "3"],
]


@pytest.mark.parametrize(
    ("cell", "row", "blank", "want"),
    [
        (3, 4, 4, (3, 4, 4)),  # innerText stripped: a tab and &nbsp; made empty lines
        (3, 4, 2, (3, 4, 2)),  # the same, cells with no paragraph: a tab a blank cell
        (2, 4, 3, (2, 4, 3)),  # BeautifulSoup's get_text("\n") stripped
        (1, 1, 2, None),  # cells a blank line apart: Layout.GAPS reads them
        (3, 3, 1, None),  # one line a blank cell, with three between cells: no unit
    ],
)
def test_gap_units(cell: int, row: int, blank: int, want: tuple[int, int, int] | None) -> None:
    assert _gap_units_of(_GAP_ROWS, cell, row, blank) == want


def test_no_gap_units_without_longer_gaps() -> None:
    full = [[c if c is not None else "0" for c in r] for r in _GAP_ROWS]
    assert _gap_units_of(full, 3, 4, 4) is None  # no blank cell: nothing to read so


def test_gap_units_of_lines_of_spaces() -> None:
    # blank cells written as lines of spaces between empty lines: FRAGMENTS' to read
    spaced = [[c if c is not None else " " for c in r] for r in _GAP_ROWS]
    assert _gap_units_of(spaced, 3, 4, 4) is None
    # lines of spaces next to text (a page's indented markup) count as empty lines; with
    # no longer gap, units all the same, so that they are read as nothing
    full = [[c if c is not None else "0" for c in r] for r in _GAP_ROWS]
    assert _gap_units_of(full, 3, 4, 4, indent="    ") == (3, 4, 4)
    # and with blank cells, the same units as with no indent
    assert _gap_units_of(_GAP_ROWS, 3, 4, 4, indent="  ") == (3, 4, 4)

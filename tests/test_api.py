"""The public contract: entry point, errors, strict mode, flat keys, pickling."""

from __future__ import annotations

import itertools
import json
import pickle
import re
from decimal import Decimal
from typing import Final

import pytest

import gov_disclosure
from gov_disclosure import (
    AnnualReport,
    CellKind,
    DiagnosticError,
    GovDisclosureError,
    NotAReportError,
    StrictParseError,
    parse_report,
)
from gov_disclosure._vocab import SECTION_NAMES, Template

from .corpus import DATA, SAMPLES
from .render import (
    ADDED_ROW_FAMILIES,
    EXACT_BLANKS,
    FAMILIES,
    GLUED,
    ONE_LINE,
    render_markdown,
    render_tabs,
    with_added_row,
)
from .reports import expected_flat, make_report

FIELDS = json.loads((DATA / "fields.json").read_text(encoding="utf-8"))


def test_public_names() -> None:
    assert set(gov_disclosure.__all__) <= set(dir(gov_disclosure))
    assert "parse_report" in dir(gov_disclosure) and "_api" not in dir(gov_disclosure)


def test_bytes_are_refused_with_a_hint() -> None:
    with pytest.raises(TypeError, match="decode it first"):
        parse_report(b"\xe4\xb8\x80")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello world",
        "一、总体情况\n今年工作很好。",
        # an annual report of the pre-2019 free-form kind: no 第二十条 tables
        ("某某局2017年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n本年主动公开信息"
        "120条。\n三、依申请公开政府信息情况\n本年共受理申请5件。\n四、政府信息公开的收费及减免情况\n"
        "五、因政府信息公开申请提起行政复议、行政诉讼的情况\n六、存在的主要问题及改进措施"),
    ],
)
def test_not_a_report(text: str) -> None:
    with pytest.raises(NotAReportError, match="looked for") as info:
        parse_report(text)
    assert isinstance(info.value, GovDisclosureError) and isinstance(info.value, ValueError)
    assert info.value.missing


def test_missing_table_is_an_error_in_strict_mode_only() -> None:
    text = render_tabs(make_report("2019", "2019", seed=1))
    start = text.index("四、政府信息公开行政复议")
    gutted = text[:start] + "四、政府信息公开行政复议、行政诉讼情况\n本年度无。\n" + text[
        text.index("五、存在的主要问题") :
    ]
    gutted = gutted.replace(text[text.index("二、主动公开") : text.index("三、收到和处理")],
                            "二、主动公开政府信息情况\n见附件。\n")
    report = parse_report(gutted)
    assert not report.active.found and report.requests.found
    with pytest.raises(StrictParseError) as info:
        parse_report(gutted, strict=True)
    assert [e.diagnostic.code for e in info.value.exceptions] == ["missing-table"]


def test_missing_section_still_returns_the_rest() -> None:
    text = render_tabs(make_report("2019", "2019", seed=1))
    text = text.replace("五、存在的主要问题及改进情况", "")
    report = parse_report(text)
    assert report.requests.found and report.sections.problems.heading is None
    assert "missing-section" in {d.code for d in report.diagnostics}


def test_strict_mode_raises_every_error_at_once() -> None:
    text = render_markdown(make_report("2021", "2021", seed=2))
    assert parse_report(text, strict=True).template == "2021"
    huge = text.replace("（七）总计 |", "（七）总计 |" + " 1 |" * 4100)
    lenient = parse_report(huge)
    assert "table-too-large" in {d.code for d in lenient.diagnostics}
    with pytest.raises(StrictParseError) as info:
        parse_report(huge, strict=True)
    group = info.value
    assert isinstance(group, GovDisclosureError) and isinstance(group, ExceptionGroup)
    assert all(isinstance(e, DiagnosticError) for e in group.exceptions)
    assert "line " in str(group.exceptions[0]) and "^" in str(group.exceptions[0])


@pytest.mark.parametrize(("active", "requests"), [("2019", "2019"), ("2021", "2021"), ("2021", "2019"), ("2019", "2021")])
def test_flat_keys_follow_fields_json(active: str, requests: str) -> None:
    report = parse_report(render_markdown(make_report(active, requests, seed=4)))  # type: ignore[arg-type]
    by_table = FIELDS["by_table"]
    want = [*by_table["meta"], *by_table["active"][active], *by_table["requests"][requests], *by_table["review"]]
    assert list(report.to_flat()) == want
    if active == requests:
        assert list(report.to_flat()) == list(FIELDS[active])
    assert report.to_flat()["meta.template"] == active == report.template


def test_flat_value_types() -> None:
    report = parse_report((SAMPLES / "002_0373751c8fe527bd.txt").read_text(encoding="utf-8"))
    flat = report.to_flat()
    assert flat["active.procurement.amount_yuan"] == Decimal(126679600)
    assert isinstance(flat["active.procurement.amount_yuan"], Decimal)
    assert flat["active.licensing.change"] == 63 and isinstance(flat["active.licensing.change"], int)
    assert flat["requests.new_received.commercial"] is None  # blank, not 0
    cell = report.requests.cell("new_received", "commercial")
    assert cell.kind is CellKind.BLANK
    assert all(type(v) in (int, Decimal, str, type(None)) for v in flat.values())


def test_cells_keep_raw_text_and_position() -> None:
    text = (SAMPLES / "001_4d27e5bbc682217d.txt").read_text(encoding="utf-8")
    report = parse_report(text)
    cell = report.active.cell("licensing", "change")
    assert (cell.raw, cell.value, cell.kind) == ("增318件", 318, CellKind.NUMBER)
    assert cell.span is not None and text[cell.span.start : cell.span.end] == "增318件"
    assert text.splitlines()[cell.span.line - 1] == "增318件"


def test_reports_and_errors_pickle() -> None:
    report = parse_report((SAMPLES / "r007.txt").read_text(encoding="utf-8"))
    again = pickle.loads(pickle.dumps(report))
    assert isinstance(again, AnnualReport) and again == report
    err = NotAReportError("nothing", missing=("table 三",))
    back = pickle.loads(pickle.dumps(err))
    assert str(back) == "nothing" and back.missing == ("table 三",)


def test_report_is_frozen() -> None:
    report = parse_report((SAMPLES / "r007.txt").read_text(encoding="utf-8"))
    with pytest.raises(AttributeError):
        report.year = 1999  # type: ignore[misc]


_TABLE_HEADINGS = (
    "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
)


@pytest.mark.parametrize(
    "lost",
    [c for k in (1, 2, 3) for c in itertools.combinations(range(3), k)],
    ids=lambda c: "+".join("二三四"[i] for i in c),
)
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html"}))
def test_tables_without_their_headings(family: str, lost: tuple[int, ...]) -> None:
    # losing table headings changes no value: a table found by its own words also ends
    # the table before it, whose section would otherwise run on over it
    made = make_report("2021", "2019", seed=9)
    text = FAMILIES[family](made)
    with_headings = parse_report(text).to_flat()
    removed = 0
    for i in lost:
        removed += _TABLE_HEADINGS[i] in text  # some families split headings over lines
        text = text.replace(_TABLE_HEADINGS[i], "")
    report = parse_report(text)
    warned = [d for d in report.diagnostics if d.code == "table-without-heading"]
    assert len(warned) == removed
    assert not [d for d in report.diagnostics if d.code == "unplaced-value"]
    assert report.to_flat() == with_headings


_SIX_HEADINGS = re.compile(
    r"([一二三四五六])、(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况"
    r"|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)"
)


def _section_texts(text: str) -> dict[str, object]:
    report = parse_report(text)
    return {
        **report.to_flat(),
        **{f"section.{s.name}": (s.heading is not None, s.text) for s in report.sections},
        "meta.title": report.title,
    }


@pytest.mark.parametrize(
    "restyle",
    [
        r"## \1、\2",  # markdown heading (html2text, pandoc, LLM output)
        r"**\1、\2**",  # bold
        r"> **\1. \2**",
        r"【\1、\2】",
        r"\1 \2",  # 、 printed as a space
        r"\1\2",  # 、 lost
        r"\2",  # Word's list numbering lost in extraction
    ],
    ids=["markdown", "bold", "quote-bold-dot", "brackets", "space", "no-mark", "no-numeral"],
)
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html", *ONE_LINE}))
def test_section_headings_restyled(family: str, restyle: str) -> None:
    # marks around a heading belong to it, not to the text of the section before; a
    # heading without its numeral (or its 、) is still one, alone on its line
    text = FAMILIES[family](make_report("2021", "2019", seed=5))
    restyled = re.sub(rf"(?m)^{_SIX_HEADINGS.pattern}", restyle, text)
    assert restyled != text
    got, want = _section_texts(restyled), _section_texts(text)
    assert got == want


@pytest.mark.parametrize("restyle", [r"**\1、\2**", r" ## \1、\2 ", r"【\1、\2】"])
@pytest.mark.parametrize("family", sorted(ONE_LINE))
def test_section_headings_restyled_in_one_line_text(family: str, restyle: str) -> None:
    text = FAMILIES[family](make_report("2021", "2021", seed=5))
    restyled = _SIX_HEADINGS.sub(restyle, text)
    assert _section_texts(restyled) == _section_texts(text)


def test_headings_spaced_out() -> None:
    # PDF text spaces out a justified heading: 三、收 到 和 处 理 政 府 信 息 公 开 …
    text = FAMILIES["plumber"](make_report("2021", "2021", seed=5))
    spaced = _SIX_HEADINGS.sub(lambda m: m.group(1) + "、" + " ".join(m.group(2)), text)
    assert spaced != text
    assert _section_texts(spaced) == _section_texts(text)


@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html", *ONE_LINE}))
def test_every_section_heading_lost(family: str) -> None:
    # with no heading at all, the tables are found by their own words and read as before,
    # the title is still read, and the table after which nothing was found stops at prose
    made = make_report("2021", "2019", seed=5)
    text = FAMILIES[family](made)
    report = parse_report(text)
    stripped = re.sub(rf"(?m)^{_SIX_HEADINGS.pattern}[^\n]*\n", "", text)
    lost = parse_report(stripped)
    missing = [d for d in lost.diagnostics if d.code == "missing-section"]
    assert len(missing) == len(text.split("\n")) - len(stripped.split("\n")) > 0
    assert lost.to_flat() == report.to_flat()
    assert lost.title == report.title


_PERIOD = "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"


@pytest.mark.parametrize("family", ["tabs", "markdown", "blank_lines", "pipe_suffix", "aligned", "raw"])
@pytest.mark.parametrize("lost", [1, 2, 3])
def test_a_table_found_by_its_words_ends_the_section_before(family: str, lost: int) -> None:
    # 二's heading lost: table 二 is found by its words, and the overview ends before it
    text = FAMILIES[family](make_report("2021", "2021", seed=2))
    heading = _SIX[lost]
    gone = re.sub(rf"(?m)^[#* ]*{heading}[*]*\n", "", text)
    assert gone != text
    report, before = parse_report(gone), parse_report(text)
    assert report.to_flat() == before.to_flat()
    name = SECTION_NAMES[lost - 1]
    ended = getattr(report.sections, name).text
    assert ended.rstrip(" |\n") == getattr(before.sections, name).text.rstrip(" |\n")


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("某某县自然资源局2023年政府信息公开工作年度报告", "某某县自然资源局", 2023),
        ("2022年度某某市人民政府办公室政府信息公开工作年度报告", "某某市人民政府办公室", 2022),
        ("某某区人民政府\n2024 年政府信息公开工作年度报告", "某某区人民政府", 2024),
        ("标题: 某某实验区2021年度政府信息公开工作年度报告", "某某实验区", 2021),
        ("某 某 县 自 然 资 源 局 2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告", "某某县自然资源局", 2023),
        ("二〇二三年某某县自然资源局政府信息公开工作年度报告", "某某县自然资源局", 2023),
        ("某某县自然资源局二0二三年政府信息公开工作年度报告", "某某县自然资源局", 2023),
        ("二O二三年度某某县自然资源局政府信息公开工作年度报告", "某某县自然资源局", 2023),
        ("某某县自然资源局政府信息公开工作年度报告（2022年度）", "某某县自然资源局", 2022),
        ("2023年度某某县住房和城乡建设局政府信息公开年报", "某某县住房和城乡建设局", 2023),
        ("某某市生态环境局2023年政务公开工作年度报告", "某某市生态环境局", 2023),
        ("某某县教育局关于2023年度政府信息公开工作的年度报告", "某某县教育局", 2023),
        ("某某县人力资源和社会保障局2023年度政府信息\n公开工作年度报告", "某某县人力资源和社会保障局", 2023),
        # the agency under the title; a title with no year (the statistics period's)
        ("2023年政府信息公开工作年度报告\n某某县交通运输局", "某某县交通运输局", 2023),
        ("某某县交通运输局政府信息公开工作年度报告\n" + _PERIOD, "某某县交通运输局", 2022),
        ("**某某县交通运输局政府信息公开年报**\n" + _PERIOD, "某某县交通运输局", 2022),
    ],
)
def test_title_agency_and_year(title: str, agency: str, year: int) -> None:
    from .render import render_tabs

    text = render_tabs(make_report("2021", "2021", seed=1))
    text = title + "\n" + text.split("\n", 1)[1]
    report = parse_report(text)
    assert (report.agency, report.year) == (agency, year)


def test_the_opening_sentence_under_a_title_is_no_agency() -> None:
    # its first line may end in an agency's suffix, as a name does
    from .render import render_tabs

    text = render_tabs(make_report("2021", "2021", seed=1))
    title = "2023年政府信息公开工作年度报告\n本报告由某某县人民政府办公室根据中华人民共和国政府\n信息公开条例编制。"
    report = parse_report(title + "\n" + text.split("\n", 1)[1])
    assert report.agency != "本报告由某某县人民政府办公室根据中华人民共和国政府"


def test_a_cover_letter_naming_the_report_gives_no_yearless_title() -> None:
    from .render import render_tabs

    text = render_tabs(make_report("2021", "2021", seed=1))
    letter = "某某县交通运输局关于报送政府信息公开工作年度报告\n"
    report = parse_report(letter + text.split("\n", 1)[1])
    assert report.title is None or "关于" not in report.title


def test_annotated_cell_pushed_out_of_its_row() -> None:
    from .render import render_markdown

    text = render_markdown(make_report("2021", "2021", seed=1))
    lines = text.split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith("规章 |"))
    cells = lines[i].rstrip().split(" |  ")
    lines[i] = " |  ".join(cells[:-1]) + "  "
    lines.insert(i + 1, f"{cells[-1].strip()}（其中修订1件）")
    report = parse_report("\n".join(lines))
    assert report.active.cell("rules", "in_force").value == int(cells[-1])
    assert report.active.cell("normative_docs", "issued").is_number


def test_review_table_is_not_found_in_a_narrative() -> None:
    # 结果维持 in a sentence (其中结果维持 72 件，结果纠正 64 件) is no table 四
    text = render_tabs(make_report("2021", "2021", seed=1))
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题")
    narrative = "全年行政复议 3 件，其中结果维持 2 件，\n结果纠正 1 件。\n"
    report = parse_report(text[:start] + text[end:].replace("\n", "\n" + narrative, 1))
    assert not report.review.found


@pytest.mark.parametrize(
    "note", ["注：本表数据统计截至2023年12月31日。", "数据来源：本机关2023年度统计", "（单位：件）"]
)
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html", *GLUED, *ONE_LINE}))
def test_notes_under_tables_are_no_values(family: str, note: str) -> None:
    # a note between a table and the next heading changes no value and is no lost value
    text = FAMILIES[family](make_report("2021", "2019", seed=3))
    report = parse_report(text)
    noted = re.sub(r"(?m)^([三四五])、", rf"{note}\n\1、", text)
    assert noted != text
    again = parse_report(noted)
    assert again.to_flat() == report.to_flat()
    assert [d for d in again.diagnostics if d.code == "unread-value"] == []


@pytest.mark.parametrize(
    "note", ["注：本表数据统计时间为2023年1月1日至2023年12月31日。", "数据来源：本机关2023年度统计"]
)
@pytest.mark.parametrize("family", sorted(GLUED | ONE_LINE))
def test_notes_under_tables_in_glued_text_are_no_values(family: str, note: str) -> None:
    # where no line break or separator sets a table's cells apart, the figures of a note
    # (a date, a year) would be cells of the table's last row; the note ends at its full stop
    text = FAMILIES[family](make_report("2021", "2019", seed=3))
    report = parse_report(text)
    noted = re.sub(r"(?=[三四五]、(?:收到和处理|政府信息公开行政|存在的主要))", note, text)
    assert noted.count(note) == 3
    assert parse_report(noted).to_flat() == report.to_flat()


@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html"}))
def test_headings_indented_with_odd_spaces_change_nothing(family: str) -> None:
    # a page indents paragraphs with ideographic spaces or &nbsp;: one no-break space
    # before a heading made every table of a page's text with blank cells read as if its
    # no-break spaces were blank cells (unstructured's text of a Word file: values lost)
    text = FAMILIES[family](make_report("2021", "2021", seed=4, blanks=0.3))
    indented = text.replace("一、总体情况", "\u3000\u3000一、总体情况", 1)
    indented = indented.replace("二、主动公开政府信息情况", "\xa0二、主动公开政府信息情况", 1)
    assert indented.count("\xa0二、") == 1
    assert parse_report(indented).to_flat() == parse_report(text).to_flat()


@pytest.mark.parametrize("family", ["webdriver_text", "inner_text", "word_text", "docx2txt"])
def test_row_labels_indented_with_ideographic_spaces_change_nothing(family: str) -> None:
    # WebDriver writes a blank cell as two spaces opening the next line (its &nbsp; a
    # space): an indent of ideographic spaces in a label's cell is no blank cell (one, an
    # odd indent, made the text read as if no spaces were blank cells: 33-82 values lost)
    text = FAMILIES[family](make_report("2019", "2021", seed=9, blanks=0.3))
    indented = re.sub("(?m)^(二、上年结转)", "\u3000\\1", text)
    indented = re.sub("(?m)^([1-9]\\.)", "\u3000\u3000\\1", indented)
    assert indented.count("\u3000") >= 3
    assert parse_report(indented).to_flat() == parse_report(text).to_flat()


#: How agencies number the leaf rows (the template's ``1.``), each applied to every such row.
_LEAF_MARKERS = {
    "（N）": lambda n: f"（{n}）",
    "(N)": lambda n: f"({n})",
    "N、": lambda n: f"{n}、",
    "circled": lambda n: "①②③④⑤⑥⑦⑧⑨"[n - 1],
}


@pytest.mark.parametrize("style", sorted(_LEAF_MARKERS))
@pytest.mark.parametrize("family", ["glued", "text_content", "pdfminer", "tabs", "raw", "gfm"])
def test_leaf_rows_numbered_otherwise(family: str, style: str) -> None:
    # （3）其他 was not found (its pattern wanted 3.), and in glued text its 3 ran on into
    # the row before; ① was no marker at all
    text = FAMILIES[family](make_report("2021", "2021", seed=2))
    mark = _LEAF_MARKERS[style]
    renumbered = re.sub(r"(?<![\d.])([1-9])\.(?=[\u4e00-\u9fff])", lambda m: mark(int(m[1])), text)
    assert renumbered != text
    assert parse_report(renumbered).to_flat() == parse_report(text).to_flat()


#: Captions agencies put over their tables, numbered.
_CAPTIONS = {
    "二、主动公开政府信息情况": "表1 主动公开政府信息情况统计表",
    "三、收到和处理政府信息公开申请情况": "表2：收到和处理政府信息公开申请情况统计表",
    "四、政府信息公开行政复议、行政诉讼情况": "附表3 政府信息公开行政复议、行政诉讼情况统计表",
}


@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html"}))
def test_numbered_table_captions_are_no_values(family: str) -> None:
    # in glued text the caption's number ran on into the table's first row (表1…规章1678…)
    text = FAMILIES[family](make_report("2019", "2021", seed=5))
    sep = " " if family in ONE_LINE else "\n"
    captioned = text
    for heading, caption in _CAPTIONS.items():  # (a heading may be printed over two lines)
        m = re.search("\n?".join(heading), captioned)
        assert m is not None
        captioned = captioned[: m.end()] + sep + caption + captioned[m.end() :]
    assert captioned.count("统计表") == 3
    report, again = parse_report(text), parse_report(captioned)
    assert again.to_flat() == report.to_flat()
    assert [d.code for d in again.diagnostics] == [d.code for d in report.diagnostics]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("family", ["pdfminer", "raw", "blank_lines", "tabs"])
def test_counts_written_with_their_unit_in_table_three(family: str, seed: int) -> None:
    # 0件: pdfminer's column blocks were not turned (a count with its unit was no count to
    # the arithmetic that tells columns from rows), and the block was left unset
    text = FAMILIES[family](make_report("2021", "2021", seed=seed))
    start, end = text.index("三、收到和处理"), text.index("四、政府信息公开行政复议")
    table = re.sub(r"(?m)(?<=\d)(?=\t|$)", "件", text[start:end])
    assert table.count("件") > 20
    with_units = text[:start] + table + text[end:]
    assert parse_report(with_units).to_flat() == parse_report(text).to_flat()


#: Sentences agencies write round their tables, naming rows with figures: after a heading
#: (before its table), and before the next heading (after the table).
_SUMMARIES_AFTER = {
    "二、主动公开政府信息情况": "2023年，本机关主动公开政府信息366条，其中制发规章3件、"
    "行政规范性文件18件，作出行政许可决定120件，行政处罚45件。",
    "三、收到和处理政府信息公开申请情况": "2023年，本机关共收到政府信息公开申请366件，"
    "其中本年新收政府信息公开申请数量337件，上年结转29件。（一）予以公开199件，（二）部分公开"
    "12件，不予公开3件，无法提供15件，结转下年度继续办理24件。具体情况如下：",
    "四、政府信息公开行政复议、行政诉讼情况": "2023年，本机关发生政府信息公开行政复议案件3件，"
    "结果维持2件；行政诉讼案件1件，尚未审结1件。",
}
_SUMMARIES_BEFORE = {
    "四、政府信息公开行政复议、行政诉讼情况": "从上表可以看出，本年度予以公开199件，占比54%。"
    "（注：本年度新收申请337件，较上年增长12%。）",
    "五、存在的主要问题及改进情况": "全年共发生行政复议3件，行政诉讼1件，均已审结。",
}


def _with_summaries(family: str, text: str) -> str:
    if family == "html":  # a paragraph before and after every table
        summary = "".join(_SUMMARIES_AFTER.values())
        text = text.replace("<table", f"<p>{summary}</p><table")
        return text.replace("</table>", f"</table><p>{summary}</p>")
    sep = " " if family in ONE_LINE else "\n"
    for heading, summary in _SUMMARIES_AFTER.items():  # (a heading may span two lines)
        m = re.search("\n?".join(heading), text)
        assert m is not None
        text = text[: m.end()] + sep + summary + text[m.end() :]
    for heading, summary in _SUMMARIES_BEFORE.items():
        m = re.search("\n?".join(heading), text)
        assert m is not None
        at = m.start() if family in ONE_LINE else text.rfind("\n", 0, m.start()) + 1
        text = text[:at] + summary + sep + text[at:]
    return text


@pytest.mark.parametrize("blanks", [0.0, 0.3])
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_sentences_that_name_rows_with_figures_are_no_rows(family: str, blanks: float) -> None:
    # 予以公开199件， in a paragraph above table 三 was taken for the row's label: the table's
    # own rows were left unset (7 families), or, in glued text, every row moved
    text = FAMILIES[family](make_report("2021", "2021", seed=8, blanks=0.0 if family in GLUED else blanks))
    summarised = _with_summaries(family, text)
    assert summarised.count("予以公开199件") >= 2
    report, again = parse_report(text), parse_report(summarised)
    assert again.to_flat() == report.to_flat()
    assert [d.code for d in again.diagnostics] == [d.code for d in report.diagnostics]


def _quoted(text: str, mark: str) -> str:
    """`text` quoted as a whole, as a markdown blockquote or an e-mail's reply quotes it:
    every line opens with `mark`, a blank line with the mark alone."""
    return "\n".join(mark + line if line else mark.rstrip() for line in text.split("\n"))


@pytest.mark.parametrize("mark", ["> ", "> > "])
@pytest.mark.parametrize("blanks", [0.0, 0.3])
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html"}))
def test_a_text_quoted_as_a_whole(family: str, blanks: float, mark: str) -> None:
    # a report quoted in markdown (``> | 规章 | 1 |``) or in a reply: its tables were left
    # unset in 13 families, its rows read wrong in 5
    text = FAMILIES[family](make_report("2021", "2019", seed=5, blanks=0.0 if family in GLUED else blanks))
    report, quoted = parse_report(text), parse_report(_quoted(text, mark))
    assert quoted.to_flat() == report.to_flat()
    assert [d.code for d in quoted.diagnostics] == [d.code for d in report.diagnostics]
    cell = quoted.requests.cell("new_received", "total")
    if cell.span is not None:  # the span still points at the value in the quoted text
        where = _quoted(text, mark)[cell.span.start : cell.span.end]
        assert re.sub(r"\n[> ]+", "\n", where) == cell.raw  # (a number split over lines)


@pytest.mark.parametrize("family", ["markdown", "gfm", "tabs", "plumber", "aligned", "boxed"])
def test_a_row_the_template_does_not_have(family: str) -> None:
    # an agency's own row (行政确认) after 行政许可: its values fit no row and are reported;
    # the rows after it keep their own values instead of each taking the one before's
    made = make_report("2021", "2021", seed=4)
    text = FAMILIES[family](made)
    m = re.search(r"(?m)^[ \t|│]*行政许可[^\n]*$", text)
    assert m is not None and re.search(r"\d", m.group())
    added = re.sub(r"\d+(?:\.\d+)?", "17", m.group().replace("行政许可", "行政确认", 1))
    report = parse_report(text[: m.end()] + "\n" + added + text[m.end() :])
    assert report.to_flat() == parse_report(text).to_flat()
    unplaced = [d for d in report.diagnostics if d.code == "unplaced-value"]
    assert unplaced and all(d.span is not None and d.span.line == text[: m.end()].count("\n") + 2 for d in unplaced)


#: The report each template's label variants are tried on: (template, seed).
_WORDING_REPORTS: dict[str, tuple[Template, int]] = {"2021": ("2021", 6), "2019": ("2019", 1)}


@pytest.mark.parametrize(
    ("template", "written", "variant"),
    [
        ("2021", "属于三类内部事务信息", "属于“三类内部事务信息”"),
        ("2021", "属于四类过程性信息", "属于\u201c四类过程性信息\u201d"),
        ("2021", "（七）总计", "（七）合计"),
        ("2021", "1.信访举报投诉类申请", "1.信访、举报、投诉类申请"),
        ("2021", "1.属于国家秘密", "（1）属于国家秘密"),  # leaf rows numbered in brackets
        ("2021", "2.重复申请", "(2)重复申请"),
        # the trial template's table 二
        ("2019", "其他对外管理服务事项", "其他对外管理服务"),
        ("2019", "行政事业性收费", "行政事业收费"),
        ("2019", "本年新制作数量", "本年制作数量"),
    ],
)
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html"}))
def test_label_wording_variants(family: str, template: str, written: str, variant: str) -> None:
    # quotes round part of a label, 合计 for 总计: the same label, in glued text too
    made, seed = _WORDING_REPORTS[template]
    text = FAMILIES[family](make_report(made, made, seed=seed))
    if written not in text:
        pytest.skip(f"{family} prints the label broken up")
    assert parse_report(text.replace(written, variant)).to_flat() == parse_report(text).to_flat()


@pytest.mark.parametrize("blank", ["&nbsp;", "&#160;", "<br>", "<br/>"])
@pytest.mark.parametrize("family", ["gfm", "markdown", "pipe_suffix"])
def test_blank_cells_written_as_markup(family: str, blank: str) -> None:
    # HTML-to-markdown tools may leave a blank cell's no-break space as an entity, or its
    # empty paragraph as a line break: | &nbsp; |, | <br> |
    text = FAMILIES[family](make_report("2021", "2019", seed=2, blanks=0.4))
    marked = re.sub(r"\|[ \t]*(?=\|)", f"| {blank} ", text)
    assert marked != text
    assert parse_report(marked).to_flat() == parse_report(text).to_flat()


def test_agency_from_a_sealed_signature() -> None:
    text = render_markdown(make_report("2021", "2021", seed=1))
    text = re.sub(r"(?m)^(?:# |\*\*标题：\*\*).*\n", "", text)  # no agency in a title
    text = text.replace("某某县自然资源局\n2024年1月15日", "**某某县自然资源局（盖章）**\n**2024年1月15日**")
    report = parse_report(text)
    assert report.agency == "某某县自然资源局"
    assert str(report.published) == "2024-01-15"
    assert report.sections.other_matters.text.endswith("本年度未收取信息处理费。")


_TABLE_SECTION_HEADS = (*_TABLE_HEADINGS, "五、存在的主要问题及改进情况")


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html", "fragments", *ONE_LINE}))
def test_tables_in_an_appendix(family: str, signed: bool) -> None:
    # sections 二 三 四 say 详见附件; the tables follow the report, after a 附件 line
    text = FAMILIES[family](make_report("2021", "2019", seed=1))
    if not signed:
        text = text.replace("某某县自然资源局\n2024年1月15日", "")
    moved = text
    bodies = []
    for head, following in itertools.pairwise(_TABLE_SECTION_HEADS):
        i, j = moved.index(head) + len(head), moved.index(following)
        bodies.append(f"（{'一二三'[len(bodies)]}）{head[2:]}\n{moved[i:j]}")
        moved = moved[:i] + "\n详见附件。\n" + moved[j:]
    moved = moved.rstrip("\n") + "\n\n附件：\n2023年政府信息公开工作年度报告统计表\n" + "".join(bodies)
    report, before = parse_report(moved), parse_report(text)
    assert report.to_flat() == before.to_flat()
    assert report.sections.other_matters.text == before.sections.other_matters.text
    assert [d.code for d in report.diagnostics].count("table-in-appendix") == 3


@pytest.mark.parametrize("rewritten", ["（单位：元）", "（元）"])
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html"}))
def test_fee_unit_from_the_reports_own_header(family: str, rewritten: str) -> None:
    # 本年收费金额（单位：万元） rewritten by the agency as 单位：元 or （元）: the amount is in 元
    text = FAMILIES[family](make_report("2021", "2021", seed=2))
    amount = parse_report(text).active.cell("fees", "amount_yuan")
    if "（单位：万元）" not in text:
        pytest.skip(f"{family} does not print the header as written")
    cell = parse_report(text.replace("（单位：万元）", rewritten)).active.cell("fees", "amount_yuan")
    assert amount.value is not None and cell.value == amount.value / 10000
    assert cell.unit == "元"


@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html"}))
def test_trial_purchase_unit_from_the_reports_own_header(family: str) -> None:
    # the trial template's 采购总金额 gives no unit (a bare amount is 元); some agencies
    # head it 采购总金额（万元）: a bare amount is then in 万元, one with its unit keeps it
    text = FAMILIES[family](make_report("2019", "2019", seed=0))
    amount = parse_report(text).active.cell("procurement", "amount_yuan")
    headed = text.replace("采购总金额", "采购总金额（万元）")
    if headed == text or amount.value is None:
        pytest.skip(f"{family} does not print the header as written, or the amount")
    assert amount.value == 5656528 and "元" not in amount.raw
    cell = parse_report(headed).active.cell("procurement", "amount_yuan")
    assert cell.value == 56565280000 and cell.unit == "万元"
    if "5656528" in headed:
        own = parse_report(headed.replace("5656528", "5656528元"))
        assert own.active.cell("procurement", "amount_yuan").value == 5656528


_SIX = (
    "一、总体情况", *_TABLE_HEADINGS, "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
)


@pytest.mark.parametrize(
    "contents",
    [
        "目录\n" + "\n".join(_SIX),
        "目录\n" + "\n".join(f"{h}……………{k + 1}" for k, h in enumerate(_SIX)),
        "目 录\n" + "\n".join(f"{h}  {k + 1}" for k, h in enumerate(_SIX[:4])),
    ],
    ids=["plain", "dot-leaders", "first-four"],
)
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"html", "fragments"}))
def test_table_of_contents_before_the_report(family: str, contents: str) -> None:
    text = FAMILIES[family](make_report("2021", "2021", seed=1))
    i = text.index(_SIX[0])
    with_contents = parse_report(text[:i] + contents + "\n" + text[i:])
    assert _section_texts(text[:i] + contents + "\n" + text[i:]) == _section_texts(text)
    assert not [d for d in with_contents.diagnostics if d.code == "missing-section"]


@pytest.mark.parametrize("family", sorted(EXACT_BLANKS))
@pytest.mark.parametrize("seed", [13, 28, 56])
def test_a_misspelt_row_label_keeps_its_values_in_their_row(family: str, seed: int) -> None:
    # 5.属于三类内事务信息 (部 lost): found by its number between rows 4 and 6; before,
    # its values went on the row above, whose blank cells left room for them
    made = make_report("2021", "2021", seed=seed, blanks=0.3)
    text = FAMILIES[family](made).replace("5.属于三类内部事务信息", "5.属于三类内事务信息", 1)
    flat = parse_report(text).to_flat()
    for key, value in expected_flat(made).items():
        if key.startswith(("requests.denied.third_party_rights", "requests.denied.internal")):
            assert flat[key] == value, (family, key)



ROW_LABEL = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"


def _wrap_row(text: str, label: str, head: str, repeat: bool = True) -> str:
    """`text` with the row of `label` split into two table rows, as PDF-to-markdown tools
    split a wrapped label cell: `head` and blank cells, then the rest and the values (with
    what comes before the label, a group label say, `repeat`ed or left empty)."""
    start = text.index(label)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.index("\n", start)
    prefix, rest = text[line_start:start], text[start + len(label) : line_end]
    first = prefix + head + re.sub(r"\d+", " ", rest)
    second = (prefix if repeat else re.sub(r"[^|│\t ]", "", prefix)) + label.removeprefix(head) + rest
    return text[:line_start] + first + "\n" + second + text[line_end:]


@pytest.mark.parametrize("family", ["gfm", "markdown", "tabs", "boxed"])
@pytest.mark.parametrize("seed", [3, 17])
@pytest.mark.parametrize(
    ("label", "head"),
    [
        # r015 through pymupdf4llm: the label's first line matches its row, the second none
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1.申请人无正当理由逾期不补"),
        (ROW_LABEL, "2.申请人逾期未按收费通知要"),
    ],
)
@pytest.mark.parametrize("repeat", [True, False])
@pytest.mark.parametrize("blanks", [0.0, 0.4])
def test_a_label_wrapped_into_two_table_rows_keeps_its_values(
    family: str, seed: int, label: str, head: str, repeat: bool, blanks: float
) -> None:
    # |1.申请人无正当理由逾期不补|||||||| then |正、行政机关不再处理…|0|1|37|…: the values
    # are the row's (its blank cells too); before, they were reported unplaced
    made = make_report("2021", "2021", seed=seed, blanks=blanks)
    text = _wrap_row(FAMILIES[family](made), label, head, repeat)
    assert parse_report(text).to_flat() == expected_flat(made)


@pytest.mark.parametrize("family", ["gfm", "tabs"])
def test_a_blank_row_does_not_take_the_values_of_a_row_whose_label_is_cut(family: str) -> None:
    # row 2's label lost its first half; what is left is also the end of row 1's label,
    # but row 1's own line printed all of it: the values are not row 1's
    made = make_report("2021", "2021", seed=5, blanks=0.0)
    text = FAMILIES[family](made)
    start = text.index(ROW_LABEL)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.index("\n", start)
    row1 = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start]
    blank_row1 = row1[: row1.index("1.申请人")] + re.sub(r"(?<=[|\t ])\d+", " ", row1[row1.index("1.申请人") :])
    cut = text[line_start:line_end].replace(ROW_LABEL, "行政机关不再处理其政府信息公开申请")
    text = text[: line_start - len(row1)] + blank_row1 + cut + text[line_end:]
    flat = parse_report(text).to_flat()
    assert flat["requests.other.no_correction.total"] is None
    assert flat["requests.other.no_correction.natural_person"] is None


def _get_text_style(fragments: str, spaced: bool) -> str:
    """BeautifulSoup's ``get_text()`` of a page whose HTML source puts two line breaks after
    each cell, made from its ``get_text("\\n")`` (the fragments family): a block of lines
    (a cell's text nodes) joined, blocks two empty lines apart; with `spaced`
    (``get_text(" ")``), a space after every text node, so that no line is empty."""
    blocks = [b.split("\n") for b in re.split(r"\n{2,}", fragments.strip("\n"))]
    cells = ["".join(lines) if any(x.strip() for x in lines) else " " for lines in blocks]
    if spaced:  # a blank cell's &nbsp; between two spaces
        return "\n \n \n".join(c.rstrip(" ") + " " if c.strip() else "   " for c in cells)
    return "\n\n\n".join(cells)


@pytest.mark.parametrize("spaced", [False, True])
@pytest.mark.parametrize("seed", [3, 11, 29])
def test_beautifulsoup_get_text_with_blank_cells_of_spaces(spaced: bool, seed: int) -> None:
    # r012.html through get_text() and get_text(" "): cells two empty lines apart, blank
    # cells a line of spaces (&nbsp;); with " ", no line is empty.  Before: read as cells a
    # blank line apart whose blank cells are empty lines (values unset), and with " " the
    # cells of a row joined into one number (8, 0, 18 as 8018)
    made = make_report("2021", "2021", seed=seed, blanks=0.3)
    text = _get_text_style(FAMILIES["fragments"](made), spaced)
    report = parse_report(text)
    flat, want = report.to_flat(), expected_flat(made)
    if not spaced:
        assert flat == want
        return
    # get_text(" ") leaves a blank cell no mark of its own: its row may be left open, but
    # with a warning, and no value is read wrong
    wrong = {k: (v, flat[k]) for k, v in want.items() if flat[k] != v}
    assert all(got is None for _, got in wrong.values()), wrong
    warned = {d.key for d in report.diagnostics if d.severity == "warning"}
    rows = {"review" if k.startswith("review.") else k.rsplit(".", 1)[0] for k in wrong}
    assert rows <= warned, rows - warned


def test_a_table_a_converter_left_out_is_said() -> None:
    # pandoc's plain text writes [TABLE] for a table with merged cells
    made = make_report("2021", "2021", seed=4)
    text = FAMILIES["tabs"](made)
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议")
    text = text[:start] + "三、收到和处理政府信息公开申请情况\n\n[TABLE]\n\n" + text[end:]
    report = parse_report(text)
    missing = [d for d in report.diagnostics if d.code == "missing-table"]
    assert len(missing) == 1 and "[TABLE]" in missing[0].message


_ADDED_ROWS = [
    ("8.属于行政查询事项", "（四）无法提供", "9.其他"),
    ("2.重复申请", "3.要求提供公开出版物", "其中：撤回申请"),
    ("规章", "规范性文件", "其他文件"),
]
#: Raw pdftotext prints table 二 a row at a time (label, then its values a line each); its
#: table 三's labels print away from their values, where an added row is not read so.
_ADDED_ROWS_RAW = [("规章", "规范性文件", "其他文件"), ("行政处罚", "行政强制", "行政确认")]


@pytest.mark.parametrize(
    ("family", "after", "before", "label", "not_placed"),
    [
        (family, *where, ("unplaced-value", "too-many-values"))
        for family in sorted(ADDED_ROW_FAMILIES)
        for where in _ADDED_ROWS
    ]
    + [("raw", *where, ("unplaced-value",)) for where in _ADDED_ROWS_RAW],
)
def test_a_row_the_agency_added_moves_no_row(
    family: str, after: str, before: str, label: str, not_placed: tuple[str, ...]
) -> None:
    # the added row's values go provisionally to the next row in template order; that
    # row's own label, when it comes, takes it back, and the added values are reported
    # (in one-line text read as glued, the row before keeps them as values too many)
    made = make_report("2019", "2019", seed=3)
    report = parse_report(with_added_row(FAMILIES[family](made), after, before, label))
    flat = report.to_flat()
    wrong = {k: (flat[k], v) for k, v in expected_flat(made).items() if flat[k] != v}
    assert wrong == {}
    assert sum(d.code in not_placed for d in report.diagnostics) >= 2


@pytest.mark.parametrize(
    ("family", "after", "label"),
    [
        ("raw", "unavailable.needs_creation", "9.其他"),  # a row of its own, labels before values
        ("docx2python", "denied.prohibited_by_law", "其中：撤回申请"),  # merged label cells empty
        ("glued", "granted", "（八）其他情形"),  # digits after words
        ("text_content", "not_processed.duplicate", "其中：撤回申请"),
    ],
)
@pytest.mark.parametrize("cells", [("0", "1", "0", "0", "2", "0", "3"), ("7",) * 7])
def test_a_row_the_agency_added_to_table_three_is_reported_not_read(
    family: str, after: str, label: str, cells: tuple[str, ...]
) -> None:
    # the families that print rows other than label-then-values (blocks by columns, merged
    # label cells, digits run together): every row of table 三 reads right, nothing reads
    # otherwise than without the added row, and the added row's values are reported,
    # whether or not they add up
    import attrs

    made = make_report("2021", "2021", seed=11)
    text = FAMILIES[family](attrs.evolve(made, added=(("requests", after, label, cells),)))
    report = parse_report(text)
    flat = report.to_flat()
    plain = parse_report(FAMILIES[family](made)).to_flat()
    assert {k: (flat[k], v) for k, v in expected_flat(made).items() if flat[k] != plain[k]} == {}
    assert {k: (flat[k], v) for k, v in expected_flat(made).items() if k.startswith("requests.") and flat[k] != v} == {}
    assert any(d.code == "unplaced-value" for d in report.diagnostics)


def _words(label: str) -> re.Pattern[str]:
    """A label as a family may print it: any white space between its characters."""
    return re.compile(r"\s*".join(map(re.escape, label)))


#: Families whose rows are their label then their values (pdfminer.six and raw pdftotext
#: print table 三's labels apart from its values; html and markitdown round them).
_LABEL_THEN_VALUES: Final = sorted(set(FAMILIES) - {"pdfminer", "raw", "html", "markitdown"})


@pytest.mark.parametrize("row", [("5.属于三类内部事务信息", "6.属于四类过程性信息"), ("2.重复申请", "3.要求提供公开出版物")])
@pytest.mark.parametrize("family", _LABEL_THEN_VALUES)
def test_a_row_printed_twice_moves_no_row(family: str, row: tuple[str, str]) -> None:
    # a row's label and values printed a second time (a line copied twice by a scraper or
    # a PDF's page break): its second copy's values went to the next row, and every row
    # after it took the values of the row before (30-56 values a report set wrong); now
    # the next row's own label takes its row back and the copy's values are reported
    made = make_report("2021", "2021", seed=5)
    text = FAMILIES[family](made)
    label, following = row
    m = _words(label).search(text)
    assert m is not None
    n = _words(following).search(text, m.end())
    assert n is not None
    report = parse_report(text[: n.start()] + text[m.start() : n.start()] + text[n.start() :])
    plain = parse_report(text)
    assert report.to_flat() == plain.to_flat()
    assert any(d.code == "unplaced-value" for d in report.diagnostics)


@pytest.mark.parametrize("family", _LABEL_THEN_VALUES)
def test_a_row_label_misread_as_the_row_before(family: str) -> None:
    # OCR or a typo made a row's label the row before's: its values, after a second label
    # of a row filled already, are read as the next row's, in template order, and said so
    made = make_report("2019", "2019", seed=5)
    text = FAMILIES[family](made)
    m = _words("6.属于四类过程性信息").search(text)
    assert m is not None
    report = parse_report(text[: m.start()] + "5.属于三类内部事务信息" + text[m.end() :])
    assert report.to_flat() == parse_report(text).to_flat()
    (missed,) = (d for d in report.diagnostics if d.code == "missed-label")
    assert missed.key == "requests.denied.process_info"
    assert "second label of row denied.internal_affairs" in missed.message


def _marked(family: str, text: str, mark: str) -> str:
    """`text` with each empty cell of its rows written `mark`: tab fields, or the cells
    between two pipes of a markdown table."""
    if family == "gfm":
        return re.sub(r"(?<=\|) +(?=\|)", f" {mark} ", text)
    return "\n".join(
        "\t".join(c if c.strip() else mark for c in line.split("\t")) if "\t" in line else line
        for line in text.split("\n")
    )


@pytest.mark.parametrize("mark", ["None", "nan", "NaN", "-"])
@pytest.mark.parametrize("family", ["tabs", "python_docx", "gfm"])
def test_a_table_exported_with_a_mark_in_every_empty_cell(family: str, mark: str) -> None:
    # a table written out cell by cell with str() (``"\t".join(map(str, row))`` of
    # pdfplumber's extract_table: None), pandas' NaN, or a - for nothing: in blank value
    # cells, in merged label cells before a row's label, after a caption, in table 四's
    # merged header cells.  Before: 4-15 values a report set wrong (a caption's marks
    # taken for the first row's values, the marks before a label for the row before's),
    # table 四 unset (its header's marks read as values)
    for seed in (0, 5):
        made = make_report("2021" if seed else "2019", "2019" if seed else "2021", seed=seed, blanks=0.3)
        text = FAMILIES[family](made)
        marked = _marked(family, text, mark)
        assert marked != text
        assert parse_report(marked).to_flat() == parse_report(text).to_flat() == expected_flat(made)


_TABLE_HEADINGS = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")


def _with_tables(tables: list[str]) -> str:
    """A report whose three tables are `tables`, under their headings, with prose round them."""
    body = "\n".join(f"{h}\n{t}" for h, t in zip(_TABLE_HEADINGS, tables, strict=True))
    return (
        "某某县2023年政府信息公开工作年度报告\n一、总体情况\n本年度，我局认真贯彻落实《条例》。\n"
        f"{body}\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
    )


@pytest.mark.parametrize("how", ["tsv", "string"])
@pytest.mark.parametrize("blanks", [0.0, 0.3])
def test_data_frames_printed_with_their_index(how: str, blanks: float) -> None:
    # a scraper's pandas.read_html of the report's page, each table printed with its index
    # and column numbers (``to_csv(sep="\t")``, ``to_string()``: NaN in blank cells, merged
    # cells repeated).  Before: the index was read as a value opening each row, ~50 values
    # a report set wrong
    import io
    import warnings

    pd = pytest.importorskip("pandas")
    pytest.importorskip("lxml")
    for seed in (0, 3):
        made = make_report("2021" if seed else "2019", "2021", seed=seed, blanks=blanks)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frames = pd.read_html(io.StringIO(FAMILIES["html"](made)))[1:]
        tables = [f.to_csv(sep="\t") if how == "tsv" else f.to_string() for f in frames]
        report = parse_report(_with_tables(tables))
        flat = report.to_flat()
        assert {k: flat[k] for k, v in expected_flat(made).items() if flat[k] != v and not k.startswith("meta.")} == {}
        assert sum(d.code == "index-column" for d in report.diagnostics) == 3


def test_a_numbered_column_before_the_labels_is_no_cells() -> None:
    # a 序号 column (1, 2, 3… down a table's lines) before each line's cells: row numbers,
    # not values; lines numbered by chance (a few) stay cells
    made = make_report("2021", "2021", seed=7, blanks=0.2)
    text = FAMILIES["tabs"](made)
    head, _, rest = text.partition("三、收到和处理政府信息公开申请情况\n")
    table, sep, tail = rest.partition("四、")
    numbered = "\n".join(f"{i}\t{line}" for i, line in enumerate(table.rstrip("\n").split("\n"), 1))
    report = parse_report(f"{head}三、收到和处理政府信息公开申请情况\n{numbered}\n{sep}{tail}")
    assert report.to_flat() == parse_report(text).to_flat()
    (note,) = (d for d in report.diagnostics if d.code == "index-column")
    assert note.severity == "info"


@pytest.mark.parametrize("family", ["pdfminer", "raw", "blank_lines", "tabs", "gfm"])
def test_labels_numbered_with_enclosed_characters(family: str) -> None:
    # （一） and 1. printed as one character each (㈠, ⑴: Word's numbering, some fonts)
    made = make_report("2021", "2021", seed=4, blanks=0.0)
    text = FAMILIES[family](made)
    cn = "一二三四五六七八九十"
    enclosed = re.sub(r"（([一二三四五六七八九十])）", lambda m: "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"[cn.index(m.group(1))], text)
    enclosed = re.sub(r"(?<![\d.])([1-9])\.(?=[\u4e00-\u9fff])", lambda m: "⑴⑵⑶⑷⑸⑹⑺⑻⑼"[int(m.group(1)) - 1], enclosed)
    assert enclosed != text
    assert parse_report(enclosed).to_flat() == parse_report(text).to_flat()


@pytest.mark.parametrize("double", ["\n\n", "\r\r\n"])
@pytest.mark.parametrize("family", sorted(set(FAMILIES) - {"glued", "soup_one_line"}))
def test_a_text_with_every_line_break_doubled(family: str, double: str) -> None:
    # CRLF text written out again in text mode on Windows (\r\r\n), or read back so
    # with universal newlines (\n\n): every line an empty line apart.  Before: 10-860
    # values a family set wrong or lost on eight reports (raw and pdfminer.six's blocks,
    # a browser's cell padding, blank cells a line apart); now read as written
    for seed, blanks in ((2, 0.0), (5, 0.25)):
        made = make_report("2021" if seed % 2 else "2019", "2021", seed=seed, blanks=blanks)
        text = FAMILIES[family](made).replace("\r\n", "\n")
        doubled = text.replace("\n", double)
        assert parse_report(doubled).to_flat() == parse_report(text).to_flat()


@pytest.mark.parametrize("blanks", [0.0, 0.3, 0.6])
@pytest.mark.parametrize("cleanup", [r"[ \t]+", r"[ \t\u3000\xa0]+", "expand"])
def test_inner_text_with_its_tabs_made_spaces(cleanup: str, blanks: float) -> None:
    # a browser's text of paragraph cells whose white space a scraper collapsed (or whose
    # tabs it expanded): each tab between two cells a line of spaces, as may be a blank
    # cell's &nbsp;.  Before: 50-60 values a report set wrong, the cells read one a line
    for seed in (2, 13):
        made = make_report("2021" if seed % 2 else "2019", "2021", seed=seed, blanks=blanks)
        text = FAMILIES["inner_text"](made)
        cleaned = text.expandtabs(8) if cleanup == "expand" else re.sub(cleanup, " ", text)
        # (a blank cell's &nbsp; made a space too is told from a tab by where it is)
        assert parse_report(cleaned).to_flat() == expected_flat(made)


@pytest.mark.parametrize("blanks", [0.3, 0.6])
@pytest.mark.parametrize("family", ["inner_text", "fragments"])
def test_browser_text_with_its_lines_stripped(family: str, blanks: float) -> None:
    # every line stripped (``line.strip()``): the tab or the line of spaces that wrote a
    # blank cell is an empty line, and blank cells are empty lines more between cells.
    # Before: every blank cell lost, and table 三's rows left to the arithmetic
    for seed in (4, 17):
        made = make_report("2019" if seed % 2 else "2021", "2021", seed=seed, blanks=blanks)
        text = "\n".join(line.strip() for line in FAMILIES[family](made).split("\n"))
        assert parse_report(text).to_flat() == expected_flat(made)


@pytest.mark.parametrize("blanks", [0.0, 0.3])
def test_page_text_with_the_indents_of_its_markup(blanks: float) -> None:
    # BeautifulSoup's get_text("\\n") of a page written with indented markup: the white
    # space between tags makes lines of spaces among the empty lines between cells, as a
    # blank cell's &nbsp; does.  Read by counting lines, spaces or not.  Before: each line
    # of spaces a blank cell (120-250 values a report set wrong)
    for seed in (4, 11):
        made = make_report("2019" if seed % 2 else "2021", "2021", seed=seed, blanks=blanks)
        lines = FAMILIES["fragments"](made).split("\n")
        indented = "\n".join(
            line or " " * (i % 4) for i, line in enumerate(lines)
        )
        assert parse_report(indented).to_flat() == expected_flat(made)


@pytest.mark.parametrize("blanks", [0.0, 0.3])
def test_page_text_with_its_runs_of_empty_lines_made_one(blanks: float) -> None:
    # BeautifulSoup's get_text("\\n") cleaned up with re.sub(r"\\n\\s*\\n", "\\n\\n"):
    # cells a blank line apart, a number's pieces (20</span><span>23) on consecutive lines,
    # as raw pdftotext prints a block's columns one after the other.  Read in pieces where
    # rows then add up.  Before: read as columns (230-250 values a report set wrong).
    # Blank cells are lost with their lines: values may then be unknown, never wrong
    for seed in (4, 11):
        made = make_report("2019" if seed % 2 else "2021", "2021", seed=seed, blanks=blanks)
        squeezed = re.sub(r"\n\s*\n", "\n\n", FAMILIES["fragments"](made))
        got = parse_report(squeezed).to_flat()
        want = expected_flat(made)
        if not blanks:
            assert got == want
        wrong = {k: (v, got[k]) for k, v in want.items() if got[k] is not None and got[k] != v}
        assert not wrong
        assert sum(got[k] == v for k, v in want.items()) > 0.8 * len(want)


@pytest.mark.parametrize("seed", range(6))
def test_markitdown_with_its_white_space_collapsed(seed: int) -> None:
    # markitdown prints the 2019 table 二's worded changes a line from their row's values;
    # with the tables' padding gone the two lines were not joined (45 of 80 reports
    # read differently, values set wrong); now by the ``|`` of their cells
    made = make_report("2019", "2021" if seed % 2 else "2019", seed=seed)
    text = FAMILIES["markitdown"](made)
    collapsed = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    assert parse_report(collapsed).to_flat() == parse_report(text).to_flat()


@pytest.mark.parametrize("blanks", [0.0, 0.3])
@pytest.mark.parametrize("family", ["plumber", "raw", "aligned"])
def test_trailing_spaces_on_lines_change_nothing(family: str, blanks: float) -> None:
    # PDF text (pypdf's, pdfplumber's) often ends lines with a space or two.  Before: a
    # line's two trailing spaces were read as a blank cell (as WebDriver writes one), and
    # table 三's rows read wrong or left unset (some 15 values a report)
    for seed in (3, 8):
        made = make_report("2021" if seed % 2 else "2019", "2021", seed=seed, blanks=blanks)
        text = FAMILIES[family](made)
        trailed = "\n".join(
            line + " " * (i % 3) if line.strip() else line
            for i, line in enumerate(text.split("\n"))
        )
        assert parse_report(trailed).to_flat() == parse_report(text).to_flat()


@pytest.mark.parametrize("indent", ["    ", "  ", "\u3000\u3000"])
@pytest.mark.parametrize(
    "family", ["inner_text", "plumber", "tabs", "raw", "aligned", "webdriver_text", "fragments"]
)
def test_a_text_indented_as_a_whole(family: str, indent: str) -> None:
    # every line given one indent (pasted from a markdown code block, indented by a tool):
    # it is nobody's blank cell.  Before: a browser's text of paragraph cells read its
    # indented tabs as text (50-60 values a report set wrong), pdfplumber's rows were read
    # as WebDriver's with blank cells, and WebDriver's cell-a-line text had a blank cell
    # before every value
    made = make_report("2019", "2021", seed=5, blanks=0.2)
    text = FAMILIES[family](made)
    indented = "\n".join(indent + line if line else line for line in text.split("\n"))
    assert parse_report(indented).to_flat() == parse_report(text).to_flat()


@pytest.mark.parametrize("family", ["blank_lines", "docx2txt", "docx2python"])
def test_empty_lines_holding_spaces_in_text_of_cells_an_empty_line_apart(family: str) -> None:
    # some empty lines hold a space or two (an editor's indent, a Word paragraph of a
    # space).  Before: lines of one space between cells were read as a browser's cell
    # tabs whose white space was collapsed, and rows made of cells (30-60 values a report
    # set wrong or unset)
    for seed in (1, 6):
        made = make_report("2021", "2019" if seed % 2 else "2021", seed=seed, blanks=0.1)
        text = FAMILIES[family](made)
        spaced = "\n".join(
            line or " " * (i % 3) for i, line in enumerate(text.split("\n"))
        )
        assert parse_report(spaced).to_flat() == parse_report(text).to_flat()

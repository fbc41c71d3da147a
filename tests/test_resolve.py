"""Stage 5b: deciding what the flattening left open, on small named cases."""

from __future__ import annotations

import re
import unicodedata

import attrs
import pytest

from gov_disclosure import AnnualReport, CellKind, parse_report
from gov_disclosure._vocab import TABLES

from .render import FAMILIES, render_glued
from .reports import expected_flat, make_report

HEAD = "一、总体情况\n正文\n二、主动公开政府信息情况\n"


def _report(active: str, requests: str, review: str) -> AnnualReport:
    return parse_report(
        HEAD + active + "\n三、收到和处理政府信息公开申请情况\n" + requests
        + "\n四、政府信息公开行政复议、行政诉讼情况\n" + review
        + "\n五、存在的主要问题及改进情况\n无\n六、其他需要报告的事项\n无\n"
    )


def test_lone_applicant_value_equal_to_total_is_natural_person() -> None:
    r = _report("规章 | 0 |", "一、本年新收政府信息公开申请数量 | 1 |\n1 |", "")
    row = r.requests["new_received"]
    assert [c.value for c in row] == [1, None, None, None, None, None, 1]
    assert row["commercial"].kind is CellKind.BLANK
    codes = {d.code for d in r.diagnostics}
    assert "placed-by-convention" in codes


def test_short_row_with_several_applicant_values_is_left_open() -> None:
    r = _report("规章 | 0 |", "一、本年新收政府信息公开申请数量 | 258 |\n12 |\n1 |\n1 |", "")
    row = r.requests["new_received"]
    assert all(c.kind is CellKind.ABSENT for c in row)
    amb = [d for d in r.diagnostics if d.code == "ambiguous-cells"]
    assert amb and amb[0].key == "requests.new_received" and len(amb[0].candidates) > 1


def test_total_is_set_when_every_reading_agrees_on_it() -> None:
    r = _report("规章 | 0 |", "一、本年新收政府信息公开申请数量 | 5 |\n3 |\n8 |", "")
    row = r.requests["new_received"]
    assert row["total"].value == 8
    assert row["natural_person"].kind is CellKind.ABSENT  # 5 and 3: which columns?


def test_table_two_short_row_fills_from_the_left_by_type() -> None:
    r = _report(
        "第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政许可 | 减1件 | 4 |",
        "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "",
    )
    row = r.active["licensing"]
    assert [c.value for c in row] == [None, -1, 4]  # a signed value can only be a change


@pytest.mark.parametrize(
    ("cells", "want"),
    [
        ("增318件 | 329466", [329466, 318]),  # raw pdftotext's order: the change first
        ("329466 | 增318件", [329466, 318]),  # in place: nothing moves
        ("-1 | 5", [5, -1]),
        ("0 | 5", [0, 5]),  # nothing signed: read as printed
    ],
)
def test_a_value_written_as_a_change_goes_to_the_change_column(
    cells: str, want: list[int]
) -> None:
    r = _report(
        f"第二十条第（八）项\n信息内容 | 上一年项目数量 | 本年增/减\n行政事业性收费 | {cells} |",
        "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "",
    )
    assert [c.value for c in r.active["fees"]] == want
    moved = [d for d in r.diagnostics if d.code == "placed-by-sign"]
    assert len(moved) == (cells.split(" | ")[0].strip() != str(want[0])) and all(
        d.key == "active.fees" for d in moved
    )


def test_three_columns_with_the_change_printed_last() -> None:
    r = _report(
        "第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政许可 | 10 | 5 | +3 |",
        "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "",
    )
    assert [c.value for c in r.active["licensing"]] == [10, 3, 5]


def test_the_search_for_glued_splits_is_bounded_per_table() -> None:
    # a garbled run of digits has millions of splits: one row's search stops at its own
    # bound, and the table's rows share one budget, so a table of them ends in bounded time
    from gov_disclosure._resolve import MAX_TABLE_NODES, Piece, _Budget, _splits

    digits = "1234567891" * 4
    run = Piece(digits, digits, 0, len(digits))
    row = MAX_TABLE_NODES // 4  # what one row of a table may take
    budget = _Budget(row * 3 // 2)
    _, incomplete = _splits([run], 7, ((0, 6),), budget)
    assert incomplete and budget.nodes == row // 2
    _, incomplete = _splits([run], 7, ((0, 6),), budget)
    assert incomplete and budget.nodes <= 0
    assert _splits([run], 7, ((0, 6),))[1]  # alone (no table's budget), bounded too
    assert _splits([run], 7, ((0, 6),), budget) == ([], True)  # nothing left: undecided


def test_glued_digits_split_by_the_table_identities() -> None:
    made = make_report("2021", "2021", seed=3)
    r = parse_report(render_glued(made))
    splits = [d for d in r.diagnostics if d.code == "split-digits"]
    assert len(splits) > 20
    want = made.requests["granted"]
    assert [str(c.value) for c in r.requests["granted"]] == list(want)


def test_glued_table_two_row_is_undecidable() -> None:
    r = parse_report(
        "一、总体情况 正文 二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数"
        "本年废止件数现行有效件数规章000行政规范性文件693665 三、收到和处理政府信息公开申请情况"
        "一、本年新收政府信息公开申请数量1000001 五、存在的主要问题及改进情况无 六、其他需要报告的事项无"
    )
    assert [c.value for c in r.active["rules"]] == [0, 0, 0]
    assert all(c.kind is CellKind.ABSENT for c in r.active["normative_docs"])
    amb = next(d for d in r.diagnostics if d.key == "active.normative_docs")
    assert "6/93/665" in amb.candidates


def test_a_lone_slash_stands_for_its_row() -> None:
    r = _report("规章 | 0 |", "一、本年新收政府信息公开申请数量 |\n/ |\n||||||||", "")
    row = r.requests["new_received"]
    assert all(c.kind is CellKind.NOT_APPLICABLE for c in row)


def test_never_a_zero_for_a_blank() -> None:
    r = _report("规章\t\t\t", "一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t\t", "")
    assert all(c.value is None for c in r.requests["new_received"])
    assert all(c.value is None for c in r.active["rules"])


def test_glued_number_cut_by_a_stray_space() -> None:
    # text in one line: a space between <span>s cuts 425486 in two; it is one row's value,
    # not this row's and the next's
    r = parse_report(
        "一、总体情况 正文 二、主动公开政府信息情况 第二十条第（五）项信息内容本年处理决定数量"
        "行政许可425 486第二十条第（六）项信息内容本年处理决定数量行政处罚43行政强制7"
        " 三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量1000001"
        " 五、存在的主要问题及改进情况无 六、其他需要报告的事项无"
    )
    assert r.active["licensing"]["decisions"].value == 425486
    assert r.active["licensing"]["decisions"].raw == "425 486"
    assert r.active["penalty"]["decisions"].value == 43
    assert r.active["coercion"]["decisions"].value == 7


def _aligned(label: str, cells: tuple[str | None, ...], starts: tuple[int, ...]) -> str:
    """A pdftotext -layout row: the label, then each value right-aligned at its column."""
    line = label
    for value, at in zip(cells, starts, strict=True):
        line = line.ljust(at) + ("" if value is None else value.rjust(4))
    return line


def test_short_rows_are_placed_by_the_columns_of_their_own_page() -> None:
    # pdftotext -layout spaces each page on its own scale: a table that runs over a page
    # break has its columns elsewhere on the next page, where short rows must be placed
    made = make_report("2019", "2019", seed=7, blanks=0.3)
    spec = TABLES["requests"]["2019"]
    first = tuple(40 + 6 * c for c in range(7))
    second = tuple(46 + 9 * c for c in range(7))
    lines = []
    for i, row in enumerate(spec.rows):
        cells = made.requests[row.key]
        if i == 12:
            lines.append("\f")  # the page break
        lines.append(_aligned(row.label, cells, first if i < 12 else second))
    requests = "\n\n".join(lines)
    assert any(None in made.requests[r.key] for r in spec.rows[14:])  # short rows on page 2
    report = _report("规章 0 0 0", requests, "")
    for row in spec.rows:
        got = tuple(c.raw if c.raw else None for c in report.requests[row.key])
        assert got == made.requests[row.key], row.key


@pytest.mark.parametrize(("seed", "variant"), [(0, "2019"), (2, "2021"), (7, "2019"), (8, "2021")])
def test_many_short_rows_are_placed_by_the_column_sums(seed: int, variant: str) -> None:
    # pdfplumber drops blank cells: a dozen short rows have too many combinations to try
    # one by one, but identity B (each column of （七）总计 sums the leaf rows) places every
    # value that is not 0 (a 0 and a blank cell stay interchangeable)
    made = make_report(variant, variant, seed=seed, blanks=0.3)  # type: ignore[arg-type]
    report = parse_report(FAMILIES["plumber"](made))
    flat = report.to_flat()
    for key, value in expected_flat(made).items():
        if key.startswith("requests.") and value is not None:
            assert flat[key] in (value, None), key  # never a wrong value
            if value != 0:
                assert flat[key] == value, key


def test_the_column_sums_overrule_the_lone_value_convention() -> None:
    # a lone value equal to the total goes to 自然人 by convention, unless identity B
    # places it: here it is 社会公益组织's 16
    made = make_report("2021", "2021", seed=3)
    rows = dict(made.requests)
    key = "denied.internal_affairs"
    lone = (None, None, None, "16", None, None, "16")
    delta = [int(b or 0) - int(a or 0) for a, b in zip(rows[key], lone, strict=True)]
    for fixed in ("total", "new_received"):
        rows[fixed] = tuple(str(int(v or 0) + d) for v, d in zip(rows[fixed], delta, strict=True))
    rows[key] = lone
    report = parse_report(FAMILIES["plumber"](attrs.evolve(made, requests=rows)))
    row = report.requests[key]
    assert [c.value for c in row] == [None, None, None, 16, None, None, 16]
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_a_lone_value_is_not_the_natural_persons_unless_it_equals_the_total() -> None:
    # 11 and 0 in a row whose blanks were dropped: not 11 for 自然人 and 0 for the total
    # (the convention is for a lone value equal to the total)
    r = _report("规章 | 0 |", "一、本年新收政府信息公开申请数量 | 11 |\n0 |", "")
    row = r.requests["new_received"]
    assert row["natural_person"].value is None
    about = {d.code for d in r.diagnostics if d.key == "requests.new_received"}
    assert about == {"ambiguous-cells"}


@pytest.mark.parametrize(("seed", "variant"), [(1054, "2019"), (1069, "2021"), (1093, "2019")])
@pytest.mark.parametrize("family", ["plumber", "pipe_suffix"])
def test_a_convention_never_decides_another_row(family: str, seed: int, variant: str) -> None:
    # a row placed by convention (a lone value equal to the total goes to 自然人) is a
    # guess: the column sums must not take it as given and decide other rows by it
    made = make_report(variant, variant, seed=seed, blanks=(0.3, 0.7, 1.0)[seed % 3])  # type: ignore[arg-type]
    report = parse_report(FAMILIES[family](made))
    flat = report.to_flat()
    guessed = {d.key for d in report.diagnostics if d.code == "placed-by-convention"}
    for key, value in expected_flat(made).items():
        if key.startswith("requests.") and key.rsplit(".", 1)[0] not in guessed:
            assert flat[key] in (value, None), key


def _glued_requests(rows: str) -> AnnualReport:
    return parse_report(
        "一、总体情况 正文 二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数"
        "本年废止件数现行有效件数规章000 三、收到和处理政府信息公开申请情况" + rows
        + " 五、存在的主要问题及改进情况无 六、其他需要报告的事项无"
    )


def _assert_denied_two_to_four(r: AnnualReport) -> None:
    """Rows 2, 3 and 4 of （三）不予公开 as the glued inputs below print them, read right."""
    rows = r.requests
    assert [c.value for c in rows["denied.prohibited_by_law"]] == [0, 37, 0, 0, 0, 0, 37]
    assert [c.value for c in rows["denied.endangers_safety"]] == [0, 0, 0, 0, 8, 0, 8]
    assert [c.value for c in rows["denied.third_party_rights"]] == [0] * 7


def test_glued_row_with_a_misspelt_label_is_read_from_the_digits_before_it() -> None:
    # 3.危及“三安全一稳定” printed 3.危“三安全一稳定”: no pattern knows the label, but its
    # marker and words part its digits from row 2's, and they are the next row's (flagged)
    r = _glued_requests(
        "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0370000373."
        "危“三安全一稳定”00008084.保护第三方合法权益0000000"
    )
    _assert_denied_two_to_four(r)
    codes = {(d.code, d.key) for d in r.diagnostics}
    assert ("missed-label", "requests.denied.endangers_safety") in codes
    assert not any(k == "requests.denied.endangers_safety" for c, k in codes if c == "missing-row")


def test_glued_split_never_puts_more_in_a_column_than_it_received() -> None:
    # 4.保护第三方合法权益 and 5.属于三类内部事务信息 printed 4.保护第方… and 5.于三类…:
    # row 3's digits run on with row 4's (0040004 120040016), and a split of them that
    # adds up puts 400/120 into a column — but no row can count more than the column's
    # 一、本年新收 + 二、上年结转 (here 81 + 0 in 科研机构): such splits are dropped
    r = _glued_requests(
        "一、本年新收政府信息公开申请数量7398165738881578二、上年结转政府信息公开申请数量2100014"
        "三、本年度办理结果（一）予以公开2102700048（二）部分公开（区分处理的，只计这一情形，不计"
        "其他情形）003500035（三）不予公开1.属于国家秘密0020035372.其他法律行政法规禁止公开740"
        "0020493.危及“三安全一稳定”00400044.保护第方合法权益1200400165.于三类内部事务信息0035"
        "000356.属于四类过程性信息00000007.属于行政执法案卷9000022318.属于行政查询事项01000"
        "0010（四）无法提供1.本机关不掌握相关政府信息0030024272.没有现成信息需要另行制作000037"
        "0373.补正后申请内容仍不明确000330134（五）不予处理1.信访举报投诉类申请0003190402.重复"
        "申请0100500153.要求提供公开出版物00270370644.无正当理由大量反复申请0032000325.要求行"
        "政机关确认或重新出具已获取信息260000026（六）其他处理1.申请人无正当理由逾期不补正、行政"
        "机关不再处理其政府信息公开申请0390020412.申请人逾期未按收费通知要求缴纳费用、行政机关不再"
        "处理其政府信息公开申请00000003.其他0000000（七）总计7599165738782581四、结转下年度继续"
        "办理0000101"
    )
    truth = {
        "denied.endangers_safety": [0, 0, 4, 0, 0, 0, 4],
        "denied.third_party_rights": [12, 0, 0, 4, 0, 0, 16],
        "denied.internal_affairs": [0, 0, 35, 0, 0, 0, 35],
    }
    for row, values in truth.items():
        read = [c.value for c in r.requests[row]]
        assert all(v is None or v == t for v, t in zip(read, values, strict=True)), (row, read)


def test_a_reading_never_makes_up_the_count_of_a_row_left_unread() -> None:
    # 2.没有现成… and 3.补正后… lost (their labels not printed at all): their digits run
    # on after 1.本机关不掌握…'s, and the three rows stay unset.  5.属于三类内部事务信息's 00016115 32
    # reads 16/11/5 or 16/1/15; the second makes 其他's column add up to its total only
    # because the unread rows' 10 is missing from the sum: it must not be chosen for it
    r = _glued_requests(
        "一、本年新收政府信息公开申请数量85106821718742573二、上年结转政府信息公"
        "开申请数量4200208三、本年度办理结果（一）予以公开202500027（二）部分公开"
        "（区分处理的，只计这一情形，不计其他情形）003700037（三）不予公开1.属于国家秘"
        "密0000200202.其他法律行政法规禁止公开1700000173.危及“三安全一稳定"
        "”00000004.保护第三方合法权益16002500415.属于三类内部事务信息000"
        "16115326.属于四类过程性信息0280000287.属于行政执法案卷6001400"
        "208.属于行政查询事项0390220061（四）无法提供1.本机关不掌握相关政府信息0"
        "00001010" "74033290730"
        "000505（五）不予处理1.信访举报投诉类申请00400042.重复申请3900500"
        "443.要求提供公开出版物00000004.无正当理由大量反复申请0003200325."
        "要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期"
        "不补正、行政机关不再处理其政府信息公开申请0000014142.申请人逾期未按收费通知要"
        "求缴纳费用、行政机关不再处理其政府信息公开申请0351624240993.其他00000"
        "99（七）总计87106821718938573四、结转下年度继续办理2200048"
    )
    rows = r.requests
    assert all(c.value is None for c in rows["unavailable.not_held"])
    assert [c.value for c in rows["denied.internal_affairs"]] in (
        [0, 0, 0, 16, 11, 5, 32],
        [0, 0, 0, 16, None, None, 32],
    )
    assert [c.value for c in rows["total"]] == [87, 106, 82, 171, 89, 38, 573]


def test_glued_rows_after_misspelt_labels_are_read_in_template_order() -> None:
    # 2.没有现成… and 3.补正后… printed 2.有现成… and 3.正后…: the words still part the
    # digits, so each run is the next row's (flagged), and the table adds up
    r = _glued_requests(
        "（四）无法提供1.本机关不掌握相关政府信息0000010102.有现成信息需要另行制作7403329073"
        "3.正后申请内容仍不明确0000505（五）不予处理1.信访举报投诉类申请0040004"
    )
    rows = r.requests
    assert [c.value for c in rows["unavailable.not_held"]] == [0, 0, 0, 0, 0, 10, 10]
    assert [c.value for c in rows["unavailable.needs_creation"]] == [7, 4, 0, 33, 29, 0, 73]
    assert [c.value for c in rows["unavailable.unclear_after_correction"]] == [0, 0, 0, 0, 5, 0, 5]
    assert [c.value for c in rows["not_processed.complaint"]] == [0, 0, 4, 0, 0, 0, 4]
    missed = {d.key for d in r.diagnostics if d.code == "missed-label"}
    assert missed == {"requests.unavailable.needs_creation", "requests.unavailable.unclear_after_correction"}


def test_a_row_the_agency_added_to_glued_text_is_no_rows_values() -> None:
    # 其中：撤回申请 (no row of the template) between two rows: its digits are reported, and
    # the next row's own label takes that row back
    r = _glued_requests(
        "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开037000037"
        "其中：撤回申请01000013.危及“三安全一稳定”00008084.保护第三方合法权益0000000"
    )
    _assert_denied_two_to_four(r)
    unplaced = [d.span for d in r.diagnostics if d.code == "unplaced-value"]
    assert len(unplaced) == 1 and unplaced[0] is not None
    assert unplaced[0].end - unplaced[0].start == len("0100001")  # the added row's digits
    assert not any(d.code == "missed-label" for d in r.diagnostics)


def test_a_space_inside_a_glued_number_is_read_across() -> None:
    # 0/0/8/0/31/0/39 printed 00803103 9: no split with the space as a cell boundary adds
    # up; read as one run, one does, and its total keeps the space in its raw text
    r = _glued_requests(
        "（四）无法提供1.本机关不掌握相关政府信息0000000"
        "2.没有现成信息需要另行制作00803103 93.补正后申请内容仍不明确0000000"
    )
    row = r.requests["unavailable.needs_creation"]
    assert [c.value for c in row] == [0, 0, 8, 0, 31, 0, 39]
    assert row["total"].raw == "3 9"
    assert row["legal_service"].raw == "31"


def test_a_space_in_a_glued_row_may_part_cells_or_cut_a_number() -> None:
    # 0/0/0/1/22/11/34 printed 0001221 134: with the space as a boundary, 0/0/0/12/21/1/34
    # adds up too; which one the row is, nothing here says: never the wrong one
    r = _glued_requests(
        "5.属于三类内部事务信息00000006.属于四类过程性信息0001221 1347.属于行政执法案卷0000000"
    )
    row = r.requests["denied.process_info"]
    assert [c.value for c in row] == [0, 0, 0, None, None, None, 34]
    assert any(
        d.code == "ambiguous-cells" and d.key == "requests.denied.process_info"
        for d in r.diagnostics
    )


def test_a_space_inside_a_glued_number_of_table_four_is_read_across() -> None:
    # 0/0/0/79/79 then ten zeros, printed 0007 979000…: the space cuts 79
    r = parse_report(
        "一、总体情况 正文 二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数"
        "本年废止件数现行有效件数规章000 三、收到和处理政府信息公开申请情况"
        "一、本年新收政府信息公开申请数量3000003"
        " 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼"
        "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
        "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
        "0007 9790000000000五、存在的主要问题及改进情况无 六、其他需要报告的事项无"
    )
    assert [c.value for c in r.review["reconsideration"]] == [0, 0, 0, 79, 79]
    assert r.review["reconsideration"]["pending"].raw == "7 9"
    assert [c.value for c in r.review["litigation_direct"]] == [0] * 5


@pytest.mark.parametrize("sep", ["", "\n"], ids=["one-line", "a-row-a-line"])
def test_not_applicable_marks_are_cells_of_glued_text(sep: str) -> None:
    # /39////39: seven cells, the five / not applicable (they were dropped, 39 and 39 were
    # placed by convention as 自然人 and 总计, and the rows of such text went unread)
    r = _glued_requests(
        f"{sep}（三）不予公开1.属于国家秘密/39////39{sep}2.其他法律行政法规禁止公开0/060/6"
        f"{sep}3.危及“三安全一稳定”14/290//43{sep}4.保护第三方合法权益000022/22{sep}"
    )
    rows = r.requests
    assert [c.value for c in rows["denied.state_secret"]] == [None, 39, None, None, None, None, 39]
    assert rows["denied.state_secret"]["natural_person"].kind is CellKind.NOT_APPLICABLE
    assert [c.value for c in rows["denied.prohibited_by_law"]] == [0, None, 0, 6, 0, None, 6]
    assert [c.value for c in rows["denied.endangers_safety"]] == [14, None, 29, 0, None, None, 43]
    assert [c.value for c in rows["denied.third_party_rights"]] == [0, 0, 0, 0, 22, None, 22]


def test_a_header_slash_between_words_is_no_cell_of_glued_text() -> None:
    # 本年增/减 of the trial table 二's header: a / between two words is text
    r = parse_report(
        "一、总体情况 正文 二、主动公开政府信息情况 第二十条第（五）项信息内容上一年项目数量"
        "本年增/减处理决定数量行政许可3-10其他对外管理服务事项000 三、收到和处理政府信息公开"
        "申请情况一、本年新收政府信息公开申请数量1000001 五、存在的主要问题及改进情况无"
    )
    assert [c.kind for c in r.active["licensing"]] == [CellKind.NUMBER] * 3


def _glued_trial_services(rows: str) -> AnnualReport:
    """Glued text whose trial table 二 prints `rows` as its item （五）, then （六）'s
    行政处罚 1/-2/0 and 行政强制 0/0/0."""
    return parse_report(
        "一、总体情况 正文 二、主动公开政府信息情况 第二十条第（五）项信息内容上一年项目数量"
        "本年增/减处理决定数量" + rows + "第二十条第（六）项信息内容"
        "上一年项目数量本年增/减处理决定数量行政处罚1-20行政强制000"
        " 三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量1000001"
        " 五、存在的主要问题及改进情况无 六、其他需要报告的事项无"
    )


def test_glued_digits_after_a_misspelt_label_are_the_next_rows() -> None:
    # 其他对外管理务事项 (服 lost): its 0, 0, 555 follow 行政许可's 3, -1, 0 as 3 -10 00555;
    # the label's words still part the two rows' digits: each row reads its own
    r = _glued_trial_services("行政许可3-10其他对外管理务事项00555")
    assert [c.value for c in r.active["licensing"]] == [3, -1, 0]
    assert [c.value for c in r.active["other_services"]] == [0, 0, 555]
    assert any(d.key == "active.other_services" and d.code == "missed-label" for d in r.diagnostics)
    assert [c.value for c in r.active["penalty"]] == [1, -2, 0]


def test_glued_digits_of_a_lost_label_are_never_another_rows() -> None:
    # 其他对外管理服务事项 not printed at all: its 0, 0, 555 run on after 行政许可's 3, -1, 0
    # as 3 -10 00555; 00555 is no cell, so the three runs are not the row's three cells
    r = _glued_trial_services("行政许可3-10 00555")
    licensing = r.active["licensing"]
    assert all(c.kind is CellKind.ABSENT for c in licensing)  # never -10 nor 555
    assert any(d.key == "active.licensing" and d.code == "ambiguous-cells" for d in r.diagnostics)
    assert [c.value for c in r.active["penalty"]] == [1, -2, 0]


def test_glued_values_after_a_group_label_are_its_first_rows() -> None:
    # 1.本机关不掌握相关政府信息 printed 1.机关不掌握…: what follows （四）无法提供 is row 1's
    r = _glued_requests(
        "8.属于行政查询事项0000000（四）无法提供1.机关不掌握相关政府信息3000003"
        "2.没有现成信息需要另行制作0000000"
    )
    rows = r.requests
    assert [c.value for c in rows["unavailable.not_held"]] == [3, 0, 0, 0, 0, 0, 3]
    assert [c.value for c in rows["denied.administrative_inquiry"]] == [0] * 7


def test_glued_number_before_a_misspelt_numbered_label_loses_the_label_number() -> None:
    # 0000003.补正后… : the 3 is the label's (3.补正后申请内容仍不明确, 正 lost), not a cell's
    r = _glued_requests(
        "（四）无法提供1.本机关不掌握相关政府信息0000000"
        "2.没有现成信息需要另行制作10000013.补后申请内容仍不明确0000000（五）不予处理"
    )
    rows = r.requests
    assert [c.value for c in rows["unavailable.needs_creation"]] == [1, 0, 0, 0, 0, 0, 1]
    assert [c.value for c in rows["unavailable.unclear_after_correction"]] == [0] * 7


def test_a_stray_value_in_table_four_is_the_one_the_group_totals_leave_out() -> None:
    # a page number printed into the value row, before its values: the first fifteen
    # values fail identity D; leaving out the 4 makes every group add up
    review = "4 | 72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20 |"
    r = _report("规章 | 0 | 0 | 0 |", "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", review)
    values = [c.value for row in r.review for c in row]
    assert values == [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    notes = [d for d in r.diagnostics if d.code == "too-many-values"]
    assert [d.message.split("; ")[1] for d in notes] == ["'4' was not placed"]


def test_extra_values_the_arithmetic_cannot_tell_apart_leave_their_cells_unset() -> None:
    # 0 0 23 0 0 23: either 0 is the stray one, or the 0 after 23 (0/0/23/0/23)
    review = "0 | 0 | 23 | 0 | 0 | 23 | " + "0 | " * 10
    r = _report("规章 | 0 | 0 | 0 |", "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", review)
    group = r.review["reconsideration"]
    assert group["total"].value == 23
    assert group["corrected"].kind is CellKind.ABSENT
    assert all(c.value == 0 for c in r.review["litigation_direct"])
    assert any(d.code == "ambiguous-cells" and d.key == "review" for d in r.diagnostics)


def test_a_stray_value_in_a_table_three_row_is_left_out_by_its_total() -> None:
    r = _report(
        "规章 | 0 | 0 | 0 |",
        "一、本年新收政府信息公开申请数量 | 9 | 5 | 0 | 1 | 0 | 0 | 0 | 6 |\n"
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "",
    )
    row = r.requests["new_received"]
    assert [c.value for c in row] == [5, 0, 1, 0, 0, 0, 6]


@pytest.mark.parametrize("family", ["plumber", "aligned", "gfm"])
@pytest.mark.parametrize("seed", range(8))
def test_numbers_of_two_columns_run_together_are_split_by_the_row_total(
    family: str, seed: int
) -> None:
    # pypdf's layout text of narrow columns: 165 and 78 printed as 16578.  The row's total
    # decides where to cut; where it cannot, the row is left open with a warning
    made = make_report("2021", "2021", seed=seed)
    text = FAMILIES[family](made)
    want = expected_flat(made)
    row = {k: v for k, v in want.items() if k.startswith("requests.new_received.")}
    a, b = (want[f"requests.new_received.{c}"] for c in ("nonprofit", "legal_service"))
    # the row's line (its label may wrap round it): the first with its seven numbers
    found = re.search(r"一\s*、\s*本\s*年\s*新", text)
    assert found is not None
    start = found.start()
    while len(re.findall(r"\d+", text[start : text.index("\n", start)])) < 7:
        start = text.index("\n", start) + 1
    end = text.index("\n", start)
    # the 4th and 5th numbers of the row's line, and what separates them
    cells = list(re.finditer(r"\d+", text[start:end]))[-4:-2]
    assert [int(m.group()) for m in cells] == [a, b]
    glued = text[: start + cells[0].end()] + text[start + cells[1].start() :]
    report = parse_report(glued)
    flat = report.to_flat()
    if all(flat[k] == v for k, v in row.items()):
        return
    assert all(flat[k] in (v, None) for k, v in row.items()), {k: flat[k] for k in row}
    assert any(d.severity == "warning" and d.key == "requests.new_received" for d in report.diagnostics)


_COLUMNS = ("natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total")


def test_a_split_of_run_together_numbers_is_said() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量   188   125   97   16578   79732\n"
        "二、上年结转政府信息公开申请数量   0   0   0   0   0   0   0\n"
    )
    report = parse_report(text)
    flat = report.to_flat()
    assert [flat[f"requests.new_received.{c}"] for c in _COLUMNS] == [188, 125, 97, 165, 78, 79, 732]
    assert [d.code for d in report.diagnostics if d.key == "requests.new_received"] == ["split-digits"]


def _screen_row(label: str, cells: list[str], cell: int = 8) -> str:
    """A row laid out for a fixed-width screen (pandoc's plain text): the label padded to
    44 display columns (a CJK character takes two), each cell right-aligned in `cell`."""
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)
    return "  " + label + " " * (44 - width) + "".join(c.rjust(cell) for c in cells)


def test_a_short_row_placed_by_display_columns() -> None:
    # the labels' CJK characters are two columns wide: counted as characters, the values
    # of rows with labels of different lengths sit at different places
    full = ["3", "1", "0", "0", "2", "0", "6"]
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "",
            _screen_row("一、本年新收政府信息公开申请数量", full),
            _screen_row("二、上年结转政府信息公开申请数量", ["2", "", "", "", "1", "", "3"]),
            _screen_row("（一）予以公开", ["1", "1", "0", "0", "1", "0", "3"]),
            _screen_row("（二）部分公开", ["0"] * 7),
            _screen_row("1.属于国家秘密", ["0"] * 7),
        ]
    )
    report = parse_report(text)
    flat = report.to_flat()
    row = [flat[f"requests.carried_over.{c}"] for c in _COLUMNS]
    assert row == [2, None, None, None, 1, None, 3]
    codes = [d.code for d in report.diagnostics if d.key == "requests.carried_over"]
    assert codes == ["placed-by-position"]


def test_display_columns_count_full_width_punctuation_as_printed() -> None:
    # （一） is folded to (一) before reading; on the screen each of its brackets took two
    # columns, so the row's values sit where the other rows' do only counted unfolded
    # (columns 4 apart: counted folded, the values sit between two columns)
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "",
            _screen_row("一、本年新收政府信息公开申请数量", ["3", "1", "0", "0", "2", "0", "6"], 4),
            _screen_row("二、上年结转政府信息公开申请数量", ["2", "0", "0", "0", "1", "0", "3"], 4),
            _screen_row("（一）予以公开", ["1", "", "", "", "", "0", "1"], 4),
            _screen_row("（二）部分公开", ["0"] * 7, 4),
        ]
    )
    report = parse_report(text)
    flat = report.to_flat()
    row = [flat[f"requests.granted.{c}"] for c in _COLUMNS]
    assert row == [1, None, None, None, None, 0, 1]
    codes = [d.code for d in report.diagnostics if d.key == "requests.granted"]
    assert codes == ["placed-by-position"]


def _one_line(requests: str) -> str:
    """A report on one line, its texts a space apart (BeautifulSoup's
    ``get_text(" ", strip=True)``), with the given table 三 rows."""
    return (
        "首页 政府信息公开 发布机构 某某县 某某县自然资源局2023年政府信息公开工作年度报告 "
        "一、总体情况 正文。 三、收到和处理政府信息公开申请情况 申请人情况 自然人 总计 "
        f"{requests} 五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。\n"
    )


def test_one_line_rows_with_blank_cells_dropped_are_placed_whole() -> None:
    # 26 26: a lone 自然人 value and its total, the blank cells between them gone; no
    # split of its digits adds up, so they are whole cells, placed as in PDF text
    r = parse_report(_one_line("一、本年新收政府信息公开申请数量 26 26 二、上年结转政府信息公开申请数量 0 0"))
    assert [c.value for c in r.requests["new_received"]] == [26, None, None, None, None, None, 26]
    said = [d.code for d in r.diagnostics if d.key == "requests.new_received"]
    assert said == ["placed-by-convention"]
    assert (r.title, r.agency) == ("某某县自然资源局2023年政府信息公开工作年度报告", "某某县自然资源局")


def test_one_line_tables_whose_spaces_are_cells_are_not_split_into_digits() -> None:
    # rows read complete, a space between every two cells: the spaces are the cells'
    # boundaries, and 0 12 0 0 12 (two blank cells gone) is no 0/1/2/0/0/1/2
    rows = (
        "一、本年新收政府信息公开申请数量 3 1 0 0 2 0 6 "
        "二、上年结转政府信息公开申请数量 1 0 0 0 0 1 2 "
        "三、本年度办理结果 （一）予以公开 0 12 0 0 12"
    )
    r = parse_report(_one_line(rows))
    assert [c.value for c in r.requests["new_received"]] == [3, 1, 0, 0, 2, 0, 6]
    assert not [d for d in r.diagnostics if d.code == "split-digits"]
    granted = [c.value for c in r.requests["granted"]]
    assert granted[-1] == 12 and 1 not in granted and 2 not in granted


def test_the_header_note_printed_again_is_no_cells_note() -> None:
    # the table went on over a page and its header was printed again after row 8: the
    # header's note （本列数据的勾稽关系…） is not a note of the cell before it (which
    # read 0000000（…） as one value, 0, in the total column)
    r = _glued_requests(
        "8.属于行政查询事项0000000（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加"
        "第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        "（四）无法提供1.本机关不掌握相关政府信息8031023062"
    )
    assert [c.value for c in r.requests["denied.administrative_inquiry"]] == [0] * 7
    assert [c.raw for c in r.requests["denied.administrative_inquiry"]] == ["0"] * 7


def test_the_total_row_with_its_number_lost_is_the_total_row() -> None:
    # （七）总计 printed （）总计 (its 七 lost): still the total row, not a cell's note
    r = _glued_requests(
        "一、本年新收政府信息公开申请数量919195119184118698二、上年结转政府信息公开申请数量"
        "1031218三、本年度办理结果（一）予以公开700603952（六）其他处理0000000（）总计"
        "928698119184119698四、结转下年度继续办理0501208"
    )
    assert [c.value for c in r.requests["other"]] == [0] * 7
    assert [c.value for c in r.requests["total"]] == [92, 86, 98, 119, 184, 119, 698]

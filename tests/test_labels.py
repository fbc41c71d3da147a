"""Stage 4: label matching, every variant of FORMAT.md §8."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_disclosure._labels import _FINDERS, find_labels, first_chars
from gov_disclosure._normalize import normalize
from gov_disclosure._vocab import TABLES

REQ19 = TABLES["requests"]["2019"]
REQ21 = TABLES["requests"]["2021"]
ACT19 = TABLES["active"]["2019"]


def _keys(text: str, spec: object = REQ19) -> list[str]:
    folded = normalize(text).folded
    return [h.key for h in find_labels(folded, 0, len(folded), spec)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("一、本年新收政府信息公开申请数量", "new_received"),
        ("一 、本年新收政府信息公开申请数量", "new_received"),
        ("（一）予以公开", "granted"),
        ("(一) 予以公开", "granted"),
        ("（ 一 ） 予以公开", "granted"),
        ("(二)部分公开(分处理的,只计这一情形,不计其他情形)", "partially_granted"),
        ("1.属于国家秘密", "denied.state_secret"),
        ("1. 属于国家秘密", "denied.state_secret"),
        ("1.属于国家机密", "denied.state_secret"),
        ("2.其他法律行政止公开", "denied.prohibited_by_law"),
        ('3.危及"三安全一稳定"', "denied.endangers_safety"),
        ("3.危及'三安全一稳定'", "denied.endangers_safety"),
        ("3.危及“三安全一稳定”", "denied.endangers_safety"),
        ("2.没有现成信息需要另作制作", "unavailable.needs_creation"),
        ("4.无正当理由大量反复 申请", "not_processed.excessive"),
        ("5.要求行政机关确认或重\n新出具已获取信息", "not_processed.confirmation"),
        ("(七)總計", "total"),
        ("（七）总计", "total"),
        ("四、结转下年度继续办理", "carried_forward"),
        ("结转下一年度继续办理", "carried_forward"),
    ],
)
def test_request_row_labels(text: str, key: str) -> None:
    assert _keys(text) == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信息公开申请", "other.no_correction"),
        ("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", "other.no_correction"),
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理", "other.unpaid_fee"),
        ("3.其他", "other.other"),
        ("3、其他", "other.other"),
    ],
)
def test_revised_other_rows(text: str, key: str) -> None:
    assert _keys(text, REQ21) == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("三、 本 年 度 办 理 结 果", "group.results"),
        ("(三)不予\n\n公开", "group.denied"),
        ("（三）不\n予公开", "group.denied"),
        ("(四) 无 法\n提供", "group.unavailable"),
        ("五)不予處理", "group.not_processed"),
    ],
)
def test_group_labels(text: str, key: str) -> None:
    assert _keys(text) == [key]


def test_marker_printed_after_a_digit_run() -> None:
    folded = normalize("1.本机关不掌握相关政府信息2200003252.没有现成信息需要另行制作").folded
    hits = find_labels(folded, 0, len(folded), REQ19)
    second = hits[1]
    assert second.key == "unavailable.needs_creation"
    assert folded[second.start] == "2" and second.marker_after_digit
    assert folded[hits[0].end : second.start] == "220000325"


def test_bare_other_is_a_header_not_a_row() -> None:
    assert _keys("其他 总计", REQ21) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("规章", "rules"),
        ("规范性文件", "normative_docs"),
        ("行政规范性文件", "normative_docs"),
        ("行政事业收费", "fees"),
        ("第二十条 第(五)项", "caption.五"),
        ("第二十条第（九）项", "caption.九"),
    ],
)
def test_active_labels(text: str, key: str) -> None:
    assert _keys(text, ACT19) == [key]


# ----------------------------------------------------------------- the finder's look-ahead


def _plain(pattern: str) -> str:
    """A finder's alternation without the first-character look-ahead."""
    assert pattern.startswith("(?=[")
    return pattern[pattern.index("])(?:") + 5 : -1]


def test_every_finder_has_a_lookahead() -> None:
    for finder in _FINDERS.values():
        assert first_chars(_plain(finder.cores.pattern))


def test_first_chars() -> None:
    assert first_chars("ab|c") == frozenset("ac")
    assert first_chars("(?:x)?(?:y)*z") == frozenset("xyz")
    assert first_chars("[一-丁]") == frozenset("一丁")
    assert first_chars("x?") is None  # may match the empty string
    assert first_chars(r"\d+") is None  # a category: cannot be listed
    assert first_chars("(?<=a)b") is None  # look-behind


_FRAGMENTS = st.sampled_from(
    [*"本年新收上结转予以部分公开属于国家秘密其他法律行政三类四七总计", "(", "一", "1.", "2", "、", "（"]
)


@given(st.lists(_FRAGMENTS, max_size=60).map("".join))
def test_lookahead_finds_what_the_plain_alternation_finds(text: str) -> None:
    for finder in _FINDERS.values():
        plain = re.compile(_plain(finder.cores.pattern))
        got = [(m.span(), m.lastgroup) for m in finder.cores.finditer(text)]
        assert got == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("between", "found"),
    [
        ("5.属于三类内事务信息 | 0 | 1 |", True),  # 部 lost: found by its number
        ("| 5、属于三类内务事务信息 | 0 |", True),
        ("5. 灞炰簬涓夌被鍐呴儴浜嬪姟淇℃伅 0 1", True),  # mojibake
        ("6.属于三类内事务信息 | 0 | 1 |", False),  # numbered as another row
        ("5.5万元", False),  # a number, not a label
        ("注：5.属于三类内事务信息", False),  # not at the start of its line
    ],
)
def test_a_misspelt_row_between_two_rows_found_is_found_by_its_number(
    between: str, found: bool
) -> None:
    text = f"4.保护第三方合法权益 | 0 |\n{between}\n6.属于四类过程性信息 | 0 |"
    keys = _keys(text)
    assert ("denied.internal_affairs" in keys) is found
    if found:
        assert keys == ["denied.third_party_rights", "denied.internal_affairs", "denied.process_info"]


def test_a_row_found_by_its_number_ends_before_its_cells() -> None:
    text = "4.保护第三方合法权益  0  1\n5.属于三类内事务 信息    0    /\n6.属于四类过程性信息 0"
    folded = normalize(text).folded
    hit = find_labels(folded, 0, len(folded), REQ19)[1]
    assert folded[hit.start : hit.end] == "5.属于三类内事务 信息"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("（一）予以公开 | 3 |\n（二）部分公开（区分处理的） | 1 |\n1.属于国家秘密 | 0 |",
         "partially_granted"),  # 部份 for 部分 would not match: (二) found by its number
        ("一、本年新收政府信息公开申请数量 | 3 |\n（一）予以公开 | 3 |", None),  # no gap
        ("一、本年新收政府信息公开申请数量 | 3 |\n二、上年结傳申请数量 | 0 |\n（一）予以公开 | 3 |",
         "carried_over"),
        ("5.要求行政机关确认或重新出具已获取信息 | 0 |\n（六）其他 处 里 | 1 |\n（七）总计 | 1 |",
         "other"),
    ],
)
def test_rows_numbered_otherwise_are_found_by_their_number_too(text: str, key: str | None) -> None:
    text = text.replace("部分公开（区分处理的）", "部份公开（区分处理的）")
    keys = _keys(text)
    if key is not None:
        assert key in keys
    assert len(keys) == len(set(keys)) == text.count("\n") + 1


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("⑶其他", "other.other"),  # (3) in one character: the bare 其他 needs its marker
        ("⒊其他", "other.other"),  # 3. in one character
        ("㈦总计", "total"),
        ("㊆总计", "total"),
        ("㈢不予公开", "group.denied"),
        ("⑴属于国家秘密", "denied.state_secret"),
    ],
)
def test_one_character_enclosed_markers(text: str, key: str) -> None:
    # Word's numbering and some fonts print (3), 3. and （七） as one character; pdfminer.six's
    # labels-first tables counted their rows by them (table 三 unset, 70 values a report)
    spec = TABLES["requests"]["2021"]
    folded = normalize("（六）其他处理\n" + text + "\n").folded
    assert key in [h.key for h in find_labels(folded, 0, len(folded), spec)]

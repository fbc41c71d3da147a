"""Property: a cell rendered from a known value, as authors write it, coerces back to it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gov_disclosure._cells import coerce
from gov_disclosure._model import CellKind
from gov_disclosure._normalize import normalize
from gov_disclosure._vocab import ColumnSpec

COUNT = ColumnSpec("n", "数量")
CHANGE = ColumnSpec("change", "本年增/减", kind="change")
MONEY_YUAN = ColumnSpec("amount_yuan", "采购总金额", kind="money", unit="元")
MONEY_WAN = ColumnSpec("amount_yuan", "本年收费金额（单位：万元）", kind="money", unit="万元",
                       unit_from_header=True)

FULLWIDTH = str.maketrans("0123456789+-.,", "０１２３４５６７８９＋－．，")


def _digits(n: int, thousands: bool) -> str:
    return f"{n:,}" if thousands else str(n)


@st.composite
def written_counts(draw: st.DrawFn) -> tuple[str, int]:
    n = draw(st.integers(0, 10**8))
    text = _digits(n, draw(st.booleans()))
    text += draw(st.sampled_from(["", "件", "条", "项", "个"]))
    if draw(st.booleans()):
        text = text.translate(FULLWIDTH)
    return draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", " ", "\t"])), n


@st.composite
def written_changes(draw: st.DrawFn) -> tuple[str, int]:
    n = draw(st.integers(0, 10**6))
    negative = draw(st.booleans()) and n > 0
    style = draw(st.sampled_from(["sign", "word"]))
    if style == "sign":
        text = ("-" if negative else draw(st.sampled_from(["+", ""]))) + str(n)
    else:
        text = ("减" if negative else "增") + str(n) + draw(st.sampled_from(["", "件"]))
    if draw(st.booleans()):
        text = text.translate(FULLWIDTH)
    return text, -n if negative else n


@st.composite
def written_money(draw: st.DrawFn) -> tuple[str, Decimal, ColumnSpec]:
    cents = draw(st.integers(0, 10**10))
    amount = Decimal(cents) / 100
    # spaced out like its line, or in brackets (12667.96（万元）)
    unit = draw(st.sampled_from(["元", "万元", "万 元", "万", "亿元", "", "（万元）", "(元)"]))
    column = draw(st.sampled_from([MONEY_YUAN, MONEY_WAN]))
    currency = draw(st.sampled_from(["", "", "￥", "¥", "人民币"]))
    text = currency + format(amount.normalize(), "f") + unit
    factor = {
        "元": 1, "万元": 10000, "万 元": 10000, "万": 10000, "亿元": 100000000,
        "（万元）": 10000, "(元)": 1,
        "": 10000 if column is MONEY_WAN else 1,
    }[unit]
    return text, amount * factor, column


def _coerce(text: str, column: ColumnSpec) -> object:
    cell, _ = coerce(text, normalize(text).folded, column, None)
    assert cell.kind is CellKind.NUMBER, (text, cell)
    return cell.value


@given(written_counts())
def test_counts_coerce_back(case: tuple[str, int]) -> None:
    text, n = case
    assert _coerce(text, COUNT) == n


@given(written_changes())
def test_changes_coerce_back(case: tuple[str, int]) -> None:
    text, n = case
    assert _coerce(text, CHANGE) == n


@given(written_money())
def test_money_coerces_back_in_yuan(case: tuple[str, Decimal, ColumnSpec]) -> None:
    text, amount, column = case
    value = _coerce(text, column)
    assert isinstance(value, Decimal)
    assert value == amount


@given(st.sampled_from(["/", "／", "—", "——", "-", "N/A", "无", "不适用"]), st.sampled_from([COUNT, CHANGE, MONEY_YUAN]))
def test_not_applicable_marks(text: str, column: ColumnSpec) -> None:
    cell, note = coerce(text, normalize(text).folded, column, None)
    assert cell.kind is CellKind.NOT_APPLICABLE and cell.value is None and note is None


@given(st.text(alphabet=" \t\u3000\u00a0", max_size=4))
def test_blank_is_blank_not_zero(text: str) -> None:
    cell, _ = coerce(text, normalize(text).folded, COUNT, None)
    assert cell.kind is CellKind.BLANK and cell.value is None


@given(
    st.sampled_from(["None", "nan", "NaN", "null", "NULL"]),
    st.sampled_from(["", " ", "\t"]),
    st.sampled_from([COUNT, CHANGE, MONEY_YUAN]),
)
def test_a_tools_blank_marks_are_blank(mark: str, pad: str, column: ColumnSpec) -> None:
    # str(None) of a cell pdfplumber's extract_table left empty, pandas' NaN, JSON's null:
    # a blank cell, its text kept
    text = pad + mark + pad
    cell, note = coerce(text, normalize(text).folded, column, None)
    assert cell.kind is CellKind.BLANK and cell.value is None and cell.raw == text
    assert note is None


@given(st.text(max_size=12))
def test_coercion_never_raises_and_keeps_raw(text: str) -> None:
    for column in (COUNT, CHANGE, MONEY_YUAN, MONEY_WAN):
        cell, _ = coerce(text, normalize(text).folded, column, None)
        assert cell.raw == text
        assert (cell.value is None) == (cell.kind is not CellKind.NUMBER)


@given(st.integers(0, 10**9))
def test_counts_in_wan_coerce_back(n: int) -> None:
    # 行政处罚 398.5758万: a count written in 万 (ten thousands)
    text = format((Decimal(n) / 10000).normalize(), "f") + "万"
    cell, note = coerce(text, text, COUNT, None)
    assert note is None
    assert cell.value == n and isinstance(cell.value, int)

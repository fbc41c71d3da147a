"""Stage 5: cell text -> `Cell`.

A cell is coerced by its column's kind (`_vocab.ColumnSpec.kind`):

* ``count``: ``0``, ``20件``, ``1,234``, ``１２`` (full-width digits are folded earlier);
* ``change``: ``+63``, ``-1``, ``增318件``, ``减1件``, ``0``, ``持平`` (0: no change);
* ``money``: ``970843元``, ``12667.96万元``, ``12667.96（万元）``, ``97.08万``,
  ``￥970843``, a bare number in the column's unit (元 for the trial 采购总金额, 万元 for
  the 2021 收费金额 by its header, or the unit the report's own header states), exported
  in 元.

``/``, ``—``, ``-``, ``N/A``, ``无`` are *not applicable*; an empty cell is *blank*; anything
else is kept as *text* and reported.  Coercion never raises.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final, NamedTuple

from ._model import Cell, CellKind, Severity, Span
from ._vocab import NOTE_HEADS, REQUESTS_NOTE_HEAD, ColumnSpec


class CellNote(NamedTuple):
    """What coercion has to say about a cell: a diagnostic code, severity and message."""

    code: str
    severity: Severity
    message: str

#: A number as written in a cell: optional sign word, digits (with thousands separators or a
#: decimal part), optional unit, optional bracketed note (22（其中修订16件）), which is never
#: a bare ordinal: ``(六)`` after a number is the next row's marker (its label misspelt,
#: in text with no separators), nor table 三's header note (``（本列数据的勾稽关系为…）``,
#: printed again after a row where the table goes on over a page), nor a note in brackets
#: (``（注：本年度新收申请119件…）``).  Possessive
#: quantifiers: a failed match never backtracks into the digit runs.
NUMBER_PATTERN: Final = rf"""
    (?P<sign>[+\-]|增加?|减少?|新增)?[ \t]*+
    (?:[￥¥][ \t]*+|人民币)?                      # an amount's currency mark
    (?P<num>\d{{1,3}}(?:,\d{{3}})++(?:\.\d++)?|\d++(?:\.\d++)?)
    [ \t]*+(?P<unit>万[ \t]*+元|亿[ \t]*+元|元|件|条|项|个|次|宗|份|篇|家|万|亿)?
    [ \t]*+(?P<note>\((?![一二三四五六七八九十]{{1,2}}\)|{REQUESTS_NOTE_HEAD}|(?:{NOTE_HEADS})[ \t]*+[:：])[ \t]*+[^()\s][^()\n]{{0,39}}\))?
"""
NUMBER: Final = re.compile(NUMBER_PATTERN, re.VERBOSE)
#: "Not applicable" marks: slash, dashes, N/A, 无, 不适用.
NOT_APPLICABLE: Final = re.compile(r"[ \t]*(?:/|—+|-{1,3}|–|N/?A|n/?a|不适用|无)[ \t]*")

#: What a tool writes for a cell that holds nothing: Python's ``None``, pandas' ``NaN``,
#: JSON's ``null`` (a table exported cell by cell, ``"\t".join(map(str, row))``): a blank
#: cell, as written.
BLANK_MARK: Final = re.compile(r"[ \t]*(?:None|nan|NaN|null|NULL)[ \t]*")

#: A change written in words as none (``持平``: level with last year): 0 in a change column.
UNCHANGED: Final = re.compile(r"[ \t]*(?:持平|无变化|没有变化|未变化|不变|无增减)[ \t]*")

#: What a cell can start with: a digit, a sign word, a not-applicable mark, or no change.
_CELL_START: Final = frozenset("0123456789+-增减新/—–Nn无不￥¥人持没未")

_UNIT_FACTOR: Final = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
#: Multipliers written after a number (97.08万: 万元 in a money column, ×10,000 in a count).
_MULTIPLIER: Final = {"万": Decimal(10000), "亿": Decimal(100000000)}


#: Units a cell may write in brackets after its number (``12667.96（万元）``).
_BRACKETED_UNITS: Final = frozenset(("万元", "亿元", "元", "万", "亿", "件", "条", "项", "个", "次"))


def is_cell_text(text: str) -> bool:
    """True when `text` reads as one cell value (a number or a not-applicable mark).

    >>> [is_cell_text(t) for t in ("12", "增318件", "12667.96万元", "/", "None", "本年新", "数据1")]
    [True, True, True, True, True, False, False]
    """
    if text.isdigit() and text.isascii():
        return True  # the common case, without a regex
    if not text or text.lstrip(" \t")[:1] not in _CELL_START:
        return False  # label words: rejected without a regex
    return (
        NUMBER.fullmatch(text) is not None
        or NOT_APPLICABLE.fullmatch(text) is not None
        or UNCHANGED.fullmatch(text) is not None
        or BLANK_MARK.fullmatch(text) is not None
    )


def coerce(
    raw: str, folded: str, column: ColumnSpec, span: Span | None
) -> tuple[Cell, CellNote | None]:
    """Read one cell.  Returns the cell and, when something needs saying, a note.

    `raw` is the text as written (simplified characters), `folded` the same text with
    full-width characters folded, which is what is parsed.

    >>> from ._vocab import ColumnSpec
    >>> coerce("增318件", "增318件", ColumnSpec("change", "本年增/减", kind="change"), None)[0].value
    318
    >>> coerce("减1件", "减1件", ColumnSpec("change", "本年增/减", kind="change"), None)[0].value
    -1
    >>> coerce("持平", "持平", ColumnSpec("change", "本年增/减", kind="change"), None)[0].value
    0
    >>> money = ColumnSpec("amount_yuan", "采购总金额", kind="money", unit="元")
    >>> coerce("12667.96万元", "12667.96万元", money, None)[0].value
    Decimal('126679600.00')
    >>> coerce("12667.96（万元）", "12667.96(万元)", money, None)[0].value
    Decimal('126679600.00')
    >>> coerce("/", "/", money, None)[0].kind
    <CellKind.NOT_APPLICABLE: 'not_applicable'>
    """
    text = folded.strip()
    if text.isdigit() and text.isascii() and column.kind != "money":
        return Cell(raw, CellKind.NUMBER, int(text), span), None  # the common case
    if not text or BLANK_MARK.fullmatch(text):
        return Cell(raw, CellKind.BLANK, None, span), None
    if NOT_APPLICABLE.fullmatch(text):
        return Cell(raw, CellKind.NOT_APPLICABLE, None, span), None
    if column.kind == "change" and UNCHANGED.fullmatch(text):
        return Cell(raw, CellKind.NUMBER, 0, span), None  # 持平: no change, as written
    m = NUMBER.fullmatch(text)
    if m is None:
        return (
            Cell(raw, CellKind.TEXT, None, span),
            CellNote(
                "unreadable-cell", "warning", f"cell text {raw.strip()!r} is not a number ({column.label})"
            ),
        )
    sign, num, unit = m.group("sign"), m.group("num").replace(",", ""), m.group("unit")
    if unit is None and m.group("note") is not None:
        bracketed = m.group("note")[1:-1].replace(" ", "").replace("\t", "")
        if bracketed in _BRACKETED_UNITS:
            unit = bracketed  # 12667.96（万元）: the unit in brackets, not a note
    if unit is not None and len(unit) > 2:
        unit = unit[0] + unit[-1]  # 万 元, spaced out like the rest of its line
    negative = sign is not None and sign[0] in "-减"
    if column.kind == "money":
        if unit in _MULTIPLIER:
            unit += "元"  # 97.08万 in a money column: 万元
        return _money(raw, num, unit, negative, column, span)
    try:
        amount = Decimal(num) * _MULTIPLIER.get(unit or "", 1)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return Cell(raw, CellKind.TEXT, None, span), CellNote(
            "unreadable-cell", "warning", f"cell text {raw!r} is not a number"
        )
    if amount != amount.to_integral_value():
        return (
            Cell(raw, CellKind.TEXT, None, span, unit),
            CellNote(
                "unreadable-cell",
                "warning",
                f"{raw.strip()!r} is not a whole number ({column.label})",
            ),
        )
    value = -int(amount) if negative else int(amount)
    note = None
    if negative and column.kind == "count":
        note = CellNote(
            "negative-count", "warning", f"negative count {raw.strip()!r} ({column.label})"
        )
    return Cell(raw, CellKind.NUMBER, value, span, unit), note


def _money(
    raw: str,
    num: str,
    unit: str | None,
    negative: bool,
    column: ColumnSpec,
    span: Span | None,
) -> tuple[Cell, CellNote | None]:
    note = None
    if unit not in _UNIT_FACTOR:
        if unit is not None:
            note = CellNote(
                "unit-assumed",
                "warning",
                f"unit {unit!r} in a money column ({column.label}); read as {column.unit}",
            )
        elif not column.unit_from_header and num != "0":
            note = CellNote(
                "unit-assumed", "info", f"amount {raw.strip()!r} has no unit; read as {column.unit}"
            )
        unit = column.unit or "元"
    value = Decimal(num) * _UNIT_FACTOR[unit]
    return Cell(raw, CellKind.NUMBER, -value if negative else value, span, unit), note

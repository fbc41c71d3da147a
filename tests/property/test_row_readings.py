"""Properties of the searches that read a row's values into its cells: each finds exactly
the readings a brute-force enumeration finds.

- `_splits` splits glued digit runs into cells (with its shortcuts: a branch cut before
  the call, a digit a cell when digits and cells are as many);
- `_placements` places the values of a short row (blank cells dropped) in order, as
  their kinds allow, narrowed by the row's arithmetic (with its shortcut: a group's
  parts summed from prefix sums)."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gov_disclosure._cells import NOT_APPLICABLE
from gov_disclosure._resolve import (
    MAX_CELL_DIGITS,
    Candidate,
    Piece,
    _groups,
    _kind_fits,
    _num,
    _placements,
    _split_plan,
    _splits,
    _value_kind,
)
from gov_disclosure._vocab import TABLES

SIGNS = ["", "+", "-", "增", "减少"]
TAILS = ["", "件", "元", ".5", ".25万元"]
WHOLES = ["5", "0", "/", "12.5", "-"]


@st.composite
def glued_row(draw: st.DrawFn) -> tuple[list[Piece], int, tuple[tuple[int, int], ...]]:
    texts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(WHOLES),
                st.builds(
                    lambda s, d, t: s + d + t,
                    st.sampled_from(SIGNS),
                    st.text("0123456789", min_size=2, max_size=7),
                    st.sampled_from(TAILS),
                ),
            ),
            min_size=1,
            max_size=3,
        )
    )
    values, pos = [], 0
    for t in texts:
        values.append(Piece(t, t, pos, pos + len(t)))
        pos += len(t) + 1
    plans = [_split_plan(v) for v in values]
    most = sum(1 if p is None else p[1] for p in plans)
    width = draw(st.integers(len(values), max(len(values), min(most, 9))))
    bounds = draw(st.lists(st.integers(0, width - 1), max_size=4, unique=True).map(sorted))
    groups = tuple((lo, t) for lo, t in itertools.pairwise([0, *bounds]) if t - lo >= 2)
    return values, width, groups


def _cuts(piece: Piece) -> list[list[tuple[Piece, int | None]]]:
    """Every way of cutting one value into cells, with each cell's count."""
    plan = _split_plan(piece)
    if plan is None:
        return [[(piece, _num(piece))]]
    sign, ndig, tail = plan
    f = piece.folded
    decimal = tail > 0 and "." in f[len(f) - tail :]
    out = []
    for k in range(ndig):
        for inner in itertools.combinations(range(1, ndig), k):
            edges = [0, *inner, ndig]
            cells: list[tuple[Piece, int | None]] = []
            for i, (a, b) in enumerate(itertools.pairwise(edges)):
                digits = f[sign + a : sign + b]
                if len(digits) > MAX_CELL_DIGITS or (len(digits) > 1 and digits[0] == "0"):
                    break
                first, last = i == 0, b == ndig
                s = 0 if first else sign + a
                e = sign + b + (tail if last else 0)
                text = f[s:e]
                count = None if (first and sign) or (last and decimal) else int(digits)
                cells.append((Piece(text, text, piece.start + s, piece.start + e), count))
            else:
                out.append(cells)
    return out


def _brute(values: list[Piece], width: int, groups: tuple[tuple[int, int], ...]) -> set[Candidate]:
    found = set()
    for parts in itertools.product(*(_cuts(v) for v in values)):
        cells = [c for part in parts for c in part]
        if len(cells) != width:
            continue
        # a not-applicable mark counts 0 among a group's parts; a group whose total is one
        # checks nothing (as a blank cell)
        marks = [NOT_APPLICABLE.fullmatch(p.folded) is not None for p, _ in cells]
        nums = [0 if mark else n for (_, n), mark in zip(cells, marks, strict=True)]
        if any(
            not marks[t]
            and None not in nums[lo : t + 1]
            and sum(nums[lo:t]) != nums[t]  # type: ignore[arg-type]
            for lo, t in groups
        ):
            continue
        found.add(tuple(p for p, _ in cells))
    return found


@settings(max_examples=400)
@given(row=glued_row())
@example(  # a / among a group's parts counts 0: / 0 10 adds up
    row=([Piece("/", "/", 0, 1), Piece("010", "010", 2, 5)], 3, ((0, 2),))
)
@example(  # ... and so a digit a cell: 5 / 0 does not
    row=([Piece("5", "5", 0, 1), Piece("/", "/", 2, 3), Piece("000", "000", 4, 7)], 5, ((0, 2),))
)
@example(  # 8,243 readings with no arithmetic to cut them: a row alone is not cut short
    row=(
        [
            Piece("1011110", "1011110", 0, 7),
            Piece("1011110", "1011110", 8, 15),
            Piece("1111100", "1111100", 16, 23),
        ],
        9,
        (),
    )
)
def test_splits_finds_every_reading_and_no_other(
    row: tuple[list[Piece], int, tuple[tuple[int, int], ...]],
) -> None:
    values, width, groups = row
    readings, incomplete = _splits(values, width, groups)
    assert not incomplete
    assert len(readings) == len(set(readings))
    assert set(readings) == _brute(values, width, groups)


SHORT_VALUES = ["0", "3", "12", "/", "-", "增5", "-2", "970843元", "12.5万元", "x"]


@settings(max_examples=300)
@given(
    table=st.sampled_from(["requests", "review", "active"]),
    template=st.sampled_from(["2019", "2021"]),
    texts=st.lists(st.sampled_from(SHORT_VALUES), min_size=1, max_size=5),
    row_index=st.integers(0, 20),
)
def test_placements_are_every_ordered_placement_the_arithmetic_allows(
    table: str, template: str, texts: list[str], row_index: int
) -> None:
    spec = TABLES[table][template]  # type: ignore[index]
    columns = spec.rows[row_index % len(spec.rows)].columns
    values = [Piece(t, t, 2 * i, 2 * i + len(t)) for i, t in enumerate(texts)]
    if len(values) > len(columns):
        return
    got = _placements(spec, columns, values)
    fitting, good = [], []
    for slots in itertools.combinations(range(len(columns)), len(values)):
        if not all(
            _kind_fits(_value_kind(v), columns[c].kind) for v, c in zip(values, slots, strict=True)
        ):
            continue
        cells: list[Piece | None] = [None] * len(columns)
        for v, c in zip(values, slots, strict=True):
            cells[c] = v
        fitting.append(tuple(cells))
        verdicts = []
        for lo, t in _groups(spec, len(columns)):
            total = _num(cells[t])
            parts = [cells[c] for c in range(lo, t) if cells[c] is not None]
            nums = [_num(p) for p in parts]
            verdicts.append(
                None if total is None or None in nums else sum(nums) == total  # type: ignore[arg-type]
            )
        if (table == "requests" and verdicts[:1] == [True]) or (
            table == "review" and False not in verdicts
        ):
            good.append(tuple(cells))
    assert list(got) == (good or fitting)

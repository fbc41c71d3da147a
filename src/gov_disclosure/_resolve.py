"""Stage 5b: `TableRead` -> typed `Table`, deciding what the flattening left open.

A row read with as many cells as the template row has is taken as it is.  Otherwise the
text allows several readings of it, its *candidates*:

* a short row from a layout that drops blank cells: every order-preserving placement of
  its values in the row's columns;
* a row of glued digits (`Layout.GLUED`): every split of its digit runs into the row's
  number of cells (no cell has a leading zero).

Candidates are filtered by the row's own arithmetic (table 三: 总计 = the six applicant
columns; table 四: each 总计 = its four outcomes), then chosen table-wide by the column
identities of table 三 (FORMAT.md §7 A and B).  Where a single reading remains, it is taken
and a diagnostic says how it was decided.  Where several remain, the cells they agree on
are set and the others left `CellKind.ABSENT`, with a diagnostic naming the readings.
Two conventions decide what arithmetic cannot, each reported: a row whose only applicant
value equals its total is a 自然人 row (the first column), and a short row of table 二 fills
its columns from the left (the empty trailing cells are what flattening drops).

The resolver never changes a value the author wrote and never writes a 0 for a blank.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Sequence
from typing import Final, NamedTuple, TypeVar

from ._cells import NOT_APPLICABLE, NUMBER, coerce
from ._grid import Layout, RowRead, TableRead, Token, _new
from ._model import (
    ABSENT_CELL,
    Cell,
    CellKind,
    Diagnostic,
    Row,
    Severity,
    Span,
    Table,
    new_number_cell,
)
from ._normalize import NormalizedText
from ._vocab import (
    REQUEST_EDGE_ROWS,
    REQUEST_TOTAL_COLUMN,
    REVIEW_TOTAL_COLUMN,
    TABLES,
    ColumnSpec,
    RowSpec,
    TableSpec,
)

#: At most this many readings of one row are considered (a row of 7 cells from a 40-digit
#: run has millions of splits; real rows have a handful).  Beyond it the row is undecided.
MAX_ROW_CANDIDATES: Final = 20000
#: At most this many combinations of undecided rows are scored against the table's
#: identities (each costs a pass over 7 columns).
MAX_COMBINATIONS: Final = 2000
#: At most this many steps of the search for one glued row's splits, and for all the rows
#: of one table together, where a row may take a quarter of them and a reading built
#: counts a step per cell: a real row takes at most some 20,000, a real table 40,000; a
#: table of garbled runs of digits would take seconds a row.  Rows the search cannot
#: finish are undecided.
MAX_ROW_NODES: Final = 400_000
MAX_TABLE_NODES: Final = 400_000


class _Budget:
    """The search steps left for one table's glued rows (`MAX_TABLE_NODES`)."""

    __slots__ = ("nodes",)

    def __init__(self, nodes: int = MAX_TABLE_NODES) -> None:
        self.nodes = nodes


#: Longest run of digits one count cell may hold when splitting glued digits.
MAX_CELL_DIGITS: Final = 9


class Piece(NamedTuple):
    """The text of one cell of one reading.  (A named tuple: readings make many.)"""

    raw: str
    folded: str
    start: int
    end: int


Candidate = tuple[Piece | None, ...]


class _RowChoice(NamedTuple):
    candidates: tuple[Candidate, ...]
    preferred: int | None = None
    how: str = ""
    """How the candidates arose: ``exact``, ``placed`` (blanks dropped), ``positioned``,
    ``spanning`` (a lone ``/``), ``split`` (glued digits), ``reordered`` (table 四),
    ``left-out`` (more values than cells); with no candidates, why: ``split``,
    ``split-overflow``, ``uneven-block``, ``run-on`` (glued digits of two rows),
    ``out-of-bounds`` (every split puts more into a column than it received)."""
    tokens: tuple[Token, ...] = ()
    extra: tuple[Piece, ...] = ()


def resolve_table(norm: NormalizedText, read: TableRead) -> tuple[Table, list[Diagnostic]]:
    """Turn a table's row reads into typed cells, with the diagnostics of every decision."""
    spec = read.spec
    diags: list[Diagnostic] = []
    as_read = _as_read(read)
    if as_read is not None:
        return _table(norm, read, as_read, diags)  # the common case: nothing to decide
    if spec.name == "review":
        choice = _review_choice(norm, read)
        picked = _choose(spec, [choice], diags, norm)
        width = sum(len(r.columns) for r in spec.rows)
        # a table 四 under its heading with no value at all is a table of blank cells
        flat = picked[0] if choice.candidates else (None,) * width
        return _table(norm, read, _by_group(spec, flat), diags)
    short = read.layout is Layout.WORDS and any(
        r is not None and len(r.tokens) < len(s.columns)
        for s, r in zip(spec.rows, read.rows, strict=True)
    )
    # column positions are learnt only where a short row needs placing
    anchors = _column_anchors(norm, read) if short else {}
    budget = _Budget()  # the glued rows' search steps, shared by the table's rows
    choices = [
        _row_choice(
            norm, spec, i, r, read.layout, budget, _anchors_for(norm, anchors, spec.rows[i], r)
        )
        for i, r in enumerate(read.rows)
    ]
    taken = (
        _missed_rows(norm, spec, read, choices, diags, budget)
        if read.layout is Layout.GLUED
        else ()
    )
    if spec.name == "requests":
        _bound_splits(spec, choices)
    picked = _choose(spec, choices, diags, norm)
    found = [
        p if r is not None or i in taken else None
        for i, (p, r) in enumerate(zip(picked, read.rows, strict=True))
    ]
    return _table(norm, read, found, diags)


def _missed_rows(
    norm: NormalizedText,
    spec: TableSpec,
    read: TableRead,
    choices: list[_RowChoice],
    diags: list[Diagnostic],
    budget: _Budget,
) -> tuple[int, ...]:
    """Rows of glued text whose label was not recognised (misspelt, worded otherwise): their
    digits run on after the previous row's, which then has more values than cells, or no
    split into its cells (in table 三: none that adds up).

    When the digits split into the two rows so that both add up, and every such split
    cuts them at the same place, each row gets its own readings (a warning says so);
    otherwise the previous row is left unset rather than read with the next row's digits.
    Returns the rows so filled (their choices are replaced in `choices`).
    """
    if spec.name == "review":
        return ()
    taken: list[int] = []
    for i in range(len(spec.rows) - 1):
        row = read.rows[i]
        if row is None or read.rows[i + 1] is not None or row.undecided:
            continue
        w1, w2 = len(spec.rows[i].columns), len(spec.rows[i + 1].columns)
        values = [p for p in _pieces(norm, row.tokens) if p is not None]
        if len(values) <= w1:
            if not any(_split_plan(v) for v in values):
                continue
            own, overflow = _splits(values, w1, _groups(spec, w1), budget)
            if own or overflow:
                continue  # the row's digits are its own
        groups = (*_groups(spec, w1), *((a + w1, b + w1) for a, b in _groups(spec, w2)))
        both, overflow = _splits(values, w1 + w2, groups, budget)
        cuts = {_key(c[w1 - 1]) for c in both}  # the first row's last cell: where they are cut
        key = _row_key(spec, i + 1)
        if overflow or not both or len(cuts) != 1:
            choices[i] = _RowChoice((), None, "run-on", row.tokens)
            continue
        first = tuple(dict.fromkeys(c[:w1] for c in both))
        second = tuple(dict.fromkeys(c[w1:] for c in both))
        choices[i] = _RowChoice(first, None, "split", row.tokens)
        choices[i + 1] = _RowChoice(second, None, "split", row.tokens)
        taken.append(i + 1)
        diags.append(
            Diagnostic(
                "missed-label",
                "warning",
                f"{key}: no label was recognised for this row; the digits after row "
                f"{spec.rows[i].label} split into both rows so that each adds up, and the "
                "second part was read as this row's",
                span=_span_of(norm, choices[i]),
                key=key,
            )
        )
    return tuple(taken)


def _bound_splits(spec: TableSpec, choices: list[_RowChoice]) -> None:
    """Drop the splits of glued digits that put into a column more than it received: no
    row of table 三 can count more in a column than 一、本年新收 + 二、上年结转 of that
    column (identities A and B, counts being at least 0).

    The bound holds only where both rows are decided (one reading) and both cells are
    counts; it prunes only readings the split search made (``split``), never values read as
    printed.  A row left with no reading goes unset, its digits reported (``out-of-bounds``).
    """
    edges, _ = _edges_and_leaves(spec)
    new, carried = (choices[i].candidates for i in edges[:2])
    if len(new) != 1 or len(carried) != 1:
        return
    bound = [
        None if a is None or b is None else a + b
        for a, b in zip(map(_num, new[0]), map(_num, carried[0]), strict=True)
    ]
    for i, ch in enumerate(choices):
        if ch.how != "split" or i in edges[:2]:
            continue
        kept = tuple(
            c
            for c in ch.candidates
            if not any(
                b is not None and (n := _num(p)) is not None and n > b
                for p, b in zip(c, bound, strict=True)
            )
        )
        if len(kept) != len(ch.candidates):
            choices[i] = ch._replace(
                candidates=kept, preferred=None, how="split" if kept else "out-of-bounds"
            )


def _as_read(read: TableRead) -> Sequence[Sequence[Token] | None] | None:
    """Each row's tokens (``None`` for a row with nothing read) when every row read is
    taken as it is, so that there is nothing to decide; else ``None``.

    Table 四 is read as one row of fifteen values: taken as read when they come in one
    run (values printed in several runs may be out of order: `_review_choice`).
    """
    spec = read.spec
    if spec.name == "review":
        row = read.rows[0]
        width = sum(len(r.columns) for r in spec.rows)
        if row is None or not _taken_as_read(row, width) or len(row.runs) != 1:
            return None
        return _by_group(spec, row.tokens)
    if all(
        r is None or _taken_as_read(r, len(s.columns))
        for s, r in zip(spec.rows, read.rows, strict=True)
    ):
        return [None if r is None else r.tokens for r in read.rows]
    return None


_T = TypeVar("_T")


def _by_group(spec: TableSpec, flat: Sequence[_T]) -> list[Sequence[_T]]:
    """Table 四's fifteen cells in order, cut into its rows (one group of five each)."""
    n = len(spec.rows[0].columns)
    return [flat[i * n : (i + 1) * n] for i in range(len(spec.rows))]


def _taken_as_read(row: RowRead, width: int) -> bool:
    """Whether a row's tokens are its cells as they are: as many as the row has columns,
    read where blank cells are explicit or with no blank among them (`_choice_for` would
    make them the row's only reading)."""
    return (
        not row.undecided
        and len(row.tokens) == width
        and (row.exact or not any(t.blank for t in row.tokens))
    )


def _table(
    norm: NormalizedText,
    read: TableRead,
    per_row: Sequence[Sequence[Slot] | Sequence[Token] | None],
    diags: list[Diagnostic],
) -> tuple[Table, list[Diagnostic]]:
    """The typed table: each row's cells from its slots (decided readings) or tokens (rows
    taken as read), ``None`` for a row with nothing read; with the read's notes."""
    spec = read.spec
    rows: list[Row] = []
    for i, row_spec in enumerate(spec.rows):
        label = read.labels[i] if i < len(read.labels) else None
        if label is not None and label.marker_after_digit:
            diags.append(
                Diagnostic(
                    "label-marker",
                    "info",
                    f"{spec.name}.{row_spec.key}: the digit before "
                    f"{norm.text[label.start : label.end]!r} was read as the label's number, "
                    "not as the last digit of the cell before it",
                    span=norm.span(label.start, label.end),
                    key=f"{spec.name}.{row_spec.key}",
                )
            )
        slots: Sequence[Slot | Token] | None = per_row[i]
        if slots is not None and (spec.name, spec.variant, row_spec.key) in _CHANGE_ROWS:
            slots = _by_sign(norm, spec, row_spec, slots, diags)
        if slots is not None:
            cells = _row_cells(norm, spec, row_spec.key, row_spec.columns, slots, diags)
        else:
            cells = (ABSENT_CELL,) * len(row_spec.columns)
        rows.append(
            Row(
                row_spec.key,
                row_spec.label,
                row_spec.column_keys,
                cells,
                raw_label=norm.text[label.start : label.end] if label else None,
                span=norm.span(label.start, label.end) if label else None,
            )
        )
    diags.extend(
        Diagnostic(
            note.code,
            _severity(note.severity),
            f"table {spec.title or spec.name}: {note.message}",
            span=norm.span(note.start, note.end or note.start)
            if note.start is not None
            else None,
            key=None if note.row is None else f"{spec.name}.{note.row}",
        )
        for note in read.notes
    )
    return Table(spec.name, spec.variant, tuple(rows)), diags


#: The rows with a change column (本年增/减: the trial table 二's (五), (六), (八)).
_CHANGE_ROWS: Final = frozenset(
    (spec.name, spec.variant, r.key)
    for variants in TABLES.values()
    for spec in variants.values()
    for r in spec.rows
    if any(c.kind == "change" for c in r.columns)
)
#: A value written as a change: a sign, or 增/减 (``增318件``, ``+3``, ``-1``).
_SIGNED: Final = re.compile(r"[ \t]*+(?:[+\-][ \t]*+\d|增|减|新增)")


def _by_sign(
    norm: NormalizedText,
    spec: TableSpec,
    row: RowSpec,
    slots: Sequence[Slot | Token],
    diags: list[Diagnostic],
) -> Sequence[Slot | Token]:
    """`slots` with the one value written as a change moved into the row's change column,
    where it was read in another (raw pdftotext may print ``增318件`` before the count
    of 上一年项目数量): a count is never signed."""
    at = next(k for k, c in enumerate(row.columns) if c.kind == "change")
    signed = [k for k, s in enumerate(slots) if _signed(norm, s)]
    if len(signed) != 1 or signed[0] == at:
        return slots
    moved = list(slots)
    slot = moved.pop(signed[0])
    moved.insert(at, slot)
    assert isinstance(slot, Token | Piece)  # (only a value can be signed)
    start, end = slot.start, slot.end
    diags.append(
        Diagnostic(
            "placed-by-sign",
            "info",
            f"{spec.name}.{row.key}: {norm.text[start:end].strip()!r}, written as a change, "
            f"was read under {row.columns[signed[0]].label}: placed under "
            f"{row.columns[at].label}",
            span=norm.span(start, end),
            key=f"{spec.name}.{row.key}",
        )
    )
    return moved


def _signed(norm: NormalizedText, slot: Slot | Token) -> bool:
    if isinstance(slot, Token):
        if slot.blank:
            return False
        if slot.text is not None:  # a cell joined from pieces
            return _SIGNED.match(slot.text) is not None
        return _SIGNED.match(norm.folded, slot.start, slot.end) is not None
    if isinstance(slot, Piece):
        return _SIGNED.match(slot.folded) is not None
    return False


class _Unset:
    """A cell the readings disagree on: left `CellKind.ABSENT`."""


_UNSET: Final = _Unset()
Slot = Piece | None | _Unset


_BLANK_CELL: Final = Cell("", CellKind.BLANK)


def _row_cells(
    norm: NormalizedText,
    spec: TableSpec,
    row: str,
    columns: tuple[ColumnSpec, ...],
    slots: Sequence[Slot | Token],
    diags: list[Diagnostic],
) -> tuple[Cell, ...]:
    """The cells of one row from its slots: a decided reading's pieces, or the tokens of a
    row taken as read.  (One loop per row: this runs for every value of every report.)"""
    text, folded_text, span_of = norm.text, norm.folded, norm.span
    out: list[Cell] = []
    append = out.append
    for col, slot in zip(columns, slots, strict=True):
        if slot is None:
            append(_BLANK_CELL)
            continue
        if type(slot) is Token:
            if slot.blank:
                append(_BLANK_CELL)
                continue
            start, end = slot.start, slot.end
            raw = text[start:end]
            folded = folded_text[start:end] if slot.text is None else slot.text
        elif type(slot) is _Unset:
            append(ABSENT_CELL)
            continue
        else:
            raw, folded, start, end = slot  # type: ignore[misc]
        span = span_of(start, end) if end > start else None
        if folded.isdigit() and folded.isascii() and col.kind != "money":
            append(new_number_cell(raw, int(folded), span))  # the common case
            continue
        cell, note = coerce(raw, folded, col, span)
        if note is not None:
            key = f"{spec.name}.{row}.{col.key}"
            diags.append(Diagnostic(note.code, note.severity, note.message, span=span, key=key))
        append(cell)
    return tuple(out)


def _severity(s: str) -> Severity:
    return "error" if s == "error" else "info" if s == "info" else "warning"


# --------------------------------------------------------------------------- candidates
def _pieces(norm: NormalizedText, tokens: Sequence[Token]) -> list[Piece | None]:
    text, folded = norm.text, norm.folded
    return [
        None
        if t.blank
        else _new(
            Piece,
            (
                text[t.start : t.end],
                folded[t.start : t.end] if t.text is None else t.text,  # a joined cell
                t.start,
                t.end,
            ),
        )
        for t in tokens
    ]


def _row_choice(
    norm: NormalizedText,
    spec: TableSpec,
    i: int,
    read: RowRead | None,
    layout: Layout,
    budget: _Budget,
    anchors: _Columns | None = None,
) -> _RowChoice:
    columns = spec.rows[i].columns
    width = len(columns)
    if read is None:
        return _RowChoice(())
    if read.undecided:
        return _RowChoice((), None, "uneven-block", read.tokens)
    pieces = _pieces(norm, read.tokens)
    choice = _choice_for(spec, columns, pieces, read.exact, layout, read.tokens, width, budget)
    if layout is Layout.GLUED:
        choice = _across_spaces(norm, spec, columns, pieces, choice, width, budget)
    if choice.how == "placed" and anchors is not None:
        placed = _by_position(norm.text, pieces, anchors)
        if placed is not None and placed in choice.candidates:
            return _RowChoice((placed,), 0, "positioned", read.tokens, choice.extra)
    return choice


def _across_spaces(
    norm: NormalizedText,
    spec: TableSpec,
    columns: tuple[ColumnSpec, ...],
    pieces: list[Piece | None],
    choice: _RowChoice,
    width: int,
    budget: _Budget,
) -> _RowChoice:
    """A glued row's readings where a space may also cut one number in two.

    In text printed in one line a space mostly parts two cells, but may fall inside a
    number too (``20 23``; ``0001221 1347`` for 0/0/0/1/22/11/34).  The row's digit runs,
    when only spaces part them, are then also read as one run: its readings that add up
    join the row's own split readings (the arithmetic, or the table's column sums, decide
    between them), and stand instead of readings that leave values over, of none, or of
    none that adds up.  A row of as many values as cells stays as written, and runs
    parted by more than one space are not read as one where the row's own readings add up.
    """
    if choice.how == "exact" and not choice.extra:
        return choice  # a value a cell: the author's numbers, added up or not
    joined = _joined(norm, pieces)
    if joined is None:
        return choice  # one run, or runs parted by more than spaces
    groups = _groups(spec, width)
    if (
        groups
        and choice.candidates
        and not choice.extra
        and _blank_between(pieces)
        and all(_short_adds_up(c, groups) for c in choice.candidates)
    ):
        return choice  # runs parted by a blank cell that shows (a page's &nbsp;), adding up
    adds_up = [bool(_adds_up(c, groups)) for c in choice.candidates] if groups else []
    own = bool(choice.candidates) and not choice.extra and all(adds_up)
    if own and not (groups and choice.how == "split"):
        return choice  # nothing to check a reading against, or placed as it is
    run, at = joined
    if own and any(b - a > 2 for a, b in itertools.pairwise(at)):
        return choice  # the runs are parted by more than one space: cell boundaries
    again = _choice_for(spec, columns, [run], False, Layout.GLUED, choice.tokens, width, budget)
    if (
        not again.candidates
        or again.extra
        or (groups and not all(_adds_up(c, groups) for c in again.candidates))
    ):
        return choice
    found = (tuple(_unjoined(norm, run, at, p) for p in c) for c in again.candidates)
    if not own:
        return again._replace(candidates=tuple(found))
    seen = {tuple(map(_key, c)) for c in choice.candidates}
    more = tuple(c for c in found if tuple(map(_key, c)) not in seen)
    return choice._replace(candidates=choice.candidates + more)


def _blank_between(pieces: Sequence[Piece | None]) -> bool:
    """Whether a blank cell (``None``) stands between two of the row's values."""
    filled = [i for i, p in enumerate(pieces) if p is not None]
    return bool(filled) and any(p is None for p in pieces[filled[0] : filled[-1]])


def _joined(
    norm: NormalizedText, pieces: Sequence[Piece | None]
) -> tuple[Piece, list[int]] | None:
    """The digit runs of a row as one run, when only spaces separate them; else ``None``.

    The run's text is its digits alone (so that the cells `_splits` cuts from it are
    slices of it), at the first run's offset; with it, the offset in the text of each of
    its digits, for `_unjoined`.
    """
    runs = [p for p in pieces if p is not None]
    if len(runs) < 2 or not all(_DIGIT_RUN.fullmatch(p.folded) for p in runs):
        return None
    folded = norm.folded
    if any(folded[a.end : b.start].strip(" \t") for a, b in itertools.pairwise(runs)):
        return None
    digits = "".join(p.folded for p in runs)
    at = [p.start + k for p in runs for k in range(len(p.folded))]
    return Piece(digits, digits, runs[0].start, runs[0].start + len(digits)), at


def _unjoined(norm: NormalizedText, run: Piece, at: list[int], p: Piece | None) -> Piece | None:
    """A cell cut from a joined `run` with its place in the text: a cell across a space
    keeps the space in its raw text (``3 9``), its digits in its folded text."""
    if p is None:
        return None
    a, b = at[p.start - run.start], at[p.end - run.start - 1] + 1
    return Piece(norm.text[a:b], p.folded, a, b)


_DIGIT_RUN: Final = re.compile(r"\d+")


#: How far (in characters) a value may sit from its column's learnt position.
POSITION_TOLERANCE: Final = 3


def _column(text: str, start: int, end: int, wide: bool = False) -> tuple[int, int]:
    """The character columns of ``[start, end)`` on its line; with `wide`, the display
    columns, where a wide (CJK) character takes two, as text laid out for a fixed-width
    screen counts it (pandoc's plain text; pdftotext's ``-layout`` counts characters).
    `text` is the normalised text before full-width folding: ``（一）`` is as wide as
    printed."""
    line_start = text.rfind("\n", 0, start) + 1
    if not wide:
        return start - line_start, end - line_start
    at = start - line_start + len(_WIDE.findall(text, line_start, start))
    return at, at + (end - start) + len(_WIDE.findall(text, start, end))


#: East Asian wide characters (two columns on a fixed-width screen).
_WIDE: Final = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


class _Columns(NamedTuple):
    """Where a group of rows' columns sit (start and end column of each), and whether in
    display columns (`_column`'s `wide`) or characters."""

    spans: list[tuple[float, float]]
    wide: bool


_AnchorKey = tuple[str | None, int | None]
"""A group of rows sharing columns, and a page (``None``: the whole table)."""


def _page(norm: NormalizedText, pos: int) -> int:
    return bisect.bisect_right(norm.page_starts, pos)


def _anchors_for(
    norm: NormalizedText,
    anchors: dict[_AnchorKey, _Columns],
    row_spec: RowSpec,
    row: RowRead | None,
) -> _Columns | None:
    """The column positions for `row`: those of its page, else of the whole table."""
    if not anchors:
        return None
    if row is not None and row.tokens and norm.page_starts:
        own = anchors.get((row_spec.group, _page(norm, row.tokens[0].start)))
        if own is not None:
            return own
    return anchors.get((row_spec.group, None))


def _column_anchors(norm: NormalizedText, read: TableRead) -> dict[_AnchorKey, _Columns]:
    """Where each column's values sit (start and end column), per group of rows sharing
    columns, learnt from rows read complete in whitespace-aligned text: for the whole
    table, and for each page of PDF text (pdftotext -layout spaces each page on its own
    scale, so the columns of a table that runs over a page break move).

    Only positions that at least two complete rows agree on (within the tolerance) count:
    text whose rows are laid out differently (inscriptis shifts rows with an extra label
    cell) yields no anchors, and placement falls back to the arithmetic.  Positions are
    counted in characters first (pdftotext), else in display columns (text laid out for
    a screen, where the CJK labels before the values are twice as wide).
    """
    text = norm.text  # positions counted as laid out: full-width punctuation unfolded
    samples: dict[_AnchorKey, list[list[Token]]] = {}
    for row_spec, row in zip(read.spec.rows, read.rows, strict=True):
        if row is None or row.undecided:
            continue
        toks = [t for t in row.tokens if not t.blank]
        if len(toks) == len(row_spec.columns) and len({t.line for t in toks}) == 1:
            samples.setdefault((row_spec.group, None), []).append(toks)
            if norm.page_starts:
                page = _page(norm, toks[0].start)
                samples.setdefault((row_spec.group, page), []).append(toks)
    out: dict[_AnchorKey, _Columns] = {}
    for group, rows in samples.items():
        if len(rows) < 2:
            continue
        best: tuple[int, _Columns] | None = None
        for wide in (False, True):
            found = _agreed_spans([[_column(text, t.start, t.end, wide) for t in r] for r in rows])
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], _Columns(found[1], wide))
        if best is not None:
            out[group] = best[1]
    return out


def _agreed_spans(
    rows: list[list[tuple[int, int]]],
) -> tuple[int, list[tuple[float, float]]] | None:
    """Each column's position, where at least two rows agree on it for every column, and
    how many (row, column) positions agree in all (the better of two ways of counting
    columns agrees more)."""
    anchors = []
    total = 0
    for c in range(len(rows[0])):
        starts = sorted(r[c][0] for r in rows)
        ends = sorted(r[c][1] for r in rows)
        mid_s, mid_e = starts[len(starts) // 2], ends[len(ends) // 2]
        agree = sum(
            1
            for r in rows
            if min(abs(r[c][0] - mid_s), abs(r[c][1] - mid_e)) <= POSITION_TOLERANCE
        )
        if agree < 2:
            return None
        total += agree
        anchors.append((float(mid_s), float(mid_e)))
    return total, anchors


def _by_position(text: str, pieces: list[Piece | None], columns: _Columns) -> Candidate | None:
    """A short row placed by where its values sit, if each sits at exactly one column."""
    out: list[Piece | None] = [None] * len(columns.spans)
    last = -1
    for p in pieces:
        if p is None:
            continue
        s, e = _column(text, p.start, p.end, columns.wide)
        near = [
            c
            for c, (a_s, a_e) in enumerate(columns.spans)
            if min(abs(s - a_s), abs(e - a_e)) <= POSITION_TOLERANCE
        ]
        if len(near) != 1 or near[0] <= last:
            return None
        last = near[0]
        out[last] = p
    return tuple(out)


def _review_choice(norm: NormalizedText, read: TableRead) -> _RowChoice:
    spec = read.spec
    columns = tuple(c for r in spec.rows for c in r.columns)
    row = read.rows[0]
    if row is None or not row.tokens:
        return _RowChoice(())
    pieces = _pieces(norm, row.tokens)
    budget = _Budget()
    choice = _choice_for(
        spec, columns, pieces, row.exact, read.layout, row.tokens, len(columns), budget
    )
    if read.layout is Layout.GLUED:
        choice = _across_spaces(norm, spec, columns, pieces, choice, len(columns), budget)
    if choice.how == "exact" and len(row.runs) > 1:
        text_order = choice.candidates[0]
        if not _review_ok(text_order):
            moved = _interleavings(text_order, row.runs)
            if moved:
                return _RowChoice(moved, None, "reordered", row.tokens, choice.extra)
    return choice


#: At most this many runs of table-四 values are re-interleaved (3 ** runs assignments).
MAX_REVIEW_RUNS: Final = 8


def _review_ok(cand: Candidate) -> bool:
    w = REVIEW_TOTAL_COLUMN + 1
    return all(
        _group_ok(cand, g * w, g * w + REVIEW_TOTAL_COLUMN, True) is not False
        for g in range(len(cand) // w)
    )


def _interleavings(cand: Candidate, runs: tuple[int, ...]) -> tuple[Candidate, ...]:
    """Readings of table 四 whose groups are made of whole runs of the text, in order.

    PDF text extraction can print the three groups' cells in pieces and out of order
    (``72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20``).  Each run of values between
    header words is a contiguous piece of one group; every way of dealing the runs to the
    three groups that gives each group its five cells and satisfies identity D is a reading.
    """
    if len(runs) > MAX_REVIEW_RUNS:
        return ()
    w = REVIEW_TOTAL_COLUMN + 1
    groups = len(cand) // w
    seqs: list[tuple[Piece | None, ...]] = []
    pos = 0
    for n in runs:
        seqs.append(cand[pos : pos + n])
        pos += n
    out: dict[tuple[tuple[int, int] | None, ...], Candidate] = {}
    for assign in itertools.product(range(groups), repeat=len(seqs)):
        parts: list[list[Piece | None]] = [[] for _ in range(groups)]
        for seq, g in zip(seqs, assign, strict=True):
            parts[g].extend(seq)
        if any(len(part) != w for part in parts):
            continue
        reading = tuple(x for part in parts for x in part)
        if reading != cand and all(
            _group_ok(reading, g * w, g * w + REVIEW_TOTAL_COLUMN, True) for g in range(groups)
        ):
            out[tuple(_key(x) for x in reading)] = reading
    return tuple(out.values())


def _choice_for(
    spec: TableSpec,
    columns: tuple[ColumnSpec, ...],
    pieces: list[Piece | None],
    exact: bool,
    layout: Layout,
    tokens: tuple[Token, ...],
    width: int,
    budget: _Budget,
) -> _RowChoice:
    values = [p for p in pieces if p is not None]
    extra: tuple[Piece, ...] = ()
    if exact and len(pieces) == width:
        return _RowChoice((tuple(pieces),), 0, "exact", tokens)
    if layout is Layout.GLUED and len(values) < len(pieces) <= width:
        # glued text whose blank cells show (a web page's &nbsp;): read with them where
        # the row's arithmetic, blanks counting 0, allows; else as if they did not show
        with_blanks = _blanks_shown(spec, pieces, width, tokens, budget)
        if with_blanks is not None:
            return with_blanks
    if len(values) > width:
        readings = _left_out(spec, values, width)
        if len(readings) > 1:  # the arithmetic leaves out values, but not which ones
            return _RowChoice(tuple(map(tuple, readings)), None, "left-out", tokens)
        extra = tuple(v for v in values if v not in readings[0])
        values = readings[0]
    if len(values) == width and not (layout is Layout.GLUED and any(map(_glued_for_sure, values))):
        return _RowChoice((tuple(values),), 0, "exact", tokens, extra)
    if len(values) == 1 and NOT_APPLICABLE.fullmatch(values[0].folded):
        # one "/" in a row of several cells is a mark spanning the merged row (sample 003)
        return _RowChoice((tuple(values[0] for _ in range(width)),), 0, "spanning", tokens)
    if not values:
        return _RowChoice((tuple(None for _ in range(width)),), 0, "exact", tokens)
    if layout is Layout.GLUED and any(_split_plan(v) for v in values):
        groups = _groups(spec, width)
        cands, overflow = _splits(values, width, groups, budget)
        if not cands and not overflow and groups and len(values) < width:
            # no split adds up: the values may be whole cells, a space apart, with blank
            # cells dropped (a page's text joined by single spaces: 26 26 for a lone
            # 自然人 value and its total): placed as in whitespace-separated text, where
            # a placement adds up
            placed = tuple(
                c for c in _placements(spec, columns, values) if _short_adds_up(c, groups)
            )
            if placed:
                return _RowChoice(placed, _preferred(spec, placed), "placed", tokens, extra)
        if not cands and not overflow:
            # no reading satisfies the row's arithmetic (the report's own error): say which
            # readings the digits allow, without choosing among them
            cands, overflow = _splits(values, width, (), budget)
        if overflow:
            return _RowChoice((), None, "split-overflow", tokens, extra)
        return _RowChoice(tuple(cands), None, "split", tokens, extra)
    placed = _placements(spec, columns, values)
    groups = _groups(spec, width)
    if (
        groups
        and any(len(v.folded) > 1 and _split_plan(v) for v in values)
        and not any(_short_adds_up(c, groups) for c in placed)
    ):
        # No placement adds up, but a long number may be two cells run together (a PDF
        # tool that set narrow columns' numbers with no space between: 165 and 78 as
        # 16578): the splits that add up, if any
        cands, overflow = _splits(values, width, groups, budget)
        if cands and not overflow:
            return _RowChoice(tuple(cands), None, "split", tokens, extra)
    return _RowChoice(placed, _preferred(spec, placed), "placed", tokens, extra)


def _blanks_shown(
    spec: TableSpec,
    pieces: list[Piece | None],
    width: int,
    tokens: tuple[Token, ...],
    budget: _Budget,
) -> _RowChoice | None:
    """The readings of a glued row whose blank cells are known (``None`` in `pieces`)
    that satisfy its arithmetic, blanks counting 0 (a blank total checks nothing);
    ``None`` when there is none, or too many to list.  In a table with no arithmetic
    (二), only where no run could be several cells: a row may end with a blank cell the
    template does not have (the trial (八) and (九) rows' fourth), which nothing would
    tell from a cell cut off a run."""
    groups = _groups(spec, width)
    if not groups and any(p is not None and _split_plan(p) for p in pieces):
        return None
    if len(pieces) == width and not any(p is not None and _glued_for_sure(p) for p in pieces):
        cand = tuple(pieces)
        if all(_group_ok(cand, lo, t, False) is not False for lo, t in groups):
            return _RowChoice((cand,), 0, "exact", tokens)
        return None
    cands, overflow = _splits(pieces, width, groups, budget)
    if not cands or overflow:
        return None
    return _RowChoice(tuple(cands), None, "split", tokens)


def _short_adds_up(cand: Candidate, groups: tuple[tuple[int, int], ...]) -> bool:
    """Whether a placement of a short row adds up: no group contradicted and one at least
    confirmed, its blank cells counting 0."""
    verdicts = [_group_ok(cand, lo, t, False) for lo, t in groups]
    return False not in verdicts and True in verdicts


#: At most this many values more than a row's cells are tried left out one by one.
MAX_LEFT_OUT: Final = 2


def _left_out(spec: TableSpec, values: list[Piece], width: int) -> list[list[Piece]]:
    """The readings of a row that holds more values than cells (a 序号 column, a stray note
    number): its first `width` values, unless they fail the row's arithmetic (table 三's
    total, table 四's group totals) and leaving out other values satisfies it; then every
    such reading (distinct in its values)."""
    first = values[:width]
    groups = _groups(spec, width)
    extra = len(values) - width
    if not groups or extra > MAX_LEFT_OUT or _adds_up(tuple(first), groups) is not False:
        return [first]
    found: dict[tuple[int | None, ...], list[Piece]] = {}
    for out in itertools.combinations(range(len(values)), extra):
        kept = [v for i, v in enumerate(values) if i not in out]
        if _adds_up(tuple(kept), groups):
            found.setdefault(tuple(map(_num, kept)), kept)
    return list(found.values()) or [first]


def _adds_up(cand: Candidate, groups: tuple[tuple[int, int], ...]) -> bool | None:
    """Whether every group of `cand` adds up: False when one does not, None when none can
    be told."""
    verdicts = [_group_ok(cand, lo, t, True) for lo, t in groups]
    if False in verdicts:
        return False
    return True if True in verdicts else None


def _placements(
    spec: TableSpec, columns: tuple[ColumnSpec, ...], values: list[Piece]
) -> tuple[Candidate, ...]:
    """Every order-preserving placement of a short row's values that their types allow,
    narrowed to those the row's arithmetic accepts when any does (table 三: the total
    equals the applicant values; table 四: no group total contradicted)."""
    width = len(columns)
    n = len(values)
    nums = [_num(v) for v in values]
    kinds = [_value_kind(v) for v in values]
    typed = any(k is not None for k in kinds)
    groups = _groups(spec, width)
    # prefix sums of the values' counts and of their unknowns ("/" or text): the parts of
    # a group are a run of consecutive values, summed in one step
    sums = list(itertools.accumulate((x or 0 for x in nums), initial=0))
    unknown = list(itertools.accumulate((x is None for x in nums), initial=0))

    def verdict(slots: tuple[int, ...], lo: int, total: int) -> bool | None:
        """Do the values placed in cells lo..total-1 sum to the one in cell `total`?
        None when it cannot be told (no total placed, or "/" or text among them)."""
        j = bisect.bisect_left(slots, total)
        if j == n or slots[j] != total or nums[j] is None:
            return None
        i = bisect.bisect_left(slots, lo)
        if unknown[j] - unknown[i]:
            return None
        return sums[j] - sums[i] == nums[j]

    fitting: list[tuple[int, ...]] = []
    good: list[tuple[int, ...]] = []
    for slots in itertools.combinations(range(width), n):
        if typed and not all(_kind_fits(kinds[i], columns[c].kind) for i, c in enumerate(slots)):
            continue
        fitting.append(slots)
        # table 三: its total (the first group) adds up; table 四: no group contradicted
        if spec.name == "requests":
            ok = bool(groups) and verdict(slots, *groups[0]) is True
        else:
            ok = spec.name == "review" and all(verdict(slots, *g) is not False for g in groups)
        if ok:
            good.append(slots)
    out = []
    for slots in good or fitting:
        cells: list[Piece | None] = [None] * width
        for i, c in enumerate(slots):
            cells[c] = values[i]
        out.append(tuple(cells))
    return tuple(out)


def _value_kind(p: Piece) -> str | None:
    """``signed`` for 增/减/+/- values, ``money`` for values with a money unit, else None."""
    m = NUMBER.fullmatch(p.folded.strip())
    if m is None:
        return None
    if m.group("sign"):
        return "signed"
    if m.group("unit") in ("元", "万元", "亿元"):
        return "money"
    return None


def _kind_fits(value_kind: str | None, column_kind: str) -> bool:
    """A signed value only in a change column; a value with a money unit only in money."""
    if value_kind == "signed":
        return column_kind == "change"
    if value_kind == "money":
        return column_kind == "money"
    return True


#: A cell run that glued text may have merged: sign, a run of digits, and what only the
#: last cell of the run can carry (thousands groups, a decimal part, a unit).
_GLUED_RUN: Final = re.compile(
    r"""(?P<sign>[+\-]|增加?|减少?)?(?P<digits>\d{2,})
    (?P<tail>(?:,\d{3})*+(?:\.\d+)?(?:万元|亿元|元|件|条|项|个)?)""",
    re.VERBOSE,
)


def _glued_for_sure(p: Piece) -> bool:
    """A run no one cell can be: digits after a leading zero (``00555``), or more digits
    than a count has.  In glued text it holds several cells even where the row has as many
    runs as cells (a missed label left the next row's digits in this one)."""
    plan = _split_plan(p)
    if plan is None:
        return False
    sign, ndig, _ = plan
    return p.folded[sign] == "0" or ndig > MAX_CELL_DIGITS


def _split_plan(p: Piece) -> tuple[int, int, int] | None:
    """For a piece that may hold several glued cells: (sign length, digits length, tail
    length); ``None`` for a piece that is one cell."""
    m = _GLUED_RUN.fullmatch(p.folded)
    if m is None:
        return None
    return len(m.group("sign") or ""), len(m.group("digits")), len(m.group("tail"))


def _splits(
    values: Sequence[Piece | None],
    width: int,
    groups: tuple[tuple[int, int], ...],
    budget: _Budget | None = None,
) -> tuple[list[Candidate], bool]:
    """Every split of the glued runs among `values` into `width` cells that satisfies each
    group's total (``(first, total)``: cells first..total-1 sum to cell total).  A
    ``None`` among `values` is a blank cell: 0 among a group's parts, and a group whose
    total it is checks nothing.

    A depth-first search that checks a group as soon as its total cell is placed, so that
    long runs stay cheap.  Returns the readings and whether the search stopped at
    `MAX_ROW_CANDIDATES`, or ran out of steps (`MAX_ROW_NODES`, or what is left of the
    table's `budget`): then the readings are incomplete and decide nothing.
    """
    plans = [None if v is None else _split_plan(v) for v in values]
    if sum(1 if plan is None else plan[1] for plan in plans) == width:
        return _a_digit_a_cell(values, plans, groups), False
    lo_of = [-1] * (width + 1)  # for a group's total cell, the group's first cell
    for lo, t in groups:
        if t <= width:
            lo_of[t] = lo
    # a whole value's count (a blank cell's, a not-applicable mark's: 0); a group whose
    # total is such a cell checks nothing
    valueless = [_valueless(v) for v in values]
    whole = [
        (0 if no_value else _num(v)) if plan is None else None
        for v, plan, no_value in zip(values, plans, valueless, strict=True)
    ]
    # what a run's last cell carries (``.5``, ``,320``, ``件``): a decimal part makes it a
    # non-count (as _num says); thousands groups (``4,320``) leave it one to three digits
    # before them, and a count the checks skip (as for a decimal part)
    tails = [
        v.folded[len(v.folded) - plan[2] :] if v is not None and plan is not None and plan[2] else ""
        for v, plan in zip(values, plans, strict=True)
    ]
    grouped = [tail[:1] == "," for tail in tails]
    uncounted = [g or "." in tail for g, tail in zip(grouped, tails, strict=True)]
    # the pieces that runs are cut from (a blank cell, never cut, stands as an empty one)
    runs = [_NO_PIECE if v is None else v for v in values]
    out: list[Candidate] = []
    # the cells placed so far: (value index, start, end) in that value's text, (i, -1, -1)
    # for a whole value; the Pieces are built only for complete readings
    acc: list[tuple[int, int, int]] = []
    nums: list[int | None] = []  # acc's counts, kept beside it (computed once per cell)
    allowed = MAX_ROW_NODES if budget is None else min(MAX_TABLE_NODES // 4, budget.nodes)
    left = [allowed]  # search steps left, bounding the worst case too
    charge = 0 if budget is None else width
    n_values = len(values)
    # the most cells values[i:] can make (a run of n digits makes at most n): a branch
    # that cannot fill the row is cut at once rather than explored to its end
    most = list(
        itertools.accumulate(
            reversed([1 if plan is None else plan[1] for plan in plans]), initial=0
        )
    )[::-1]

    def group_fails(slot: int) -> bool:
        group = nums[lo_of[slot] : slot + 1]
        if None in group or valueless[acc[slot][0]]:
            return False  # text, or a blank or "/" total: nothing to check
        return sum(group[:-1]) != group[-1]  # type: ignore[arg-type]

    def reading() -> Candidate:
        left[0] -= charge  # (in a table's budget, building a reading costs a step a cell)
        return tuple(
            values[i]
            if s == -1
            else _new(
                Piece,
                (runs[i].raw[s:e], runs[i].folded[s:e], runs[i].start + s, runs[i].start + e),
            )
            for i, s, e in acc
        )

    def rec(ti: int, di: int) -> bool:
        left[0] -= 1
        if left[0] < 0 or len(out) >= MAX_ROW_CANDIDATES:
            return False
        slot = len(acc)
        if slot == width or ti == n_values:
            if slot == width and ti == n_values:
                out.append(reading())
            return True
        if most[ti] - di < width - slot:
            return True  # too few digits left for the cells left
        plan = plans[ti]
        checked = lo_of[slot] >= 0
        if plan is None:
            acc.append((ti, -1, -1))
            nums.append(whole[ti])
            ok = (checked and group_fails(slot)) or rec(ti + 1, 0)
            acc.pop()
            nums.pop()
            return ok
        folded = runs[ti].folded
        tokens_left = n_values - ti - 1
        sign, ndig, tail = plan
        rem = ndig - di
        start = sign + di if di else 0  # offset of this cell in the piece's text
        digits_at = sign + di
        room = width - slot - 1  # cells left after this one
        # the longest this cell can be and leave enough digits for the cells after it
        # (cut here rather than one call down: most branches of a long run end so)
        lengths = [rem] if room < tokens_left + 1 else range(1, min(rem, most[ti] - di - room) + 1)
        for length in lengths:
            if length > MAX_CELL_DIGITS or (folded[digits_at] == "0" and length > 1):
                break  # too long for a count, or a leading zero
            last = length == rem
            if not last and room < tokens_left + 1:
                continue
            if last and grouped[ti] and length > 3:
                continue  # a thousands group's head is one to three digits
            end = digits_at + length + (tail if last else 0)
            acc.append((ti, start, end))
            # a signed or decimal piece is not a count (the checks skip it, as _num does)
            plain = not (sign and start == 0) and not (last and uncounted[ti])
            nums.append(int(folded[digits_at : digits_at + length]) if plain else None)
            if checked and group_fails(slot):
                ok = True
            else:
                ok = rec(ti + 1, 0) if last else rec(ti, di + length)
            acc.pop()
            nums.pop()
            if not ok:
                return False
        return True

    complete = rec(0, 0)
    if budget is not None:
        budget.nodes -= allowed - max(left[0], 0)
    return out, not complete


_NO_PIECE: Final = Piece("", "", 0, 0)


def _a_digit_a_cell(
    values: Sequence[Piece | None],
    plans: list[tuple[int, int, int] | None],
    groups: tuple[tuple[int, int], ...],
) -> list[Candidate]:
    """`_splits` where the runs have as many digits as the row has cells (most rows of
    zeros, ``0000000``): the one reading, a digit a cell, if each group adds up."""
    cells: list[Piece | None] = []
    nums: list[int | None] = []
    valueless: list[bool] = []  # a blank cell or a "/": counts 0, checks nothing as a total
    for v, plan in zip(values, plans, strict=True):
        if v is None or plan is None:
            none = _valueless(v)
            cells.append(v)
            nums.append(0 if none else _num(v))
            valueless.append(none)
            continue
        sign, ndig, tail = plan
        folded = v.folded
        # a decimal part in the tail makes the last cell a non-count (as _num says), and
        # thousands groups one whose count the checks skip (as for a decimal part)
        decimal = tail > 0 and folded[len(folded) - tail] in ".,"
        for di in range(ndig):
            last = di == ndig - 1
            a = sign + di if di else 0  # the sign goes with the first cell, the tail the last
            b = sign + di + 1 + (tail if last else 0)
            cells.append(_new(Piece, (v.raw[a:b], folded[a:b], v.start + a, v.start + b)))
            # a signed or decimal piece is not a count (the checks skip it, as _num does)
            not_count = (sign and a == 0) or (last and decimal)
            nums.append(None if not_count else int(folded[sign + di]))
            valueless.append(False)
    for lo, total in groups:
        group = nums[lo : total + 1]
        if (
            total < len(nums)
            and None not in group
            and not valueless[total]
            and sum(group[:-1]) != group[-1]  # type: ignore[arg-type]
        ):
            return []
    return [tuple(cells)]


def _valueless(p: Piece | None) -> bool:
    """Whether a cell holds no value: blank, or a not-applicable mark (``/``).  It counts 0
    among a group's parts and, as a group's total, checks nothing."""
    return p is None or NOT_APPLICABLE.fullmatch(p.folded) is not None


def _num(p: Piece | None) -> int | None:
    if p is None:
        return None
    if p.folded.isdigit() and p.folded.isascii():
        return int(p.folded)  # most cells: no pattern needed
    m = NUMBER.fullmatch(p.folded.strip())
    if m is None or m.group("sign") or "." in m.group("num"):
        return None
    return int(m.group("num").replace(",", ""))


def _group_ok(cand: Candidate, lo: int, total: int, complete: bool) -> bool | None:
    """Does cand[total] equal the sum of cand[lo:total]?  None when it cannot be told."""
    t = _num(cand[total]) if cand[total] is not None else None
    if t is None:
        return None
    parts = [cand[c] for c in range(lo, total)]
    nums = [_num(p) for p in parts]
    if any(p is not None and n is None for p, n in zip(parts, nums, strict=True)):
        return None  # "/" or text among the parts
    if complete and any(p is None for p in parts):
        return None
    return sum(n for n in nums if n is not None) == t


def _groups(spec: TableSpec, width: int) -> tuple[tuple[int, int], ...]:
    """The (first cell, total cell) of each sum the row's arithmetic requires."""
    if spec.name == "requests":
        return ((0, REQUEST_TOTAL_COLUMN),)
    if spec.name == "review":
        w = REVIEW_TOTAL_COLUMN + 1
        return tuple((g * w, g * w + REVIEW_TOTAL_COLUMN) for g in range(width // w))
    return ()


def _preferred(spec: TableSpec, cands: tuple[Candidate, ...]) -> int | None:
    """The conventional reading of a short row, where there is one."""
    if not cands:
        return None
    if spec.name == "requests":
        for i, c in enumerate(cands):
            filled = [k for k, p in enumerate(c) if p is not None]
            if filled == [0, REQUEST_TOTAL_COLUMN] and _num(c[0]) == _num(c[REQUEST_TOTAL_COLUMN]):
                return i  # a lone applicant value equal to the total: 自然人
        return None
    if spec.name == "active":
        return 0  # combinations() lists the leftmost placement first
    return None


# --------------------------------------------------------------------------- choice
def _choose(
    spec: TableSpec,
    choices: list[_RowChoice],
    diags: list[Diagnostic],
    norm: NormalizedText,
) -> list[tuple[Slot, ...]]:
    widths = (
        [sum(len(r.columns) for r in spec.rows)]
        if spec.name == "review"
        else [len(r.columns) for r in spec.rows]
    )
    chosen: list[int | None] = []
    for ch in choices:
        if len(ch.candidates) == 1:
            chosen.append(0)
        elif ch.preferred is not None and ch.how == "placed":
            chosen.append(ch.preferred)
        else:
            chosen.append(None)
    open_rows = [i for i, c in enumerate(chosen) if c is None and choices[i].candidates]
    best_sets: dict[int, set[int]] = {}
    # rows placed by convention take part in the search too: the arithmetic may overrule it
    # (a lone 0 is the same sum in any column: nothing for the arithmetic to say)
    by_convention = [
        i
        for i, ch in enumerate(choices)
        if spec.name == "requests"
        and chosen[i] is not None
        and ch.how == "placed"
        and len(ch.candidates) > 1
        and _num(ch.candidates[chosen[i] or 0][0]) != 0
    ]
    if by_convention and not open_rows and not _sums_decide(spec, choices, chosen):
        by_convention = []  # the conventions stand: nothing for the search to say
    if (open_rows or by_convention) and spec.name == "requests":
        # a convention is a guess: the search must not take it as given (it would decide
        # other rows by it), and the arithmetic may overrule it
        unfixed = [None if i in by_convention else c for i, c in enumerate(chosen)]
        best_sets = _search(spec, choices, unfixed, sorted((*open_rows, *by_convention)))
        for i in by_convention:
            fits = best_sets.pop(i, None)
            if fits and chosen[i] not in fits:
                chosen[i] = next(iter(fits)) if len(fits) == 1 else None
                if chosen[i] is None:
                    best_sets[i] = fits
    out: list[tuple[Slot, ...]] = []
    for i, ch in enumerate(choices):
        w = widths[i]
        if not ch.candidates:
            out.append(tuple(_UNSET for _ in range(w)))
            why = {
                "split-overflow": f"the glued digits read here allow more than "
                f"{MAX_ROW_CANDIDATES} readings",
                "uneven-block": "it is in a block printed column by column whose columns "
                "have different lengths (an empty cell printed nothing), or of which it "
                "cannot be told whether it was printed by rows or by columns, so which "
                "value belongs to which row cannot be told",
                "split": "the digits read here split into its cells in no way",
                "out-of-bounds": "every split of the digits read here puts into some "
                "column more than 一、本年新收 + 二、上年结转 of that column",
                "run-on": "its digits run on into those of the next row, whose label was "
                "not recognised, and where one row ends cannot be told",
            }.get(ch.how)
            if why is not None:
                diags.append(
                    Diagnostic(
                        "ambiguous-cells",
                        "warning",
                        f"{_row_key(spec, i)}: {why}; the row is left unset",
                        span=_span_of(norm, ch),
                        key=_row_key(spec, i),
                    )
                )
            continue
        idx = chosen[i]
        if idx is None:
            options = sorted(best_sets.get(i, set(range(len(ch.candidates)))))
            if len(options) == 1:
                idx = options[0]
            else:
                out.append(_agreed(ch, options, w))
                _report_ambiguous(spec, i, ch, options, diags, norm)
                continue
        _report_choice(spec, i, ch, idx, diags, norm)
        out.append(ch.candidates[idx])
    return out


def _agreed(ch: _RowChoice, options: list[int], w: int) -> tuple[Slot, ...]:
    """The cells every remaining reading agrees on; the rest unset."""
    out: list[Slot] = []
    for c in range(w):
        vals = {_key(ch.candidates[o][c]) for o in options}
        out.append(ch.candidates[options[0]][c] if len(vals) == 1 else _UNSET)
    return tuple(out)


def _key(p: Piece | None) -> tuple[int, int] | None:
    return None if p is None else (p.start, p.end)


def _edges_and_leaves(spec: TableSpec) -> tuple[list[int], list[int]]:
    """Table 三's rows of identity A (一 二 （七） 四, in that order) and its leaf rows."""
    keys = [r.key for r in spec.rows]
    edges = [keys.index(k) for k in REQUEST_EDGE_ROWS]
    return edges, [i for i in range(len(keys)) if i not in edges]


def _counts(choices: list[_RowChoice], row: int, pick: int) -> list[int]:
    """The counts of one reading of a row, blank cells and others counting 0."""
    return [_num(p) or 0 for p in choices[row].candidates[pick]]


def _search(
    spec: TableSpec,
    choices: list[_RowChoice],
    chosen: list[int | None],
    open_rows: list[int],
) -> dict[int, set[int]]:
    """The readings of the open rows that satisfy the most of identities A and B.

    Returns, for each open row, the set of its readings that take part in a best
    combination.  Blank cells count as 0 here: only for ranking placements, never as values.

    Combinations are tried one at a time up to `MAX_COMBINATIONS`.  Beyond, where
    identity B holds exactly for some combination, `_column_solutions` finds the readings
    that take part without trying every combination; the rows it leaves open (or every
    row, when the report's arithmetic does not add up) are then tried as before, if few
    enough remain.

    A leaf row with no reading at all (its label not found, its digits not split) still
    counts something unknown: identity B then holds only as a bound (the leaf rows read sum
    to at most the total), and an equality it would show could be the missing row's count
    made up by a wrong reading of another row.
    """
    edges, leaves = _edges_and_leaves(spec)
    unknown = any(not choices[i].candidates for i in leaves)
    solved: dict[int, set[int]] = {}
    if _combinations(choices, open_rows, solved) > MAX_COMBINATIONS:
        solved = {} if unknown else _column_solutions(spec, choices, chosen, open_rows)
        if all(row in solved for row in open_rows):
            return solved
        if _combinations(choices, open_rows, solved) > MAX_COMBINATIONS:
            return solved
    sizes = [len(solved.get(i, ())) or len(choices[i].candidates) for i in open_rows]
    n_cols = len(spec.rows[0].columns)
    base: list[list[int] | None] = [
        _counts(choices, i, c) if c is not None and choices[i].candidates else None
        for i, c in enumerate(chosen)
    ]
    picks = {
        row: sorted(solved.get(row, ())) or range(len(choices[row].candidates))
        for row in open_rows
    }
    options = {row: [_counts(choices, row, k) for k in picks[row]] for row in open_rows}
    # the leaf rows not searched add the same to every combination: summed once
    searched = set(open_rows)
    fixed = [0] * n_cols
    for i in leaves:
        row_vals = base[i]
        if i not in searched and row_vals is not None:
            fixed = list(map(operator.add, fixed, row_vals))
    leaf_picks = [k for k, row in enumerate(open_rows) if row not in edges]
    edge_of = [open_rows.index(i) if i in searched else None for i in edges]
    best = -1
    best_combos: list[tuple[int, ...]] = []
    for combo in itertools.product(*(range(s) for s in sizes)):
        sums = fixed
        for k in leaf_picks:
            sums = list(map(operator.add, sums, options[open_rows[k]][combo[k]]))
        new, carried, total, forward = (
            base[i] if k is None else options[i][combo[k]]
            for i, k in zip(edges, edge_of, strict=True)
        )
        score = _identity_score(new, carried, total, forward, sums, exact=not unknown)
        if score > best:
            best, best_combos = score, [combo]
        elif score == best:
            best_combos.append(combo)
    return {
        row: {picks[row][combo[k]] for combo in best_combos} for k, row in enumerate(open_rows)
    }


def _sums_decide(spec: TableSpec, choices: list[_RowChoice], chosen: list[int | None]) -> bool:
    """Whether the column sums could move a row placed by convention, every other row
    being as chosen: not when （七）总计 holds no count (nothing to sum to), nor when every
    column already is its leaf rows' sum (a lone value moved to another column would break
    two columns)."""
    edges, leaves = _edges_and_leaves(spec)
    total_row = edges[2]
    pick = chosen[total_row]
    if pick is None or not choices[total_row].candidates:
        return False
    if all(_num(p) is None for p in choices[total_row].candidates[pick]):
        return False
    sums = [0] * len(spec.rows[total_row].columns)
    for i in leaves:
        c = chosen[i]
        if c is not None and choices[i].candidates:
            sums = list(map(operator.add, sums, _counts(choices, i, c)))
    return sums != _counts(choices, total_row, pick)


def _combinations(
    choices: list[_RowChoice], open_rows: list[int], solved: dict[int, set[int]]
) -> int:
    """How many combinations of the open rows' readings there are (stopping past the
    bound), counting only the readings in `solved` for the rows it holds."""
    combos = 1
    for i in open_rows:
        combos *= len(solved.get(i, ())) or len(choices[i].candidates)
        if combos > MAX_COMBINATIONS:
            break
    return combos


#: Totals up to this are searched by `_column_solutions` (its bit sets have a bit for
#: every number up to the total; table 三 of the largest agencies counts tens of thousands).
MAX_COLUMN_TOTAL: Final = 1_000_000
#: A bound on the work of `_column_solutions`: partial sums times readings, per table.
MAX_SUM_STEPS: Final = 12000


def _column_solutions(
    spec: TableSpec,
    choices: list[_RowChoice],
    chosen: list[int | None],
    open_rows: list[int],
) -> dict[int, set[int]]:
    """For tables with too many short rows to try every combination: the readings of the
    open leaf rows that take part in a combination satisfying identity B in every column
    exactly, and of one open edge row those then satisfying identity A; ``{}`` when the
    total row is itself open, no combination fits, or the search grows too large.

    Identity B says each column of （七）总计 is the sum of the leaf rows, so the readings
    are searched row by row over the partial sums of the columns (a dynamic programme:
    partial sums reached by several combinations are kept once, sums beyond the total are
    dropped, as counts are never negative, and readings that differ only in where a 0 or
    a blank goes are one sum).  A reading takes part in a solution when some partial sum
    before its row plus the reading leaves a rest that the rows after it can make.  Blank
    cells count as 0 here, as in `_search`.
    """
    edges, leaves = _edges_and_leaves(spec)
    total_row = edges[2]
    if total_row in open_rows or not choices[total_row].candidates:
        return {}
    n_cols = len(spec.rows[0].columns)

    def values(row: int, pick: int) -> tuple[int, ...]:
        return tuple(_counts(choices, row, pick))

    target = _counts(choices, total_row, chosen[total_row] or 0)
    open_leaves = [i for i in leaves if i in open_rows]
    for i in leaves:
        c = chosen[i]
        if i not in open_rows and c is not None and choices[i].candidates:
            target = list(map(operator.sub, target, _counts(choices, i, c)))
    if min(target) < 0 or max(target) > MAX_COLUMN_TOTAL:
        return {}
    # Each column's sum packed into a field of a Python int, with a guard bit above it:
    # adding two packed sums adds every column at once, and subtracting a packed sum from
    # the goal with every guard bit set leaves a guard bit clear exactly where the sum is
    # beyond the goal in that column (SWAR: one integer operation instead of seven).
    bits = max(target).bit_length() + 1
    guard = sum(1 << (c * (bits + 1) + bits) for c in range(n_cols))

    def pack(vals: Sequence[int]) -> int:
        return sum(min(v, (1 << bits) - 1) << (c * (bits + 1)) for c, v in enumerate(vals))

    def unpack(packed: int) -> list[int]:
        mask = (1 << bits) - 1
        return [(packed >> (c * (bits + 1))) & mask for c in range(n_cols)]

    goal = pack(target)
    within = goal | guard
    readings: list[dict[tuple[int, ...], list[int]]] = []
    for row in open_leaves:
        distinct: dict[tuple[int, ...], list[int]] = {}
        for pick in range(len(choices[row].candidates)):
            vals = values(row, pick)
            if min(vals) < 0:
                return {}  # the sums below hold counts, never negative
            if all(v <= t for v, t in zip(vals, target, strict=True)):
                distinct.setdefault(vals, []).append(pick)
        if not distinct:
            return {}  # no reading of the row fits under the totals
        readings.append(distinct)
    if not _column_consistent(readings, target):
        return {}
    # each open row's distinct sums, with the readings that make each
    sums_of = [
        {pack(vals): picks for vals, picks in distinct.items()} for distinct in readings
    ]
    # the most each open row can add to each column, to drop partial sums that the rows
    # left could no longer bring up to the goal: floor[k] is, per column, what the first
    # k rows must have made at least (and ceiling[k] what rows k.. must make at least)
    most = [[max(col) for col in zip(*map(unpack, by_sum), strict=True)] for by_sum in sums_of]
    floor, ceiling = [], []
    for k in range(len(sums_of) + 1):
        after = [sum(m[c] for m in most[k:]) for c in range(n_cols)]
        before = [sum(m[c] for m in most[:k]) for c in range(n_cols)]
        floor.append(pack([max(0, t - a) for t, a in zip(target, after, strict=True)]))
        ceiling.append(pack([max(0, t - b) for t, b in zip(target, before, strict=True)]))
    budget = MAX_SUM_STEPS
    # forward[k]: the partial sums the first k open rows can make, none beyond the goal
    forward: list[set[int]] = [{0}]
    for k, by_sum in enumerate(sums_of):
        budget -= len(forward[-1]) * len(by_sum)
        if budget < 0:
            return {}
        low = floor[k + 1]
        reach = {
            t
            for s in forward[-1]
            for v in by_sum
            if (within - (t := s + v)) & guard == guard and ((t | guard) - low) & guard == guard
        }
        if not reach:
            return {}
        forward.append(reach)
    if goal not in forward[-1]:
        return {}
    out: dict[int, set[int]] = {}
    # backward: the rests the rows after k can make; row k's sums that join both
    rest: set[int] = {0}
    for k in range(len(open_leaves) - 1, -1, -1):
        budget -= len(forward[k]) * len(sums_of[k]) + len(rest) * len(sums_of[k])
        if budget < 0:
            return {}
        kept = [v for v in sums_of[k] if any(goal - s - v in rest for s in forward[k])]
        out[open_leaves[k]] = {pick for v in kept for pick in sums_of[k][v]}
        low = ceiling[k]
        rest = {
            t
            for r in rest
            for v in kept
            if (within - (t := r + v)) & guard == guard and ((t | guard) - low) & guard == guard
        }
    open_edges = [i for i in edges if i in open_rows]
    if len(open_edges) == 1 and all(choices[i].candidates for i in edges):
        row = open_edges[0]
        fits: set[int] = set()
        for pick in range(len(choices[row].candidates)):
            new, carried, total, ahead = (
                values(i, pick if i == row else chosen[i] or 0) for i in edges
            )
            if all(new[j] + carried[j] == total[j] + ahead[j] for j in range(n_cols)):
                fits.add(pick)
        if fits:
            out[row] = fits
    return out


def _column_consistent(
    readings: list[dict[tuple[int, ...], list[int]]], target: list[int]
) -> bool:
    """Drop, in place, the readings that cannot take part in a solution of one column on
    its own; ``False`` when some row is left with none.

    Each column alone is a sum of one value per row, whose reachable partial sums are
    the bits of an integer (a shift adds a value to all of them at once).  A value of a
    row survives when a partial sum of the rows before it, the value and a sum of the rows
    after it make the column's total.  Dropping a reading changes the other columns'
    values, so the columns are gone over again until nothing changes.  Cheap, and it
    leaves the joint search of `_column_solutions` far fewer readings to combine.
    """
    changed = True
    while changed:
        changed = False
        for c, goal in enumerate(target):
            mask = (1 << (goal + 1)) - 1
            columns = [{vals[c] for vals in distinct} for distinct in readings]
            # reach[k]: bit s set when the rows before k can sum to s in this column
            reach = [1]
            for values in columns:
                bits = 0
                for v in values:
                    bits |= reach[-1] << v
                reach.append(bits & mask)
            # need: bit s set when the rows from k on can bring s up to the goal
            need = 1 << goal
            for k in range(len(readings) - 1, -1, -1):
                fits = {v for v in columns[k] if (reach[k] << v) & need}
                if len(fits) < len(columns[k]):
                    readings[k] = {
                        vals: picks for vals, picks in readings[k].items() if vals[c] in fits
                    }
                    if not readings[k]:
                        return False
                    changed = True
                bits = 0
                for v in fits:
                    bits |= need >> v
                need = bits
    return True


def _identity_score(
    new: list[int] | None,
    carried: list[int] | None,
    total: list[int] | None,
    forward: list[int] | None,
    leaf_sums: list[int],
    exact: bool = True,
) -> int:
    """How many column identities (A and B) hold; rows not read take no part (A needs all
    four of its rows; B compares the total row with the sum of the leaf rows read: equal,
    or where some leaf row is unknown (not `exact`), at most the total)."""
    if total is None:
        return 0
    score: int = sum(map(operator.eq if exact else operator.le, leaf_sums, total))
    if new is not None and carried is not None and forward is not None:
        ins = map(operator.add, new, carried)
        score += sum(map(operator.eq, ins, map(operator.add, total, forward)))
    return score


def _describe(c: Candidate) -> str:
    return "/".join("·" if p is None else p.folded for p in c)


def _row_key(spec: TableSpec, i: int) -> str:
    return "review" if spec.name == "review" else f"{spec.name}.{spec.rows[i].key}"


def _span_of(norm: NormalizedText, ch: _RowChoice) -> Span | None:
    toks = [t for t in ch.tokens if not t.blank]
    if not toks:
        return None
    return norm.span(toks[0].start, toks[-1].end)


def _report_choice(
    spec: TableSpec,
    i: int,
    ch: _RowChoice,
    idx: int,
    diags: list[Diagnostic],
    norm: NormalizedText,
) -> None:
    key = _row_key(spec, i)
    diags.extend(
        Diagnostic(
            "too-many-values",
            "warning",
            f"{key}: more values than columns; {p.raw!r} was not placed",
            span=norm.span(p.start, p.end),
            key=key,
        )
        for p in ch.extra
    )
    if ch.how == "exact" or len(ch.candidates) == 0:
        return
    span = _span_of(norm, ch)
    if ch.how == "spanning":
        mark = ch.candidates[0][0]
        written = mark.raw.strip() if mark is not None else "/"
        diags.append(
            Diagnostic(
                "placed-by-convention",
                "info",
                f"{key}: a lone {written!r} stands for every cell of the row",
                span=span,
                key=key,
            )
        )
        return
    reading = _describe(ch.candidates[idx])
    if ch.how == "positioned":
        code, what = "placed-by-position", "short row placed by where its values sit"
    elif ch.how == "split":
        code, what = "split-digits", "glued digits split"
    elif ch.how == "reordered":
        code, what = "reordered-by-arithmetic", "values printed out of order rearranged"
    elif ch.how == "left-out":
        code, what = "placed-by-arithmetic", "more values than columns; the row read"
    elif len(ch.candidates) == 1:
        code, what = "placed-by-arithmetic", "short row placed"
    elif ch.preferred == idx:
        code, what = "placed-by-convention", "short row placed by convention"
    else:
        code, what = "placed-by-arithmetic", "short row placed"
    diags.append(
        Diagnostic(
            code,
            "info",
            f"{key}: {what} as {reading} (columns {'/'.join(c.key for c in _cols(spec, i))})",
            span=span,
            key=key,
        )
    )


def _cols(spec: TableSpec, i: int) -> tuple[ColumnSpec, ...]:
    if spec.name == "review":
        return tuple(c for r in spec.rows for c in r.columns)
    return spec.rows[i].columns


def _report_ambiguous(
    spec: TableSpec,
    i: int,
    ch: _RowChoice,
    options: list[int],
    diags: list[Diagnostic],
    norm: NormalizedText,
) -> None:
    key = _row_key(spec, i)
    shown = [_describe(ch.candidates[o]) for o in options[:12]]
    more = f" and {len(options) - 12} more" if len(options) > 12 else ""
    what = {"split": "digits", "reordered": "values printed out of order"}.get(ch.how, "values")
    diags.append(
        Diagnostic(
            "ambiguous-cells",
            "warning",
            f"{key}: the {what} read here fit {len(options)} readings "
            f"({'; '.join(shown)}{more}); cells they disagree on are left unset",
            span=_span_of(norm, ch),
            key=key,
            candidates=tuple(_describe(ch.candidates[o]) for o in options),
        )
    )

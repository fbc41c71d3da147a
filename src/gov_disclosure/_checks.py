"""The report's own arithmetic (FORMAT.md §7), checked on the parsed tables.

A. per column of table 三: 一 + 二 = （七）总计 + 四
B. per column of table 三: （七）总计 = the sum of the leaf rows (23 trial / 25 revised)
C. per row of table 三: 总计 = the six applicant columns
D. per group of table 四: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结

A check *fails* when every cell on both sides is a number and the sums differ, or when one
side is left entirely blank while the other holds a count above zero (sample 000: 一 is 1,
（七）总计 and 四 are blank, so one application is accounted for nowhere).  Otherwise a
blank, ``/`` or unreadable cell makes it *not assessable*, reported apart from a failure.
Nothing is ever repaired: a failing report is parsed as written and the finding says where
and by how much it fails.
"""

from __future__ import annotations

import functools
from typing import Final, NamedTuple

from ._model import Cell, CellKind, Diagnostic, Table
from ._vocab import REQUEST_EDGE_ROWS

_NUMBER: Final = CellKind.NUMBER
_BLANK: Final = CellKind.BLANK

_IDENTITY = {
    "A": "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
    "B": "（七）总计 = the sum of the leaf rows of 三、本年度办理结果",
    "C": "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
    "D": "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
}


class _Identity(NamedTuple):
    """One instance of an identity: ``sum(left) == sum(right)``, over cells given by
    (row index, column index) in the table."""

    name: str
    """``A``, ``B``, ``C`` or ``D``."""
    what: str
    """Which column, row or group it is checked for."""
    left: tuple[tuple[int, int], ...]
    right: tuple[tuple[int, int], ...]


@functools.cache
def _identities(
    table: str, shape: tuple[tuple[str, tuple[str, ...]], ...]
) -> tuple[_Identity, ...]:
    """The identities a table of this shape (row keys with their column keys) satisfies.

    Computed once per table variant: a report then only sums cells by index.
    """
    rows = {key: i for i, (key, _) in enumerate(shape)}
    out: list[_Identity] = []
    if table == "requests":
        columns = shape[0][1]
        new, carried, total, forward = (rows[k] for k in REQUEST_EDGE_ROWS)
        leaves = [i for key, i in rows.items() if key not in REQUEST_EDGE_ROWS]
        for c, col in enumerate(columns):
            out.append(
                _Identity("A", f"column {col}", ((new, c), (carried, c)), ((total, c), (forward, c)))
            )
            out.append(_Identity("B", f"column {col}", ((total, c),), tuple((r, c) for r in leaves)))
        for r, (key, cols) in enumerate(shape):
            last = len(cols) - 1
            out.append(_Identity("C", f"row {key}", ((r, last),), tuple((r, c) for c in range(last))))
    elif table == "review":
        for r, (key, cols) in enumerate(shape):
            last = len(cols) - 1
            out.append(
                _Identity("D", f"group {key}", ((r, last),), tuple((r, c) for c in range(last)))
            )
    return tuple(out)


def _where(cell: Cell) -> str:
    return f"line {cell.span.line}" if cell.span else "no position"


def _tally(
    grid: list[tuple[Cell, ...]], coords: tuple[tuple[int, int], ...]
) -> tuple[int, int, int, int]:
    """Sum of the numbers on one side of an identity, and its numbers, blanks and others."""
    total = numbers = blanks = odd = 0
    for r, c in coords:
        cell = grid[r][c]
        if cell.kind is _NUMBER:
            total += cell.value if isinstance(cell.value, int) else 0
            numbers += 1
        elif cell.kind is _BLANK:
            blanks += 1
        else:
            odd += 1
    return total, numbers, blanks, odd


def _check(
    identity: _Identity,
    table: Table,
    grid: list[tuple[Cell, ...]],
    failures: list[Diagnostic],
    unassessable: list[str],
) -> None:
    left, right = identity.left, identity.right
    lsum, lnumbers, blanks_left, lodd = _tally(grid, left)
    rsum, rnumbers, blanks_right, rodd = _tally(grid, right)
    numbers, odd = lnumbers + rnumbers, lodd + rodd
    complete = numbers == len(left) + len(right)
    one_side_blank = not odd and (
        (blanks_left == len(left) and rsum > 0) or (blanks_right == len(right) and lsum > 0)
    )
    if not complete and not one_side_blank:
        if numbers:  # all-empty rows are not worth a mention
            unassessable.append(identity.what)
        return
    if lsum == rsum:
        return

    def key(r: int, c: int) -> str:
        row = table.rows[r]
        return f"{table.name}.{row.key}.{row.columns[c]}"

    def side(coords: tuple[tuple[int, int], ...]) -> str:
        refs = [(key(r, c), grid[r][c]) for r, c in coords]
        parts = [f"{k}={c.value} ({_where(c)})" for k, c in refs if c.is_number]
        blanks = [k for k, c in refs if not c.is_number]
        if len(blanks) <= 2:
            parts += [f"{k}=blank" for k in blanks]
        else:
            parts.append(f"{len(blanks)} blank cells")
        return " + ".join(parts)

    cells = [grid[r][c] for r, c in (*left, *right)]
    anchor = next((c.span for c in cells if c.span is not None), None)
    name = identity.name
    failures.append(
        Diagnostic(
            f"check-{name.lower()}-failed",
            "warning",
            f"identity {name} ({_IDENTITY[name]}) fails for {identity.what}: "
            f"{side(identity.left)} = {lsum}, but {side(identity.right)} = {rsum} "
            f"(difference {lsum - rsum})",
            kind="consistency",
            span=anchor,
            key=key(*identity.left[0]),
        )
    )


def check_tables(requests: Table, review: Table) -> list[Diagnostic]:
    """Every identity of FORMAT.md §7 on the parsed tables, as consistency diagnostics."""
    failures: list[Diagnostic] = []
    unassessable: dict[str, list[str]] = {"A": [], "B": [], "C": [], "D": []}
    for table in (requests, review):
        if table.found:
            shape = tuple((r.key, r.columns) for r in table.rows)
            grid = [r.cells for r in table.rows]
            for identity in _identities(table.name, shape):
                _check(identity, table, grid, failures, unassessable[identity.name])
    out = list(failures)
    for name, where in unassessable.items():
        if where:
            out.append(
                Diagnostic(
                    "check-not-assessable",
                    "info",
                    f"identity {name} ({_IDENTITY[name]}) cannot be checked for "
                    f"{', '.join(where)}: a blank, '/' or unreadable cell takes part",
                    kind="consistency",
                )
            )
    return out

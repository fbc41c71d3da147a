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

from collections.abc import Callable, Sequence
from typing import Final

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


#: One cell of an identity: its row key, column key and the cell.
_Ref = tuple[str, str, Cell]


def _refs(table: Table) -> Callable[[str, str], _Ref]:
    cells = {(r.key, c): cell for r in table.rows for c, cell in zip(r.columns, r.cells, strict=True)}

    def ref(row: str, col: str) -> _Ref:
        return row, col, cells[row, col]

    return ref


def _where(cell: Cell) -> str:
    return f"line {cell.span.line}" if cell.span else "no position"


def _tally(side: Sequence[_Ref]) -> tuple[int, int, int, int]:
    """Sum of the numbers on one side of an identity, and its numbers, blanks and others."""
    total = numbers = blanks = odd = 0
    for _, _, c in side:
        if c.kind is _NUMBER:
            total += c.value if isinstance(c.value, int) else 0
            numbers += 1
        elif c.kind is _BLANK:
            blanks += 1
        else:
            odd += 1
    return total, numbers, blanks, odd


def _compare(
    identity: str,
    table: str,
    what: str,
    left: Sequence[_Ref],
    right: Sequence[_Ref],
    failures: list[Diagnostic],
    unassessable: list[str],
) -> None:
    lsum, lnumbers, blanks_left, lodd = _tally(left)
    rsum, rnumbers, blanks_right, rodd = _tally(right)
    numbers, odd = lnumbers + rnumbers, lodd + rodd
    complete = numbers == len(left) + len(right)
    one_side_blank = not odd and (
        (blanks_left == len(left) and rsum > 0) or (blanks_right == len(right) and lsum > 0)
    )
    if not complete and not one_side_blank:
        if numbers:  # all-empty rows are not worth a mention
            unassessable.append(what)
        return
    if lsum == rsum:
        return

    def side(refs: Sequence[_Ref]) -> str:
        parts = [f"{table}.{r}.{k}={c.value} ({_where(c)})" for r, k, c in refs if c.is_number]
        blanks = [f"{table}.{r}.{k}" for r, k, c in refs if not c.is_number]
        if len(blanks) <= 2:
            parts += [f"{k}=blank" for k in blanks]
        else:
            parts.append(f"{len(blanks)} blank cells")
        return " + ".join(parts)

    anchor = next((c.span for _, _, c in (*left, *right) if c.span is not None), None)
    failures.append(
        Diagnostic(
            f"check-{identity.lower()}-failed",
            "warning",
            f"identity {identity} ({_IDENTITY[identity]}) fails for {what}: "
            f"{side(left)} = {lsum}, but {side(right)} = {rsum} (difference {lsum - rsum})",
            kind="consistency",
            span=anchor,
            key=f"{table}.{left[0][0]}.{left[0][1]}",
        )
    )


def check_tables(requests: Table, review: Table) -> list[Diagnostic]:
    """Every identity of FORMAT.md §7 on the parsed tables, as consistency diagnostics."""
    failures: list[Diagnostic] = []
    unassessable: dict[str, list[str]] = {"A": [], "B": [], "C": [], "D": []}
    if requests.found:
        _ref = _refs(requests)
        columns = requests.rows[0].columns
        leaves = [r.key for r in requests.rows if r.key not in REQUEST_EDGE_ROWS]
        for col in columns:
            _compare(
                "A",
                "requests",
                f"column {col}",
                [_ref("new_received", col), _ref("carried_over", col)],
                [_ref("total", col), _ref("carried_forward", col)],
                failures,
                unassessable["A"],
            )
            _compare(
                "B",
                "requests",
                f"column {col}",
                [_ref("total", col)],
                [_ref(leaf, col) for leaf in leaves],
                failures,
                unassessable["B"],
            )
        for row in requests.rows:
            _compare(
                "C",
                "requests",
                f"row {row.key}",
                [_ref(row.key, "total")],
                [_ref(row.key, c) for c in columns[:-1]],
                failures,
                unassessable["C"],
            )
    if review.found:
        ref = _refs(review)
        for row in review.rows:
            _compare(
                "D",
                "review",
                f"group {row.key}",
                [ref(row.key, "total")],
                [ref(row.key, c) for c in row.columns[:-1]],
                failures,
                unassessable["D"],
            )
    out = list(failures)
    for identity, where in unassessable.items():
        if where:
            out.append(
                Diagnostic(
                    "check-not-assessable",
                    "info",
                    f"identity {identity} ({_IDENTITY[identity]}) cannot be checked for "
                    f"{', '.join(where)}: a blank, '/' or unreadable cell takes part",
                    kind="consistency",
                )
            )
    return out

"""The typed schema of a parsed report: frozen attrs classes with tuple fields.

Every value keeps the text it was read from and where that text is in the input, so a user
can always tell a blank from a ``/``, a ``0`` from garbage, and go back to the source.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Final, Literal

import attrs

from ._vocab import META_KEYS, SECTION_NAMES, TABLES, SectionName, TableName, Template

Severity = Literal["info", "warning", "error"]
DiagnosticKind = Literal["parse", "consistency"]


@attrs.frozen
class Span:
    """Where something is in the text given to the parser (not in its normalised form)."""

    start: int
    """Offset of the first character (0-based, in characters)."""
    end: int
    """Offset one past the last character."""
    line: int
    """1-based line number of `start`."""
    column: int
    """1-based column of `start` on its line."""

    def __reduce__(self) -> tuple[type[Span], tuple[int, int, int, int]]:
        # positional, not attrs' field dict: reports pickle several times faster
        return Span, (self.start, self.end, self.line, self.column)


@attrs.frozen
class GridRef:
    """Where a table cell is in a web page (`parse_html`)."""

    table: int
    """0-based index of the ``<table>`` in the page, in document order."""
    row: int
    """0-based row of that table."""
    column: int
    """0-based column in the table's grid, rowspan and colspan expanded."""
    line: int | None = None
    """The source line of the cell's ``<td>``."""


class CellKind(enum.Enum):
    """What a table cell holds."""

    NUMBER = "number"
    """A number: `Cell.value` is an ``int`` (counts, signed changes) or a ``Decimal`` (money)."""
    BLANK = "blank"
    """An empty cell.  Not a zero: many reports leave cells empty that are not 0."""
    NOT_APPLICABLE = "not_applicable"
    """``/``, ``—``, ``-``, ``N/A``, ``无`` and the like."""
    TEXT = "text"
    """Text that is not a number; kept in `Cell.raw` and reported as a diagnostic."""
    ABSENT = "absent"
    """No cell could be read for this position (table missing, or placement undecidable)."""


@attrs.frozen
class Cell:
    """One value cell: what was written beside what it means."""

    raw: str
    """The cell's text as written (after normalisation to simplified characters)."""
    kind: CellKind
    value: int | Decimal | None = None
    """``int`` for counts and signed changes, ``Decimal`` in 元 for money, else ``None``."""
    span: Span | None = None
    """Where the cell's text is in the input; ``None`` for a cell the flattening dropped."""
    unit: str | None = None
    """The unit the raw text was read in (``件``, ``元``, ``万元``…), if any."""
    origin: GridRef | None = None
    """For a report read by `parse_html`: the cell's table, row and column in the page."""

    def __reduce__(self) -> tuple[type[Cell], tuple[object, ...]]:
        # positional, not attrs' field dict: reports pickle several times faster
        return Cell, (self.raw, self.kind, self.value, self.span, self.unit, self.origin)

    @property
    def is_number(self) -> bool:
        return self.kind is CellKind.NUMBER


ABSENT_CELL = Cell("", CellKind.ABSENT)


# Fast constructors for the hot loops (a `Span` and a `Cell` per value of every report).
# attrs' __init__ of a frozen class sets each field through object.__setattr__ by name;
# setting the slots through their descriptors makes the same object in half the time.
_new_object = object.__new__
_SPAN_SLOTS = tuple(Span.__dict__[f.name].__set__ for f in attrs.fields(Span))
_CELL_SLOTS = tuple(Cell.__dict__[f.name].__set__ for f in attrs.fields(Cell))


def new_span(start: int, end: int, line: int, column: int) -> Span:
    """``Span(start, end, line, column)``, built faster (for the library's hot loops)."""
    s = _new_object(Span)
    set_start, set_end, set_line, set_column = _SPAN_SLOTS
    set_start(s, start)
    set_end(s, end)
    set_line(s, line)
    set_column(s, column)
    return s


def new_number_cell(raw: str, value: int, span: Span | None) -> Cell:
    """``Cell(raw, CellKind.NUMBER, value, span)``, built faster (one per count read)."""
    c = _new_object(Cell)
    set_raw, set_kind, set_value, set_span, set_unit, set_origin = _CELL_SLOTS
    set_raw(c, raw)
    set_kind(c, _NUMBER)
    set_value(c, value)
    set_span(c, span)
    set_unit(c, None)
    set_origin(c, None)
    return c


_NUMBER: Final = CellKind.NUMBER


@attrs.frozen
class Row:
    """One row of a table, its cells in template column order."""

    key: str
    """The row's part of the flat key, e.g. ``denied.state_secret``."""
    label: str
    """The template's label for the row."""
    columns: tuple[str, ...]
    """The column keys, in order."""
    cells: tuple[Cell, ...]
    raw_label: str | None = None
    """The label as written in the report, if it was found."""
    span: Span | None = None
    """Where the row's label is in the input."""

    def __getitem__(self, column: str) -> Cell:
        try:
            return self.cells[self.columns.index(column)]
        except ValueError:
            raise KeyError(f"row {self.key!r} has no column {column!r}") from None

    def __iter__(self) -> Iterator[Cell]:
        return iter(self.cells)


@attrs.frozen
class Table:
    """One of the three tables: 二 (``active``), 三 (``requests``), 四 (``review``)."""

    name: TableName
    variant: Template
    """Which template version the table follows, detected from its own labels."""
    rows: tuple[Row, ...]
    found: bool = True
    """False when the report has no such table (all cells are then `CellKind.ABSENT`)."""
    span: Span | None = None

    def __getitem__(self, row: str) -> Row:
        for r in self.rows:
            if r.key == row:
                return r
        raise KeyError(f"table {self.name!r} ({self.variant}) has no row {row!r}")

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def cell(self, row: str, column: str) -> Cell:
        """The cell at a row and column key, e.g. ``report.requests.cell("granted", "total")``."""
        return self[row][column]

    def flat(self) -> dict[str, object]:
        """This table's part of `AnnualReport.to_flat`."""
        out: dict[str, object] = {}
        for row in self.rows:
            for col, cell in zip(row.columns, row.cells, strict=True):
                out[f"{self.name}.{row.key}.{col}"] = cell.value if cell.is_number else None
        return out


@attrs.frozen
class Section:
    """One of the six numbered sections of the report."""

    name: SectionName
    heading: str | None
    """The heading as written, or ``None`` when the report lacks the section."""
    text: str
    """The body without its heading (for ``other_matters``, without signature and date)."""
    span: Span | None = None

    @property
    def found(self) -> bool:
        return self.heading is not None


@attrs.frozen
class Sections:
    """The six sections, by name."""

    overview: Section
    """一、总体情况"""
    active_disclosure: Section
    """二、主动公开政府信息情况"""
    requests: Section
    """三、收到和处理政府信息公开申请情况"""
    review_litigation: Section
    """四、政府信息公开行政复议、行政诉讼情况"""
    problems: Section
    """五、存在的主要问题及改进情况"""
    other_matters: Section
    """六、其他需要报告的事项"""

    def __iter__(self) -> Iterator[Section]:
        return iter(tuple(getattr(self, n) for n in SECTION_NAMES))


@attrs.frozen
class Diagnostic:
    """Something the parser had to guess, could not place, or found inconsistent."""

    code: str
    """A stable identifier, e.g. ``placed-by-arithmetic``; see docs/diagnostics.md."""
    severity: Severity
    message: str
    kind: DiagnosticKind = "parse"
    """``parse`` for what the parser did; ``consistency`` for the report's own arithmetic."""
    span: Span | None = None
    key: str | None = None
    """The flat key the diagnostic is about, when there is one."""
    candidates: tuple[str, ...] = ()
    """For an undecidable value, the readings the text allows."""

    def __str__(self) -> str:
        where = f" (line {self.span.line}, column {self.span.column})" if self.span else ""
        return f"{self.severity}: {self.code}: {self.message}{where}"


@attrs.frozen
class AnnualReport:
    """A parsed 政府信息公开工作年度报告."""

    template: Template
    """``"2019"`` (trial format) or ``"2021"`` (revised), detected from table 二's labels."""
    year: int | None
    """The year the report covers (统计年度), not the year it was published."""
    agency: str | None
    """The reporting agency, in simplified characters, as the report names it."""
    sections: Sections
    active: Table
    """Table 二: 主动公开政府信息情况 (第二十条 items)."""
    requests: Table
    """Table 三: 收到和处理政府信息公开申请情况 (rows x 7 applicant columns)."""
    review: Table
    """Table 四: 行政复议、行政诉讼 (3 groups x 5 outcomes)."""
    diagnostics: tuple[Diagnostic, ...] = ()
    title: str | None = None
    """The report's title line, when it has one."""
    published: datetime.date | None = None
    """The date printed under the signature, when there is one."""
    source: str | None = None
    """Where the report was read from (`parse_file`, `parse_many`): a path or a name."""
    encoding: str | None = None
    """The encoding its file was read in (`parse_file`), e.g. ``utf-8`` or ``gb18030``;
    ``docx`` for a Word file."""

    @property
    def findings(self) -> tuple[Diagnostic, ...]:
        """The consistency findings: where the report breaks its own arithmetic."""
        return tuple(d for d in self.diagnostics if d.kind == "consistency")

    @property
    def tables(self) -> tuple[Table, Table, Table]:
        return (self.active, self.requests, self.review)

    def flat_keys(self) -> tuple[str, ...]:
        """The keys of `to_flat`, in order."""
        return (
            *META_KEYS,
            *TABLES["active"][self.active.variant].flat_keys,
            *TABLES["requests"][self.requests.variant].flat_keys,
            *TABLES["review"][self.review.variant].flat_keys,
        )

    def to_flat(self) -> dict[str, object]:
        """The report as one flat ``dict``: the stable shape for CSV rows and data frames.

        Keys are ``meta.*`` then each table's keys for the variant that table follows
        (``fields.json``); values are ``int``, ``Decimal`` (money in 元), ``str`` or ``None``.
        """
        out: dict[str, object] = {
            "meta.year": self.year,
            "meta.agency": self.agency,
            "meta.template": self.template,
        }
        for table in self.tables:
            out.update(table.flat())
        return out

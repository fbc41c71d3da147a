"""Stage 3: a table's flattened text -> `TableRead` (each template row's cells, as text).

The one fact every layout family shares is that a table's values come in the template's
row order.  Labels sit before their values (pipes, tabs, markdown, blank lines), after them
(pdfplumber, raw pdftotext), or around them (a label wrapped over three lines with the
values on the middle one).  So the reader does not pair values with the nearest label;
it fills the template's rows in order and lets each label move the fill pointer forward:

1. `detect_layout` decides how cells are delimited (`Layout`);
2. the text is cut into events in reading order: labels (`_labels.find_labels`) and cell
   tokens (per layout: tab or pipe fields, whitespace words, one cell per line or block of
   lines, or number runs in glued text);
3. tokens not separated by a label (or, for line layouts, by a line end) form a *chunk*;
   raw pdftotext prints some blocks column by column, which `_transpose` undoes;
4. each chunk goes to the row its preceding label names when that row is still empty, and
   otherwise to the next empty row at the pointer (values printed before their label);
   a chunk longer than its row continues into the following rows.

Whether blank cells are explicit (tabs, markdown, blank-line or ``get_text`` flattening) or
dropped (whitespace columns, ``x |`` lines, glued text) is recorded on each row, for the
resolver (`_resolve`) to place short rows and split glued digits by the report's arithmetic.
"""

from __future__ import annotations

import enum
import itertools
import operator
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from typing import Final, NamedTuple, cast

from ._cells import BLANK_MARK, NOT_APPLICABLE, NUMBER, is_cell_text
from ._labels import QUOTES, LabelHit, find_labels
from ._sections import FOOTER_BODY, FOOTER_LINE, RUNNING_HEADER, RUNNING_HEADER_AFTER_BREAK
from ._vocab import HEADER_WORDS, NOTE_HEADS, TABLES, RowSpec, TableSpec

#: Limits on what one table may hold, so that hostile input cannot blow up the work done
#: on it: a real table has at most 25 rows x 7 cells plus headers, so 4000 tokens is far
#: beyond any report while keeping every later step (which is linear in tokens) cheap.
MAX_TOKENS_PER_TABLE: Final = 4000


class Layout(enum.Enum):
    """How a flattening delimits cells."""

    TABS = "tabs"
    """Rows on lines, cells separated by tabs; blank cells are empty fields."""
    PIPES = "pipes"
    """Rows on lines, cells separated by ``|`` (markdown); blank cells are empty fields."""
    WORDS = "words"
    """Rows on lines, cells separated by spaces (PDF text, inscriptis); blanks vanish."""
    CELL_LINES = "cell_lines"
    """One cell per line (``x |`` lines, ``|`` separator lines, raw pdftotext)."""
    GAPS = "gaps"
    """One cell per line separated by a blank line; each further blank line is a blank cell."""
    RAW = "raw"
    """Raw pdftotext: one cell per line, mostly separated by blank lines, some blocks printed
    column by column (values on consecutive lines); blank cells print nothing."""
    FRAGMENTS = "fragments"
    """One cell per block of lines, blocks separated by runs of blank lines, a blank cell
    being a line of spaces (BeautifulSoup ``get_text("\\n")``)."""
    GLUED = "glued"
    """No separators: the digits of neighbouring cells run together."""
    LINES = "lines"
    """One cell per line with no separator, an empty line being a blank cell (a Word
    file's text export by LibreOffice); a table's own reading of `CELL_LINES` text that
    has no ``|`` at all."""
    INDENTED = "indented"
    """One cell per line, each blank cell two spaces at the start of the next line
    (WebDriver's text of a page whose blank cells hold ``&nbsp;``, Selenium's ``.text``:
    ``  5`` is a blank cell then 5; spaces before a row's label are the blank cells that
    ended the row above)."""
    SPACED = "spaced"
    """`WORDS` a single space apart, each blank cell two more spaces (WebDriver's text of a
    page whose cells hold no paragraph, Selenium's ``.text``: ``规章 3   5`` is 3, a blank
    cell, 5; a row ending in blank cells ends in their spaces)."""
    GAP_BLANKS = "gap_blanks"
    """`FRAGMENTS` whose blank cells are empty lines, not lines of spaces: cells (pieces
    of one on consecutive lines) a set number of empty lines apart, and each blank cell
    a set number more (`gap_units`): a browser's ``innerText`` or BeautifulSoup's
    ``get_text("\\n")`` with its lines stripped, the tab or ``&nbsp;`` of a blank cell
    an empty line like the others."""
    PIPED_WORDS = "piped_words"
    """`WORDS` printed in ``|`` cells that are no cells (markitdown's tables of a PDF,
    rebuilt from its words' positions: the values of columns lying close together share
    a cell, a label's lines go round its row of values).  Read as `WORDS`, but the
    characters' columns say nothing of a value's column (each table block is padded to
    its own widths)."""

    @property
    def exact_blanks(self) -> bool:
        """Whether blank cells are present in the text (so row positions are reliable)."""
        return self in (
            Layout.TABS, Layout.PIPES, Layout.GAPS, Layout.FRAGMENTS, Layout.LINES,
            Layout.INDENTED, Layout.SPACED, Layout.GAP_BLANKS,
        )

    @property
    def line_rows(self) -> bool:
        """Whether a line of text is (at most) one row."""
        return self in (Layout.TABS, Layout.PIPES, Layout.WORDS, Layout.PIPED_WORDS, Layout.SPACED)


class Token(NamedTuple):
    """One cell's text, by normalised offsets.  (A named tuple: tables make hundreds.)"""

    start: int
    end: int
    line: int
    blank: bool = False
    text: str | None = None
    """The cell's folded text when it is not simply ``folded[start:end]`` (a value split
    over several lines is joined)."""
    run: int = 0
    """Tokens with the same run number are not separated by any other text."""


class RowRead(NamedTuple):
    """The tokens read for one template row."""

    tokens: tuple[Token, ...]
    exact: bool
    """Blank cells are explicit, so tokens line up with columns when there are enough."""
    transposed: bool = False
    """Read from a block printed column by column."""
    undecided: bool = False
    """Part of a block printed column by column whose columns have different lengths (an
    empty cell printed nothing), or that may have been printed by rows or by columns (table
    二 of pdfminer.six's text): which row each value belongs to cannot be told."""

    @property
    def runs(self) -> tuple[int, ...]:
        """Lengths of the runs of tokens not separated by other text (header words…)."""
        out: list[int] = []
        prev = None
        for t in self.tokens:
            if out and t.run == prev:
                out[-1] += 1
            else:
                out.append(1)
            prev = t.run
        return tuple(out)


class Note(NamedTuple):
    """Something to report about reading the table."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None
    severity: str = "warning"
    row: str | None = None
    """The key of the template row it is about, when it is about one."""


class TableRead(NamedTuple):
    spec: TableSpec
    rows: tuple[RowRead | None, ...]
    labels: tuple[LabelHit | None, ...]
    """The first label found for each row (for its span and text as written)."""
    layout: Layout
    notes: tuple[Note, ...] = ()
    extra: tuple[Token, ...] = ()
    """Values that did not fit any row."""
    columns_first: bool | None = False
    """Table 三 was printed labels first, then its values a column at a time; None: so it
    seems, but a block could not be read so (`_columns_first`)."""


class _Line(NamedTuple):
    start: int
    end: int
    gap: int
    """Empty lines between this line and the previous kept line."""
    no: int = 0
    """Line number within the region, not counting footer lines and the blank line a
    page break adds with them: lines of cells either side of a page footer are as
    consecutive as they were on the page (a block printed column by column stays one)."""
    pipes: bool = False
    """The line is nothing but ``|`` (separators, or merged-cell residue)."""


def _all_blank(tokens: Iterable[Token]) -> bool:
    """Whether every token is a blank cell (``all`` over a C-level getter: no generator)."""
    return all(map(_BLANK, tokens))


_BLANK: Final = operator.attrgetter("blank")
_RUN: Final = operator.attrgetter("run")


#: `tuple.__new__`, to build the named tuples of the hot loops below without going through
#: their Python-level ``__new__`` (a third of the cost of a token).
_new = tuple.__new__


class _Chunk(NamedTuple):
    tokens: tuple[Token, ...]
    anchor: LabelHit | None


# --------------------------------------------------------------------------- lines
#: A table rule: markdown's ``|---|:---:|``, or a grid or box-drawn border ``+----+----+``
#: (box drawing is folded to ``-`` and ``+``); columns other than one may be empty
#: (``|---|---|  |``, ``|  |---|``: a spacer column).  Possessive quantifiers: with plain ones, a
#: line with a long run of spaces (whitespace-aligned PDF text) backtracked quadratically.
#: `_RULE_BODY` is the rule after its indentation.
_RULE_BODY: Final = r"(?:[|+][ \t]*+)*+:?-{3,}+:?[ \t]*+(?:[|+][ \t]*+(?::?-{3,}+:?[ \t]*+)?)*+"
_MD_RULE: Final = re.compile(r"[ \t]*+" + _RULE_BODY)


#: A page footer that a table rebuilt from word positions cut into cells (markitdown:
#: ``|     |     | - 3 | -   |``), after the pipes it starts with (verbose): ``-N-`` with
#: one pipe at most, on one side of the number (``| - | 3 | - |`` is a row of cells).
_PIPED_FOOTER_BODY: Final = r"""
    (?: [-—–]{1,2}[ \t]*+\d{1,3}[ \t]*+(?:\|[ \t]*+)?[-—–]{1,2}
      | [-—–]{1,2}[ \t]*+\|[ \t]*+\d{1,3}[ \t]*+[-—–]{1,2}
    )
    [ \t|]*+$
"""
#: A line a table never holds: a page footer or header, or a table rule.
_SKIP_LINE: Final = re.compile(
    rf"""(?:{FOOTER_LINE.pattern})|(?:{_MD_RULE.pattern})|(?:{RUNNING_HEADER})
      | [ \t]*+(?:\|[ \t]*+)++(?:{_PIPED_FOOTER_BODY})""",
    re.VERBOSE,
)
#: Lines this long are never skipped (a footer or rule is short).
_SKIP_MAX: Final = 200
#: The same lines with the line break before them, for one scan of a whole region (a
#: pattern starting with a literal lets the engine skip from line break to line break);
#: and, in the same scan, a page number at the head of a line that goes on (``- 3 -
#: 3.补正后…  0   0``: PyMuPDF's text sorted by position puts a page's footer before the
#: first line at its height): only ``-N-`` with at most one space inside, and wide space,
#: text (not a digit, dash or list punctuation) or a row's number (``2.``) after it (a row
#: of cells ``-  3  -`` is not one).
#: (The indentation is matched once, before the alternatives: aligned text indents most
#: lines deeply, and each alternative scanning it again tripled the cost of the scan.)
_SKIP_AFTER_BREAK: Final = re.compile(
    rf"""\n[ \t]*+(?:
        (?:{FOOTER_BODY}) | (?:{_RULE_BODY})$ | (?:\|[ \t]*+)++(?:{_PIPED_FOOTER_BODY})
      | (?P<head>[-—–][ \t]?\d{{1,3}}[ \t]?[-—–])
        (?=[ \t]{{2,}}\S|[^\s\d\-—–.,，、]|\d{{1,2}}[.、])
    )""",
    re.VERBOSE | re.MULTILINE,
)


RegionLines = list[_Line]
"""The lines of a table's region (`region_lines`)."""


def region_lines(text: str, start: int, end: int) -> RegionLines:
    """The non-empty lines of ``text[start:end]`` with the blank lines before each.

    Page footers go, with the blank line after them when there is one before them too
    (blank, footer, blank: a page break), so that a page break does not look like blank
    cells; so do markdown rules.
    """
    region = text[start:end]
    # where footer and rule lines start, found in one scan rather than line by line
    skips: set[int] = set()
    heads: dict[int, int] = {}  # lines that start with a page number: where the rest starts
    for m in _SKIP_AFTER_BREAK.finditer(region):
        if m.group("head") is None:
            skips.add(m.start() + 1 + start)
        else:
            heads[m.start() + 1 + start] = m.end() + start
    if "年度报告" in region:
        # running headers (no row label or cell ends in 年度报告), looked for only here:
        # the lazy scan to the end of each line would cost every region a pass per line
        hits = RUNNING_HEADER_AFTER_BREAK.finditer(region)
        skips.update(m.start() + 1 + start for m in hits)
    out: list[_Line] = []
    append = out.append
    gap = 0
    skip_blank = False
    removed = 0  # footer lines and blank lines that went with them, so far
    pos = start
    for no, line in enumerate(region.split("\n")):
        stop = pos + len(line)
        if heads and pos in heads:
            line = text[heads[pos] : stop]
            pos = heads[pos]
        if not line or line.isspace():
            if skip_blank:
                skip_blank = False
                removed += 1
            else:
                gap += 1
        elif stop - pos < _SKIP_MAX and (
            pos in skips or (no == 0 and _SKIP_LINE.fullmatch(line))
        ):
            # a page break prints blank, footer, blank: the footer goes with one of them
            # (a footer printed between two lines of cells takes no blank line with it)
            skip_blank = gap > 0
            removed += 1
        else:
            append(_new(_Line, (pos, stop, gap, no - removed, not line.strip(" \t|"))))
            gap = 0
            skip_blank = False
        pos = stop + 1
    return out


def _lines(
    text: str, lines: list[_Line], drop_pipes: bool, piped_blanks: bool = False
) -> list[_Line]:
    """`lines` without those of nothing but ``|``, where the layout makes them residue;
    where `piped_blanks` (cells a line apart by lines of ``|``), but those with empty
    lines between them and the line of ``|`` before: the empty lines are blank cells."""
    if not drop_pipes:
        return lines
    if not piped_blanks:
        return [ln for ln in lines if not ln.pipes]
    out: list[_Line] = []
    after_pipes = False
    for ln in lines:
        if not ln.pipes or (after_pipes and ln.gap):
            out.append(ln)
        after_pipes = ln.pipes
    return out


#: A block of consecutive non-empty lines (a line of spaces is not empty).
_BLOCK: Final = re.compile(r"[^\n]+(?:\n[^\n]+)*+")
#: A block of consecutive lines with something other than spaces on each.
_SOLID_BLOCK: Final = re.compile(r"[ \t]*+[^\s][^\n]*+(?:\n[ \t]*+[^\s][^\n]*+)*+")


def _raw_blocks(
    text: str, start: int, end: int, solid: bool = False
) -> list[list[tuple[int, int]]]:
    """The blocks of ``text[start:end]`` for the ``get_text`` layout, where a cell is a
    block of consecutive lines, runs of empty lines separate cells and a line of spaces is
    a blank cell: each block as its lines' (start, end), footer and rule lines left out.
    `solid`: a line of spaces is empty like the others (`Layout.GAP_BLANKS`)."""
    blocks: list[list[tuple[int, int]]] = []
    for m in (_SOLID_BLOCK if solid else _BLOCK).finditer(text, start, end):
        block: list[tuple[int, int]] = []
        pos = m.start()
        for line in m.group().split("\n"):
            stop = pos + len(line)
            if not _SKIP_LINE.fullmatch(line):
                block.append((pos, stop))
            pos = stop + 1
        if block:
            blocks.append(block)
    return blocks


# --------------------------------------------------------------------------- layout
#: A count as layout detection sees it: digits, maybe with the unit some reports write.
_COUNT: Final = r"\d[\d,.]*+(?:件|个|次|项|条)?"
#: Two values side by side on a line, a space or tab apart (``0 12``, ``3件 5件``, ``/ -``).
_HAS_TWO_VALUES: Final = re.compile(
    rf"(?:^|[ \t])(?:{_COUNT}|/|-)[ \t]+(?:{_COUNT}|/|-)(?:[ \t]|$)"
)
#: A line that ends in digits run on from text (``规章150179228286``, ``…稳定”000002222``,
#: ``…秘密/39////39`` with not-applicable cells):
#: a row whose cells have no separator, as the text of a page whose cells have no white
#: space between them gives it (``textContent``, BeautifulSoup's ``get_text()`` of
#: markup without line breaks between cells).  (The pattern starts with the run's first
#: digit, then looks behind it, so the engine skips from digit to digit.)  In the text
#: before folding, the no-break spaces of blank cells may be among the digits
#: (``（一）予以公开\xa000\xa002929``; folded, they are spaces).
_GLUED_ROW: Final = re.compile(
    r"""
    (?:[\d/](?<=[^\s\d.,，、|/+\-:：%][\d/])            # a digit or a / after text
    |\xa0(?<=[^\s\d.,，、|/+\-:：%]\xa0)\xa0*+[\d/])     # or blank cells, then one
    (?=[\d\xa0/]*?\d)                                # with a digit among them
    [\d\xa0/]*+[ \t]*+$                               # (/ cells: 1.属于国家秘密/39////39)
    """,
    re.MULTILINE | re.VERBOSE,
)
_VALUE_LINE: Final = re.compile(rf"[ \t]*+(?:{_COUNT}|/)[ \t]*+")
_INLINE_PIPE: Final = re.compile(r"[^|\s][ \t]*\|[ \t]*(?:[^|\s]|$)|\|[ \t]+\|")
#: A line that ends in pipes after its one cell (``规章 |``, ``1 | |``), or is nothing but pipes.
_EDGE_PIPE: Final = re.compile(r"[^|\s][ \t]*+(?:\|[ \t]*+)++$|^[ \t]*+(?:\|[ \t]*+)++$")
#: Two cells on a line with a pipe between them (a markdown row, with or without outer pipes).
_TWO_CELLS: Final = re.compile(r"[^|\s][ \t]*+\|[ \t]*+[^|\s]")
#: A markdown row with outer pipes and a cell with something in it: ``|   | 3.其他 |   | 33 |``.
_OUTER_PIPE_ROW: Final = re.compile(r"[ \t]*+\|[^|\n]*+\|(?:[^|\n]*+\|)*?[ \t]*+[^|\s][^|\n]*+\|")
#: A ``|`` cell holding the values of several columns a space apart (``| 21 0 |``): a
#: table rebuilt from word positions (markitdown's PDF tables) puts the words of columns
#: that lie close together in one cell.
_SHARED_CELL: Final = re.compile(rf"\|[ \t]*+{_COUNT}(?:[ \t]++{_COUNT})++[ \t]*+\|")


def detect_layout(
    text: str, regions: list[list[_Line]], n_labels: int, unfolded: str | None = None
) -> Layout:
    """Decide how the tables' cells are delimited, from all table regions' lines together.

    `unfolded`, the text before folding, is given where it holds no-break spaces: in the
    text of a web page with no white space between cells (``textContent``), the
    ``&nbsp;`` of blank cells, which folded text shows as spaces between values."""
    lines = [text[ln.start : ln.end] for region in regions for ln in region]
    gaps = [ln.gap for region in regions for ln in region]
    n = len(lines)
    if n == 0:
        return Layout.WORDS
    floor = max(3, n // 5)
    if _at_least(floor, map(operator.contains, lines, itertools.repeat("\t"))):
        return Layout.TABS
    piped = [ln for ln in lines if "|" in ln]
    # rows of several cells between pipes (markdown, with or without outer pipes), against
    # lines of one cell each ending in a pipe (`cell |`)
    if sum(1 for ln in piped if _INLINE_PIPE.search(ln) and not _EDGE_PIPE.search(ln)) >= floor:
        return _pipe_layout(piped)
    rows = sum(1 for ln in piped if _TWO_CELLS.search(ln))
    if rows >= floor and rows > len(piped) - rows:
        return _pipe_layout(piped)
    if _at_least(floor, map(_OUTER_PIPE_ROW.match, piped)):
        # rows with outer pipes whose cells are mostly empty (markitdown's, blank cells
        # and labels printed apart): `cell |` lines never start with a pipe and a word
        return _pipe_layout(piped)
    if _at_least(floor, map(_EDGE_PIPE.search, piped)):
        return Layout.CELL_LINES
    if n_labels and n < max(4, n_labels // 3):
        return Layout.GLUED
    if unfolded is not None and _at_least(max(3, n // 3), _glued_rows(unfolded, regions)):
        return Layout.GLUED  # values apart only by the no-break spaces of blank cells
    if _at_least(max(3, n // 10), map(_HAS_TWO_VALUES.search, lines)):
        return Layout.WORDS
    median_gap = statistics.median(gaps[1:]) if len(gaps) > 1 else 0
    if median_gap >= 3:
        return Layout.FRAGMENTS
    if median_gap >= 2 and _at_least(max(3, n // 20), _space_lines(text, regions)):
        # text nodes a few line breaks apart whose blank cells are lines of spaces
        # (BeautifulSoup's get_text() of a page with `&nbsp;` cells): fragments too
        return Layout.FRAGMENTS
    if median_gap >= 1:
        # values on consecutive lines where cells are otherwise a blank line apart: columns
        # printed one after the other, as raw pdftotext does
        adjacent = sum(
            1
            for a, b, g in zip(lines, lines[1:], gaps[1:], strict=False)
            if g == 0 and _VALUE_LINE.fullmatch(a) and _VALUE_LINE.fullmatch(b)
        )
        return Layout.RAW if adjacent >= 3 else Layout.GAPS
    if _at_least(max(3, n // 3), _glued_rows(text, regions)):
        return Layout.GLUED  # a row a line, its cells run together after its label
    return Layout.CELL_LINES


#: The spaces a blank cell leaves at the start of the next line in WebDriver's text of a
#: page: its ``&nbsp;`` and the space between cells (`Layout.INDENTED`).
_INDENT_UNIT: Final = 2


def _indent(text: str, start: int, end: int) -> int:
    """How many spaces open the line ``text[start:end]``."""
    pos = start
    while pos < end and text[pos] == " ":
        pos += 1
    return pos - start


def indented_blanks(text: str, regions: Iterable[list[_Line]]) -> bool:
    """Whether the one-cell-per-line text of the tables' `regions` may write blank cells
    as the spaces opening the next line (`Layout.INDENTED`): some lines open with spaces,
    two at the fewest (one blank cell) and always an even number, and most lines open with
    none (the indentation of a page's source, or of paragraphs, is the same on every
    line)."""
    indented = plain = 0
    fewest = 0
    regions = [r for r in regions if r]
    if not any(
        text.startswith("  ", r[0].start) or text.find("\n  ", r[0].start, r[-1].end) >= 0
        for r in regions
    ):
        return False  # no line opens with two spaces (a C-level scan of each region)
    for region in regions:
        for ln in region:
            if text[ln.start] != " ":
                plain += 1
                continue
            n = _indent(text, ln.start, ln.end)  # (a line of spaces is no line: a gap)
            if n % _INDENT_UNIT:
                return False
            indented += 1
            fewest = min(fewest, n) if fewest else n
    return fewest == _INDENT_UNIT and 2 <= indented <= plain


#: A line of nothing but spaces (a blank cell's ``&nbsp;``), with the break before it.
_SPACE_LINE: Final = re.compile(r"\n[ \t]++(?=\n)")
#: A line of nothing but spaces next to a line that is not empty (text, or spaces too):
#: no blank cell of `Layout.FRAGMENTS`, which has empty lines round it, but the white
#: space of a page's indented markup.  (The first branch starts at the end of a line.)
_LOOSE_SPACE_LINE: Final = re.compile(r"[^\n]\n[ \t]++(?=\n)|\n[ \t]++\n(?=[^\n])")


def _pipe_layout(piped: list[str]) -> Layout:
    """Markdown rows' layout: `Layout.PIPES`, or `Layout.PIPED_WORDS` where cells hold the
    values of several columns (`_SHARED_CELL`): pipes that are no cell boundaries."""
    if _at_least(max(3, len(piped) // 10), map(_SHARED_CELL.search, piped)):
        return Layout.PIPED_WORDS
    return Layout.PIPES


def _space_lines(text: str, regions: list[list[_Line]]) -> Iterable[object]:
    """The lines of nothing but spaces within the table regions (`region_lines` counts
    them as empty)."""
    for region in regions:
        if region:
            yield from _SPACE_LINE.finditer(text, region[0].start, region[-1].end)


def _glued_rows(text: str, regions: list[list[_Line]]) -> Iterable[object]:
    """The lines of the table regions that end in digits run on from text (`_GLUED_ROW`)."""
    for region in regions:
        if region:
            yield from _GLUED_ROW.finditer(text, region[0].start, region[-1].end)


def _at_least(k: int, hits: Iterable[object]) -> bool:
    """Whether at least `k` of `hits` are true, looking no further than the k-th (a C-level
    scan: no Python frame per line).

    >>> _at_least(2, [0, "a", None, "b"]), _at_least(3, [0, "a", None, "b"])
    (True, False)
    """
    return next(itertools.islice(filter(None, hits), k - 1, None), None) is not None


# --------------------------------------------------------------------------- tokens
_Event = LabelHit | Token
_WORD: Final = re.compile(r"[^\s|]+")
#: A value of glued text: a number, a not-applicable mark, or no change (``持平``).  A
#: ``/`` is a cell of its own even next to digits or another ``/`` (``秘密/39////39``:
#: seven cells after the label), not between two letters (``增/减`` of a header, ``N/A``).
_GLUED_VALUE: Final = re.compile(
    rf"""(?:{NUMBER.pattern})
    | (?<![^\W\d])/ | /(?![^\W\d])
    | (?:(?<![\w/])(?:—+|N/?A)(?![\w/]))
    | 持平 | 无变化""",
    re.VERBOSE,
)


def _fields(
    text: str, a: int, b: int, sep: str, after_label: bool, line: int, run: int, out: list[_Event]
) -> None:
    """Append the delimited fields of ``text[a:b]`` to `out`; an empty field is a blank cell.

    A segment that starts right after a label starts with the separator that followed the
    label, so its first (empty) field is dropped; so is the empty field before a leading or
    after a trailing ``|`` of a markdown row.
    """
    parts = text[a:b].split(sep)
    first = 0
    last = len(parts)
    if last > 1 and not parts[0].strip() and (after_label or sep == "|"):
        first = 1
    if sep == "|" and last - first > 1 and not parts[-1].strip():
        last -= 1
    pos = a
    for k in range(first):
        pos += len(parts[k]) + 1
    for k in range(first, last):
        part = parts[k]
        body = part.strip(" \t")
        if not body:
            out.append(_new(Token, (pos, pos, line, True, None, run)))
        elif (body.isdigit() and body.isascii()) or is_cell_text(body):
            s = pos + len(part) - len(part.lstrip(" \t"))
            out.append(_new(Token, (s, s + len(body), line, False, None, run)))
        elif sep == "|" and (pieces := _stacked_cells(part)) and _in_pipe_row(text, pos):
            # ``540<br>59``: cells of two columns merged into one (PDF-to-markdown tools)
            for s, e in pieces:
                out.append(_new(Token, (pos + s, pos + e, line, False, None, run)))
        pos += len(part) + 1


def _in_pipe_row(text: str, pos: int) -> bool:
    """Whether the line at `pos` has a ``|``: a markdown row (a line of words is none)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return "|" in text[start : end if end >= 0 else len(text)]


#: What separates the cells of columns a converter merged into one markdown cell.
_STACKED_SEP: Final = re.compile(r"(?:<br\s*/?>|[ \t])+")


def _stacked_cells(field: str) -> list[tuple[int, int]]:
    """The cells in a markdown cell that holds several (``540<br>59``, ``12 0``) or one
    among line breaks (``<br>370301``, after a label in the same cell): each piece between
    ``<br>`` or spaces, when every one reads as a cell; else none."""
    br = "<br" in field
    if not br and " " not in field.strip(" \t"):
        return []
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _STACKED_SEP.finditer(field):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < len(field):
        pieces.append((pos, len(field)))
    if len(pieces) < (1 if br else 2) or not all(is_cell_text(field[s:e]) for s, e in pieces):
        return []
    return pieces


def _strip(text: str, a: int, b: int, chars: str = " \t") -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


# The tokenizers of the layouts: each appends the cell tokens of one label-free segment
# ``text[a:b]`` of one line to `out` (a table picks its tokenizer once, by its layout).
_Tokenizer = Callable[[str, int, int, bool, int, int, list[_Event]], None]


def _word_tokens(
    text: str, a: int, b: int, after_label: bool, line: int, run: int, out: list[_Event]
) -> None:
    """`Layout.WORDS`: each whitespace-separated word that reads as a cell.

    A unit printed apart from its number (``12667.96 万元``: PDF text puts a space where
    Latin digits meet Chinese) belongs to the number's cell, and so does a sign word before
    it (``增 318``): neither is a cell on its own.
    """
    # a word ends at a pipe too (`_WORD`): a space in its place keeps every offset
    seg = text[a:b].replace("|", " ")
    # split() and find() are C-level: no match object per word
    find = seg.find
    words = seg.split()
    if (
        len(words) > 2
        and words[-1][0].isdigit()
        and not words[-1].isdigit()  # (most rows end in a plain value: no pattern tried)
        and (glued := _MARGIN_GLUED.fullmatch(words[-1])) is not None
    ):
        # ``0  0  5三、本年度办``: a row's last value with the group label written down the
        # margin glued to it (PyMuPDF's sort=True puts text at one height on one line)
        han = "".join(_HAN.findall(glued.group(2)))
        if (
            han not in ("", "年")  # 2023年 is a year, not a count beside the label's 年
            and any(han in label for label in _GROUP_TEXTS)
            and sum(w.isdigit() for w in words) >= 2
        ):
            cut = len(seg.rstrip()) - len(glued.group(2))
            _word_tokens(text, a, a + cut, after_label, line, run, out)
            return
    if _APART_WORDS.isdisjoint(words):  # no unit or sign word (nearly every line)
        pos = 0
        for i, w in enumerate(words):
            pos = find(w, pos)
            end = pos + len(w)
            if (w.isdigit() and w.isascii()) or _cell_word(text, a + pos, words, i):
                out.append(_new(Token, (a + pos, a + end, line, False, None, run)))
            pos = end
        return
    last = len(words) - 1
    pos = 0
    sign = -1  # where a sign word printed apart from the number after it starts
    skip = False  # the word is a unit already taken into the cell before it
    for i, w in enumerate(words):
        if skip:  # pos is past it already
            skip = False
            continue
        pos = find(w, pos)
        end = pos + len(w)
        if (w.isdigit() and w.isascii()) or _cell_word(text, a + pos, words, i):
            start = pos
            if sign >= 0 and is_cell_text(seg[sign:end]):
                start = sign
            if i < last and words[i + 1] in _UNIT_WORDS:
                unit_end = find(words[i + 1], end) + len(words[i + 1])
                if is_cell_text(seg[start:unit_end]):
                    end = unit_end
                    skip = True
            out.append(_new(Token, (a + start, a + end, line, False, None, run)))
            sign = -1
        else:
            sign = pos if w in _SIGN_WORDS else -1
        pos = end


#: The characters a label is compared by when it goes on over lines: Han characters only
#: (punctuation, spacing and markup such as ``<br>`` vary from one rendering to another).
_HAN: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
#: What separates the cells of a line in the layouts of one row a line.
_CELL_SEP: Final = re.compile(r"[|\t]")
#: A value with text glued after it: digits, then something that starts with no digit.
_MARGIN_GLUED: Final = re.compile(r"(\d+)([^\d\s.,，、%].*)")
#: The group labels of every table, Han characters only (``三本年度办理结果``): what a
#: label written down the margin leaves on the rows beside it.
_GROUP_TEXTS: Final = tuple(
    sorted(
        {
            "".join(_HAN.findall(pattern.marker or "")) + pattern.core
            for variants in TABLES.values()
            for spec in variants.values()
            for label in spec.labels
            if label.caption_of is None
            for pattern in label.patterns
        }
    )
)


def _cell_word(text: str, start: int, words: list[str], i: int) -> bool:
    """Whether `words[i]` (not plain digits), at `start`, reads as a cell: not the head of
    a wrapped group label (无), nor the slash of the header 本年增 / 减."""
    w = words[i]
    return (
        is_cell_text(w)
        and not _group_head(text, start, w)
        and not (w == "/" and _header_slash(words, i))
    )


def _header_slash(words: list[str], i: int) -> bool:
    """Whether the ``/`` at `words[i]` is the one of the column header 本年增/减 printed
    with spaces round it (``本年增 / 减``): header text, not a cell marked not applicable."""
    return 0 < i < len(words) - 1 and words[i - 1].endswith("增") and words[i + 1].startswith("减")


def _spaced_tokens(
    text: str, a: int, b: int, after_label: bool, line: int, run: int, out: list[_Event]
) -> None:
    """`Layout.SPACED`: the words that read as cells (`_word_tokens`), and a blank cell for
    each two spaces beyond the one between two cells: after the row's label, between two
    values, and (with no space after them) before the first value of a line or at its end."""
    first = len(out)
    _word_tokens(text, a, b, after_label, line, run, out)
    if len(out) == first:
        return
    read = out[first:]
    del out[first:]
    prev = a
    sep = 1 if after_label else 0  # a line's first value has no space before it
    for tok in read:
        assert type(tok) is Token  # (_word_tokens makes nothing else)
        blank = _new(Token, (tok.start, tok.start, line, True, None, run))
        out.extend([blank] * ((tok.start - prev - sep) // _INDENT_UNIT))
        out.append(tok)
        prev, sep = tok.end, 1
    if b - prev > 1 and text[prev:b].isspace():
        blank = _new(Token, (b, b, line, True, None, run))
        out.extend([blank] * ((b - prev) // _INDENT_UNIT))


#: A whole run of two spaces or more, or a single space that ends a line after a value
#: (`spaced_blanks`: odd at a line's end, which blank cells' spaces never are, while PDF
#: text's rows often end so; a header's word may keep the space of its column).
_SPACE_RUN: Final = re.compile(r"(?<! ) {2,}+|(?<=\d) (?![^\n])")


def spaced_blanks(text: str, regions: Iterable[list[_Line]]) -> bool:
    """Whether rows of whitespace-separated cells (`Layout.WORDS`) may write each blank cell
    as two more spaces (`Layout.SPACED`): some runs of spaces, and every one odd between
    two words (the space between cells, and two for each blank cell), even at either end
    of a line.  Columns aligned by spaces (``pdftotext -layout``, inscriptis) have runs of
    every length.  A line that ends in one space after a value is counted apart: a few
    are column padding collapsed (pandoc's plain text, its spaces made one), as many as
    there are runs are the trailing white space of PDF text, two spaces now and then."""
    runs = ends = 0
    for region in regions:
        if not region:
            continue
        for m in _SPACE_RUN.finditer(text, region[0].start, region[-1].end):
            a, b = m.span()
            if b - a == 1:
                ends += 1
                continue
            inner = a > 0 and text[a - 1] != "\n" and b < len(text) and text[b] != "\n"
            if (b - a) % 2 != inner:
                return False
            runs += 1
    return runs >= 2 and 4 * ends <= runs


#: Units and sign words that PDF text prints apart from their number (`_word_tokens`).
_UNIT_WORDS: Final = frozenset(
    ("元", "万元", "亿元", "件", "条", "项", "个", "次", "宗", "份", "篇", "家", "万", "亿")
)
_SIGN_WORDS: Final = frozenset(("增", "减", "增加", "减少", "新增"))
_APART_WORDS: Final = _UNIT_WORDS | _SIGN_WORDS


def _tab_tokens(
    text: str, a: int, b: int, after_label: bool, line: int, run: int, out: list[_Event]
) -> None:
    """`Layout.TABS`: tab-separated fields."""
    _fields(text, a, b, "\t", after_label, line, run, out)


def _pipe_tokens(
    text: str, a: int, b: int, after_label: bool, line: int, run: int, out: list[_Event]
) -> None:
    """`Layout.PIPES`: ``|``-separated fields; words after a row label on a line with no
    ``|`` (a row that a PDF-to-markdown tool printed as plain text among its tables:
    ``行政许可 3 -1 0``; a line of numbers alone is no row)."""
    if after_label and text.find("|", a, b) < 0 and not _in_pipe_row(text, a):
        _word_tokens(text, a, b, after_label, line, run, out)
    else:
        _fields(text, a, b, "|", after_label, line, run, out)


def _glued_tokens(
    text: str, a: int, b: int, after_label: bool, line: int, run: int, out: list[_Event]
) -> None:
    """`Layout.GLUED`: number runs and not-applicable marks, wherever they are.

    A run's last digit followed by ``.`` and a word is a row's numbering marker
    (``…000003.补正后…`` where the label was not recognised, misspelt say), not a cell's.
    (Not so after ``、``: ``…405、结转…`` is as likely a heading's numeral lost, 四、.)
    A number right after ``表`` numbers a table's caption (``表1 主动公开政府信息情况``).
    """
    note = _GLUED_NOTE.search(text, a, b)
    for m in _GLUED_VALUE.finditer(text, a, b):
        while note is not None and note.end() <= m.start():
            note = _GLUED_NOTE.search(text, note.end(), b)
        if note is not None and note.start() <= m.start():
            continue  # a note's figures (注：本表数据统计时间为2023年1月1日…) are no cells
        if _CAPTION_NUMBER.match(text, max(m.start() - 3, a), m.start()):
            continue
        s, e = _strip(text, m.start(), m.end())
        if _SENTENCE_NUMBER_END.match(text, e) is not None:
            continue  # a figure of a sentence (收到申请366件，), a year or a date
        if _MARKER_AFTER.match(text, e) and text[e - 1].isdigit():
            e -= 1  # the marker's digit
            if e == s or not text[e - 1].isdigit():
                continue
        if (
            out
            and text[s - 1] == ","
            and type(prev := out[-1]) is Token
            and prev.end == s - 1
            and (groups := _THOUSANDS_GROUPS.match(text, s - 1, e)) is not None
        ):
            # ``01884,3200188``: a number's thousands groups glued between runs of digits
            # (the last one to three digits before them are its head): they go with the
            # run before, the digits after them start a run of their own
            out[-1] = prev._replace(end=groups.end())
            if groups.end() == e:
                continue
            s = groups.end()
        out.append(_new(Token, (s, e, line, False, None, run)))


#: What follows a number of the report's sentences, not a cell: a clause's punctuation
#: before a word (``收到申请366件，其中``; in the folded text ``，`` is ``,``; no cell is
#: followed by one; nor a unit by ``、``: 规章3件、), a date's 年 月 日, or a percent sign.
_SENTENCE_NUMBER_END: Final = re.compile(
    r"[ \t]*+(?:[,;](?=[^\W\d_]|[(\"“])|。|(?<=[件条个])、(?=[^\W\d_]))|[年月日%]"
)


#: Thousands groups: a comma and three digits, once or more (``,656,528`` of
#: ``5,656,528``).
_THOUSANDS_GROUPS: Final = re.compile(r"(?:,\d{3})++")


#: What comes before the number of a table's caption, up to the number (``表1``,
#: ``附表 2``, ``表：3``): matched against the three characters before a number.
_CAPTION_NUMBER: Final = re.compile(r".{0,2}表[ \t:：]?$|.?表[ \t:：]{2}$")


#: A note under a table in glued text, to its full stop or the end of its line: its
#: figures (dates, counts in a sentence) are no cells.  The head ends in a colon, so that
#: no label (none has 注 or 说明 before a colon) starts one.
_GLUED_NOTE: Final = re.compile(rf"(?:{NOTE_HEADS})[ \t]*[：:][^。\n]*+。?")


#: A run of no-break spaces: in the text of a web page (``textContent``), the ``&nbsp;``
#: of each blank cell.
_NBSP_RUN: Final = re.compile("\xa0+")


def _nbsp_blanks(
    unfolded: str,
    a: int,
    b: int,
    line: int,
    run: int,
    out: list[_Event],
    first: int,
) -> None:
    """Glued text of a web page whose blank cells hold ``&nbsp;``
    (``（一）予以公开\xa000\xa002929``): a blank cell for each no-break space between a
    row's values, or between its label and its values, or after its last value; merged,
    in text order, into the segment's tokens (``out[first:]``).  A no-break space with
    words on both sides is spacing within a label, not a cell."""
    blanks = []
    for m in _NBSP_RUN.finditer(unfolded, a, b):
        s, e = m.span()
        before = unfolded[s - 1] if s > a else ""
        after = unfolded[e] if e < b else ""
        if _value_side(before) or _value_side(after):
            blanks += [_new(Token, (k, k, line, True, None, run)) for k in range(s, e)]
    if blanks:
        out[first:] = sorted([*out[first:], *blanks], key=operator.itemgetter(0))


def _value_side(c: str) -> bool:
    """Whether `c`, next to a no-break space, is a value's (a digit, ``/``) or the end of
    the row's values (``""``)."""
    return c == "" or c.isdigit() or c == "/"


#: What follows a numbering marker's digit: ``.`` and a word character that is no digit
#: (``3.补正后``; ``3.5`` is a number).
_MARKER_AFTER: Final = re.compile(r"\.(?=[^\W\d_])")


def _line_tokens(
    text: str, a: int, b: int, after_label: bool, line: int, run: int, out: list[_Event]
) -> None:
    """One cell per line: the segment, when it reads as a cell."""
    seg = text[a:b]
    body = seg.lstrip(" \t|")
    s = b - len(body)
    body = body.rstrip(" \t|")
    if not body:
        return
    if is_cell_text(body):
        if not _group_head(text, s, body):
            out.append(_new(Token, (s, s + len(body), line, False, None, run)))
        return
    # a line that holds several cells after all (a row printed inline among
    # one-cell-per-line text): its cells, when every piece is one
    parts = list(_WORD.finditer(text, s, s + len(body)))
    if len(parts) > 1 and all(is_cell_text(m.group()) for m in parts):
        out.extend(_new(Token, (m.start(), m.end(), line, False, None, run)) for m in parts)


_TOKENIZERS: Final[dict[Layout, _Tokenizer]] = {
    Layout.WORDS: _word_tokens,
    Layout.PIPED_WORDS: _word_tokens,
    Layout.TABS: _tab_tokens,
    Layout.PIPES: _pipe_tokens,
    Layout.GLUED: _glued_tokens,
    Layout.CELL_LINES: _line_tokens,
    Layout.GAPS: _line_tokens,
    Layout.RAW: _line_tokens,
    Layout.INDENTED: _line_tokens,
    Layout.SPACED: _spaced_tokens,
}


class _Cursor:
    """Walks the labels of a region in step with its lines (both in text order)."""

    def __init__(self, labels: tuple[LabelHit, ...]) -> None:
        self.labels = labels
        self.i = 0  # the next label not handed out
        self.covered = -1  # end of the last label handed out

    def before(self, pos: int) -> list[LabelHit]:
        """Labels that end at or before `pos` and were not handed out yet."""
        labels, i = self.labels, self.i
        while i < len(labels) and labels[i].end <= pos:
            i += 1
        taken = list(labels[self.i : i])
        if taken:
            self.i = i
            self.covered = max(self.covered, max(lab.end for lab in taken))
        return taken

    def line(self, a: int, b: int) -> list[LabelHit | tuple[int, int, bool]]:
        """The labels starting in ``[a, b)`` and the label-free segments between them, in
        order.  A segment is (start, end, whether it follows a label on this line)."""
        out: list[LabelHit | tuple[int, int, bool]] = []
        labels = self.labels
        after_label = self.covered > a
        pos = self.covered if after_label else a
        while pos < b:
            if self.i < len(labels) and labels[self.i].start < b:
                lab = labels[self.i]
                self.i += 1
                self.covered = max(self.covered, lab.end)
                if lab.start > pos:
                    out.append((pos, lab.start, after_label))
                out.append(lab)
                pos = max(pos, lab.end)
                after_label = True
            else:
                out.append((pos, b, after_label))
                break
        return out

    def rest(self) -> tuple[LabelHit, ...]:
        return self.labels[self.i :]


def _events(
    text: str,
    lines: list[_Line],
    labels: tuple[LabelHit, ...],
    layout: Layout,
    notes: list[Note] | None = None,
    blank_lines: int = 1,
    unfolded: str | None = None,
    index: dict[int, int] | None = None,
) -> list[_Event]:
    """Labels and cell tokens in reading order: on each line, the labels that start on it
    cut it into label-free segments, whose tokens go in between.  A line in `index` (a
    row-number column's, `_index_column`) is read from where its cells start.

    In `Layout.GAPS`, each `blank_lines` empty lines beyond the one that separates cells
    are a blank cell (`_blank_lines`); in `Layout.CELL_LINES`, each empty line between
    two lines of ``|`` (that `_lines` keeps for them).  In glued text, where `unfolded`
    (the text before folding) is given, each no-break space among a row's values is a
    blank cell (`_nbsp_blanks`).  In `Layout.INDENTED`, where it is given, only the plain
    spaces opening a line are blank cells, not an indent of ideographic spaces
    (``　　1.属于…``).

    Digits that yield no cell, right after a row's label or (where each line holds one
    cell) on any line, are reported in `notes` (``unread-value``): values the layout did
    not let us read are not dropped silently.
    """
    events: list[_Event] = []
    append = events.append
    cur = _Cursor(labels)
    counts = False  # whether the previous line ended in a cell or a row label
    body = False  # whether a value was read (past the header)
    run = 0
    gaps = layout is Layout.GAPS
    bare = layout is Layout.LINES
    indented = layout is Layout.INDENTED
    piped = layout is Layout.CELL_LINES
    nbsp = unfolded if layout is Layout.GLUED else None  # (blank cells' no-break spaces)
    tokenize = _TOKENIZERS.get(layout, _line_tokens)
    # where each line holds one cell, any line with digits that yields none is reported
    one_cell = tokenize is _line_tokens
    words = tokenize is _word_tokens or tokenize is _spaced_tokens
    # cells written out (tabs, pipes): a merged label cell may print a mark (``-``, None)
    marks = layout is Layout.TABS or layout is Layout.PIPES
    n_labels = len(labels)
    for ln in lines:
        if len(events) > MAX_TOKENS_PER_TABLE:
            break  # read_table reports the truncation
        start, end = ln.start, ln.end
        if index and start in index:
            start = index[start]  # past the row's number
        # most lines hold no label and follow none still open: one segment, no cursor work
        plain = (cur.i >= n_labels or labels[cur.i].start >= end) and cur.covered <= start
        if not plain:
            events.extend(cur.before(start))  # labels on lines of their own
        if gaps and ln.gap > 1 and counts:
            # each blank line beyond the separator is a blank cell (not after header text)
            blank = _new(Token, (start, start, ln.no, True, None, run))
            events.extend([blank] * ((ln.gap - 1) // blank_lines))
        elif bare and ln.gap and counts:
            # no separator: each empty line is a blank cell (not after header text)
            blank = _new(Token, (start, start, ln.no, True, None, run))
            events.extend([blank] * ln.gap)
        elif piped and ln.pipes:
            # a line of pipes kept for the empty lines between it and the line of pipes
            # before: each is a blank cell (``|\n\n|``: nothing between two cells'
            # separators), not after header text; nothing else on the line to read
            if counts:
                events.extend([_new(Token, (start, start, ln.no, True, None, run))] * ln.gap)
            continue
        elif indented and text[start] == " ":
            # each two spaces opening a line are a blank cell (not after header text, but
            # before a value: the first value of table 四 follows its header)
            indent = _indent(text if unfolded is None else unfolded, start, end)
            if counts or is_cell_text(text[start + indent : end].rstrip(" ")):
                blank = _new(Token, (start, start, ln.no, True, None, run))
                events.extend([blank] * (indent // _INDENT_UNIT))
        mark = len(events)
        opens_row = False
        # cells a blank line apart: a line that begins within a label begun on a line
        # above (a label cell repeated for each column it spans, docx2python's) and yields
        # no cell leaves standing whether a cell or a row label came last (where each
        # empty line is a blank cell, a label wrapped over lines is PDF text: not so)
        within = gaps and not plain and cur.covered > start
        for item in ((start, end, False),) if plain else cur.line(start, end):
            if type(item) is LabelHit:
                if words and events and _wrapped_group_head(text, events[-1], item):
                    events.pop()  # （四）无 | 法提供 wrapped round the row: no 无 cell
                if marks and len(events) > mark and _is_mark(text, events[-1]):
                    _blank_marks(text, events, mark)
                append(item)
                continue
            a, b, after_label = item  # type: ignore[misc]
            before = len(events)
            tokenize(text, a, b, after_label, ln.no, run, events)
            if nbsp is not None and (after_label or len(events) > before):
                # (not in text before a label: a no-break space indenting it is no cell)
                _nbsp_blanks(nbsp, a, b, ln.no, run, events, before)
            if len(events) == before and text[a:b].strip(" \t|"):
                run += 1  # other text (header words) ends a run of values
                # among the rows' values, text that is no label opens a row (one the
                # agency added, or a label no pattern knew): blank cells may follow it;
                # not the header printed again where a page broke, nor a wrapped label
                opens_row = body and not _known_text(text, a, b)
                if notes is not None and (
                    ((after_label or one_cell) and _lost(text[a:b]))
                    or _ONLY_NUMBERS.fullmatch(text, a, b) is not None
                ):
                    notes.append(_unread(text, a, b))
        if (
            marks
            and len(events) > mark
            and _is_mark(text, events[-1])
            and _HAN.search(text, start, end) is not None
        ):
            # a header line's merged cells printed as marks (``行政复议\tNone\tNone``)
            _blank_marks(text, events, mark)
        if len(events) > mark or not within:
            counts = (len(events) > mark or opens_row) and not (
                isinstance(events[-1], LabelHit) and events[-1].kind != "row"
            )
            body = body or any(type(e) is Token and not e.blank for e in events[mark:])
    events.extend(cur.rest())
    return events


#: A number opening a line, then a cell separator and more: a row-number column's cell.
#: (Matched from the line break before the line: a pattern that starts with one character
#: is looked for from one line break to the next, not tried at every character.)
_LEADING_NUMBER: Final = re.compile(r"\n[ \t|]*+(\d{1,4})[ \t|]++(?=\S)")
#: A line of nothing but the numbers 0, 1, 2, 3… in order: a data frame's column names.
_COLUMN_NUMBERS: Final = re.compile(r"[ \t|]*+0(?:[ \t|]++\d{1,2})++[ \t|]*+(?=\n|$)")
#: Consecutive lines numbered in order that make a row-number column (a 序号 column):
#: more than any run of values by chance.  Under a line of column numbers, fewer do.
_INDEX_RUN: Final = 5
_INDEX_RUN_UNDER_NUMBERS: Final = 3


def _index_column(text: str, lines: list[_Line], notes: list[Note]) -> dict[int, int] | None:
    """The lines of a table opened by a row number, mapped to where their cells start:
    runs of consecutive lines whose first cells count up by one (``0⇥第二十条第（一）项…``,
    ``1⇥信息内容…``, ``2⇥规章⇥12…``: a data frame printed with its index, a 序号
    column), `_INDEX_RUN` lines long, or `_INDEX_RUN_UNDER_NUMBERS` from 0 under a line
    of column numbers (``⇥0⇥1⇥2⇥3``, the data frame's column names, which is mapped to
    its end: no cells).  Those numbers are no cells; an info note says so."""
    if not lines:
        return None
    found: dict[int, int] = {}
    run: list[tuple[int, int]] = []  # (line start, cells start) of the current run
    previous = -2  # the number opening the run's last line
    after = -1  # where the run's last line ends
    header = -1  # where the line of column numbers before the run starts (-1: none)
    columns = (-1, -1)  # (start, end) of the last line of column numbers seen
    end = lines[-1].end
    # (found in one scan by the pattern: the lines that open with a number are few)
    begin = lines[0].start - 1 if lines[0].start else 0  # (the first line's break)
    for m in itertools.chain(_LEADING_NUMBER.finditer(text, begin, end), (None,)):
        if m is not None:
            at, value = m.start() + 1, int(m.group(1))
            # the line right after the run's last (only white space between)
            if run and value == previous + 1 and not text[after:at].strip():
                run.append((at, m.end(1)))
                previous, after = value, _line_end(text, at, end)
                continue
        if len(run) >= _INDEX_RUN or (header >= 0 and len(run) >= _INDEX_RUN_UNDER_NUMBERS):
            found.update(run)
            if header >= 0:
                found[header] = columns[1]
        if m is None:
            break
        line_end = _line_end(text, at, end)
        if value == 0 and _COLUMN_NUMBERS.match(text, at, line_end):
            columns, run = (at, line_end), []
            continue
        # a run from 0 right under a line of column numbers
        header = columns[0] if value == 0 and not text[columns[1] : at].strip() else -1
        run, previous, after = [(at, m.end(1))], value, line_end
    if not found:
        return None
    notes.append(
        Note(
            "index-column",
            f"the numbers opening {len(found)} lines count up by one: a column of row "
            "numbers (a data frame's index, 序号), not cells",
            min(found),
            max(found.values()),
            "info",
        )
    )
    return found


def _line_end(text: str, at: int, end: int) -> int:
    """Where the line holding `at` ends (at most `end`)."""
    nl = text.find("\n", at, end)
    return end if nl < 0 else nl


def _blank_marks(text: str, events: list[_Event], mark: int) -> None:
    """Make blank cells of the tokens of a line before a label (from `mark` on) where
    all are marks of no value (``-``, ``/``, None, NaN) or blank: the merged label cells
    a table exported cell by cell writes them in (``-\\t2.其他法律…\\t0\\t5``), not values of
    the row before.  (The caller has checked there are tokens from `mark` on.)"""
    tail = events[mark:]
    if not _marks_only(text, tail):
        return
    tokens = cast(list[Token], tail)  # (`_is_mark` holds of tokens only)
    events[mark:] = [t if t.blank else t._replace(end=t.start, blank=True, text=None) for t in tokens]


def _is_mark(text: str, event: _Event) -> bool:
    """Whether an event is a blank cell or a mark of no value: not applicable (``-``,
    ``/``) or a tool's blank (None, NaN)."""
    if type(event) is not Token:
        return False
    if event.blank:
        return True
    cell = event.text if event.text is not None else text[event.start : event.end]
    if cell[:1] not in _MARK_START:
        return False  # a number (nearly every cell): no pattern tried
    return NOT_APPLICABLE.fullmatch(cell) is not None or BLANK_MARK.fullmatch(cell) is not None


#: What a mark of no value may start with (after the spaces a cell may keep).
_MARK_START: Final = frozenset(" \t/-—–Nn无不")


def _marks_only(text: str, events: Iterable[_Event]) -> bool:
    """Whether every event is a blank cell or a mark of no value (`_is_mark`)."""
    return all(_is_mark(text, e) for e in events)


#: The words of every table's header and labels, Han characters only, one string (``|``
#: between words): text among the rows made of a piece of one of them is the header
#: printed again (a page broke) or a label's line that wrapped, not a row of its own.
_KNOWN_HAN: Final = "|".join(
    sorted(
        {
            "".join(_HAN.findall(word))
            for variants in TABLES.values()
            for spec in variants.values()
            for row in spec.rows
            for word in (row.label, *(c.label for c in row.columns), *HEADER_WORDS)
        }
        | set(_GROUP_TEXTS)
    )
)
#: A row's numbering marker at the start of a text (after any space, line breaks or pipes):
#: ``9.``, ``9、``, ``（9）``, ``⑨``, ``（八）``, ``八、``.
_ROW_MARKER: Final = re.compile(
    r"""[\s|]*+(?:\d{1,2}[ \t]*+[.、]|\(\d{1,2}\)|[①-⑳]
    |\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、)""",
    re.VERBOSE,
)


def _known_text(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is a piece of a table's header or of a label (all of its Han
    characters one run inside one of their words), and no row's numbering marker opens it."""
    if _ROW_MARKER.match(text, a, b) is not None:
        return False
    han = "".join(_HAN.findall(text, a, b))
    return bool(han) and han in _KNOWN_HAN


#: Two characters of the tables' labels in a row.
_LABEL_WORDS: Final = re.compile("[" + "".join(sorted(set(_KNOWN_HAN) - {"|"})) + "]{2}")


def _label_words(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]``, between two values, may be a row's label: two characters of
    the labels in a row, or a row's numbering marker and a Han character (``3.他``: 其
    lost); not Han characters out of nowhere (text garbled by a wrong encoding)."""
    if _LABEL_WORDS.search(text, a, b) is not None:
        return True
    return _ROW_MARKER.match(text, a, b) is not None and _HAN.search(text, a, b) is not None


#: The rest of （四）无法提供 after its 无, looked for a few lines after the row it wraps round.
_GROUP_TAIL: Final = re.compile(r"法\s*+提\s*+供")
_GROUP_TAIL_WINDOW: Final = 300
#: The group label （四）无法提供 wrapped so that 无 stands alone (its number lost, or on the
#: line before): 无, then page breaks, footers or spaces, then 法提供.  无 is also a
#: not-applicable mark, the only group label head that reads as a cell.
_WRAPPED_GROUP: Final = re.compile(
    r"无(?:\s++|[-—–]{1,2}[ \t]*+\d{1,3}[ \t]*+[-—–]{1,2})*+" + _GROUP_TAIL.pattern
)


def _group_head(text: str, start: int, word: str) -> bool:
    """Whether the cell-like `word` at `start` is the head of a wrapped group label."""
    return word == "无" and _WRAPPED_GROUP.match(text, start) is not None


def _wrapped_group_head(text: str, event: _Event, label: LabelHit) -> bool:
    """Whether `event` is the 无 of the group label （四）无法提供 wrapped round a row (``无``
    right before the row's label, ``法提供`` on a later line), not a not-applicable cell."""
    return (
        type(event) is Token
        and text[event.start : event.end] == "无"
        and not text[event.end : label.start].strip(" \t")
        and _GROUP_TAIL.search(text, label.end, label.end + _GROUP_TAIL_WINDOW) is not None
    )


#: Text of nothing but numbers (``7 8 9`` with no ``|`` in a markdown table) that the
#: layout's tokenizer read no cell from: values lost wherever they stand.
_ONLY_NUMBERS: Final = re.compile(r"[\s|]*+\d+(?:[\s|]++\d+)*+[\s|]*+")
#: A digit (in the folded text, full-width digits are ASCII).
_DIGIT: Final = re.compile(r"\d")


#: Table text whose digits are no lost value: a sentence, or a note (注：本表数据统计截至…).
_NOTE_TEXT: Final = re.compile(rf"。|^[ \t|*]*(?:{NOTE_HEADS})")
#: Digits that write a date or a year (2023年12月31日), or number a table's caption
#: (``表1 主动公开政府信息情况统计表``), not a value.
_NOT_VALUE_DIGITS: Final = re.compile(r"\d+[ \t]*[年月日号]|表[ \t:：]?\d+")


def _lost(segment: str) -> bool:
    """Whether text that yielded no cell holds digits that may be a value lost."""
    if _DIGIT.search(segment) is None or _NOTE_TEXT.search(segment) is not None:
        return False
    return _DIGIT.search(_NOT_VALUE_DIGITS.sub("", segment)) is not None


def _unread(text: str, a: int, b: int) -> Note:
    shown = text[a:b].strip(" \t|")
    if len(shown) > 60:
        shown = shown[:57] + "…"
    return Note(
        "unread-value",
        f"digits in the table that were not read as a cell: {shown!r}",
        a,
        b,
    )


def _fragment_events(
    text: str,
    blocks: list[list[tuple[int, int]]],
    labels: tuple[LabelHit, ...],
    notes: list[Note],
    units: GapUnits | None = None,
) -> list[_Event]:
    """Events for `Layout.FRAGMENTS`: a cell is a block of consecutive non-empty lines
    (its pieces joined: a number may be split over lines), a block of spaces a blank cell.
    A line of spaces inside a block ends a cell (BeautifulSoup's ``get_text(" ")`` puts a
    space after every text node, so that no line between two cells is empty).

    With `units` (`Layout.GAP_BLANKS`), the empty lines before a block beyond those that
    separate cells (or rows, before a row's label) are blank cells, `units.blank` lines
    each, after a value or a row's label (not after header text)."""
    events: list[_Event] = []
    cur = _Cursor(labels)
    run = 0  # other text (a label no pattern knew) ends a run of values
    last_end = -1
    for block in blocks:
        if len(events) > MAX_TOKENS_PER_TABLE:
            break  # read_table reports the truncation
        events.extend(cur.before(block[0][0]))
        if units is not None and last_end >= 0 and events and _counts(events[-1]):
            gap = text.count("\n", last_end, block[0][0]) - 1
            base = units.row if _opens_with_row_label(cur, block[0]) else units.cell
            if gap > base:
                blank = Token(block[0][0], block[0][0], len(events), blank=True, run=run)
                events.extend([blank] * ((gap - base) // units.blank))
        last_end = block[-1][1]
        parts: list[tuple[int, int]] = []
        saw_label = False
        for a, b in block:
            for item in cur.line(a, b):
                if isinstance(item, LabelHit):
                    _join_parts(text, parts, events, notes, run)
                    parts = []
                    events.append(item)
                    saw_label = True
                else:
                    s, e = _strip(text, item[0], item[1])
                    if s < e:
                        parts.append((s, e))
                    elif parts and item[0] == a and item[1] == b:
                        _join_parts(text, parts, events, notes, run)
                        parts = []
        if parts:
            if not _join_parts(text, parts, events, notes, run) and not saw_label:
                run += 1
        elif not saw_label:
            events.append(Token(block[0][0], block[0][0], len(events), blank=True, run=run))
    events.extend(cur.rest())
    return events


def _counts(event: _Event) -> bool:
    """Whether blank cells may follow `event`: a cell, or a row's label."""
    return type(event) is Token or (type(event) is LabelHit and event.kind == "row")


def _opens_with_row_label(cur: _Cursor, line: tuple[int, int]) -> bool:
    """Whether the next label of `cur` is a row's that starts on `line`."""
    return (
        cur.i < len(cur.labels)
        and cur.labels[cur.i].start < line[1]
        and cur.labels[cur.i].kind == "row"
    )


class GapUnits(NamedTuple):
    """The empty lines of `Layout.GAP_BLANKS` text: between two cells of a row, before a
    row's label, and that each blank cell adds."""

    cell: int
    row: int
    blank: int


def gap_units(text: str, start: int, end: int, labels: tuple[LabelHit, ...]) -> GapUnits | None:
    """The `GapUnits` of the table in ``text[start:end]`` read as `Layout.GAP_BLANKS`, or
    None where its empty lines show none.

    From the first row's label on, the commonest gap before a cell is the one between
    cells, and before a row's label, the one between rows.  Every longer gap is one of
    them and blank cells, each as many empty lines more: the most lines, at most one
    more than the gap between cells (a blank cell's own line, then a gap: ``&nbsp;``
    made empty), that every longer gap shows.  Two lines at the fewest (cells a blank
    line apart, `Layout.GAPS`, are read there); at least two empty lines between cells
    (BeautifulSoup's) and some longer gap, or there is nothing to read so.  Lines of
    spaces each between empty lines are the blank cells `Layout.FRAGMENTS` reads (None).
    Where some are next to a line that is not empty, they are the indents of a page's
    markup (its white space between tags, on lines of their own) among its blank cells'
    ``&nbsp;`` lines: each counts as an empty line, and a table with no longer gap has
    units all the same (none of its lines of spaces a blank cell)."""
    if _SPACE_LINE.search(text, start, end) is None:
        if 2 * text.count("\n\n\n", start, end) < text.count("\n\n", start, end):
            return None  # most cells are a blank line apart, or none
        spaces = False
    elif _LOOSE_SPACE_LINE.search(text, start, end) is None:
        return None  # each line of spaces between empty lines: FRAGMENTS' blank cells
    else:
        spaces = True
    blocks = _raw_blocks(text, start, end, solid=True)
    rows = [h for h in labels if h.kind == "row"]
    if not rows or len(blocks) < 2:
        return None
    cur = _Cursor(tuple(rows))
    before_cells: list[int] = []
    before_rows: list[int] = []
    last_end = -1
    for block in blocks:
        cur.before(block[0][0])
        if last_end >= rows[0].start:
            gap = text.count("\n", last_end, block[0][0]) - 1
            if _opens_with_row_label(cur, block[0]):
                before_rows.append(gap)
            elif is_cell_text("".join(text[a:b] for a, b in block).strip(" \t")):
                before_cells.append(gap)
        for a, b in block:
            cur.line(a, b)
        last_end = block[-1][1]
    if not before_cells:
        return None
    cell = statistics.mode(before_cells)
    row = max(cell, statistics.mode(before_rows)) if before_rows else cell
    longer = [g - cell for g in before_cells if g > cell] + [g - row for g in before_rows if g > row]
    if cell < 2:
        return None
    if not longer:
        # no blank cell; where lines of spaces are no blank cells either, this reads them
        return GapUnits(cell, row, cell + 1) if spaces else None
    for blank in range(cell + 1, 1, -1):
        if all(extra % blank == 0 for extra in longer):
            return GapUnits(cell, row, blank)
    return None


def _join_parts(
    text: str,
    parts: list[tuple[int, int]],
    events: list[_Event],
    notes: list[Note],
    run: int = 0,
) -> bool:
    """One cell from the pieces of a block (``20``/``23`` is ``2023``), if it is a value;
    whether any cell was made.

    Pieces that would join into a number with a leading zero (``0``/``0``) are cells of
    their own: no count is written so.  Digits that make no cell are noted.
    """
    if not parts:
        return False
    pieces = [text[s:e] for s, e in parts]
    joined = "".join(pieces)
    if len(pieces) > 1 and joined[0] == "0" and joined[1:2].isdigit():
        made = False
        for (s, e), piece in zip(parts, pieces, strict=True):
            if is_cell_text(piece):
                events.append(Token(s, e, len(events), run=run))
                made = True
            elif _lost(piece):
                notes.append(_unread(text, s, e))
        return made
    if is_cell_text(joined):
        events.append(Token(parts[0][0], parts[-1][1], len(events), text=joined, run=run))
        return True
    if _lost(joined):
        notes.append(_unread(text, parts[0][0], parts[-1][1]))
    return False


# --------------------------------------------------------------------------- chunks
def _chunks(events: list[_Event], layout: Layout) -> list[LabelHit | _Chunk]:
    """Runs of tokens not separated by a label (nor, for line layouts, by a line end)."""
    out: list[LabelHit | _Chunk] = []
    anchor: LabelHit | None = None
    run: list[Token] = []
    line_rows = layout.line_rows
    for ev in events:
        if type(ev) is LabelHit:
            if run:
                out.append(_new(_Chunk, (tuple(run), anchor)))
                run = []
            out.append(ev)
            anchor = ev
        else:
            if run and line_rows and ev.line != run[-1].line:  # type: ignore[union-attr]
                out.append(_new(_Chunk, (tuple(run), anchor)))
                run = []
            run.append(ev)  # type: ignore[arg-type]
    if run:
        out.append(_new(_Chunk, (tuple(run), anchor)))
    return out


def _line_groups(tokens: tuple[Token, ...]) -> list[list[Token]]:
    """Runs of tokens on consecutive lines (for blocks printed column by column)."""
    groups: list[list[Token]] = [[tokens[0]]]
    for tok in tokens[1:]:
        if tok.line == groups[-1][-1].line + 1 and not tok.blank:
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return groups


_Run = tuple[list[Token], str]
"""Tokens for consecutive rows and how they were printed: ``rows`` (row by row),
``block`` (one row of a block printed column by column) or ``uneven`` (one row of such a
block whose columns differ in length: undecidable)."""


def _transpose(text: str, chunk: _Chunk, width: int, gaps: bool, sums: bool = False) -> list[_Run]:
    """Split a chunk into row-major runs, undoing blocks printed column by column.

    Raw pdftotext prints some blocks of k rows as `width` runs of k values, one column at a
    time, each run on consecutive lines and the runs separated by blank lines.  Where the
    runs differ in length, a cell printed nothing and the block cannot be read.

    With `gaps` (cells otherwise separated by a blank line), any run of values on
    consecutive lines starts such a block: the block is that run and the next
    ``width - 1``, whatever their lengths.  Otherwise (cells on consecutive lines anyway),
    only `width` runs of one length make a block; and with `sums` (table 三, whose rows
    add up), a run of several rows' values with no line between its columns (the same
    text with its empty lines removed) is split into rows and blocks by arithmetic
    (`_blocks_by_sums`).
    """
    out: list[_Run] = []
    groups = _line_groups(chunk.tokens)
    if sums and not gaps and len(groups) == 1 and (split := _blocks_by_sums(text, groups[0], width)):
        return split
    i = 0
    pending: list[Token] = []
    while i < len(groups):
        block = groups[i : i + width]
        starts = len(groups[i]) >= 2 and not groups[i][0].blank
        if gaps:
            is_block = starts and len(block) == width
        else:
            # (runs parted by label-like words, a row the agency added, are rows)
            is_block = (
                len(block) == width
                and all(len(g) >= 2 and not g[0].blank for g in block)
                and not any(
                    _label_words(text, a[-1].end, b[0].start) for a, b in itertools.pairwise(block)
                )
            )
        if not is_block:
            if gaps and starts:  # a column run with too few others after it
                block = groups[i:]
            else:
                pending.extend(groups[i])
                i += 1
                continue
        k = len(block[0])
        if all(len(g) == k for g in block) and len(block) == width:
            if pending:
                out.append((pending, "rows"))
            out.extend(([g[r] for g in block], "block") for r in range(k))
        else:
            # Uneven: some cell printed nothing.  Values just before the block may be its
            # first column's as well as the last row's, so they are as undecidable.
            every = [*pending, *(t for g in block for t in g)]
            rows_before = -(-len([t for t in pending if not t.blank]) // width)
            out.extend((every, "uneven") for _ in range(rows_before + max(map(len, block))))
        pending = []
        i += len(block)
    if pending:
        out.append((pending, "rows"))
    return out


#: The most rows a run of table 三's values is split into by `_blocks_by_sums` (the
#: table's rows: a longer run is no such text, and the search stays bounded).
_MOST_SUM_ROWS: Final = 26


def _blocks_by_sums(text: str, tokens: list[Token], width: int) -> list[_Run] | None:
    """Table 三's values on consecutive lines, several rows' worth, split into the rows
    printed row by row and the blocks printed column by column; None where the run reads
    as rows (each adds up), or is no whole number of rows.

    Raw pdftotext's text of a PDF with its empty lines removed (a common clean-up) runs
    the columns of a block into one another and into the rows around it: ``4 0 0 0 0 0 4
    1 0 0 … 10 3 0 0 …`` is a row, then ten rows printed a column at a time.  From each
    row's start, the longest block that adds up read by columns and not by rows
    (`_column_order`) is taken, else one row, which must add up.  Where there is no such
    reading and most rows that hold a count (two or more) do not add up read row by row,
    a block's blank cell printed nothing (its columns differ in length): the run's rows
    cannot be told (``uneven``).  One row that does not add up is the report's own slip,
    and the run stays rows."""
    n = len(tokens)
    if n <= width or n % width or n > _MOST_SUM_ROWS * width:
        return None
    ints = [_int_of(text, t) for t in tokens]
    if None in ints:
        return None
    nums = cast("list[int]", ints)
    rows = [nums[r * width : (r + 1) * width] for r in range(n // width)]
    adds_up = [sum(row[:-1]) == row[-1] for row in rows]  # each row, read row by row
    wrong = adds_up.count(False)
    if not wrong:
        return None
    # (a row of zeros adds up however it is read: it tells nothing)
    telling = sum(1 for row in rows if any(row))
    out: list[_Run] = []
    at = 0
    found = False
    while at < n:
        for k in range((n - at) // width, 1, -1):
            cols = _column_order(text, tokens[at : at + k * width], k, width)
            if cols is not None:
                out.extend(([col[r] for col in cols], "block") for r in range(k))
                at += k * width
                found = True
                break
        else:
            if not adds_up[at // width]:
                found = False  # (a reading that leaves a row not adding up is none)
                break
            out.append((tokens[at : at + width], "rows"))
            at += width
    if found:
        return out
    return [(tokens, "uneven")] * len(rows) if wrong >= 2 and 2 * wrong > telling else None


# --------------------------------------------------------------------------- fill
def read_table(
    text: str,
    start: int,
    end: int,
    spec: TableSpec,
    layout: Layout,
    labels: tuple[LabelHit, ...] | None = None,
    lines: list[_Line] | None = None,
    unfolded: str | None = None,
    columns_first: bool | None = False,
) -> TableRead:
    """Read one table's region of the normalised (folded) text.  Its `labels` and `lines`
    (`region_lines`) may be passed in when they were computed already.  `unfolded`, the
    text before folding, is looked at in glued text, for the no-break spaces of blank
    cells (`_nbsp_blanks`), and in `Layout.INDENTED`, where only plain spaces opening a
    line are blank cells.  `columns_first`: what table 三 of the same text showed
    (`TableRead.columns_first`): blocks of this table that may have been printed a column
    at a time are read so (True) or left undecided (None).

    One cell per line with no ``|`` and some empty lines may be a Word file's text export,
    whose empty lines are blank cells (`Layout.LINES`), or cells whose empty lines mean
    nothing: both readings are made, and the one with more rows that add up is kept (the
    plain one on a tie)."""
    if labels is None:
        labels = find_labels(text, start, end, spec)
    if layout is not Layout.FRAGMENTS and lines is None:
        lines = region_lines(text, start, end)
    if layout is Layout.CELL_LINES and lines is not None and _bare_lines(text, lines):
        plain = _read_table(text, start, end, spec, layout, labels, lines, None, columns_first)
        bare = _read_table(text, start, end, spec, Layout.LINES, labels, lines, None, columns_first)
        return bare if _rows_adding_up(text, bare) > _rows_adding_up(text, plain) else plain
    if layout is not Layout.INDENTED and (
        layout is not Layout.GLUED or unfolded is None or unfolded.find("\xa0", start, end) < 0
    ):
        unfolded = None  # (INDENTED keeps it: ideographic spaces opening a line are no blanks)
    return _read_table(text, start, end, spec, layout, labels, lines, unfolded, columns_first)


def _rows_adding_up(text: str, read: TableRead, joined: bool = False) -> int:
    """Rows of table 三 read with exactly their seven cells, whose total is a count other
    than 0 (rows of zeros add up whatever their order) equal to the sum of the other six
    (blank cells counting 0).  `joined`: only rows with a cell made of pieces on lines of
    their own (`Layout.FRAGMENTS`)."""
    if read.spec.name != "requests":
        return 0
    out = 0
    for row_spec, row in zip(read.spec.rows, read.rows, strict=True):
        if row is None or len(row.tokens) != len(row_spec.columns):
            continue
        if joined and not any(text.find("\n", t.start, t.end) >= 0 for t in row.tokens):
            continue
        nums = [0 if t.blank else _int_of(text, t) for t in row.tokens]
        if None in nums:
            continue
        counts = cast("list[int]", nums)
        if counts[-1] and sum(counts[:-1]) == counts[-1]:
            out += 1
    return out


def pipes_are_cells(
    text: str,
    start: int,
    end: int,
    spec: TableSpec,
    labels: tuple[LabelHit, ...],
    lines: list[_Line],
) -> bool:
    """Whether the ``|`` of a document's tables (`Layout.PIPES`) are its cells' boundaries,
    judged on table 三's region ``text[start:end]``.

    A table rebuilt from the positions of a PDF's words (markitdown) prints a label's
    lines around its row of values, not in it: rows of values with no label, rows of a
    label whose cells are empty, columns that mean nothing.  Where table 三 has rows of
    values with no word in them, it is read both ways, by its pipes and by its words
    (`Layout.PIPED_WORDS`, as PDF text is), and the pipes are kept unless the words give more
    rows that add up (`_rows_adding_up`): pipes on a tie, as blank cells are only in them.
    """
    if not _at_least(2, _label_free_rows(text, lines)):
        return True
    pipes = _read_table(text, start, end, spec, Layout.PIPES, labels, lines)
    words = _read_table(text, start, end, spec, Layout.PIPED_WORDS, labels, lines)
    return _rows_adding_up(text, words) <= _rows_adding_up(text, pipes)


def spaces_are_cells(text: str, read: TableRead) -> bool:
    """Whether the spaces of text with few line breaks (`Layout.GLUED`) are its cells'
    boundaries, judged on table 三 read so (`read`).

    A table flattened onto one line with its cells a space apart and its blank cells
    dropped (BeautifulSoup's ``get_text(" ", strip=True)``, unstructured's table
    elements) is read as whitespace-separated text (`Layout.WORDS`): its short rows are
    missing cells, not cells run together, and splitting their numbers into digits would
    read them wrong.  So it is where at least two rows of table 三 read with exactly their
    seven cells and add up (`_rows_adding_up`), and no row holds a run of more pieces
    than cells (a space within a cell: a stray space cutting a number, as in a crawler's
    text, or a page's ``<span>``s a space apart).  Pieces with words that may be a label
    between them (`_label_words`) are two rows' (the next row's label not recognised,
    misspelt say), not a number cut."""
    if read.spec.name != "requests" or _rows_adding_up(text, read) < 2:
        return False
    return not any(
        row is not None and _longest_spaced_run(text, row.tokens) > len(row_spec.columns)
        for row_spec, row in zip(read.spec.rows, read.rows, strict=True)
    )


def _longest_spaced_run(text: str, tokens: Sequence[Token]) -> int:
    """The most values of `tokens` in a row with no words that may be a label between
    them (`_label_words`)."""
    values = [t for t in tokens if not t.blank]
    return max(map(len, _parts_by_label_words(text, values))) if values else 0


def spaces_are_blanks(text: str, plain: TableRead, spaced: TableRead) -> bool:
    """Whether spaces are blank cells (`Layout.INDENTED`, `Layout.SPACED`: WebDriver's
    text), judged on table 三 read without them (`plain`) and with them (`spaced`): where
    every row then holds at most its columns' cells (none left undecided for holding
    more), and as many rows add up at least (`_rows_adding_up`: a row whose blank cells
    vanished has too few cells to count)."""
    if spaced.spec.name != "requests":
        return False
    if any(
        row is not None and (row.undecided or len(row.tokens) > len(row_spec.columns))
        for row_spec, row in zip(spaced.spec.rows, spaced.rows, strict=True)
    ):
        return False
    return _rows_adding_up(text, spaced) >= _rows_adding_up(text, plain)


def read_in_pieces(
    text: str,
    start: int,
    end: int,
    spec: TableSpec,
    labels: tuple[LabelHit, ...],
    lines: list[_Line],
    raw: TableRead,
) -> TableRead | None:
    """Table 三 (``text[start:end]``, read as `Layout.RAW`: `raw`) read as
    `Layout.FRAGMENTS`, where its values on consecutive lines are the pieces of one cell,
    not cells of columns printed one after the other; else None.

    A page's text with a line per text node, whose runs of empty lines between cells
    were each made one (BeautifulSoup's ``get_text("\\n")`` cleaned up), reads like raw
    pdftotext: cells a blank line apart, and numbers split at their markup
    (``20</span><span>23``) on consecutive lines.  Raw pdftotext's rows come apart read in
    pieces (``3``, ``5`` a column's values, not ``35``); a text of pieces, read as columns.
    A number is cut in two or three pieces, where pdftotext prints the values of a block's
    rows a column at a time: so only a table whose values run over at most three lines is
    read in pieces, and kept so where at least two rows with a cell in pieces add up and
    more rows add up in all (`_rows_adding_up`).  (Raw pdftotext's blocks printed a column
    at a time add up only when they are solved, `_columns_first`, after this, and a block
    of them read in pieces may hold a row that adds up by chance.)"""
    if _longest_value_run(text, lines) > _PIECES_MAX:
        return None
    pieces = _read_table(text, start, end, spec, Layout.FRAGMENTS, labels, None)
    if _rows_adding_up(text, pieces, joined=True) >= 2 and _rows_adding_up(
        text, pieces
    ) > _rows_adding_up(text, raw):
        return pieces
    return None


#: The most pieces a page's markup cuts a number into (``1</span><span>2</span><span>3``).
_PIECES_MAX: Final = 3


def _longest_value_run(text: str, lines: list[_Line]) -> int:
    """The most values (`_VALUE_LINE`) of `lines` on consecutive lines."""
    longest = run = 0
    for ln in lines:
        if _VALUE_LINE.fullmatch(text, ln.start, ln.end):
            run = run + 1 if ln.gap == 0 else 1
            longest = max(longest, run)
        else:
            run = 0
    return longest


def _label_free_rows(text: str, lines: list[_Line]) -> Iterable[_Line]:
    """The lines that are rows of values with no word (a digit and a ``|``, no Han)."""
    for ln in lines:
        line = text[ln.start : ln.end]
        if "|" in line and _HAN.search(line) is None and _DIGIT.search(line) is not None:
            yield ln


#: The layouts whose tables may print labels first, then values a column at a time
#: (`_columns_first`).
_COLUMNS_FIRST_LAYOUTS: Final = frozenset(
    {Layout.RAW, Layout.GAPS, Layout.CELL_LINES, Layout.LINES, Layout.GLUED}
)


def _read_table(
    text: str,
    start: int,
    end: int,
    spec: TableSpec,
    layout: Layout,
    labels: tuple[LabelHit, ...],
    lines: list[_Line] | None,
    unfolded: str | None = None,
    columns_first: bool | None = False,
) -> TableRead:
    notes: list[Note] = []
    if layout is Layout.GAP_BLANKS:
        units = gap_units(text, start, end, labels)
        blocks = _raw_blocks(text, start, end, solid=True)
        events = _fragment_events(text, blocks, labels, notes, units)
    elif layout is Layout.FRAGMENTS or lines is None:
        events = _fragment_events(text, _raw_blocks(text, start, end), labels, notes)
    else:
        drop = layout not in (Layout.TABS, Layout.PIPES, Layout.FRAGMENTS)
        if layout is Layout.GAPS:
            first = next((h.start for h in labels if h.kind == "row"), start)
            unit = _blank_lines(text, lines, first)
        else:
            unit = 1
        kept = _lines(text, lines, drop, piped_blanks=layout is Layout.CELL_LINES)
        index = _index_column(text, kept, notes) if layout.line_rows else None
        events = _events(text, kept, labels, layout, notes, unit, unfolded, index)
    if len(events) > MAX_TOKENS_PER_TABLE:
        notes.append(
            Note(
                "table-too-large",
                f"{len(events)} cells and labels in one table; only the first "
                f"{MAX_TOKENS_PER_TABLE} are read",
                start,
                end,
                "error",
            )
        )
        events = events[:MAX_TOKENS_PER_TABLE]
    if spec.name == "review":
        return _fill_single(spec, _chunks(events, layout), layout, tuple(notes))
    if layout not in _COLUMNS_FIRST_LAYOUTS and not (
        layout is Layout.WORDS and lines is not None and len(lines) <= 2
    ):
        # (labels first, values a column at a time: pdfminer.six's text, and the same with
        # its line breaks made spaces, a table on a line read by its words or glued)
        pieces = _merged_repeats(text, _chunks(events, layout), spec, notes)
        return _fill(spec, pieces, layout, tuple(notes), text)
    events, shown, undecided = _columns_first(text, events, spec, columns_first)
    pieces = _merged_repeats(text, _chunks(events, layout), spec, notes)
    read = _fill(spec, pieces, layout, tuple(notes), text)
    if undecided:
        rows = list(read.rows)
        for i, tokens in undecided.items():
            rows[i] = RowRead(tokens, False, True, True)
        read = read._replace(rows=tuple(rows))
    return read._replace(columns_first=shown) if shown is not False else read


def _merged_repeats(
    text: str, pieces: list[LabelHit | _Chunk], spec: TableSpec, notes: list[Note]
) -> list[LabelHit | _Chunk]:
    """A Word table's merged value cells printed once per grid column they span, as
    python-docx's ``row.cells`` and docx2python give them: table 二's one-column rows of
    the 2021 format (``行政许可 | 5 | 5 | 5``, the cell spanning the three value columns of
    第二十条第（一）项), a row's last cell spanning the grid's fourth column (the trial
    (八) and (九) rows, ``行政事业性收费 | 0 | -1 | -1``).

    A row's values past its width are its last cell's copies where they are all that
    cell's text, and where the text shows that merged cells are repeated: a caption
    printed twice or more (its cell spans the table's width), or every one-column row
    with values after its own label holding the same number (two or more) of copies of
    one text, in two rows at least.  Each such row is read once (an info note); otherwise
    the pieces are returned as they are."""
    if spec.name != "active":
        return pieces
    longer: list[tuple[int, int]] = []  # (piece, row width) of rows ending in copies
    ones: list[int] = []  # per one-column row: its copies of one text (0: not copies)
    # chunks right after a caption whose rows are all one cell wide, all of one text: the
    # values of a row whose label was not found (misspelt), printed once per column
    orphans: list[int] = []
    captions = False
    for i, piece in enumerate(pieces):
        if type(piece) is LabelHit:
            captions = captions or (
                piece.kind == "caption" and text.count(_CAPTION_WORD, piece.start, piece.end) > 1
            )
            continue
        chunk = cast(_Chunk, piece)
        if chunk.anchor is None or chunk.anchor.kind != "row":
            if (
                chunk.anchor is not None
                and chunk.anchor.kind == "caption"
                and len(chunk.tokens) > 1
                and _one_cell_rows(spec, chunk.anchor)
                and len({t.text or text[t.start : t.end] for t in chunk.tokens}) == 1
            ):
                orphans.append(i)
            continue
        width = len(spec.rows[chunk.anchor.ordinal].columns)
        tokens = chunk.tokens
        if len(tokens) < width:
            continue
        tail = tokens[width - 1 :]
        last = tail[0].text or text[tail[0].start : tail[0].end]
        same = all((t.text or text[t.start : t.end]) == last for t in tail[1:])
        if width == 1:
            ones.append(len(tokens) if same else 0)
        if same and len(tokens) > width:
            longer.append((i, width))
    if not longer or not (captions or (len(ones) > 1 and len(set(ones)) == 1 and ones[0] > 1)):
        return pieces
    # as many copies as the rows whose labels were found print (or, those not all alike,
    # as the caption spans value columns)
    copies_of_one = ones[0] if ones and len(set(ones)) == 1 and ones[0] > 1 else None
    spans = max(len(r.columns) for r in spec.rows)
    out = list(pieces)
    for i in orphans:
        chunk = cast(_Chunk, out[i])
        if len(chunk.tokens) != (copies_of_one or spans):
            continue
        out[i] = chunk._replace(tokens=chunk.tokens[:1])
        notes.append(
            Note(
                "merged-repeat",
                f"a merged cell printed {len(chunk.tokens)} times (once per column it spans) "
                "after a caption, its row's label not found, was read once",
                chunk.tokens[0].start,
                chunk.tokens[-1].end,
                "info",
            )
        )
    for i, width in longer:
        chunk = cast(_Chunk, out[i])
        out[i] = chunk._replace(tokens=chunk.tokens[:width])
        row = spec.rows[cast(LabelHit, chunk.anchor).ordinal]
        copies = len(chunk.tokens) - width + 1
        notes.append(
            Note(
                "merged-repeat",
                f"{row.label}: a merged cell printed {copies} times (once per column it "
                "spans) was read once",
                chunk.tokens[width - 1].start,
                chunk.tokens[-1].end,
                "info",
                row.key,
            )
        )
    return out


def _one_cell_rows(spec: TableSpec, caption: LabelHit) -> bool:
    """Whether every row under table 二's `caption` (第二十条第（五）项 …) is one cell wide."""
    group = spec.labels[caption.ordinal].caption_of
    rows = [r for r in spec.rows if r.group == group]
    return bool(rows) and all(len(r.columns) == 1 for r in rows)


#: The words every table-二 caption starts with (第二十条第（五）项): a caption hit that
#: holds them twice is the caption's cell printed once per column it spans.
_CAPTION_WORD: Final = "第二十条"


def _columns_first(
    text: str, events: list[_Event], spec: TableSpec, columns: bool | None
) -> tuple[list[_Event], bool | None, dict[int, tuple[Token, ...]]]:
    """`events` with each block printed labels first, values a column at a time, turned
    into rows (each row label followed by its values); what the table shows of how the
    text was printed; and the rows that cannot be told (with the values they may have).

    pdfminer.six's text of a PDF prints the row labels of a page's part of a table, then
    the values of its first column for those rows, then the second column's, and so on,
    the 总计 column not always last (``21 0 0 4 … | 0 0 … | … | 21 0 0 4 … | 0 0 …``).  A
    run of k row labels followed by exactly as many values as their cells (none blank) is
    such a block when, in table 三, every row adds up read by columns and not every row
    does read row by row: the column that is the sum of the others in every row is the
    总计 (the others keep their order).  Where every row label of table 三 comes in a run
    of three or more with no value between (labels first throughout), a block that cannot
    be turned so (a blank cell printed nothing) leaves its rows undecided.  What table 三
    shows: True where labels came first throughout and every block was turned; None
    where one could not be; else False.  Table 二 has no arithmetic: its blocks of several
    rows and columns are turned where table 三's were (`columns` True), and left
    undecided where table 三 could not tell (`columns` None).
    """
    if not _stacked_row_labels(events):
        return events, False, {}  # (nearly every table: a scan with no lists made)
    runs: list[tuple[list[LabelHit], list[LabelHit], list[Token]]] = []
    i, n = 0, len(events)
    while i < n:
        j = i
        while j < n and type(events[j]) is LabelHit:
            j += 1
        k = j
        while k < n and type(events[k]) is not LabelHit:
            k += 1
        run = cast("list[LabelHit]", events[i:j])
        runs.append((run, [lab for lab in run if lab.kind == "row"], cast("list[Token]", events[j:k])))
        i = k
    # labels first throughout: every row label in a run of three or more, no value between
    labels_first = all(len(rows) >= 3 for _, rows, _ in runs if rows)
    out: list[_Event] = []
    turned = unturned = False
    undecided: dict[int, tuple[Token, ...]] = {}
    for run, rows, values in runs:
        block = (
            _column_block(text, rows, values, spec, columns)
            if len(rows) >= 2 and values
            else None
        )
        if (
            block is None
            and labels_first
            and spec.name == "requests"
            and len(rows) >= 3
            and values
            and not _adds_up_by_rows(
                [_int_of(text, t) for t in values], len(rows), len(spec.rows[rows[0].ordinal].columns)
            )
        ):
            block = tuple(values)  # labels first, values a column at a time, blank cells lost
            unturned = True
        elif (
            block is None
            and columns is not False
            and len(rows) >= 2
            and values
            and any(len(spec.rows[lab.ordinal].columns) > 1 for lab in rows)
        ):
            block = tuple(values)  # table 二 of such a text, its values not one per cell
        if block is None:
            out.extend(run)
            out.extend(values)
        elif isinstance(block, tuple):  # which value is whose cannot be told
            out.extend(run)
            undecided.update((lab.ordinal, block) for lab in rows)
        else:
            turned = True
            by_row = dict(zip((lab.ordinal for lab in rows), block, strict=True))
            for ev in run:
                out.append(ev)
                if ev.kind == "row":
                    out.extend(by_row[ev.ordinal])
    shown: bool | None = False
    if spec.name == "requests" and labels_first and (turned or unturned):
        shown = None if unturned else True
    return out, shown, undecided


def _stacked_row_labels(events: list[_Event]) -> bool:
    """Whether two row labels come one after the other, with no value between."""
    row = False
    for ev in events:
        if type(ev) is LabelHit:
            if ev.kind == "row":
                if row:
                    return True
                row = True
        else:
            row = False
    return False


def _column_block(
    text: str, rows: list[LabelHit], values: list[Token], spec: TableSpec, columns: bool | None
) -> list[list[Token]] | tuple[Token, ...] | None:
    """The rows of a block printed column by column (`_columns_first`); for table 二 when
    it cannot be told how, the block's values (its rows are then undecided); or None.
    The rows go in parts of one width (and, in table 二, one item of 第二十条: each is a
    table of its own on the page), each part taking its rows × width values in turn."""
    ordinals = [lab.ordinal for lab in rows]
    if ordinals != sorted(set(ordinals)) or any(t.blank for t in values):
        return None
    parts: list[list[int]] = []
    for i in ordinals:
        if parts and _same_part(spec, parts[-1][0], i):
            parts[-1].append(i)
        else:
            parts.append([i])
    if len(values) != sum(len(part) * len(spec.rows[part[0]].columns) for part in parts):
        return None
    out: list[list[Token]] = []
    at = 0
    turned = False
    for part in parts:
        width, k = len(spec.rows[part[0]].columns), len(part)
        chunk = values[at : at + k * width]
        at += k * width
        if width == 1 or k == 1:
            out.extend(chunk[r * width : (r + 1) * width] for r in range(k))  # one way only
            continue
        cols = _column_order(text, chunk, k, width) if spec.name == "requests" else None
        if cols is None:
            if spec.name == "requests" or columns is False:
                return None
            if columns is None:
                return tuple(values)
            cols = [chunk[c * k : (c + 1) * k] for c in range(width)]
        turned = True
        out.extend([col[r] for col in cols] for r in range(k))
    if not turned and columns is False:
        return None  # rows of one value each: no need to turn them, unless the text is so
    # each row's values on a line of their own (two lines apart: no column runs for
    # `_transpose` to find), where its first value was
    return [[t._replace(line=2 * row[0].line + 1) for t in row] for row in out]


def _same_part(spec: TableSpec, a: int, b: int) -> bool:
    """Whether rows `a` and `b` are of one part of a block (`_column_block`): one width,
    and in table 二 one item of 第二十条."""
    ra, rb = spec.rows[a], spec.rows[b]
    return len(ra.columns) == len(rb.columns) and (spec.name != "active" or ra.group == rb.group)


def _column_order(text: str, values: list[Token], k: int, width: int) -> list[list[Token]] | None:
    """Table 三's `values` for k rows printed a column at a time, as columns in the
    template's order; None unless every row adds up so and not every row adds up read
    row by row.  The 总计 column is the one that is, in every row, the sum of the others
    (it is not always printed last); the others keep their order."""
    ints = [_int_of(text, t) for t in values]
    if None in ints:
        return None
    nums = cast("list[int]", ints)
    if _adds_up_by_rows(ints, k, width):
        return None  # printed row by row (or no telling)
    cols = [nums[c * k : (c + 1) * k] for c in range(width)]
    sums = [sum(col[r] for col in cols) for r in range(k)]
    # the 总计 column: in every row, half the row's sum
    totals = [c for c in range(width) if all(2 * cols[c][r] == sums[r] for r in range(k))]
    if len({tuple(cols[c]) for c in totals}) != 1:
        return None
    total = totals[-1]
    columns = [values[c * k : (c + 1) * k] for c in range(width)]
    return [col for c, col in enumerate(columns) if c != total] + [columns[total]]


def _adds_up_by_rows(nums: list[int | None], k: int, width: int) -> bool:
    """Whether table 三's values `nums` are k rows' cells, each row adding up read row by
    row (None: no count)."""
    if len(nums) != k * width:
        return False
    return all(
        None not in (row := nums[r * width : (r + 1) * width])
        and sum(cast("list[int]", row[:-1])) == row[-1]
        for r in range(k)
    )


def _int_of(text: str, t: Token) -> int | None:
    """A token's count (``12``, ``12件``), or None when it is none (another unit, a sign,
    a decimal)."""
    word = t.text or text[t.start : t.end]
    if word[-1:] == "件":
        word = word[:-1].rstrip(" \t")
    return int(word) if word.isdigit() and word.isascii() else None


def _bare_lines(text: str, lines: list[_Line]) -> bool:
    """Whether a table of one cell per line has no ``|`` anywhere (the pipe families mark
    every cell or separator with one) and empty lines among its lines: it may be a Word
    file's text export, whose empty lines are blank cells."""
    if not any(ln.gap for ln in lines[1:]):
        return False
    return all("|" not in text[ln.start : ln.end] for ln in lines)


def _blank_lines(text: str, lines: list[_Line], rows: int) -> int:
    """How many empty lines a blank cell adds in a table whose cells are a blank line
    apart: one (sample 002), or two where every cell, blank or not, is its text and two
    line breaks (docx2txt's Word tables: every gap is then odd, none empty).  Two only
    when some gap holds a blank cell (three lines or more), and none is even or empty:
    lines with no empty line between them are raw pdftotext's blocks, not docx2txt's
    cells.  Only the gaps from the line of the first row's label (at `rows`) count, and
    not those before a sentence or a note: not the gap after the heading, nor those of a
    caption or of paragraphs round the table, which may be lines of one paragraph."""
    gaps = [ln for ln in lines[1:] if ln.end > rows]
    if max((ln.gap for ln in gaps), default=0) < 3:
        return 1
    if all(ln.gap % 2 or _NOTE_TEXT.search(text[ln.start : ln.end]) for ln in gaps):
        return 2
    return 1


def _fill_single(
    spec: TableSpec,
    pieces: list[LabelHit | _Chunk],
    layout: Layout,
    notes: tuple[Note, ...],
) -> TableRead:
    """Table 四 has one row of 15 values and no row labels: its values, in order."""
    width = sum(len(r.columns) for r in spec.rows)
    tokens: list[Token] = []
    for piece in pieces:
        if isinstance(piece, _Chunk) and not _all_blank(piece.tokens):
            tokens.extend(piece.tokens)
    if not tokens:
        return TableRead(spec, (None,) * len(spec.rows), (None,) * len(spec.rows), layout, notes)
    shown = layout is Layout.CELL_LINES and _any_blank(tokens)  # (as `_fill` says)
    row = RowRead(tuple(_trim(tokens, width)), layout.exact_blanks or shown)
    return TableRead(
        spec, (row,) + (None,) * (len(spec.rows) - 1), (None,) * len(spec.rows), layout, notes
    )


def _fill(
    spec: TableSpec,
    pieces: list[LabelHit | _Chunk],
    layout: Layout,
    notes: tuple[Note, ...],
    text: str,
) -> TableRead:
    n = len(spec.rows)
    widths = [len(r.columns) for r in spec.rows]
    rows: list[list[Token] | None] = [None] * n
    transposed = [False] * n
    undecided = [False] * n
    # rows filled in template order from a line whose label is not the template's (a row
    # the agency added, 行政确认 say): their own label, when it comes, takes them back
    provisional = [False] * n
    # rows given a short chunk that no label of theirs anchored (values scattered by a
    # PDF's reading order): their own label, followed by a whole row, takes them back
    guessed = [False] * n
    # rows given a line of values that no row label of theirs anchored
    unowned = [False] * n
    # rows given the values after a second label of a row filled already: that label's key
    repeats: dict[int, str] = {}
    first_label: list[LabelHit | None] = [None] * n
    group_rows = _GROUP_ROWS[spec.name, spec.variant]
    glued = layout is Layout.GLUED
    extra: list[Token] = []
    p = 0
    last: int | None = None  # the row the previous chunk went to, while it may continue
    line_rows, exact_blanks = layout.line_rows, layout.exact_blanks
    # cells a line apart by lines of pipes: a row with a blank cell that shows (an empty
    # line between two of them) has all of its blank cells shown
    shown_blanks = layout is Layout.CELL_LINES
    # cells a blank line apart and no blank cell marked: raw pdftotext, where a row may be
    # cut by text printed out of place, as in the layouts that drop blanks
    gaps = layout is Layout.GAPS
    # raw pdftotext prints table 三's labels away from their values (column blocks)
    labels_apart = layout is Layout.RAW and spec.name == "requests"
    # the same with its empty lines removed (one cell per line, no gaps), where table 三's
    # arithmetic tells how its rows go
    sums_apart = layout is Layout.CELL_LINES and spec.name == "requests"

    def next_free(i: int) -> int:
        while i < n and rows[i] is not None:
            i += 1
        return i

    stacked: list[int] = []  # the rows whose labels came one after another, no value between
    # a row given blank cells from its label's line, whose label may go on, with the row's
    # values, on the next line (a wrapped label cell split into two table rows)
    wrapped: tuple[int, LabelHit] | None = None
    # a row whose first values ended another row's chunk: the rest follows its own label
    waiting: dict[int, int] = {}  # row -> number of values still to come
    for index, piece in enumerate(pieces):
        if isinstance(piece, LabelHit):
            if piece.kind == "group" and group_rows.get(piece.ordinal, (n, n))[1] < p:
                # a merged group cell printed after its rows (pdftotext prints the text of
                # a cell spanning rows where its middle is): no break in the row before
                continue
            # A label only anchors what follows it: raw pdftotext prints labels before the
            # values of earlier rows, so a label never moves the pointer on its own.
            last = None
            if not _heads_group_of(piece, wrapped, group_rows):
                wrapped = None  # (the group label repeated on the label's second line keeps it)
            if piece.kind == "row":
                if first_label[piece.ordinal] is None:
                    first_label[piece.ordinal] = piece
                stacked.append(piece.ordinal)
            continue
        chunk = piece
        above, stacked = stacked, []
        anchored = _anchored_row(chunk.anchor, group_rows, glued)
        if _all_blank(chunk.tokens) or (
            line_rows
            and (chunk.anchor is None or chunk.anchor.kind != "row")
            and _marks_only(text, chunk.tokens)
        ):
            # blank cells count only as the row their own row label names
            row_label = chunk.anchor is not None and chunk.anchor.kind == "row"
            if row_label and anchored is not None and rows[anchored] is None and anchored >= p:
                rows[anchored] = list(chunk.tokens)
                p = anchored + 1
                if line_rows and chunk.anchor is not None:
                    wrapped = (anchored, chunk.anchor)
            continue
        if (
            wrapped is not None
            and (chunk.anchor is wrapped[1] or _heads_group_of(chunk.anchor, wrapped, group_rows))
            and not _all_blank(chunk.tokens)
            and (cells_at := _label_goes_on(text, spec.rows[wrapped[0]].label, wrapped[1], chunk))
            is not None
        ):
            # |1、申请人无正当理由逾期不补|||||||| then |正、行政机关不再处理…|67|3|…: the
            # label's line held no value, the line that ends the label holds the row's
            # (as many values as cells, or, blank cells explicit, a full row of cells)
            own = [t for t in chunk.tokens if t.start >= cells_at]
            width = widths[wrapped[0]]
            if sum(1 for t in own if not t.blank) == width or (exact_blanks and len(own) == width):
                rows[wrapped[0]] = own
                last, wrapped = wrapped[0], None
                continue
        wrapped = None
        # a short row continued on the next line (values split over lines, an annotated
        # cell pushed out of its row); only line layouts and glued text split rows so
        if (
            last is not None
            and (line_rows or not exact_blanks or (gaps and not _any_blank(rows[last])))
            and rows[last] is not None
            and len(rows[last] or ()) + len(chunk.tokens) <= widths[last]
            and (
                # markitdown splits a row over two lines of one table block, never more
                _one_block(text, [*(rows[last] or ()), *chunk.tokens])
                if layout is Layout.PIPED_WORDS
                # markdown rows: only onto the next line (not past the lines of a label
                # printed round its values, as markitdown does)
                else layout is not Layout.PIPES
                or chunk.tokens[0].line - max(t.line for t in rows[last] or ()) <= 1
            )
        ):
            joined = [*(rows[last] or ()), *chunk.tokens]
            rows[last] = _in_column_order(text, joined) if layout is Layout.PIPED_WORDS else joined
            continue
        own_label = chunk.anchor is not None and chunk.anchor.kind == "row"
        if (
            line_rows
            and last is not None
            and (not own_label or anchored == last)
            and (merged := _one_row(text, rows[last], chunk.tokens, spec.rows[last], layout))
        ):
            rows[last] = merged  # the rest of the row before, a line below it
            continue
        if (
            line_rows
            and own_label
            and anchored is not None
            and unowned[anchored]
            and (
                merged := _one_row(text, rows[anchored], chunk.tokens, spec.rows[anchored], layout)
            )
        ):
            # the values printed a line above their label's line, that a row of values
            # with no label of its own took: the two lines are the labelled row's
            rows[anchored] = merged
            unowned[anchored] = False
            last = anchored
            p = max(p, anchored + 1)
            continue
        if (
            own_label
            and anchored is not None
            and anchored in waiting
            and waiting[anchored] == sum(1 for t in chunk.tokens if not t.blank)
        ):
            del waiting[anchored]
            rows[anchored] = [*(rows[anchored] or ()), *(t for t in chunk.tokens if not t.blank)]
            last = anchored
            p = max(p, anchored + 1)
            continue
        # a few values on a line of their own, with no label, that took the row before its
        # label's line came (a page number alone on its line: - 3 - without its dashes), in
        # PDF text of a row a line (aligned words, tabs); not in markdown tables, which
        # markitdown fills with rows' values above their labels
        stray = (
            anchored is not None
            and unowned[anchored]
            and layout in _ROW_A_LINE
            and _short(rows[anchored], widths[anchored])
        )
        if anchored is not None and (
            (rows[anchored] is None and anchored >= p)
            or ((undecided[anchored] or provisional[anchored]) and own_label)
            or (
                (guessed[anchored] or stray)
                and own_label
                and sum(1 for t in chunk.tokens if not t.blank) == widths[anchored]
            )
        ):
            # the row its label names; an undecidable row is only a placeholder, which the
            # values printed under the row's own label take back, and so is a row filled
            # from an unknown row's line (its values fit no row of the template), or from
            # a few values that came after no label of the row's, when the row's own line
            # holds a whole row: those values are reported, not the row's
            target = anchored
            if provisional[anchored] or guessed[anchored] or stray:
                extra.extend(t for t in rows[anchored] or () if not t.blank)
                provisional[anchored] = guessed[anchored] = unowned[anchored] = False
            rows[target] = None
            undecided[target] = False
            repeated: str | None = None
        else:
            target = next_free(p)
            # the label of a row filled already (a line printed twice, a label misread as
            # another row's; its key kept for the note): its values go to the next free
            # row, which that row's own label, if it comes with a whole row, takes back
            repeated = (
                chunk.anchor.key
                if chunk.anchor is not None
                and own_label
                and anchored is not None
                and rows[anchored] is not None
                and chunk.anchor is not first_label[anchored]
                else None
            )
        runs: list[_Run] = (
            _transpose(
                text,
                chunk,
                widths[min(target, n - 1)],
                layout in (Layout.GAPS, Layout.RAW),
                sums_apart,
            )
            if layout in (Layout.CELL_LINES, Layout.GAPS, Layout.RAW)
            else [(list(chunk.tokens), "rows")]
        )
        if target == anchored and len(above) > 1:
            # the values printed row by row before any block printed column by column
            lead = runs[0][0] if runs[0][1] == "rows" else []
            target = _stacked_start(above, anchored, lead, rows, widths, p)
        if runs[0][1] != "rows" and anchored is not None:
            # a block printed column by column: its label may name any of its rows
            k = sum(1 for _ in itertools.takewhile(lambda r: r[1] != "rows", runs))
            first = next_free(p)
            if first <= anchored < first + k:
                target = first
        if glued and chunk.anchor is not None and target == anchored:
            # text in one line prints every row's values right after its own label: what
            # follows a row label is that row's, however many runs (a stray space may cut
            # a number in two), up to label-like words (a row the agency added, or a label
            # no pattern knew): the values after them fill the next rows provisionally,
            # for their own labels, if they come, to take back
            parts = _parts_by_label_words(text, chunk.tokens)
            rows[target] = parts[0]
            last, p = target, target + 1
            for part in parts[1:]:
                target = next_free(p)
                if target >= n:
                    extra.extend(t for t in part if not t.blank)
                    continue
                rows[target] = part
                provisional[target] = True
                last, p = target, target + 1
            continue
        for tokens, how in runs:
            if how == "uneven":
                target = next_free(target)
                if target < n:
                    rows[target] = tokens
                    undecided[target] = True
                    p = target + 1
                continue
            is_block = how == "block"
            if (
                line_rows
                and how == "rows"
                and (cut := _rows_by_runs(text, tokens, target, widths, next_free))
            ):
                # whole rows on one line, each run of values a row, text between them
                # (one-line text read by its spaces: a row label lost to a typo); a row
                # the agency added is as likely, so the row's own label, if it comes,
                # takes its row back
                for row_index, part in cut:
                    if row_index < 0:
                        extra.extend(part)
                        continue
                    rows[row_index] = part
                    unowned[row_index] = not own_label or row_index != anchored
                    provisional[row_index] = row_index != anchored
                    last, p = row_index, row_index + 1
                continue
            if line_rows:
                target = next_free(target)
                if target < n:
                    rows[target] = _trim(tokens, widths[target])
                    transposed[target] = is_block
                    # (the first value: a tab row's empty first cell is before the label)
                    head = next((t for t in tokens if not t.blank), tokens[0])
                    provisional[target] = target != anchored and (
                        repeated is not None or _unknown_label(text, chunk.anchor, head)
                    )
                    if repeated is not None and target != anchored:
                        repeats[target] = repeated
                    unowned[target] = not own_label or target != anchored
                    last = target
                    p = target + 1
                    target += 1
                else:
                    extra.extend(t for t in tokens if not t.blank)
                continue
            if how == "rows" and gaps and not _divides(tokens, target, widths, next_free):
                # rows parted by text no pattern knew (a row the agency added), each
                # ending in the empty lines of the next row's merged label cells; values
                # after such text that fill no row whole are reported, not guessed at
                whole, rest = _whole_rows_by_run(tokens, target, widths, next_free)
                if whole:
                    tokens = whole
                    extra.extend(t for t in rest if not t.blank)
            if how == "rows" and not _divides(tokens, target, widths, next_free):
                values = [t for t in tokens if not t.blank]
                cut = (
                    _cut_by_label(values, next_free(target), widths, next_free, pieces, index)
                    if layout in (Layout.GAPS, Layout.RAW) or sums_apart
                    else None
                )
                if cut is not None and sums_apart and not all(
                    _adds_up_by_rows([_int_of(text, t) for t in part], 1, widths[row_index])
                    for row_index, part in cut[:-1]
                ):
                    cut = None  # (one value per line, no gaps: only rows that add up)
                if cut is not None:
                    # whole rows, then the first values of a row whose own label follows
                    # with exactly the rest (pdftotext printed that label in its middle)
                    for row_index, part in cut:
                        rows[row_index] = part
                        p = row_index + 1
                    k, part = cut[-1]
                    if len(part) < widths[k]:
                        waiting[k] = widths[k] - len(part)
                    else:
                        last = k
                    continue
                # more values than one row, not a whole number of rows: which belong to
                # which row cannot be told (empty cells that printed nothing)
                while values:
                    target = next_free(target)
                    if target >= n:
                        extra.extend(values)
                        break
                    rows[target] = values[: widths[target]]
                    undecided[target] = True
                    values = values[widths[target] :]
                    p = target + 1
                continue
            while tokens:
                target = next_free(target)
                if target >= n:
                    extra.extend(t for t in tokens if not t.blank)
                    break
                w = widths[target]
                take, tokens = tokens[:w], tokens[w:]
                if _all_blank(take) and not is_block:
                    break  # trailing blanks (a merged 4th cell, say) belong to no row
                rows[target] = _trim(take, w)
                transposed[target] = is_block
                guessed[target] = target != anchored and len(take) < w
                # a whole row after other text than a label (a row the agency added, or
                # a label no pattern knew), within the chunk or between the chunk's label
                # and its first value: its own label, if it comes, takes it back (not a
                # block of raw pdftotext's table 三 printed column by column, whose labels
                # print after it)
                provisional[target] = (
                    target != anchored
                    and not (labels_apart and is_block)
                    and (
                        repeated is not None
                        or take[0].run != chunk.tokens[0].run
                        or (
                            take[0] is chunk.tokens[0]
                            and chunk.anchor is not None
                            and _label_words(text, chunk.anchor.end, take[0].start)
                        )
                    )
                )
                if repeated is not None and target != anchored:
                    repeats[target] = repeated
                last = target
                p = target + 1
                if tokens and _all_blank(tokens):
                    break
    missed = [
        Note(
            "missed-label",
            "no label was recognised for this row; the values after text no pattern knew "
            "(its label misspelt or worded otherwise, or a row the template does not "
            "have) were read as this row's, in template order",
            toks[0].start,
            toks[-1].end,
            row=spec.rows[i].key,
        )
        for i, toks in enumerate(rows)
        if provisional[i] and toks and first_label[i] is None and i not in repeats
    ]
    missed.extend(
        Note(
            "missed-label",
            f"no label was recognised for this row; the values after a second label of "
            f"row {key} (filled already: a line printed twice, or this row's label misread) "
            "were read as this row's, in template order",
            toks[0].start,
            toks[-1].end,
            row=spec.rows[i].key,
        )
        for i, key in repeats.items()
        if provisional[i] and (toks := rows[i]) and first_label[i] is None
    )
    if not any(undecided):
        # a row whose label is printed but which holds no value is a row of blank cells
        # (unless values went to rows that could not be told apart: then it is unknown)
        for i, lab in enumerate(first_label):
            if rows[i] is None and lab is not None:
                rows[i] = [Token(lab.end, lab.end, -1, blank=True)] * widths[i]
                transposed[i] = False
    reads = tuple(
        None
        if toks is None
        else RowRead(
            tuple(toks),
            exact_blanks or _all_blank(toks) or (shown_blanks and _any_blank(toks)),
            transposed[i],
            undecided[i],
        )
        for i, toks in enumerate(rows)
    )
    notes_out = [*notes, *missed]
    for t in extra:
        notes_out.append(
            Note("unplaced-value", "a value that fits no row of the table", t.start, t.end)
        )
    return TableRead(spec, reads, tuple(first_label), layout, tuple(notes_out), tuple(extra))


#: Layouts of PDF text that print a row a line after its label, where a line of values
#: with no label before the row's own line is not the row's.
_ROW_A_LINE: Final = frozenset({Layout.WORDS, Layout.TABS})


def _short(tokens: list[Token] | None, width: int) -> bool:
    """Whether a row's tokens hold fewer values than its cells."""
    return sum(1 for t in tokens or () if not t.blank) < width


def _one_row(
    text: str, first: list[Token] | None, then: tuple[Token, ...], row: RowSpec, layout: Layout
) -> list[Token] | None:
    """The row that two lines of one row's values make, or None: a row's values and its
    label with a value written with words (减1件) round to different heights in markitdown's
    tables, a line apart.  In `Layout.PIPED_WORDS`, two lines of one table block whose
    values together are the row's (in the block's column order), or a line of plain
    numbers with no ``|`` next to it (too few words for a table row): there the worded
    values go to the one column of their kind (增/减: a change; 元: an amount) and the
    numbers, in order, to the rest.  Where blank cells are kept: the same with the values
    of a row and such a line; or two full rows of cells, no cell filled in both
    (``| 294 |  | 0 |`` and ``| 其他… |  | 减1件 |  |``)."""
    width = len(row.columns)
    if not first:
        return None
    if layout is Layout.PIPED_WORDS:
        tokens = [*first, *then]
        if len(tokens) != width:
            return None
        if _one_block(text, tokens):
            return _in_column_order(text, tokens)
        return _by_kind(text, tokens, row)
    if not layout.exact_blanks:
        return None
    filled = [t for t in (*first, *then) if not t.blank]
    if len(filled) == width and (placed := _by_kind(text, filled, row)) is not None:
        return placed  # `| 行政事业性收费 |  | 增318件 |` then `415` (markitdown, no shared cell)
    then = tuple(_trim(list(then), width))
    if len(first) != width or len(then) != width:
        return None
    if any(not a.blank and not b.blank for a, b in zip(first, then, strict=True)):
        return None
    if _all_blank(first) or _all_blank(then):
        return None
    return [b if a.blank else a for a, b in zip(first, then, strict=True)]


def _by_kind(text: str, tokens: list[Token], row: RowSpec) -> list[Token] | None:
    """`tokens` of two adjacent lines, one of them with no ``|`` (`_one_row`), placed by
    kind: each worded value in the one column of its kind, the plain numbers in order in
    the others; None unless every worded value has exactly one such column."""
    lines = {t.line for t in tokens}
    if len(lines) != 2 or max(lines) - min(lines) != 1:
        return None
    if all(_in_pipe_row(text, t.start) for t in tokens):
        return None  # two table rows of different blocks: `_one_block` decides those
    out: list[Token | None] = [None] * len(row.columns)
    plain = []
    for t in tokens:
        word = text[t.start : t.end]
        kind = "change" if ("增" in word or "减" in word) else "money" if "元" in word else None
        if kind is None:
            plain.append(t)
            continue
        slots = [i for i, c in enumerate(row.columns) if c.kind == kind and out[i] is None]
        if len(slots) != 1:
            return None
        out[slots[0]] = t
    if not plain or len(plain) == len(tokens):
        return None  # nothing worded, or only worded values: no order to go by
    rest = iter(plain)
    return [t if t is not None else next(rest) for t in out]


def _in_column_order(text: str, tokens: list[Token]) -> list[Token]:
    """A row's `tokens` from two lines of one markitdown table block (`_one_block`), which
    puts each column at the same place on every line: in the order of those places (of
    their cells, then of the places within them: the cells' padding may be gone)."""

    def place(t: Token) -> tuple[int, int]:
        a = text.rfind("\n", 0, t.start) + 1
        return text.count("|", a, t.start), t.start - a

    return sorted(tokens, key=place)


def _one_block(text: str, tokens: list[Token]) -> bool:
    """Whether `tokens` lie on two lines or one, next to each other (but for a table rule)
    and with their ``|`` at the same places: one markdown table block, padded to one set
    of widths; or, where neither line is padded (its white space collapsed: no two
    spaces together), with as many ``|``."""
    if not tokens or max(t.line for t in tokens) - min(t.line for t in tokens) > 1:
        return False
    shapes = set()
    lines = set()
    for t in tokens:
        a = text.rfind("\n", 0, t.start) + 1
        b = text.find("\n", t.start)
        line = text[a : b if b >= 0 else len(text)]
        lines.add(line)
        shapes.add(tuple(i for i, c in enumerate(line) if c == "|"))
    if len(shapes) == 1:
        return bool(next(iter(shapes)))
    counts = {len(shape) for shape in shapes}
    return len(counts) == 1 and 0 not in counts and not any("  " in line for line in lines)


def _heads_group_of(
    label: LabelHit | None, wrapped: tuple[int, LabelHit] | None, group_rows: dict[int, tuple[int, int]]
) -> bool:
    """Whether `label` is the group label of the `wrapped` row's group."""
    if label is None or wrapped is None or label.kind != "group":
        return False
    first, last = group_rows.get(label.ordinal, (-1, -1))
    return first <= wrapped[0] <= last


def _label_goes_on(text: str, label: str, hit: LabelHit, chunk: _Chunk) -> int | None:
    """Where the row's cells start, when the text before the chunk's first value on its line
    (after its group label, when that is repeated there) goes on from the line of `hit`
    within the template's `label`: the label's line and this text, one after the other, are
    part of the label (the label wrapped over two table rows).  None when it does not."""
    first = next(t for t in chunk.tokens if not t.blank)
    start = text.rfind("\n", 0, first.start) + 1
    if chunk.anchor is not None and chunk.anchor is not hit:
        start = max(start, chunk.anchor.end)
    # the last cell before the values (a broken group label may fill the cells before it)
    before = text[start : first.start]
    cells = [c for c in _CELL_SEP.split(before) if c.strip()]
    if not cells:
        return None
    loose = "".join(_HAN.findall(cells[-1]))
    hit_end = text.find("\n", hit.start)
    head = "".join(_HAN.findall(text, hit.start, hit_end if hit_end >= 0 else len(text)))
    if len(loose) < 2 or head + loose not in "".join(_HAN.findall(label)):
        return None
    return start + before.rfind(cells[-1]) + len(cells[-1])


def _unknown_label(text: str, anchor: LabelHit | None, first: Token) -> bool:
    """Whether text that is neither a cell nor a known label comes before `first` on its
    line: the label of a row the template does not have."""
    line_start = text.rfind("\n", 0, first.start) + 1
    start = anchor.end if anchor is not None and anchor.end > line_start else line_start
    return bool(text[start : first.start].strip(" \t|:" + QUOTES))


def _divides(
    tokens: list[Token], start: int, widths: list[int], next_free: Callable[[int], int]
) -> bool:
    """Whether `tokens` fill one short row, or whole rows from `start` on exactly."""
    toks = list(tokens)
    while toks and toks[-1].blank:
        toks.pop()
    target = next_free(start)
    if target >= len(widths) or len(toks) <= widths[target]:
        return True
    count = 0
    while count < len(toks) and target < len(widths):
        count += widths[target]
        target = next_free(target + 1)
    return count == len(toks)


def _parts_by_label_words(text: str, tokens: Sequence[Token]) -> list[list[Token]]:
    """`tokens` cut where label-like words (`_label_words`) stand between two of them."""
    parts = [[tokens[0]]]
    for prev, token in itertools.pairwise(tokens):
        if _label_words(text, prev.end, token.start):
            parts.append([])
        parts[-1].append(token)
    return parts


def _whole_rows_by_run(
    tokens: list[Token], start: int, widths: list[int], next_free: Callable[[int], int]
) -> tuple[list[Token], list[Token]]:
    """`tokens` as the runs of cells not parted by other text that are each exactly the
    next free row's cells (from `start` on), without the blank cells ending each run, and
    the tokens from the first run that is not.  (A Word table's text export prints a
    row's merged label cells as empty lines before its label: before a label no pattern
    knows, they end the run.)"""
    out: list[Token] = []
    target = next_free(start)
    runs = [list(run) for _, run in itertools.groupby(tokens, _RUN)]
    for i, cells in enumerate(runs):
        whole = cells[:]
        while whole and whole[-1].blank:
            whole.pop()
        if target >= len(widths) or len(whole) != widths[target]:
            return out, [t for run in runs[i:] for t in run]
        out += whole
        target = next_free(target + 1)
    return out, []


def _rows_by_runs(
    text: str,
    tokens: list[Token],
    start: int,
    widths: list[int],
    next_free: Callable[[int], int],
) -> list[tuple[int, list[Token]]] | None:
    """`tokens` of one line cut into rows from `start` on, where words (a row label no
    pattern knew: `_label_words`) stand between runs of values, each run at most the
    next free row's cells; None otherwise (no such words, words between every two values,
    or a run too long for its row).  A run short of its row's cells is one of text whose
    blank cells print nothing (``2.重复申请 0 3.求提供公开出版物 27 27``).  A later run of
    one value is no row's (row ``-1``, to be reported): a number between words is as
    likely prose as a row whose other cells are blank, and joined to the run before it
    would be a cell too many for its row, or fill it wrongly."""
    target = next_free(start)
    if (
        target >= len(widths)
        or len(tokens) < 3
        or _HAN.search(text, tokens[0].end, tokens[-1].start) is None
        or any(t.blank for t in tokens)
    ):
        return None  # (nearly every line: one row's values, nothing between them)
    cuts = [
        k for k in range(1, len(tokens)) if _label_words(text, tokens[k - 1].end, tokens[k].start)
    ]
    if len(cuts) in (0, len(tokens) - 1):
        return None  # no words between values, or a value between every two: prose
    out: list[tuple[int, list[Token]]] = []
    for i, j in itertools.pairwise((0, *cuts, len(tokens))):
        if i and j - i < 2:
            out.append((-1, tokens[i:j]))
            continue
        if target >= len(widths) or j - i > widths[target]:
            return None
        out.append((target, tokens[i:j]))
        target = next_free(target + 1)
    return out


def _cut_by_label(
    values: list[Token],
    start: int,
    widths: list[int],
    next_free: Callable[[int], int],
    pieces: list[LabelHit | _Chunk],
    index: int,
) -> list[tuple[int, list[Token]]] | None:
    """`values` as whole rows from `start`, then the first values of one more row, when
    that row's own label comes next (other labels aside) followed by exactly the values
    it still lacks; else ``None`` (which row lacks a value cannot be told)."""
    out: list[tuple[int, list[Token]]] = []
    target = start
    rest = values
    while target < len(widths) and len(rest) >= widths[target]:
        out.append((target, rest[: widths[target]]))
        rest = rest[widths[target] :]
        target = next_free(target + 1)
    if not rest or target >= len(widths):
        return None
    need = widths[target] - len(rest)
    after = index + 1
    while after < len(pieces):
        piece = pieces[after]
        after += 1
        if not isinstance(piece, LabelHit):
            return None  # values before the row's label: not the row's rest
        if piece.kind == "row" and piece.ordinal == target:
            break
    else:
        return None
    chunk = pieces[after] if after < len(pieces) else None
    if not isinstance(chunk, _Chunk) or sum(1 for t in chunk.tokens if not t.blank) != need:
        return None
    return [*out, (target, rest)]


def _any_blank(tokens: list[Token] | None) -> bool:
    return tokens is not None and any(map(_BLANK, tokens))


def _group_rows(spec: TableSpec) -> dict[int, tuple[int, int]]:
    """For each label that heads rows, the indices of its first and last rows: a table-二
    caption (第二十条第（五）项) its sub-table's, a group label of table 三 (``group.denied``:
    （三）不予公开) its group's; ``group.results`` (三、本年度办理结果) runs from
    （一）予以公开 to （七）总计."""
    keys = [r.key for r in spec.rows]
    out: dict[int, tuple[int, int]] = {}
    for i, lab in enumerate(spec.labels):
        if lab.caption_of:
            members = [k for k, r in enumerate(spec.rows) if r.group == lab.caption_of]
        elif lab.key == "group.results" and "total" in keys and "granted" in keys:
            members = [keys.index("granted"), keys.index("total")]
        elif lab.key.startswith("group."):
            group = lab.key.removeprefix("group.")
            members = [k for k, key in enumerate(keys) if key.startswith(group + ".")]
        else:
            continue
        if members:
            out[i] = (members[0], members[-1])
    return out


#: `_group_rows` of each table variant (rows and labels are the variant's, whatever units
#: a report's header gives its columns).
_GROUP_ROWS: Final[dict[tuple[str, str], dict[int, tuple[int, int]]]] = {
    (name, variant): _group_rows(spec)
    for name, variants in TABLES.items()
    for variant, spec in variants.items()
}


def _stacked_start(
    above: list[int],
    anchored: int,
    tokens: list[Token],
    rows: list[list[Token] | None],
    widths: list[int],
    p: int,
) -> int:
    """The first row of the values after a stack of row labels.

    Raw pdftotext prints the labels of neighbouring rows one after another when they
    share a text block (``（一）予以公开`` ``（二）部分公开…``), then the values of all of
    them, row after row.  When the values are exactly as many as the stacked rows hold,
    they start at the stack's first row; otherwise they are the last label's (the rows
    above printed nothing: blank cells).
    """
    if len(above) < 2 or above[-1] != anchored:
        return anchored
    first = anchored
    for ordinal in reversed(above[:-1]):
        if ordinal != first - 1 or ordinal < p or rows[ordinal] is not None:
            break
        first = ordinal
    if first == anchored:
        return anchored
    values = sum(1 for t in tokens if not t.blank)
    return first if values == sum(widths[first : anchored + 1]) else anchored


def _anchored_row(
    anchor: LabelHit | None, group_rows: dict[int, tuple[int, int]], glued: bool
) -> int | None:
    """The row a label names: a row label its row, a caption its sub-table's first row; in
    text in one line also a group label its group's first row (values right after
    （四）无法提供 are row 1's, whose own label was not recognised)."""
    if anchor is None:
        return None
    if anchor.kind == "row":
        return anchor.ordinal
    if anchor.kind == "caption" or glued:
        return group_rows.get(anchor.ordinal, (None, None))[0]
    return None


def _trim(tokens: list[Token], width: int) -> list[Token]:
    """Drop blank cells at the ends of a row that is longer than the template row
    (merged label cells and trailing empty cells of a tab or markdown row)."""
    toks = list(tokens)
    while len(toks) > width and toks[-1].blank:
        toks.pop()
    while len(toks) > width and toks[0].blank:
        toks.pop(0)
    return toks

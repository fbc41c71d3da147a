"""Stage 0 for web pages: HTML -> `HtmlText` (the report's text, tables as exact rows).

Flattening a page to text loses what makes its tables exact: where each cell is.  Here
each ``<table>`` is read as its real rows of real cells (rowspan and colspan kept as the
page has them), a cell's text is joined across the ``<span>``/``<font>`` pieces Word emits
(``20</span><span>23`` is ``2023``), and ``&nbsp;`` or ``<o:p> </o:p>`` is an empty cell.
Each row becomes one line of tab-separated cells, each real cell once: the layout the
grid stage reads with every blank in place (`_grid.Layout.TABS`).

The report is found inside a crawled page as the lowest element holding its first and
last section headings, so site navigation, scripts, share buttons and footers are left
out; its text is taken in reading order, block by block.

Every cell of the text is mapped back to its place in the page: the table, row and column
(in the expanded grid) and the source line of its ``<td>``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final, NamedTuple, TypeAlias

from ._model import GridRef

if TYPE_CHECKING:
    from lxml.html import HtmlElement as LxmlElement

    from ._html_tree import Element

    #: An element of lxml's tree, or of the standard library's (`_html_tree`).
    HtmlElement: TypeAlias = LxmlElement | Element

#: Elements whose content is never part of a report (``rt`` and ``rp``: the pinyin a
#: site's reading aid sets over each character, ``<ruby>據<rp>(</rp><rt>jù</rt><rp>)</rp></ruby>``).
_SKIP: Final = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "iframe", "svg", "canvas", "button",
     "select", "option", "textarea", "input", "object", "embed", "map", "rt", "rp"}
)
#: Elements that end a line of text.
_BLOCK: Final = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
     "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "form",
     "fieldset", "address", "figure", "figcaption", "center", "hr", "ucapcontent"}
)
_SPACE: Final = re.compile(r"[ \t\r\n\u00a0\u3000\u200b]+")
_FIRST: Final = re.compile(r"一\s*[、.,，]\s*总\s*体\s*情\s*况")
_LAST: Final = re.compile(r"六\s*[、.,，][^。；\n]{0,12}?事\s*项")


class HtmlText(NamedTuple):
    """The report's text as the pipeline reads it, and where its cells are in the page."""

    text: str
    cells: tuple[tuple[int, int, GridRef], ...]
    """(start, end, place) of every table cell's text in `text`, in order."""
    lines: tuple[tuple[int, int], ...] = ()
    """(offset, source line): from offset on, `text` comes from that line of the page on."""


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.cells: list[tuple[int, int, GridRef]] = []
        self.at_line_start = True
        self.owners: list[tuple[int, HtmlElement]] = []
        """(offset, element): from offset on, text comes from inside element."""
        self.lines: list[tuple[int, int]] = []
        """(offset, source line): from offset on, text comes from that line on."""

    def own(self, el: HtmlElement) -> None:
        self.owners.append((self.length, el))

    def at_line(self, line: object) -> None:
        """The text written next comes from source line `line` (when it is known)."""
        if isinstance(line, int):
            self.lines.append((self.length, line))

    def write(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)
            self.at_line_start = s.endswith("\n")

    def newline(self) -> None:
        if not self.at_line_start:
            self.write("\n")

    def text(self) -> str:
        return "".join(self.parts)

    def source_lines(self) -> tuple[tuple[int, int], ...]:
        return tuple(self.lines)

    def result(self) -> HtmlText:
        return HtmlText(self.text(), tuple(self.cells), self.source_lines())


def html_to_text(html: str) -> HtmlText:
    """The report inside a page, as text with exact table rows (see the module docstring)."""
    doc = _parse(html)
    if doc is None:
        return HtmlText("", ())
    tables = _Tables(doc)
    body = next((c for c in doc if c.tag == "body"), None)
    top = body if body is not None else doc
    whole = _Writer()
    _render(top, whole, tables)
    root = _report_root(whole, top)
    if root is top:
        return whole.result()
    out = _Writer()
    # the page's <title> names the report (agency, year) where the content does not
    title_el = next(doc.iter("title"), None)
    title = _SPACE.sub(" ", (title_el.text if title_el is not None else None) or "").strip()
    if title and len(title) <= _TITLE_MAX and "<" not in title:  # else a broken </title>
        out.write(title + "\n")
    _render(root, out, tables)
    return out.result()


#: Word's downlevel-revealed conditional markers (``<![if !supportLists]>``, ``<![endif]>``)
#: around list bullets and the like: browsers ignore them, libxml2 keeps them as text.
_WORD_CONDITIONAL: Final = re.compile(r"<!\[(?:if\b[^\]>\n]{0,200}|endif)\]>", re.IGNORECASE)


#: An XHTML page's XML declaration (lxml refuses a `str` that declares an encoding).
_XML_DECLARATION: Final = re.compile(r"\A(\ufeff?[ \t\r\n]*+)<\?xml\b[^>\n]{0,200}\?>")


def _parse(html: str) -> HtmlElement | None:
    """The page's tree: lxml's where it is installed, else the standard library's;
    ``None`` for a page lxml finds empty or unparseable."""
    html = _XML_DECLARATION.sub(r"\1", html)  # within its line: source lines stay
    if "<![" in html:
        html = _WORD_CONDITIONAL.sub("", html)
    try:
        import lxml.html
    except ImportError:
        from ._html_tree import parse_page

        return parse_page(html)
    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):  # empty or unparseable page
        return None


def _report_root(whole: _Writer, top: HtmlElement) -> HtmlElement:
    """The lowest element holding both the first and the last section heading, found in
    the text of the whole page (the page's chrome lies outside it)."""
    text = whole.text()
    first = _FIRST.search(text)
    lasts = list(_LAST.finditer(text, first.end())) if first else []
    last = lasts[-1] if lasts else None
    if first is None or last is None or not whole.owners:
        return top  # (no element owns any text: the page's text is the body's own)
    offsets = [o for o, _ in whole.owners]
    a = whole.owners[max(0, bisect.bisect_right(offsets, first.start()) - 1)][1]
    b = whole.owners[max(0, bisect.bisect_right(offsets, last.start()) - 1)][1]
    chain = [a, *a.iterancestors()]  # kept alive while their ids are compared
    ancestors = {id(x) for x in chain}
    node: HtmlElement | None = b
    while node is not None and id(node) not in ancestors:
        node = node.getparent()
    return node if node is not None else top


def _render(el: HtmlElement, out: _Writer, tables: _Tables) -> None:
    # a comment or processing instruction (lxml's tree has them: tag is no string) is not
    # text either, an unclosed comment holding the rest of the page included
    tag = el.tag if isinstance(el.tag, str) else None
    if tag is None or tag in _SKIP:
        if el.tail:
            out.at_line(_tail_line(el))
            out.write(_inline(el.tail))
        return
    grid = tables.grid(el) if tag == "table" else None
    if grid is not None and not grid.layout:
        out.newline()
        _write_grid(grid, out, tables.index.get(id(el), -1))
        out.newline()
    else:
        block = tag in _BLOCK or tag in ("table", "tr", "td", "th", "tbody", "thead")
        if block or tag == "br":
            out.newline()
        if block:
            out.own(el)
            out.at_line(el.sourceline)
        if el.text and tag != "br":
            out.at_line(_text_line(el))
            out.write(_inline(el.text))
        for child in el:
            _render(child, out, tables)
        if block:
            out.newline()
            parent = el.getparent()
            if parent is not None:
                out.own(parent)
    if el.tail:
        out.at_line(_tail_line(el))
        out.write(_inline(el.tail))


def _text_line(el: HtmlElement) -> object:
    """The source line an element's text starts on: the standard library's tree knows it,
    lxml's gives the element's own line."""
    return getattr(el, "text_line", None) or el.sourceline


def _tail_line(el: HtmlElement) -> object:
    """The source line the text after an element starts on: known in the standard
    library's tree; with lxml, the element's own line (the tail comes after it)."""
    return getattr(el, "tail_line", None) or el.sourceline


def _inline(s: str) -> str:
    return _SPACE.sub(" ", s)


#: A page title is one short line; a longer "title" is a page whose </title> is broken.
_TITLE_MAX: Final = 200

#: A cell holding more text than this is prose: its table lays out a page, it is no data.
_PROSE_CELL: Final = 300


class _Grid(NamedTuple):
    """A table read once (a page is rendered twice: whole, then the report's part)."""

    layout: bool
    """A table used for page layout (it holds other tables, or prose), not data."""
    rows: tuple[tuple[tuple[int, str, int | None], ...], ...] = ()
    """Per row, its real cells: (grid column, text without spaces, source line)."""


class _Tables:
    """The page's tables: their index in document order and each one's `_Grid`."""

    def __init__(self, doc: HtmlElement) -> None:
        # lxml makes element proxies on demand: the list keeps them alive, so that the ids
        # the maps are keyed by stay theirs
        self.elements = list(doc.iter("table"))
        self.index = {id(t): i for i, t in enumerate(self.elements)}
        self.grids: dict[int, _Grid] = {}

    def grid(self, table: HtmlElement) -> _Grid:
        grid = self.grids.get(id(table))
        if grid is None:
            grid = self.grids[id(table)] = _read_grid(table)
        return grid


def _rows(table: HtmlElement) -> Iterator[HtmlElement]:
    """The table's own rows (not those of tables nested in its cells)."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (r for r in child if isinstance(r.tag, str) and r.tag == "tr")


def _read_grid(table: HtmlElement) -> _Grid:
    """The table's rows of real cells, each with its column in the grid (rowspan and
    colspan expanded); or a layout table (nested tables, or a cell of prose)."""
    if next(table.iterdescendants("table"), None) is not None:
        return _Grid(True)
    rows: list[tuple[tuple[int, str, int | None], ...]] = []
    taken: dict[int, int] = {}  # grid column -> rows it is still covered by a rowspan
    # text that is never the report's inside the cells (a reading aid's pinyin, a script)?
    hidden = next(table.iterdescendants(*_SKIP), None) is not None
    for row in _rows(table):
        cells: list[tuple[int, str, int | None]] = []
        col = 0
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            content = _visible_text(cell) if hidden else cell.text_content()
            if len(content) > _PROSE_CELL:
                return _Grid(True)
            while taken.get(col, 0) > 0:
                col += 1
            span = _int(cell.get("colspan"))
            down = _int(cell.get("rowspan"))
            line = cell.sourceline if isinstance(cell.sourceline, int) else None
            cells.append((col, _SPACE.sub("", content), line))
            if down > 1:
                for c in range(col, col + span):
                    taken[c] = down
            col += span
        rows.append(tuple(cells))
        for c in list(taken):
            taken[c] -= 1
            if taken[c] <= 0:
                del taken[c]
    return _Grid(False, tuple(rows))


def _visible_text(el: HtmlElement) -> str:
    """The text of an element and its descendants, as `text_content` gives it, without
    that of the elements never part of a report (`_SKIP`) or of comments.  (A loop, not
    recursion: hostile markup may nest elements thousands deep.)"""
    parts: list[str] = []
    stack: list[HtmlElement | str] = [el]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item is not el and item.tail:
            stack.append(item.tail)  # after the children: pushed first, popped last
        if not isinstance(item.tag, str) or (item is not el and item.tag in _SKIP):
            continue
        if item.text:
            parts.append(item.text)
        stack.extend(reversed(list(item)))
    return "".join(parts)


def _write_grid(grid: _Grid, out: _Writer, index: int) -> None:
    """Each row on a line, its real cells separated by tabs; grid columns kept for each."""
    for r, row in enumerate(grid.rows):
        out.newline()
        for k, (col, text, line) in enumerate(row):
            if k:
                out.write("\t")
            start = out.length
            out.write(text)
            out.cells.append((start, out.length, GridRef(index, r, col, line)))
    out.newline()


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), 1000))  # a bound against absurd spans
    except ValueError:
        return 1

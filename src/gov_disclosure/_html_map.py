"""Positions of a report read from a web page, moved from its text back into the page.

`parse_html` runs the pipeline on the text `_html.html_to_text` makes of a page; the
spans that pipeline gives point into that text.  Here every table cell gets its place in
the page instead (`Cell.origin`, and a span at the source line of its ``<td>``); sections
and diagnostics keep a span only where it falls in a cell.
"""

from __future__ import annotations

import bisect

import attrs

# Imported only for its type: the map is built from `HtmlText`, which needs no lxml.
from ._html import HtmlText
from ._model import AnnualReport, Cell, Diagnostic, GridRef, Row, Section, Sections, Span, Table


class _Places:
    def __init__(self, page: HtmlText, html: str) -> None:
        self.starts = [c[0] for c in page.cells]
        self.cells = page.cells
        self.page_lines = page.lines
        self.offsets = [o for o, _ in page.lines]
        self.line_starts = [0]
        pos = html.find("\n")
        while pos >= 0:
            self.line_starts.append(pos + 1)
            pos = html.find("\n", pos + 1)

    def near(self, span: Span | None) -> Span | None:
        """The source line a stretch of the text came from, for text outside table cells."""
        if span is None:
            return None
        i = bisect.bisect_right(self.offsets, span.start) - 1
        if i < 0:
            return None
        return self.span(GridRef(-1, -1, -1, self.page_lines[i][1]))

    def ref(self, span: Span | None) -> GridRef | None:
        if span is None:
            return None
        i = bisect.bisect_right(self.starts, span.start) - 1
        if i < 0:
            return None
        start, end, ref = self.cells[i]
        return ref if start <= span.start <= max(end, start) else None

    def span(self, ref: GridRef | None) -> Span | None:
        if ref is None or ref.line is None or ref.line - 1 >= len(self.line_starts):
            return None
        offset = self.line_starts[ref.line - 1]
        return Span(offset, offset, ref.line, 1)


def relocate(report: AnnualReport, page: HtmlText, html: str) -> AnnualReport:
    """`report` with positions in the page instead of in the text made of it."""
    places = _Places(page, html)

    def cell(c: Cell) -> Cell:
        if c.span is None:  # a blank or absent cell: nothing to move
            return c
        ref = places.ref(c.span)
        span = places.span(ref) if ref is not None else places.near(c.span)
        return attrs.evolve(c, span=span, origin=ref)

    def row(r: Row) -> Row:
        return attrs.evolve(
            r, cells=tuple(map(cell, r.cells)), span=places.span(places.ref(r.span))
        )

    def table(t: Table) -> Table:
        return attrs.evolve(t, rows=tuple(row(r) for r in t.rows), span=None)

    def section(s: Section) -> Section:
        return attrs.evolve(s, span=None)

    def diagnostic(d: Diagnostic) -> Diagnostic:
        ref = places.ref(d.span)
        return attrs.evolve(d, span=places.span(ref) if ref is not None else places.near(d.span))

    return attrs.evolve(
        report,
        active=table(report.active),
        requests=table(report.requests),
        review=table(report.review),
        sections=Sections(*(section(s) for s in report.sections)),
        diagnostics=tuple(diagnostic(d) for d in report.diagnostics),
    )

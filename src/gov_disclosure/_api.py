"""The public entry point: `parse_report`, the composition of the pipeline's stages."""

from __future__ import annotations

import os
import re
from typing import Final

import attrs

from ._assemble import assemble
from ._errors import DiagnosticError, NotAReportError, StrictParseError
from ._files import read_report_file
from ._html_map import relocate
from ._model import AnnualReport, Diagnostic
from ._normalize import NormalizedText, has_doubled_breaks, normalize
from ._sections import split_sections


def parse_report(text: str, /, *, strict: bool = False) -> AnnualReport:
    """Parse the text of a 政府信息公开工作年度报告 into an `AnnualReport`.

    `text` is the whole report as extracted from a web page, Word file or PDF, in any of
    the layouts described in the documentation (pipes, tabs, one cell per line, blank-line
    separated cells, whitespace-aligned PDF text, markdown tables, glued cells, traditional
    characters with pinyin noise, page chrome before the title).

    Lenient by default: what could not be read is reported in `AnnualReport.diagnostics`.
    With ``strict=True``, error-level diagnostics raise one `StrictParseError` holding them all.

    Text whose tables are HTML markup (markdown from turndown or Jina Reader, which keep a
    table with merged cells so) is also read as a page (`parse_html`), and that reading
    kept where it has less to warn of: its cells then carry an `origin` in the page's
    grid, and their spans point at the source line of their ``<td>``, as `parse_html`'s do.
    Text whose every line break is doubled (CRLF text written out again in text mode) is
    also read with its breaks halved, and that reading kept unless the first is as good.

    Raises `TypeError` for anything but ``str`` (decode bytes first), `NotAReportError`
    when the text has no report structure, and with ``strict=True``, `StrictParseError`.

    >>> from gov_disclosure import example_text
    >>> report = parse_report(example_text())
    >>> report.template, report.year, report.agency
    ('2021', 2023, '洪泽区人民政府')
    >>> report.requests.cell("new_received", "total").value
    21
    >>> report.to_flat()["active.fees.amount_yuan"]     # 7730.28 万元, in 元
    Decimal('77302800.00')
    >>> print(*(d.code for d in report.findings if d.code.endswith("-failed")))
    check-d-failed check-d-failed
    """
    _require_str("parse_report", text)
    if _LOOKS_LIKE_HTML.match(text):
        return parse_html(text, strict=strict)  # a web page given by mistake: read as one
    norm = normalize(text)
    markup = "<t" in text and _RAW_TABLE.search(text) is not None
    doubled = has_doubled_breaks(text)
    try:
        report = assemble(norm, split_sections(norm))
    except NotAReportError:
        if markup:
            return parse_html(text, strict=strict)  # all of it may be in the markup
        if not doubled:
            raise
        norm = normalize(text, halve_breaks=True)  # (read with the breaks halved only)
        report = assemble(norm, split_sections(norm))
        doubled = False
    if doubled:
        # every line break doubled (CRLF text written out again in text mode, or read back
        # with universal newlines), or a Word file's text export that ends each paragraph
        # and cell with an empty line: read with the breaks halved too, and kept so unless
        # the reading as written is as good on every count (checks failed, warnings,
        # values): a doubled text's empty lines, read as they are, leave rows unread, or
        # set wrong values with fewer warnings, or more values with more warnings
        halved = normalize(text, halve_breaks=True)
        again = assemble(halved, split_sections(halved))
        if not _as_good(report, again):
            norm, report = halved, again
    if markup and _labels_in_markup(text, report):
        # markdown whose tables are HTML markup (turndown's, as Jina Reader and other
        # page-to-markdown tools use it, keeps a table with merged cells so): read as a
        # page too, and kept so where that reading has less to warn of (or as little, and
        # more values)
        page = parse_html(text)
        if _standing(page) < _standing(report):
            if strict:
                _raise_errors(normalize(text), page.diagnostics)
            return page
    if strict:
        _raise_errors(norm, report.diagnostics)
    return report


def _labels_in_markup(text: str, report: AnnualReport) -> bool:
    """Whether the first row label found of the report's tables lies inside a table's
    HTML markup (between a ``<table`` and its ``</table>``)."""
    span = next(
        (row.span for t in report.tables for row in t.rows if row.span is not None), None
    )
    if span is None:
        return False
    lowered = text[: span.start].lower()
    return lowered.rfind("<table") > lowered.rfind("</table")


def _standing(report: AnnualReport) -> tuple[int, int, int]:
    """A reading's failed checks (values the report's arithmetic says are wrong: a
    reading that sets them is worse than one that leaves cells unset), its warnings and
    errors, then how few of its cells hold a number: the lesser is the better reading."""
    failed = sum(1 for d in report.diagnostics if d.code.endswith("-failed"))
    warned = sum(1 for d in report.diagnostics if d.severity != "info")
    values = sum(1 for t in report.tables for row in t.rows for c in row.cells if c.is_number)
    return failed, warned, -values


def _as_good(one: AnnualReport, other: AnnualReport) -> bool:
    """Whether reading `one` is as good as `other` on every count of `_standing`."""
    return all(x <= y for x, y in zip(_standing(one), _standing(other), strict=True))


def _require_str(function: str, given: object) -> None:
    """Refuse a non-`str` argument (callers without type checking may pass anything)."""
    if not isinstance(given, str):
        hint = (
            " (decode it first, e.g. data.decode('utf-8'))"
            if isinstance(given, bytes | bytearray)
            else ""
        )
        raise TypeError(f"{function}() expects str, not {type(given).__name__!r}{hint}")


#: A web page: markup from its first visible characters on.
_LOOKS_LIKE_HTML: Final = re.compile(
    r"\A(?:\ufeff)?\s*+"
    r"(?:<\?xml\b[^>]{0,200}\?>\s*+)?"  # an XHTML page's XML declaration
    r"(?:<!--.*?-->\s*+)?<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


#: A table as HTML markup: ``<table …>`` and, soon after, a cell.
_RAW_TABLE: Final = re.compile(r"<table\b[^>]{0,2000}>[\s\S]{0,3000}?<t[dh]\b", re.IGNORECASE)


def parse_html(html: str, /, *, strict: bool = False) -> AnnualReport:
    """Parse a report published as a web page (a whole crawled page will do).

    Tables are read as the page's real grid of cells, so blank cells and merged label
    cells keep their places; the report is found inside the page, without its navigation,
    scripts or footers.  The result is the same `AnnualReport` as `parse_report` gives;
    each table cell's `Cell.origin` says where it is in the page, and its `Cell.span` points
    at the source line of its ``<td>``.

    Pages are parsed with lxml where it is installed (``pip install
    "gov-disclosure[html]"``: faster, and it repairs broken markup as browsers do), else
    with the standard library's `html.parser`.  Raises as `parse_report` does.

    >>> page = "<html><body><p>一、总体情况</p><p>正文</p><p>三、收到和处理政府信息公开申请情况</p>"
    >>> page += "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>2</td><td></td><td></td>"
    >>> page += "<td></td><td></td><td></td><td>2</td></tr></table><p>六、其他需要报告的事项</p><p>无</p>"
    >>> cell = parse_html(page + "</body></html>").requests.cell("new_received", "total")
    >>> cell.value, cell.origin.table, cell.origin.column
    (2, 0, 7)
    """
    _require_str("parse_html", html)
    from ._html import html_to_text  # on first use: most callers never read a page

    page = html_to_text(html)
    norm = normalize(page.text)
    report = relocate(assemble(norm, split_sections(norm)), page, html)
    if strict:
        _raise_errors(normalize(html), report.diagnostics)
    return report


def parse_file(path: str | os.PathLike[str], /, *, strict: bool = False) -> AnnualReport:
    """Read a report file and parse it.

    The encoding is detected (a byte-order mark; UTF-8; a web page's ``<meta charset>``;
    else charset-normalizer, the GB family read as GB18030) and recorded in
    `AnnualReport.encoding`; web pages (by extension or content) go to `parse_html`.
    A Word file (``.docx``) is read as its paragraphs and tables (table rows' cells
    separated by tabs, merged cells once), its spans pointing into that text.
    Raises `UnreadableFileError` for what is not text (a PDF, an old ``.doc``), and as
    `parse_report` does.

    >>> import tempfile, pathlib
    >>> from gov_disclosure import example_text
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report.txt"
    >>> _ = path.write_bytes(example_text().encode("gb18030"))
    >>> parse_file(path).encoding
    'gb18030'
    """
    decoded = read_report_file(path)
    parse = parse_html if decoded.html else parse_report
    report = parse(decoded.text, strict=strict)
    return attrs.evolve(report, source=os.fspath(path), encoding=decoded.encoding)


def _raise_errors(norm: NormalizedText, diagnostics: tuple[Diagnostic, ...]) -> None:
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        raise StrictParseError(
            f"{len(errors)} error(s) in the report",
            [DiagnosticError(d, render(norm.original, d)) for d in errors],
        )


def render(original: str, d: Diagnostic) -> str:
    """A diagnostic with the offending line and a marker under its span.

    Han characters count as two columns, as terminals show them.

    >>> from ._model import Span
    >>> print(render("一、总体情况\\n规章 | x |", Diagnostic("unreadable-cell", "warning",
    ...     "cell text 'x' is not a number", span=Span(12, 13, 2, 6))))
    unreadable-cell: cell text 'x' is not a number
      line 2, column 6:
        规章 | x |
               ^
    """
    head = f"{d.code}: {d.message}"
    if d.span is None:
        return head
    lines = original.splitlines() or [""]
    line = lines[d.span.line - 1] if d.span.line - 1 < len(lines) else ""
    col = d.span.column - 1
    width = max(1, min(d.span.end - d.span.start, len(line) - col))
    prefix = "".join("\t" if ch == "\t" else ("  " if ord(ch) > 0x2E7F else " ") for ch in line[:col])
    marker = "^" * sum(2 if ord(ch) > 0x2E7F else 1 for ch in line[col : col + width])
    return f"{head}\n  line {d.span.line}, column {d.span.column}:\n    {line}\n    {prefix}{marker or '^'}"

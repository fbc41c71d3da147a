"""Word files (``.docx``): the text of their paragraphs and tables, in document order.

A ``.docx`` is a zip of XML; its body (``word/document.xml``) is read with the standard
library.  Each paragraph is a line; each table row is a line of its cells separated by
tabs, a cell merged across columns once (``w:gridSpan``) and a cell merged down empty in
the rows below its first (``w:vMerge``): the tab layout the parser reads, with the
merged cells of the templates as sample 004 shows them.  Content controls (``w:sdt``)
are looked into; tables within a table's cell are read as that cell's text.  The XML is
parsed by the standard library, which fetches no external entity and (with the expat it
ships) bounds entity expansion; the body's size is bounded before it is inflated.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Final
from xml.etree import ElementTree

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY: Final = "word/document.xml"
#: The largest document body read, uncompressed (a report's is well under 1 MB): a zip
#: bomb is refused rather than inflated.
MAX_DOCX_XML_BYTES: Final = 50_000_000


class DocxError(ValueError):
    """A zip that claims to be a Word file but whose body cannot be read."""


def docx_text(data: bytes) -> str | None:
    """The text of a Word file's body: paragraphs a line, table rows a line of
    tab-separated cells; ``None`` when `data` is no Word file (not a zip, or a zip with no
    document body).  Raises `DocxError` for a body that is too large, damaged or not XML.

    >>> import io, zipfile
    >>> body = (
    ...     '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    ...     "<w:body><w:p><w:r><w:t>规章</w:t></w:r></w:p>"
    ...     "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc>"
    ...     '<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc>'
    ...     "</w:tr></w:tbl></w:body></w:document>"
    ... )
    >>> buf = io.BytesIO()
    >>> with zipfile.ZipFile(buf, "w") as z:
    ...     z.writestr("word/document.xml", body)
    >>> docx_text(buf.getvalue())
    '规章\\n行政许可\\t5\\n'
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return None
    with archive:
        if _BODY not in archive.namelist():
            return None
        info = archive.getinfo(_BODY)
        if info.file_size > MAX_DOCX_XML_BYTES:
            raise DocxError(f"its body is {info.file_size} bytes uncompressed")
        try:
            with archive.open(info) as f:
                xml = f.read(MAX_DOCX_XML_BYTES + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, zlib.error) as e:
            raise DocxError(str(e) or type(e).__name__) from e
    if len(xml) > MAX_DOCX_XML_BYTES:
        raise DocxError("its body is too large")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as e:
        raise DocxError(f"its body is not XML ({e})") from e
    body = root.find(f"{_W}body")
    if body is None:
        return ""
    return "".join(line + "\n" for line in _lines(body))


def _lines(parent: ElementTree.Element) -> Iterator[str]:
    """The lines of a body (or content control): its paragraphs and table rows in order."""
    for child in parent:
        tag = child.tag
        if tag == f"{_W}p":
            yield _paragraph(child)
        elif tag == f"{_W}tbl":
            yield from _rows(child)
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _lines(content)


def _rows(table: ElementTree.Element) -> Iterator[str]:
    for row in _children(table, f"{_W}tr"):
        yield "\t".join(_cell(tc) for tc in _children(row, f"{_W}tc"))


def _children(parent: ElementTree.Element, tag: str) -> Iterator[ElementTree.Element]:
    """`parent`'s children with `tag`, those in a content control (``w:sdt``) too; not
    their descendants (a table's rows, not those of a table nested in one of its cells)."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from (c for c in content if c.tag == tag)


def _cell(tc: ElementTree.Element) -> str:
    """A cell's text on one line, its paragraphs and lines run together (a label wrapped
    by hand, ``22`` and ``（其中修订16件）``); empty below the top of a vertical merge
    (``<w:vMerge/>`` with no value, or ``continue``)."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
        return ""
    text = "".join(_paragraph(p) for p in tc.iter(f"{_W}p"))
    return text.replace("\t", " ").replace("\n", "")


def _paragraph(p: ElementTree.Element) -> str:
    """A paragraph's text: its runs' text, tabs and line breaks."""
    out: list[str] = []
    for node in p.iter():
        tag = node.tag
        if tag == f"{_W}t":
            out.append(node.text or "")
        elif tag == f"{_W}tab":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
    return "".join(out)

"""Reading report files: bytes in the encodings reports are really saved in, to text.

A Word file (``.docx``) is read as its paragraphs and tables (`_docx`).  For text, in
order: a byte-order mark (UTF-8, UTF-16, UTF-32) says the encoding; otherwise text that
decodes as UTF-8 is UTF-8; otherwise a web page's ``<meta charset>`` is believed; otherwise
bytes that decode as GB18030 are GB18030 (the reports are mainland China's, saved by Word
or a CMS in the GB family: GB2312 and GBK are read as GB18030, their superset, so that no
character is lost); otherwise charset-normalizer guesses.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import Final, NamedTuple

from ._docx import DocxError, docx_text
from ._errors import GovDisclosureError

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB: Final = frozenset({"gb2312", "gbk", "cp936", "ms936", "gb18030", "hz", "euc_cn", "euccn"})
#: A page's declared encoding: ``<meta charset>`` (either form) or an XHTML page's XML
#: declaration (``<?xml version="1.0" encoding="gb2312"?>``).
_META_CHARSET: Final = re.compile(
    rb"""<(?:meta[^>]{0,200}?charset|\?xml[^>]{0,100}?encoding)\s*=\s*["']?([\w-]{2,20})""",
    re.IGNORECASE,
)
#: Files that hold a report the library cannot read as text, by their first bytes.
_NOT_TEXT: Final = (
    (b"%PDF", "a PDF: extract its text first (pdftotext, pdfplumber)"),
    (b"PK\x03\x04", "a zip container that is no Word file (.xlsx…): save it as text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc, .xls): save it as text or HTML first"),
    (b"{\\rtf", "an RTF file: save it as text first"),
)
HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".shtml", ".xhtml"})
TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".md", ".csv", ".tsv"})
#: What a folder is searched for: report text and web pages, and what cannot be read as
#: text but should be reported rather than passed over in silence.
REPORT_SUFFIXES: Final = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".doc", ".docx", ".rtf"}


class UnreadableFileError(GovDisclosureError):
    """A file that cannot be read (missing, no permission), that no encoding decodes, or
    that holds no text (`NotTextError`)."""


class NotTextError(UnreadableFileError):
    """A file that is not text at all: a PDF, an old Word file (.doc)…  (Extract its text
    first.)  The command line skips these with a note; other unreadable files are
    failures."""


class Decoded(NamedTuple):
    text: str
    encoding: str
    html: bool


def decode(data: bytes, name: str = "") -> Decoded:
    """The text of a report file's bytes and the encoding it was read in.

    >>> decode("报告".encode("gb18030")).encoding
    'gb18030'
    >>> decode(codecs.BOM_UTF8 + "报告".encode()).text
    '报告'
    """
    if data.startswith(b"PK\x03\x04"):  # a zip: a Word file's, or another (not text)
        try:
            text = docx_text(data)
        except DocxError as e:
            raise UnreadableFileError(f"{name or 'input'}: a Word file that cannot be read: {e}") from e
        if text is not None:
            return Decoded(text, "docx", False)
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise NotTextError(f"{name or 'input'} is {what}")
    html = Path(name).suffix.lower() in HTML_SUFFIXES or _looks_html(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding), encoding, html)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", html)
    except UnicodeDecodeError:
        pass
    if html:
        m = _META_CHARSET.search(data[:4096])
        declared = _codec(m.group(1).decode("ascii").lower()) if m is not None else None
        if declared is not None:
            try:
                return Decoded(data.decode(declared), declared, html)
            except UnicodeDecodeError:
                pass
    try:
        return Decoded(data.decode("gb18030"), "gb18030", html)
    except UnicodeDecodeError:
        pass
    guess = _detect(data)
    if guess is None:
        raise UnreadableFileError(f"{name or 'input'}: no text encoding decodes it")
    return Decoded(data.decode(guess, errors="replace"), guess, html)


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "gb18030" if name.replace("-", "_") in _GB else name


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # a dependency, but the rest of the library works without it
        return None

    best = from_bytes(data).best()
    if best is None:
        return None
    return _codec(best.encoding)


def _looks_html(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):  # an XHTML page's XML declaration
        head = head[head.find(b"?>") + 2 :].lstrip(b" \t\r\n")
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<!--"))


def read_report_file(path: str | os.PathLike[str]) -> Decoded:
    """Read a report file as text; `UnreadableFileError` for what is not text."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise UnreadableFileError(f"{p}: {e.strerror or e}") from e
    return decode(data, p.name)

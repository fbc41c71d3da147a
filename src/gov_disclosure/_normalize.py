"""Stage 1: raw input text -> `NormalizedText`.

What changes, in order:

1. line endings (``\\r\\n``, ``\\r``, U+2028 and the like) become ``\\n`` (U+2028, U+2029
   and U+0085 before anything else is read: they end lines as ``\\n`` does); other control
   characters (the form feed of a PDF page break among them) become spaces, lone
   surrogates U+FFFD;
   invisible format characters are removed (zero-width spaces and joiners, byte order
   marks, soft hyphens, direction marks: web pages and Word files put them anywhere,
   inside numbers too: ``1\\u200b2`` is ``12``);
2. inline pinyin noise after a Han character is removed: ``據(jù)`` or ``據（jù）`` -> ``據``,
   ``公(gong)(gong)開(kai)`` -> ``公開``, while ``(一)``, ``(本列…)`` or ``(LED)`` stay;
   and in a browser's text of a page whose table cells hold paragraphs (``innerText``
   of ``<td><p>…</p></td>``), the line breaks the paragraphs put round the tab between
   two cells are removed: ``规章\n\n\t\n\n150`` -> ``规章\t150``, so that rows are lines
   (where the text's white space was collapsed, the tab is a line of spaces:
   ``规章\n\n \n\n150``, read the same way when the text has enough of them);
   and markdown emphasis round a number goes: ``| **12** |`` -> ``| 12 |``;
   and in a text quoted as a whole (a markdown blockquote, an e-mail's quoted reply:
   most lines start with ``>``), the quote marks at the start of each line go:
   ``> | 规章 | 1 |`` -> ``| 规章 | 1 |``;
3. traditional characters become simplified (OpenCC ``t2s``), only when the text has any
   (where OpenCC is not installed, character by character from the table it was
   generated from, `_tradchars`; `NormalizedText.t2s` says which);
4. radical forms that PDF text extraction puts for ideographs (``⾏政``) become the
   (simplified) ideographs (``行政``);
5. a second, *folded* copy maps full-width ASCII to half-width and every odd space (NBSP,
   ideographic space, thin space…) to a plain space, one character for one, so that
   both copies share offsets; there, markup for white space that HTML-to-markdown tools
   leave (``&nbsp;``, ``<br>``: a blank cell ``| &nbsp; |``) is spaces too, one for one.
   Matching runs on the folded copy; section text is cut from the unfolded one, so users
   see the report's own punctuation;
6. in the folded copy, page numbers printed alone at the page breaks of PDF text (a
   line ``3`` before each form feed, numbering the pages in turn: `_page_numbers`) are
   marked as page furniture, each digit `PAGE_NUMBER_MARK`: a bare number cannot be
   told from a table's value by its own look, only by the run it makes with the others;
   so are page footers inside the line of a text whose line breaks were made spaces
   (``… - 3 - …``: `_inline_footers`).

Steps 1 and 2 delete characters; `NormalizedText.original_offset` maps an offset back to
the input so that every `Span` points at text the user can find.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from typing import Final

import attrs

from ._model import Span, new_span
from ._tradchars import T2S_FROM, T2S_TO, TRADITIONAL_CLASS

# --------------------------------------------------------------------------- patterns
_PINYIN_VOWEL = "aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜê"
#: One pinyin syllable: optional initial, 1-3 vowels, optional nasal/retroflex final.
#: Structured so that ASCII words that are not pinyin (``(pdf)``, ``(app)``) do not match.
_SYLLABLE = (
    rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[{_PINYIN_VOWEL}]{{1,3}}(?:ng|n|r)?"
)
_HAN: Final = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
#: Runs of bracketed pinyin right after a Han character (CJK unified, ext. A and
#: compatibility ideographs): "(jù)", "(gong)(gong)".  The pattern starts with a literal
#: "(" and checks the Han character behind it, so the engine jumps from "(" to "(" (50x
#: faster than a pattern that starts with the look-behind and is tried at every position).
_PINYIN: Final = re.compile(
    rf"""
    \( (?<={_HAN}\()                   # "(" after a Han character
    (?:{_SYLLABLE})\)                  # one syllable, then more
    (?:\((?:{_SYLLABLE})\))*+
    """,
    re.VERBOSE,
)
#: The same in full-width brackets: "（jù）".  A pattern of its own: one class for both
#: brackets would cost the literal's fast scan (2.6x the time of the two apart).
_PINYIN_FULL_WIDTH: Final = re.compile(
    rf"（(?<={_HAN}（)(?:{_SYLLABLE})）(?:（(?:{_SYLLABLE})）)*+"
)
#: A Windows or old Mac line ending.
_CR: Final = re.compile(r"\r\n?")
_TRADITIONAL: Final = re.compile(f"[{TRADITIONAL_CLASS}]")

#: Control characters other than tab and newline become spaces, one for one; the other
#: line breaks (next line U+0085, line and paragraph separators U+2028 and U+2029, which
#: some Word and web-page exports write for a line break) become ``\n``; lone surrogates
#: (a ``str`` decoded with ``surrogateescape`` may hold them, and they cannot be encoded)
#: become U+FFFD.  (`Span.line` counts the input's ``\n``, ``\r\n`` and ``\r`` only.)
_CONTROL_TO_SPACE: Final[dict[int, str]] = {
    **dict.fromkeys((*range(9), 11, 12, *range(14, 32), 127), " "),
    **dict.fromkeys((0x85, 0x2028, 0x2029), "\n"),
    **dict.fromkeys(range(0xD800, 0xE000), "\ufffd"),
}
# A form feed (pdftotext's page break) starts the next page's first line: a space keeps
# that line as it is instead of adding an empty line that would read as a blank cell.

#: Radical forms that PDF text extraction puts for ideographs whose glyph the font shares
#: with a radical (``⾏政`` for 行政, ``⼀、`` for 一、: Chrome and many Word PDFs): the 214
#: Kangxi radicals, each the ideograph Unicode decomposes it to, and the radicals
#: supplement's forms that stand for a character of their own; and the CJK compatibility
#: ideographs, which some fonts map their glyphs to (``車`` U+F902 for 車).
_CHAR_T2S: Final = str.maketrans(T2S_FROM, T2S_TO)
#: (the ideograph of a Kangxi radical may be a traditional one, ⾨ 門: simplified here, as
#: radical forms are converted after traditional characters)
_DECOMPOSED: Final = {
    c: unicodedata.normalize("NFKC", chr(c)).translate(_CHAR_T2S)
    for c in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00))
}
_RADICAL_FORMS: Final[dict[int, str]] = {
    **{c: ideograph for c, ideograph in _DECOMPOSED.items() if ideograph != chr(c)},
    **{
        ord(radical): ideograph
        for radical, ideograph in zip(
            "⻅⻆⻉⻋⻓⻔⻚⻛⻜⻢⻥⻦⻧⻨⻩⻬⻮⻰⻳⺟⻙⻈⻐⺰⻠⺠⻄⻝⻣⻘⻤⺝⺩⻗⻁⺶⻍⻏⻖⺾⺿⻀⻂⺨⺬⺫",
            "见角贝车长门页风飞马鱼鸟卤麦黄齐齿龙龟母韦讠钅纟饣民西食骨青鬼月王雨虎羊辶阝阝艹艹艹衤犭示罒",
            strict=True,
        )
    },
}

#: Box-drawing table borders (text-mode browsers, terminal renders, some converters): the
#: vertical bars separate cells as ``|`` does, the horizontal ones draw rules as ``-``
#: does, and every other piece of the block (corners, junctions) becomes ``+``, so that a
#: boxed table reads as a markdown or grid table.
_BOX_VERTICAL: Final = "│┃┆┇┊┋╎╏║¦"
_BOX_HORIZONTAL: Final = "─━┄┅┈┉╌╍═╴╶╸╺╼╾"

#: Folding table: full-width ASCII -> ASCII, odd spaces -> space, box drawing -> ``|-+``.
#: One character for one.
_FOLD: Final[dict[int, str]] = {
    **dict.fromkeys(range(0x2500, 0x2580), "+"),
    **dict.fromkeys(map(ord, _BOX_VERTICAL), "|"),
    **dict.fromkeys(map(ord, _BOX_HORIZONTAL), "-"),
    **{c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
    0x3000: " ",  # ideographic space
    0x00A0: " ",  # no-break space (&nbsp;)
    **dict.fromkeys(range(0x2000, 0x200B), " "),  # en/em/thin/hair spaces
    0x202F: " ",
    0x205F: " ",
    # a diagonal drawn through a cell that does not apply (╱, ╲, ╳) and other slashes: ``/``
    **dict.fromkeys((0x2571, 0x2572, 0x2573, 0x2215, 0x29F8), "/"),
    0x2212: "-",  # minus sign
    0xFE63: "-",
    # hyphen, non-breaking hyphen, figure dash, en dash: a minus sign too (``‐1``, ``–1``)
    **dict.fromkeys(range(0x2010, 0x2014), "-"),
    0x2014: "—",
    0x2015: "—",
}


@attrs.frozen
class NormalizedText:
    """The input and its normalised forms, with a map back to input offsets."""

    original: str = attrs.field(repr=False)
    text: str = attrs.field(repr=False)
    """Simplified, de-noised text with ``\\n`` line endings (the report's own punctuation)."""
    folded: str = attrs.field(repr=False)
    """`text` with full-width ASCII and odd spaces folded; same length as `text`."""
    _edit_at: tuple[int, ...] = attrs.field(repr=False)
    _edit_shift: tuple[int, ...] = attrs.field(repr=False)
    _line_starts: tuple[int, ...] = attrs.field(repr=False)
    page_starts: tuple[int, ...] = attrs.field(default=(), repr=False)
    """Normalised offsets of the pages after the first, where the input had a form feed
    (pdftotext's page break; the form feed itself became a space)."""
    t2s: str | None = None
    """What converted traditional characters: ``"opencc"``, or ``"table"`` (OpenCC not
    installed: the built-in character table); ``None`` when nothing was converted."""

    @property
    def converted(self) -> bool:
        """True when traditional characters were converted."""
        return self.t2s is not None

    def original_offset(self, pos: int) -> int:
        """The input offset of normalised offset `pos`."""
        i = bisect.bisect_right(self._edit_at, pos) - 1
        return pos + (self._edit_shift[i] if i >= 0 else 0)

    def span(self, start: int, end: int) -> Span:
        """A `Span` in input coordinates for the normalised range ``[start, end)``."""
        if self._edit_at:
            a = self.original_offset(start)
            # the end from the last character: text removed right after it is not in it
            b = self.original_offset(end - 1) + 1 if end > start else a
        else:  # nothing was removed: offsets are the input's (the common case)
            a = b = start
            if end > start:
                b = end
        starts = self._line_starts
        line = bisect.bisect_right(starts, a)
        return new_span(a, b, line, a - starts[line - 1] + 1)


#: Invisible format characters, removed (step 1): zero-width space, non-joiner, joiner
#: and word joiner, the byte order mark (a zero-width no-break space inside a text), the
#: soft hyphen, the Mongolian vowel separator, left-to-right and right-to-left marks,
#: embeddings, overrides and isolates, and the invisible operators.  Web editors and Word
#: leave them anywhere, between the digits of a cell too, where a space would split the
#: number.  (A character class: the search runs only on text that has one, which the
#: folding scan finds, `_INVISIBLE_CHARS` being among what stops it.)
_INVISIBLE_CHARS: Final = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c"
    "\u206d\u206e\u206f\ufeff"
)
_INVISIBLE_CLASS: Final = "".join(sorted(_INVISIBLE_CHARS))
_INVISIBLE: Final = re.compile(f"[{_INVISIBLE_CLASS}]+")


def _edits(text: str, invisible: bool, halve: bool = False) -> list[tuple[int, int, str]]:
    """The line endings, pinyin runs, emphasis marks and cell padding to edit, and the
    runs to remove: where `invisible`, the invisible format characters, where `halve`
    and every line break is doubled, the second half of each run of breaks
    (`_doubled_breaks`), in a text quoted as a whole, the quote marks that open its
    lines (`_quote_marks`), and in a text indented as a whole, the indent all its lines
    share (`_common_indent`); in text order, each as its range in `text` and what
    replaces it.

    The others are found in the text as it reads without those runs (a zero-width space
    inside ``**46**`` or ``據(jù)`` hides nothing, nor does a quote mark between a
    paragraph's line breaks and a cell's tab), and their ranges then taken back to
    `text`; a run inside one goes with it.

    >>> _edits("據\\u200b(jù)\\r\\u200b\\n1\\u200b2", invisible=True)
    [(1, 2, ''), (2, 6, ''), (6, 9, '\\n'), (10, 11, '')]
    """
    runs = [m.span() for m in _INVISIBLE.finditer(text)] if invisible else []
    rest, at, shift = _without(text, runs) if runs else (text, [], [])
    # where asked, the second half of every run of doubled line breaks first; then quote
    # marks, then an indent (the text inside quote marks may be indented, an indented
    # text quoted), each found where the runs before are gone and taken back to `text`
    # with what they hold of them, until neither is left
    found = _doubled_breaks(rest) if halve else []
    while True:
        if not found:
            found = _quote_marks(rest) if _may_be_quoted(rest) else []
        if not found and _may_be_indented(rest):
            found = _common_indent(rest)
        if not found:
            break
        runs = _merged(runs + [_back(a, b, at, shift) for a, b in found]) if runs else found
        rest, at, shift = _without(text, runs)
        found = []
    if not runs:
        return _visible_edits(text)
    edits = [(*_back(a, b, at, shift), put) for a, b, put in _visible_edits(rest)]
    starts = [a for a, _, _ in edits]
    edits.extend((a, b, "") for a, b in runs if not _inside(a, starts, edits))
    edits.sort()
    return edits


#: A line break between two characters of text: a line followed by another, as nearly
#: every text has, but not one whose every line break was doubled.
_SINGLE_BREAK: Final = re.compile(r"[^\r\n](?:\r\n?|\n)[^\r\n]")
_BREAK_RUN: Final = re.compile(r"(?:\r\n?|\n)++")
#: Runs of line breaks a text must have, all of them even, to be taken for doubled.
_DOUBLED_MIN: Final = 8


def _doubled_runs(text: str) -> list[re.Match[str]]:
    """The runs of line breaks of `text`, where every line break was doubled: no line is
    followed straight by another, and each run of breaks holds an even number of them
    (at least `_DOUBLED_MIN` runs).  CRLF text written out again in text mode on Windows
    (``\\r\\r\\n``), or that read back with universal newlines: every line then an empty
    line apart, and blank cells' empty lines twice as many.  Empty where the breaks are
    not so."""
    if _SINGLE_BREAK.search(text) is not None:
        return []  # (nearly every text: found in its first lines)
    runs = list(_BREAK_RUN.finditer(text))
    if len(runs) < _DOUBLED_MIN or any(_breaks(m.group()) % 2 for m in runs):
        return []
    return runs


def _doubled_breaks(text: str) -> list[tuple[int, int]]:
    """The second half of each run of line breaks where all are doubled (`_doubled_runs`)."""
    halves: list[tuple[int, int]] = []
    for m in _doubled_runs(text):
        keep, pos = _breaks(m.group()) // 2, m.start()
        while keep:  # past the breaks kept (``\r\n`` is one)
            pos += 2 if text.startswith("\r\n", pos) else 1
            keep -= 1
        halves.append((pos, m.end()))
    return halves


def _without(text: str, runs: list[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
    """`text` without `runs` (in order, apart), with where its offsets shift against
    `text`'s: from each offset in `at` on, by the `shift` beside it."""
    pieces: list[str] = []
    at: list[int] = []
    shift: list[int] = []
    last = removed = 0
    for a, b in runs:
        pieces.append(text[last:a])
        removed += b - a
        at.append(a - removed + (b - a))
        shift.append(removed)
        last = b
    pieces.append(text[last:])
    return "".join(pieces), at, shift


def _back(a: int, b: int, at: list[int], shift: list[int]) -> tuple[int, int]:
    """The range ``[a, b)`` of a text `_without` runs, in the text it was made from (the
    runs inside it with it)."""
    i = bisect.bisect_right(at, a) - 1
    j = bisect.bisect_right(at, b - 1) - 1
    return a + (shift[i] if i >= 0 else 0), b + (shift[j] if j >= 0 else 0)


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`runs` in order, those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(runs):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _visible_edits(text: str) -> list[tuple[int, int, str]]:
    """`_edits` of a text without invisible format characters."""
    edits = [(m.start(), m.end(), "") for m in _PINYIN.finditer(text)]
    edits.extend((m.start(), m.end(), "") for m in _PINYIN_FULL_WIDTH.finditer(text))
    if "*" in text or "__" in text:
        edits.extend(_emphasis_marks(text))
    padding = _cell_padding(text) if "\t\n" in text or "\t\r" in text else []
    if not padding and "\n " in text and (" \n" in text or " \r" in text):
        padding = _space_separators(text)
    if "\r" in text:
        ends = [(m.start(), m.end(), "\n") for m in _CR.finditer(text)]
        if padding:  # a line ending inside removed padding goes with it
            starts = [a for a, _, _ in padding]
            ends = [e for e in ends if not _inside(e[0], starts, padding)]
        edits.extend(ends)
    if padding:
        edits.extend(padding)
    if len(edits) > 1:
        edits.sort()
    return edits


#: The quote marks that open a line of a quoted text (markdown's blockquote, an e-mail's
#: quoted reply): ``>`` with the spaces round it, nested ones too (``> > ``), up to the
#: line's text, which keeps its own indent past the one space after the last mark (a
#: tab is the line's own: ``>\t\t0`` is a row of tab-separated cells).  At the start of
#: the text or after a line break; each repetition takes a ``>``, so the pattern is
#: linear, and what it leaves never starts with a mark (a second pass removes nothing:
#: normalisation stays idempotent).
_QUOTE_MARK: Final = re.compile(r"(?<![^\n\r]) *+>(?: *+>)*+ ?")
#: A line that is not blank.
_TEXT_LINE: Final = re.compile(r"[^\s>]")


def _may_be_quoted(text: str) -> bool:
    """Whether a line of `text` opens with a quote mark (most texts have no ``>``: one
    scan at C speed; the ``>`` of markup has no line start before it but a character's
    way back)."""
    at = text.find(">")
    while at >= 0:
        start = at
        while start and text[start - 1] == " ":
            start -= 1
        if not start or text[start - 1] in "\n\r":
            return True
        at = text.find(">", at + 1)
    return False


def _quote_marks(text: str) -> list[tuple[int, int]]:
    """The quote marks at the start of lines (`_QUOTE_MARK`), to remove, when at least
    half of the text's lines that are not blank open with one (the whole text is
    quoted); else none (a line of a breadcrumb that starts with ``>`` stays)."""
    marks = [m.span() for m in _QUOTE_MARK.finditer(text)]
    lines = sum(1 for line in _NEWLINE.split(text) if _TEXT_LINE.search(line))
    return marks if marks and 2 * len(marks) >= lines else []


#: What normalisation leaves white space or removes, once control characters are spaces
#: (`_CONTROL_TO_SPACE`): Unicode's white space and the invisible format characters.
_BLANK_CHARS: Final = "".join(
    sorted({c for c in map(chr, range(0x3001)) if c.isspace()} | _INVISIBLE_CHARS)
)
#: Of them, what an indent is made of: all but the tab (``\t0`` is a row's blank first
#: cell, then 0) and the line breaks left by then.
_INDENT_CLASS: Final = re.escape("".join(c for c in _BLANK_CHARS if c not in "\t\n\r"))
#: A character that is text (normalisation keeps it as it is, or folds it to text).
_TEXT_CHAR: Final = re.compile(f"[^{re.escape(_BLANK_CHARS)}]")
#: A line's start, by whether the text has ``\r``: `(?m)^` knows ``\n`` only, and the
#: look-behind, which stands for a line's start at ``\r`` too, is tried at every position.
_LINE_START: Final = {False: "(?m)^", True: "(?<![^\n\r])"}
#: Where a line that has text opens with an indent, up to its text.
_LINE_INDENT: Final = {
    cr: re.compile(f"{start}[{_INDENT_CLASS}]++(?={_TEXT_CHAR.pattern})")
    for cr, start in _LINE_START.items()
}
#: A line with text that opens with no indent: its text at its start, or a tab before it
#: (``\t0``, ``  \t0``: the tab is the line's own).
_UNINDENTED: Final = {
    cr: re.compile(
        f"{start}(?:{_TEXT_CHAR.pattern}"
        f"|[{_INDENT_CLASS}]*+\t[{_INDENT_CLASS}\t]*+{_TEXT_CHAR.pattern})"
    )
    for cr, start in _LINE_START.items()
}


def _may_be_indented(text: str) -> bool:
    """Whether the first line of `text` that has text may open with an indent (most texts
    start with their title at the margin: one short search)."""
    m = _TEXT_CHAR.search(text)
    return m is not None and m.start() > 0 and text[m.start() - 1] not in "\n\r\t"


def _common_indent(text: str) -> list[tuple[int, int]]:
    """The indent that every line of `text` with text in it opens with, to remove there
    and from the lines of white space that open with it too: a text indented as a whole
    (pasted from a code block, indented by a tool, each line given the page's margin).
    What is left of each line's indent is its own (``  5``: WebDriver's blank cell, then
    5); a line's tab stays.  None where some line with text has no indent.  (`text` has
    no control character, made a space before, nor an invisible one, gone before or
    normalisation starts again without them: what is left has no indent in common.)"""
    cr = "\r" in text
    if _UNINDENTED[cr].search(text) is not None:
        return []
    indents = [m.group() for m in _LINE_INDENT[cr].finditer(text)]
    if not indents:
        return []
    # the prefix all share is the one the first and the last in sorted order share
    first, last = min(indents), max(indents)
    width = 0
    while width < len(first) and first[width] == last[width]:
        width += 1
    if not width:
        return []
    common = first[:width]
    return [(a, a + width) for a in _line_starts(text) if text.startswith(common, a)]


def _line_starts(text: str) -> tuple[int, ...]:
    """Where each line of `text` starts (after ``\n``, ``\r\n`` or ``\r``)."""
    if "\r" in text:
        return (0, *(m.end() for m in _NEWLINE.finditer(text)))
    # each line's length plus its newline, summed, without a Python-level loop
    return (0, *itertools.accumulate(map((1).__add__, map(len, text.split("\n")[:-1]))))


#: A line of nothing but tabs (with the line break before it): where a browser's
#: ``innerText`` of a table whose cells hold paragraphs puts the tab between two cells, the
#: same number of line breaks (one or two) from the text before and after it
#: (``规章\n\n\t\n\n150``; Word pages write ``<td><p>…</p></td>``, ``<div>`` gives one line
#: break a side).  A row ends with a line break of its own, so rows are further apart than
#: that.  (The pattern starts with a literal, so the engine jumps to each ``\n\t``; an old
#: Mac line ending, ``\r`` alone, is looked for apart, where the text has one before a tab.
#: The breaks round the tab are counted by `_breaks_round`.)
_LONE_TAB: Final = re.compile(r"\n\t++(?=[\r\n])")
_LONE_TAB_AFTER_CR: Final = re.compile(r"\r\t++(?=[\r\n])")
#: Lone tabs a text must have, with padding of one width, for that padding to be removed
#: (a table has dozens; a plain tab-separated table may have a row of two empty cells).
_LONE_TABS_MIN: Final = 5
#: The padding of each width to remove round a tab: after text, before a tab at the start
#: of a line; after a tab at the end of a line, before text.
_PADDING: Final = {
    width: re.compile(
        rf"(?<=[^\r\n])(?:\r\n?|\n){{{width}}}(?=\t)|(?<=\t)(?:\r\n?|\n){{{width}}}(?=[^\r\n])"
    )
    for width in (1, 2)
}


def _breaks(run: str) -> int:
    """The number of line breaks in `run` (``\\r\\n`` is one)."""
    return run.count("\n") + run.count("\r") - run.count("\r\n")


def _break_run(text: str, pos: int, step: int) -> int:
    """The offset where the line breaks (``\\r``, ``\\n``) at `pos` end going in
    `step`'s direction (`pos` itself when there is none there)."""
    if step < 0:
        while pos > 0 and text[pos - 1] in "\r\n":
            pos -= 1
    else:
        while pos < len(text) and text[pos] in "\r\n":
            pos += 1
    return pos


def _breaks_round(text: str, start: int, end: int) -> tuple[int, int]:
    """The line breaks right before `start` and right after `end` (0 where the text begins
    or ends there instead of going on)."""
    a, b = _break_run(text, start, -1), _break_run(text, end, 1)
    if a == 0 or b == len(text):
        return 0, 0
    return _breaks(text[a:start]), _breaks(text[end:b])


def _cell_padding(text: str) -> list[tuple[int, int, str]]:
    """The line breaks that paragraphs put round the tabs between cells, to remove, in a
    browser's text of such a table (`_LONE_TAB`); else none.  Each width of padding that
    enough lone tabs show is removed wherever it is next to a tab (so a second pass finds
    nothing more: normalisation stays idempotent)."""
    widths = [0, 0, 0]
    lone = _LONE_TAB.finditer(text)
    if "\r\t" in text:
        lone = itertools.chain(lone, _LONE_TAB_AFTER_CR.finditer(text))
    for m in itertools.islice(lone, 400):
        before, after = _breaks_round(text, m.start() + 1, m.end())
        if before == after and before <= 2:
            widths[before] += 1
    out: list[tuple[int, int, str]] = []
    for width in (1, 2):
        if widths[width] >= _LONE_TABS_MIN:
            out.extend((m.start(), m.end(), "") for m in _PADDING[width].finditer(text))
    if len(out) > 1:
        out.sort()
    return out


#: A line of nothing but spaces (the spaces, with the line break before them): where the
#: same browser text has its tabs made spaces, as scrapers clean white space
#: (``re.sub(r"[ \t]+", " ", text)``, ``" ".join(line.split())``, ``expandtabs``):
#: ``规章\n\n \n\n150``.
_LONE_SPACES: Final = re.compile(r"\n( ++)(?=[\r\n])")
#: A lone-space line between two texts, as far (a line break or two) from both: what a
#: text must have `_LONE_SPACES_MIN` of to be looked at further (one scan at C speed;
#: the pattern starts with a literal, whose text the look-behind checks).
_ONE_LINE_RUN: Final = re.compile(r"\n(?<=[^ \r\n]\n)(\n?) ++\n\1(?=[^ \r\n])")
#: Runs of lone spaces, each between text a line break or two away on both sides, that
#: a text must have for them to be read as the tabs between cells (twice as many as
#: lone tabs: a space on an empty line is a commoner slip than a tab), and the share of
#: them that must have a number on one side (cells of a table; a page whose paragraphs
#: are a line of one space apart has few).
_LONE_SPACES_MIN: Final = 2 * _LONE_TABS_MIN
#: A cell that is a number or a not-applicable mark, as a line of its own.
_NUMBER_LINE: Final = re.compile(r"[ \t]*+(?:[+-]?[\d,.]++|/|—|-)[ \t]*+")
#: Two texts further apart than a width (by width) with no lone-space line between them:
#: the rows of a browser's text of paragraph cells (their tab is the cells', not the
#: row's), which text whose every empty line holds a space has none of.
_ROW_BREAK: Final = {
    width: re.compile(rf"[^ \r\n](?:\r?\n){{{width + 1},}}(?=[^ \r\n])") for width in (1, 2)
}
#: A number (a line of its own) and a text an empty line or more apart, but no further
#: than a cell and its padding (by width), with no lone-space line between them: in a
#: browser's text of paragraph cells, whose rows are further apart, there are none (its
#: numbers are cells; the text round the tables has its paragraphs so apart); in text
#: whose cells are an empty line apart and some of whose empty lines hold a space, every
#: other number has one.
_NUMBER_GAP: Final = {
    width: re.compile(
        rf"(?m)^[ \t]*+[+-]?[\d,.]++[ \t]*+(?:\r?\n){{2,{width + 1}}}(?=[^ \r\n])"
        rf"|(?<=[^ \r\n])(?:\r?\n){{2,{width + 1}}}(?=[ \t]*+[+-]?\d[\d,.]*+[ \t]*+\r?$)"
    )
    for width in (1, 2)
}
#: Two lines that are numbers, a line break or two apart (by width): text with a cell a
#: line, whose blank cells are lines of spaces (a PDF's, a browser selection's), has
#: many; a browser's text of paragraph cells has a separator between any two cells.
_NUMBER_PAIR: Final = {
    width: re.compile(
        rf"(?m)^[ \t]*+[+-]?[\d,.]++[ \t]*+(?:\r?\n){{{width}}}(?=[ \t]*+[+-]?\d[\d,.]*+[ \t]*+\r?$)"
    )
    for width in (1, 2)
}


def _next_to_number(text: str, start: int, end: int) -> bool:
    """Whether the line that ends at `start` or the one that starts at `end` (the text
    round a run of lone spaces) is a number (`_NUMBER_LINE`)."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    stop = text.find("\n", end)
    after = text[end : stop if stop >= 0 else len(text)].rstrip("\r")
    return bool(_NUMBER_LINE.fullmatch(before) or _NUMBER_LINE.fullmatch(after))


def _space_separators(text: str) -> list[tuple[int, int, str]]:
    """In a browser's text of paragraph cells whose tabs were made spaces (`_LONE_SPACES`),
    the lone-space lines between cells and the line breaks round them, to make the tab
    `_cell_padding` would have left: ``规章\\n\\n \\n\\n150`` -> ``规章\\t150``; else none.

    A cell's run of lone spaces lies between two texts, a line break or two away on
    each side, and each of its lines is as far from the next.  A blank cell whose
    ``&nbsp;`` was made a space too is a lone-space line of its own, between two
    separators (``1\\n\\n \\n\\n \\n\\n \\n\\n2`` is ``1\\t \\t2``), unless the text shows
    cells that are empty (two separators with nothing between them: a run of two
    between texts), where every lone-space line is a separator.  A run that ends at a
    row's end (more line breaks after it) ends in a blank cell or a separator the same
    way.  It takes `_LONE_SPACES_MIN` runs of one line between texts, more than runs of
    two (BeautifulSoup's ``get_text(" ")`` puts two between cells), half of them next to
    a number, few numbers that near with no run between (`_NUMBER_PAIR`), a tenth as
    many rows (`_ROW_BREAK`) and few numbers an empty line from a text with no run
    between (`_NUMBER_GAP`), for a width of padding to be read so.
    """
    seen = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if len(_ONE_LINE_RUN.findall(seen)) < _LONE_SPACES_MIN:
        return []
    runs: list[_SpaceRun] = []
    for m in _LONE_SPACES.finditer(text):
        a, b = m.start(1), m.end(1)
        end = _break_run(text, b, 1)
        gap = _breaks(text[b:end])
        if runs and runs[-1].end == a:  # only line breaks since the last one
            runs[-1].lines.append((a, b))
            runs[-1].gaps.append(gap)
            runs[-1].end = end
        else:
            start = _break_run(text, a, -1)
            runs.append(_SpaceRun(start, end, [_breaks(text[start:a]), gap], [(a, b)]))
    # runs between texts, by width: of one line, of two, of an even number, of an odd
    # number above one; and of one line next to a number
    ones, twos, evens, odds, numbers = [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]
    kept: list[_SpaceRun] = []
    for run in runs:
        width, after = run.gaps[0], run.gaps[-1]
        if (
            width not in (1, 2)
            or run.start == 0
            or after < width
            or any(g != width for g in run.gaps[1:-1])
        ):
            continue
        kept.append(run)
        if after != width or run.end == len(text):
            continue
        if len(run.lines) == 1:
            ones[width] += 1
            numbers[width] += _next_to_number(text, run.start, run.end)
        else:
            twos[width] += len(run.lines) == 2
            if len(run.lines) % 2:
                odds[width] += 1
            else:
                evens[width] += 1
    read = {
        w: ones[w] >= _LONE_SPACES_MIN
        and ones[w] > twos[w]
        and 2 * numbers[w] >= ones[w]
        and 4 * sum(1 for _ in _NUMBER_PAIR[w].finditer(text)) <= ones[w]
        and 10 * len(_ROW_BREAK[w].findall(text)) >= ones[w]
        and 4 * len(_NUMBER_GAP[w].findall(text)) <= ones[w]
        for w in (1, 2)
    }
    out: list[tuple[int, int, str]] = []
    for run in kept:
        width = run.gaps[0]
        if not read[width]:
            continue
        k = len(run.lines)
        if evens[width] > odds[width]:  # cells are empty, not blank: all separators
            put, last_separates = "\t" * k, True
        else:  # separators and blank cells in turn
            put, last_separates = "".join(" " if i % 2 else "\t" for i in range(k)), k % 2 == 1
        if last_separates and run.gaps[-1] == width and run.end < len(text):
            out.append((run.start, run.end, put))
        else:  # a row's end, or a blank cell's line break before what follows: kept
            out.append((run.start, run.lines[-1][1], put))
    return out


@attrs.define
class _SpaceRun:
    """Lone-space lines with nothing but line breaks between them (`_space_separators`):
    from the line breaks before the first (`start`) to the end of those after the last
    (`end`); `gaps` are the line breaks before each line and after the last."""

    start: int
    end: int
    gaps: list[int]
    lines: list[tuple[int, int]]


#: A number (or a not-applicable mark) in markdown emphasis, as converters write a bold
#: table cell (``| **12** |``: html2text and markdownify for ``<b>``/``<strong>``, and
#: OCR or LLM markdown for a total).  The marks before it must not follow a letter, a
#: digit or more marks (checked by `_emphasis_marks`, so that the pattern starts with a
#: literal mark); after it, the same.  Tried only where the text has a mark: a pattern
#: that starts with an alternative is tried at every position (0.27 ms on an 11 KB text).
_EMPHASIS: Final = re.compile(
    r"""
    (?P<marks>\*\*?\*?|__)
    (?:(?:[+\-]|增加?|减少?)?[ \t]?\d[\d,.]*+(?:万元|亿元|元|件|万)?|/|—|-)
    (?P=marks)(?![*_0-9A-Za-z])
    """,
    re.VERBOSE,
)
#: What the opening marks may not follow.
_WORD_OR_MARK: Final = frozenset(
    "*_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)


def _emphasis_marks(text: str) -> list[tuple[int, int, str]]:
    """The emphasis marks round numbers (`_EMPHASIS`), to remove: ``**12**`` -> ``12``."""
    out: list[tuple[int, int, str]] = []
    for mark in ("*", "__"):
        pos = text.find(mark)
        while pos >= 0:
            m = _EMPHASIS.match(text, pos)
            if m is None or (pos and text[pos - 1] in _WORD_OR_MARK):
                pos = text.find(mark, pos + len(mark))
                continue
            start, end = m.span()
            width = len(m.group("marks"))
            # a space inside the opening marks goes with them (``** 5**`` -> ``5``: what
            # is left opens no line with an indent that a second pass would remove)
            opened = start + width + (text[start + width] in " \t")
            out += ((start, opened, ""), (end - width, end, ""))
            pos = text.find(mark, end)
    return out


def _inside(pos: int, starts: list[int], ranges: list[tuple[int, int, str]]) -> bool:
    """Whether `pos` is inside one of `ranges` (sorted, not overlapping; `starts` theirs)."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ranges[i][1]


def normalize(text: str, *, halve_breaks: bool = False) -> NormalizedText:
    """Normalise a report's text; see the module docstring.  With `halve_breaks`, a text
    whose every line break is doubled (`has_doubled_breaks`: CRLF text written out again
    in text mode on Windows, ``\\r\\r\\n``, or that read back with universal newlines) has
    each run of line breaks halved.

    >>> n = normalize("據(jù)西鄉縣自然資源局(一)\\r\\n１２件")
    >>> n.text
    '据西乡县自然资源局(一)\\n１２件'
    >>> n.folded
    '据西乡县自然资源局(一)\\n12件'
    >>> n.span(9, 10).start, n.span(9, 10).line   # "(" is at input offset 13
    (13, 1)
    >>> normalize("（一）予以公开\\u200b 1\\u200b2").text   # zero-width spaces go
    '（一）予以公开 12'
    """
    return _normalize(text, invisible=False, halve=halve_breaks)


def has_doubled_breaks(text: str) -> bool:
    """Whether every line break of `text` looks doubled (`_doubled_runs`): no line is
    followed straight by another, and every run of breaks is even.  (A Word file's text
    export that ends each paragraph and cell with an empty line looks so too.)

    >>> has_doubled_breaks("甲\\r\\r\\n乙\\r\\r\\n" * 8), has_doubled_breaks("甲\\n乙\\n\\n丙\\n" * 8)
    (True, False)
    """
    return ("\n\n" in text or "\r\r" in text or "\n\r" in text) and bool(_doubled_runs(text))


def _normalize(text: str, invisible: bool, halve: bool = False) -> NormalizedText:
    """`normalize`; with `invisible` False, the text is taken to have no invisible
    format character until the folding scan meets one, and is then normalised again with
    them removed (they are rare: the common text pays no scan of its own for them)."""
    pieces: list[str] = []
    edit_at: list[int] = []
    edit_shift: list[int] = []
    last = 0
    out_len = 0
    shift = 0
    original = text
    # where the pages after a form feed start (the input's offsets, for now)
    feeds = []
    if "\f" in text:  # (PDF text has a form feed a page: replaced at C speed)
        feeds = [m.end() for m in _FORM_FEED.finditer(text)]
        text = text.replace("\f", " ")
    if _CONTROLS.search(text) is not None:
        # line and paragraph separators, next line: ``\n``, control characters (the
        # form feed among them): spaces, one for one, before anything is read (cell
        # padding, quote marks and indents are found by the line breaks and spaces
        # round them)
        text = text.translate(_CONTROL_TO_SPACE)
    for start, end, put in _edits(text, invisible, halve):
        kept = text[last:start]
        pieces.append(kept)
        out_len += len(kept)
        if put:
            pieces.append(put)
            out_len += len(put)
        removed = end - start - len(put)
        last = end
        if removed:
            shift += removed
            edit_at.append(out_len)
            edit_shift.append(shift)
    if pieces:
        pieces.append(text[last:])
        clean = "".join(pieces)
    else:
        clean = text
    pages = _edited_offsets(feeds, edit_at, edit_shift) if feeds else ()

    t2s = None
    # One scan folds the text, unless it meets a traditional character or a radical form
    # (rarely).  Then traditional characters are converted (OpenCC: by phrase), and the
    # text is folded again by a scan that only radical forms stop, which map straight to
    # simplified characters.  Neither comes before where the first scan stopped.
    # Invisible characters stop both scans as well: the text is normalised again, with
    # them removed (the radical forms' branch looks for them past its stop).
    folded = _fold_until(clean, _SCAN)
    if isinstance(folded, int):
        if clean[folded] in _INVISIBLE_CHARS and not invisible:
            return _normalize(original, invisible=True, halve=halve)
        if _TRADITIONAL.search(clean, folded) is not None:
            clean, t2s = _to_simplified(clean)
        folded = _fold_until(clean, _FOLDABLE_OR_RADICAL)
        if isinstance(folded, int):
            if not invisible and _INVISIBLE.search(clean, folded) is not None:
                return _normalize(original, invisible=True, halve=halve)
            clean = clean.translate(_RADICAL_FORMS)
            folded = _fold(clean)

    if ("&" in folded or "<" in folded) and _BLANK_MARKUP.search(folded) is not None:
        folded = _BLANK_MARKUP.sub(_spaces, folded)
    if len(pages) > 1 and (numbers := _page_numbers(folded, pages)):
        folded = _marked(folded, numbers)
    if len(folded) > _ONE_LINE_WIDTH * (folded.count("\n") + 1) and (
        footers := _inline_footers(folded)
    ):
        folded = _marked(folded, footers)

    return NormalizedText(
        original=original,
        text=clean,
        folded=folded,
        edit_at=tuple(edit_at),
        edit_shift=tuple(edit_shift),
        line_starts=_line_starts(original),
        page_starts=pages,
        t2s=t2s,
    )


def _edited_offsets(
    offsets: list[int], edit_at: list[int], edit_shift: list[int]
) -> tuple[int, ...]:
    """Input `offsets` in the edited text (`_normalize`'s edits: from ``edit_at[i]`` on,
    the edited text is ``edit_shift[i]`` behind the input); inside a removed run, where
    the run was."""
    if not edit_at:
        return tuple(offsets)
    ends = [at + shift for at, shift in zip(edit_at, edit_shift, strict=True)]
    out = []
    for pos in offsets:
        i = bisect.bisect_right(ends, pos) - 1
        edited = pos - (edit_shift[i] if i >= 0 else 0)
        out.append(min(edited, edit_at[i + 1]) if i + 1 < len(edit_at) else edited)
    return tuple(out)


_NEWLINE: Final = re.compile(r"\r\n?|\n")
#: Markup for white space left in text by HTML-to-markdown tools: a no-break space as an
#: entity (a blank cell written ``| &nbsp; |``), a line break (``| <br> |``, a cell of one
#: empty paragraph).  Spaces in the folded text, one for one (offsets are kept).
_BLANK_MARKUP: Final = re.compile(
    r"&(?:nbsp|#160|#[xX][aA]0|ensp|emsp|#12288);|<br[ \t]*+/?>", re.IGNORECASE
)


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())
_FORM_FEED: Final = re.compile("\f")
#: What each digit of a page number printed alone becomes in the folded text (a private
#: use character: `FOOTER_BODY` reads a line of them as a page footer).
PAGE_NUMBER_MARK: Final = "\ue000"
#: A line of nothing but a number of one to three digits (a page number, or a cell).
_BARE_NUMBER: Final = re.compile(r"[ \t]*+(\d{1,3})[ \t]*+")


def _page_numbers(folded: str, pages: tuple[int, ...]) -> list[tuple[int, int]]:
    """Where the page numbers printed alone are: the last lines before the page breaks
    (`pages`: the offsets after each form feed) and at the end of the text, when at
    least two of them are bare numbers and these number their pages in turn (``1``
    before the first break, ``2`` before the second; a cover page may have none).  A
    bare number out of turn there, and the run is not taken: the last cell of a page's
    table, say, when the pages have no numbers.

    >>> _page_numbers("甲\\n1\\n\\n 乙\\n  2 \\n 丙\\n3\\n", (6, 14))
    [(2, 3), (10, 11), (16, 17)]
    >>> _page_numbers("甲\\n1\\n\\n 乙\\n  5 \\n 丙\\n", (6, 14))
    []
    """
    found: list[tuple[int, int]] = []
    offset: int | None = None
    # where the page starts: no scan goes back past it (linear with empty pages by the
    # thousand, ``\f\f\f…``)
    begin = 0
    for k, end in enumerate((*(p - 1 for p in pages), len(folded))):
        stop = end
        while stop > begin and folded[stop - 1] in " \t\n":
            stop -= 1  # (the form feed is a space by now)
        line = max(folded.rfind("\n", begin, stop) + 1, begin)
        begin = end + 1
        m = _BARE_NUMBER.fullmatch(folded, line, stop) if stop > line else None
        if m is None:
            continue
        if offset is None:
            offset = int(m.group(1)) - k
        elif int(m.group(1)) - k != offset:
            return []
        found.append(m.span(1))
    return found if len(found) > 1 else []


def _marked(folded: str, spans: list[tuple[int, int]]) -> str:
    """`folded` with each of `spans` (sorted, apart) written as `PAGE_NUMBER_MARK`s."""
    cut = [0, *itertools.chain.from_iterable(spans), len(folded)]
    return "".join(
        folded[a:b] if k % 2 == 0 else PAGE_NUMBER_MARK * (b - a)
        for k, (a, b) in enumerate(itertools.pairwise(cut))
    )


#: The average line length past which a text is taken to have had its line breaks made
#: spaces (a crawler's page text, ``" ".join(text.split())``): a page's text on a line.
_ONE_LINE_WIDTH: Final = 500
#: A page footer inside such a line, a word of its own (`_inline_footers`): ``-2-``,
#: ``- 3 -``, ``—3—``, ``第3页``, ``第 3 页 共 6 页``, ``共6页``.  It starts with a dash or
#: 第/共, so the engine skips to those.  These are the forms of a footer line
#: (`_sections.FOOTER_BODY`, which the later stage matches) that no row of cells can
#: take: at most one space inside, and not ``3/6``, which a row's ``3 / 6`` may be.
_INLINE_FOOTER: Final = re.compile(
    r"""
    [-—–]{1,2}[ ]?\d{1,3}[ ]?[-—–]{1,2}
    | 第[ ]?\d{1,3}[ ]?页(?:[ ]?[,/]?[ ]?共[ ]?\d{1,3}[ ]?页)?
    | 共[ ]?\d{1,3}[ ]?页
    """,
    re.VERBOSE,
)


def _inline_footers(folded: str) -> list[tuple[int, int]]:
    """Where the page footers printed where a page broke are, in a text whose line
    breaks were made spaces (`_INLINE_FOOTER`, white space or the text's end either side):
    their numbers are no table's values (``…第二十条第（六）项 - 3 - 信息内容…``).

    >>> _inline_footers("规章 1 0 -2- 行政规范性文件 第3页 5 a-1-b")
    [(7, 10), (19, 22)]
    """
    out: list[tuple[int, int]] = []
    end = len(folded)
    for m in _INLINE_FOOTER.finditer(folded):
        a, b = m.span()
        if (a == 0 or folded[a - 1].isspace()) and (b == end or folded[b].isspace()):
            out.append((a, b))
    return out


#: What folds, to what (characters that fold to themselves left out: the search for the
#: next one to fold must not find them again).
_FOLD_CHARS: Final = {chr(k): v for k, v in _FOLD.items() if chr(k) != v}
_FOLDABLE_CLASS: Final = "".join(map(re.escape, _FOLD_CHARS))
_FOLDABLE: Final = re.compile(f"[{_FOLDABLE_CLASS}]")
#: What stops the folding scan after traditional characters are converted: a radical
#: form, or an invisible format character.
_STOPS_CLASS: Final = "".join(map(chr, _RADICAL_FORMS)) + _INVISIBLE_CLASS
_FOLDABLE_OR_RADICAL: Final = re.compile(f"[{_FOLDABLE_CLASS}{_STOPS_CLASS}]")
#: Foldable characters, radical forms, invisible format characters and traditional
#: characters: what normalisation needs to know of the text, in one scan.
_SCAN: Final = re.compile(f"[{_FOLDABLE_CLASS}{_STOPS_CLASS}{TRADITIONAL_CLASS}]")
#: What `_CONTROL_TO_SPACE` translates: control characters but the tab and line breaks;
#: line breaks that are neither ``\n`` nor ``\r``; lone surrogates.
_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ud800-\udfff]")


def _fold_until(text: str, scan: re.Pattern[str]) -> str | int:
    """`text` with every character of `_FOLD` replaced, one for one, or the offset of the
    first character `scan` finds that does not fold (a traditional character, a radical
    form or an invisible format character).

    ``str.translate`` with a dict looks up every character, and a substitution calls back
    for each of the hundreds of full-width commas and brackets of a report.  Instead, the
    first foldable character is searched for and replaced everywhere, and the search goes
    on from where it stopped: one scan of the text in all, and one ``str.replace`` for each
    distinct character (a dozen, typically).
    """
    m = scan.search(text)
    while m is not None:
        to = _FOLD_CHARS.get(m.group())
        if to is None:
            return m.start()
        text = text.replace(m.group(), to)
        m = scan.search(text, m.start())
    return text


def _fold(text: str) -> str:
    """`text` with every character of `_FOLD` replaced, one for one."""
    folded = _fold_until(text, _FOLDABLE)
    assert isinstance(folded, str)  # only foldable characters are searched for
    return folded

class _CharTable:
    """The fallback converter: OpenCC's t2s of each character on its own (`_tradchars`)."""

    name = "table"

    def __init__(self) -> None:
        self.table = _CHAR_T2S

    def convert(self, text: str) -> str:
        return text.translate(self.table)


class _OpenCC:
    name = "opencc"

    def __init__(self) -> None:
        import opencc

        self.convert = opencc.OpenCC("t2s").convert


_converter: _CharTable | _OpenCC | None = None


def _get_converter() -> _CharTable | _OpenCC:
    """OpenCC's t2s converter, built on first use only (building it costs milliseconds;
    most reports are already simplified); the character table where OpenCC's binding is
    not installed (it has no wheel for every platform and Python)."""
    global _converter
    if _converter is None:
        try:
            _converter = _OpenCC()
        except ImportError:
            _converter = _CharTable()
    return _converter


def _to_simplified(text: str) -> tuple[str, str]:
    """OpenCC t2s, keeping one output character per input character; with the name of
    the converter.

    Phrase-level conversion almost never changes the length; where it does, that line is
    converted character by character instead, so offsets stay aligned with the input.
    """
    converter = _get_converter()
    convert = converter.convert
    out: str = convert(text)
    if len(out) == len(text):
        return out, converter.name
    lines = []
    for line in text.split("\n"):
        conv: str = convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(s := convert(c)) != 1 else s for c in line)
        lines.append(conv)
    return "\n".join(lines), converter.name

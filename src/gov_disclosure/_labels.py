"""Stage 4: find a table's row labels, group labels and captions in its text.

Labels are matched on the *compact* view of the table (whitespace, ``|`` and ``*`` removed),
so that labels spaced out, split over lines or broken one character per line still match
(`_vocab` explains the patterns).  Each hit is mapped back to offsets in the normalised
text, where the grid stage cuts it out before reading cells.
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import operator
import re
from typing import Any, Final, Literal, NamedTuple

from ._vocab import ACTIVE_MARKERS, REQUESTS_2021_MARKERS, TABLES, TableSpec

LabelKind = Literal["row", "group", "caption"]


class LabelHit(NamedTuple):
    """One label found in the text."""

    kind: LabelKind
    ordinal: int
    """For a row, its index in `TableSpec.rows`; for other labels, in `TableSpec.labels`."""
    key: str
    start: int
    """Normalised offset of the label's first character."""
    end: int
    """Normalised offset one past its last character."""
    marker_after_digit: bool = False
    """The label's numbering marker directly follows a digit (cells printed with no
    separator): the marker was read as the label's, not as the last digit of a cell."""


class CompactText(NamedTuple):
    """`text[start:end]` without whitespace, ``|``, ``*`` and quotes, with a map back."""

    text: str
    cstart: tuple[int, ...]
    nstart: tuple[int, ...]

    def to_normalized(self, ci: int) -> int:
        k = bisect.bisect_right(self.cstart, ci) - 1
        return self.nstart[k] + (ci - self.cstart[k])


#: Quotation marks, which labels may or may not print (属于“三类内部事务信息”).
QUOTES: Final = "“”‘’「」\"'"
#: What the compact view leaves out: whitespace, ``|``, ``*`` and quotation marks (a label
#: quoted in part is the same label); captured, so that one split gives both the visible
#: runs and the gaps between them.
_INVISIBLE_RUN: Final = re.compile(rf"([\s|*{QUOTES}]+)")


def compact(text: str, start: int, end: int) -> CompactText:
    """The compact view of ``text[start:end]``.

    >>> c = compact("三、 本 年\\n度", 0, 8)
    >>> c.text, c.to_normalized(4)   # 度 is at offset 7
    ('三、本年度', 7)
    """
    parts = _INVISIBLE_RUN.split(text[start:end])  # visible runs and the gaps between
    pieces = parts[::2]
    gaps = list(map(len, parts[1::2]))  # one fewer than the pieces
    lengths = list(map(len, pieces))
    # where each piece starts, in the compact text and in the text (C-level sums)
    cstart = list(itertools.accumulate(lengths, initial=0))
    nstart = list(itertools.accumulate(map(operator.add, lengths, gaps), initial=start))
    first = 1 if pieces[0] == "" else 0  # the region starts with a gap
    last = len(pieces) - 1 if pieces[-1] == "" else len(pieces)  # or ends with one
    if first >= last:
        return CompactText("", (0,), (start,))
    return CompactText("".join(pieces), tuple(cstart[first:last]), tuple(nstart[first:last]))


class _Finder(NamedTuple):
    """One alternation over the cores of every label of a table variant (rows first), and
    for each alternative the label it belongs to and its numbering marker."""

    cores: re.Pattern[str]
    owners: tuple[tuple[LabelKind, int], ...]
    markers: tuple[re.Pattern[str] | None, ...]


def _finder(spec: TableSpec) -> _Finder:
    owners: list[tuple[LabelKind, int]] = []
    markers: list[re.Pattern[str] | None] = []
    alts: list[str] = []
    labelled = [("row", i, r.patterns) for i, r in enumerate(spec.rows)] + [
        ("caption" if lab.caption_of else "group", i, lab.patterns)
        for i, lab in enumerate(spec.labels)
    ]
    for kind, index, patterns in labelled:
        for pat in patterns:
            # group g<n> is alternative n: Match.lastgroup says which matched (the cores
            # themselves use no capturing groups)
            alts.append(f"(?P<g{len(alts)}>{pat.core})")
            owners.append((kind, index))  # type: ignore[arg-type]
            markers.append(re.compile(pat.marker) if pat.marker else None)
    alternation = "|".join(alts)
    starts = first_chars(alternation)
    if starts:
        # tried at every position, an alternation of forty labels costs ~40 branch tests
        # per character; a look-ahead on the characters a label can start with skips the
        # rest at the cost of one set test (4x faster on real tables)
        alternation = f"(?=[{''.join(map(re.escape, sorted(starts)))}])(?:{alternation})"
    return _Finder(re.compile(alternation), tuple(owners), tuple(markers))


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or ``None`` when that cannot be
    told (the pattern may match the empty string, or starts with something other than
    literals, classes of literals, groups, alternations and repeats of these).

    Uses the standard library's regex parser; should it change shape, the answer is
    ``None`` and callers simply do without the shortcut.

    >>> sorted(first_chars("(?:属于)?国家[秘机]密|其他"))
    ['其', '国', '属']
    >>> first_chars("a?") is None
    True
    """
    try:
        parser: Any = importlib.import_module("re._parser")
        chars, nullable = _first(parser.parse(pattern), importlib.import_module("re._constants"))
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):  # pragma: no cover
        return None  # a parser of another shape
    return None if chars is None or nullable else frozenset(chars)


def _first(items: Any, c: Any) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence may match the empty string) of a parsed
    sequence; ``None`` for characters that cannot be told."""
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is c.IN:
            for sub_op, sub_av in av:
                if sub_op is c.LITERAL:
                    out.add(chr(sub_av))
                elif sub_op is c.RANGE and sub_av[1] - sub_av[0] < 4096:
                    out.update(map(chr, range(sub_av[0], sub_av[1] + 1)))
                else:
                    return None, False  # negated, categories (\d), huge ranges
            return out, False
        if op is c.SUBPATTERN:
            chars, nullable = _first(av[3], c)
        elif op is c.BRANCH:
            nullable = False
            for branch in av[1]:
                sub, sub_nullable = _first(branch, c)
                if sub is None:
                    return None, False
                out |= sub
                nullable = nullable or sub_nullable
            chars = out
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            chars, nullable = _first(av[2], c)
            nullable = nullable or av[0] == 0
        else:
            return None, False  # anchors, look-arounds, back-references…
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


#: The longest numbering marker, in characters (``(一)、``).
_MARKER_MAX: Final = 4

_FINDERS: Final[dict[tuple[str, str], _Finder]] = {
    (name, variant): _finder(spec)
    for name, variants in TABLES.items()
    for variant, spec in variants.items()
    if spec.rows[0].patterns
}


def find_labels(
    text: str, start: int, end: int, spec: TableSpec, view: CompactText | None = None
) -> tuple[LabelHit, ...]:
    """Every label of `spec` in ``text[start:end]``, in text order, not overlapping.

    `view`, the region's compact view, may be passed in when it was built already.
    """
    finder = _FINDERS.get((spec.name, spec.variant))
    if finder is None:
        return ()
    if view is None:
        view = compact(text, start, end)
    hits: list[LabelHit] = []
    # Only the cores are searched (an alternation whose branches start with optional
    # markers is an order of magnitude slower); a marker is then looked for right before.
    floor = 0
    for m in finder.cores.finditer(view.text):
        alt = int((m.lastgroup or "g0")[1:])
        kind, index = finder.owners[alt]
        cs = m.start()
        marker = finder.markers[alt]
        if marker is not None:
            for k in range(min(_MARKER_MAX, cs - floor), 0, -1):
                if marker.fullmatch(view.text, cs - k, cs):
                    cs -= k
                    break
        floor = m.end()
        a = view.to_normalized(cs)
        b = view.to_normalized(m.end() - 1) + 1
        q = _CLOSING_QUOTE.match(text, b, end)
        if q is not None:
            b = q.end()  # the quote that closes the label's quoted words is the label's
        if _IN_SENTENCE.match(text, b, end) is not None:
            continue  # a sentence that names the row (予以公开18件，), not the row's label
        key = spec.rows[index].key if kind == "row" else spec.labels[index].key
        glued = text[a].isdigit() and a > 0 and text[a - 1].isdigit()
        prev = hits[-1] if hits else None
        if prev is not None and prev.key == key and not _DIGIT.search(text, prev.end, a):
            # two patterns of one label (逾期未按 … 收费通知): one hit
            hits[-1] = prev._replace(end=b)
            continue
        hits.append(LabelHit(kind, index, key, a, b, glued))
    numbers = _ROW_NUMBERS.get((spec.name, spec.variant))
    if numbers is not None:
        hits = _numbered_rows(text, spec, numbers, hits)
    return tuple(hits)


#: A row label's numbering marker: ``5.`` ``5、`` (leaf rows), ``(一)`` (（一）予以公开),
#: ``一、`` (一、本年新收…).
_MARKER: Final = (
    r"(?:(?P<d>\d)[.、]|[(（](?P<p>[一二三四五六七八九十])[)）][、.]?|(?P<t>[一二三四五六七八九十])、)"
)


def _marker_key(m: re.Match[str]) -> str:
    """One spelling of a marker matched by `_MARKER` (``5``, ``(一)``, ``一、``)."""
    if m["d"]:
        return str(int(m["d"]))  # (full-width digits too)
    return f"({m['p']})" if m["p"] else f"{m['t']}、"


_MARKER_AT_START: Final = re.compile(_MARKER)


def _row_numbers(spec: TableSpec) -> tuple[str | None, ...]:
    """Each row's numbering marker as its label prints it; ``None`` for unnumbered rows."""
    return tuple(
        _marker_key(m) if (m := _MARKER_AT_START.match(r.label)) else None for r in spec.rows
    )


#: `_row_numbers` of the table variants with numbered rows (table 三).
_ROW_NUMBERS: Final[dict[tuple[str, str], tuple[str | None, ...]]] = {
    (name, variant): _row_numbers(spec)
    for name, variants in TABLES.items()
    for variant, spec in variants.items()
    if any(_row_numbers(spec))
}
#: A line that starts (after cell borders) with a row's numbering marker and goes on in
#: words: a row label.  It ends before a digit, a cell border, a not-applicable mark or
#: two spaces (the cells of whitespace-aligned text).
_NUMBERED_LINE: Final = re.compile(
    rf"(?m)^[ \t|]*+(?P<label>{_MARKER}[ \t]?[^\W\d_](?:[^\d|\t\n/—\- ]| (?! ))*+)"
)


def _numbered_rows(
    text: str, spec: TableSpec, numbers: tuple[str | None, ...], hits: list[LabelHit]
) -> list[LabelHit]:
    """`hits` with the rows between two rows found that were recognised by their number.

    A label misspelt by OCR or typing (``5.属于三类内事务信息``, 部 lost) or garbled is not
    found by its words; its values would go to a row found before it.  Where rows are
    missing between two rows found, the lines between them that start with a missing
    row's number (in template order) and go on in words are taken as their labels.
    """
    rows = [h for h in hits if h.kind == "row"]
    found: list[LabelHit] = []
    for before, after in itertools.pairwise(rows):
        missing = [k for k in range(before.ordinal + 1, after.ordinal) if numbers[k]]
        if not missing:
            continue
        for m in _NUMBERED_LINE.finditer(text, before.end, after.start):
            key = _marker_key(m)
            nxt = next((j for j, k in enumerate(missing) if numbers[k] == key), None)
            if nxt is None:
                continue
            k = missing[nxt]
            del missing[: nxt + 1]
            end = m.end("label")
            while text[end - 1] == " ":
                end -= 1
            found.append(LabelHit("row", k, spec.rows[k].key, m.start("label"), end))
            if not missing:
                break
    if not found:
        return hits
    return sorted([*hits, *found], key=operator.attrgetter("start"))


_DIGIT: Final = re.compile(r"\d")
#: Closing quotes right after a label (the compact view, where labels are found, has none).
_CLOSING_QUOTE: Final = re.compile(r"\s*+[”’」\"']")
#: What follows a row's name in a sentence of the report's text (``予以公开18件，``,
#: ``行政许可决定120件。``): a few words, a number, a unit, then a clause's punctuation
#: before a word (in the folded text ``，`` is ``,``), or ``、`` after a unit.  In a table
#: a value is followed by another, a border, a line break or a label, not by a comma and
#: a word (in a CSV export a comma is followed by a cell, in a number by its thousands).
_UNIT: Final = "(?:万?元|件|个|条|项|次|宗|起|家)"
_IN_SENTENCE: Final = re.compile(
    rf"""[ \t:：]*+[^\W\d_]{{0,6}}+[ \t]*+   # words between: 共计, 决定, 的有
    \d++(?:\.\d++)?[ \t]*+
    (?:{_UNIT}[ \t]*+、(?=[^\W\d_])               # 规章3件、规范性文件…
    |{_UNIT}?[ \t]*+(?:[,;](?=[^\W\d_]|[("“])|。))""",
    re.VERBOSE,
)


_MARKERS: Final[dict[tuple[str, ...], tuple[re.Pattern[str], ...]]] = {
    patterns: tuple(re.compile(p) for p in patterns)
    for patterns in (*ACTIVE_MARKERS.values(), REQUESTS_2021_MARKERS)
}


def count_markers(view: CompactText, patterns: tuple[str, ...]) -> int:
    """How many of `patterns` (a marker set of `_vocab`) occur in a compact view."""
    compiled = _MARKERS.get(patterns) or tuple(re.compile(p) for p in patterns)
    return sum(1 for p in compiled if p.search(view.text))

"""Stage 4: find a table's row labels, group labels and captions in its text.

Labels are matched on the *compact* view of the table (whitespace, ``|`` and ``*`` removed),
so that labels spaced out, split over lines or broken one character per line still match
(`_vocab` explains the patterns).  Each hit is mapped back to offsets in the normalised
text, where the grid stage cuts it out before reading cells.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, Literal

import attrs

from ._vocab import TABLES, LabelSpec, TableSpec

LabelKind = Literal["row", "group", "caption"]


@attrs.frozen
class LabelHit:
    """One label found in the text."""

    kind: LabelKind
    index: int
    """For a row, its index in `TableSpec.rows`; for other labels, in `TableSpec.labels`."""
    key: str
    start: int
    """Normalised offset of the label's first character."""
    end: int
    """Normalised offset one past its last character."""
    marker_after_digit: bool = False
    """The label's numbering marker directly follows a digit (cells printed with no
    separator): the marker was read as the label's, not as the last digit of a cell."""


@attrs.frozen
class CompactText:
    """`text[start:end]` without whitespace, ``|`` and ``*``, with a map back."""

    text: str
    _cstart: tuple[int, ...]
    _nstart: tuple[int, ...]

    def to_normalized(self, ci: int) -> int:
        k = bisect.bisect_right(self._cstart, ci) - 1
        return self._nstart[k] + (ci - self._cstart[k])


_VISIBLE: Final = re.compile(r"[^\s|*]+")


def compact(text: str, start: int, end: int) -> CompactText:
    """The compact view of ``text[start:end]``.

    >>> c = compact("三、 本 年\\n度", 0, 8)
    >>> c.text, c.to_normalized(4)   # 度 is at offset 7
    ('三、本年度', 7)
    """
    pieces: list[str] = []
    cstart: list[int] = []
    nstart: list[int] = []
    n = 0
    for m in _VISIBLE.finditer(text, start, end):
        cstart.append(n)
        nstart.append(m.start())
        piece = m.group()
        pieces.append(piece)
        n += len(piece)
    if not pieces:
        return CompactText("", (0,), (start,))
    return CompactText("".join(pieces), tuple(cstart), tuple(nstart))


def _combined(spec: TableSpec) -> re.Pattern[str]:
    """One alternation over every label of a table variant, rows first.

    Group names ``r<i>`` / ``l<i>`` say which label matched (`Match.lastgroup`); the label
    patterns themselves use no capturing groups.
    """
    alts = [f"(?P<r{i}>{p})" for i, row in enumerate(spec.rows) for p in row.patterns]
    alts += [f"(?P<l{i}>{p})" for i, lab in enumerate(spec.labels) for p in lab.patterns]
    # A group name may appear only once: number alternatives of the same label apart.
    seen: dict[str, int] = {}
    named = []
    for alt in alts:
        name = alt[4 : alt.index(">")]
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            alt = alt.replace(f"(?P<{name}>", f"(?P<{name}_{seen[name]}>", 1)
        named.append(alt)
    return re.compile("|".join(named))


_PATTERNS: Final[dict[tuple[str, str], re.Pattern[str]]] = {
    (name, variant): _combined(spec)
    for name, variants in TABLES.items()
    for variant, spec in variants.items()
    if spec.rows[0].patterns
}


def find_labels(text: str, start: int, end: int, spec: TableSpec) -> tuple[LabelHit, ...]:
    """Every label of `spec` in ``text[start:end]``, in text order, not overlapping."""
    pattern = _PATTERNS.get((spec.name, spec.variant))
    if pattern is None:
        return ()
    view = compact(text, start, end)
    hits: list[LabelHit] = []
    for m in pattern.finditer(view.text):
        group = m.lastgroup or ""
        base = group.split("_", 1)[0]
        index = int(base[1:])
        a = view.to_normalized(m.start())
        b = view.to_normalized(m.end() - 1) + 1
        if base[0] == "r":
            kind: LabelKind = "row"
            key = spec.rows[index].key
        else:
            lab: LabelSpec = spec.labels[index]
            kind = "caption" if lab.caption_of else "group"
            key = lab.key
        glued = text[a].isdigit() and a > 0 and text[a - 1].isdigit()
        prev = hits[-1] if hits else None
        if prev is not None and prev.key == key and not _DIGIT.search(text, prev.end, a):
            # two patterns of one label (逾期未按 … 收费通知): one hit
            hits[-1] = attrs.evolve(prev, end=b)
            continue
        hits.append(LabelHit(kind, index, key, a, b, glued))
    return tuple(hits)


_DIGIT: Final = re.compile(r"\d")


def count_markers(text: str, start: int, end: int, patterns: tuple[str, ...]) -> int:
    """How many of `patterns` occur in the compact view of ``text[start:end]``."""
    view = compact(text, start, end).text
    return sum(1 for p in patterns if re.search(p, view))

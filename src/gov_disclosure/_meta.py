"""Report metadata: the title, the agency and the year the report covers.

The agency is taken, in order of trust, from a title line (``XX局2023年政府信息公开工作
年度报告``, or a title split over two lines with the agency on the first), from the
signature under section 六, or from the sender of a cover letter (``XX办公室关于报送…``).
The year is the title's, else the statistics period's (``统计期限自2023年1月1日``), else
the first year the opening or the overview names.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ._sections import Outline
from ._vocab import AGENCY_SUFFIXES

#: A title: optional agency, a year, then 政府信息公开(工作)(年度)报告.  The agency part is
#: bounded so that a long line cannot cost more than a bounded scan per position.
_TITLE: Final = re.compile(
    r"""
    (?P<agency>[^\n]{0,60}?)[ \t]*
    (?P<year>(?:19|20)\d\d)[ \t]*年[ \t]*度?[ \t]*
    (?:的[ \t]*)?(?:政府|政务)[ \t]*信[ \t]*息[ \t]*公[ \t]*开[ \t]*
    (?:工[ \t]*作[ \t]*)?(?:年[ \t]*度[ \t]*)?(?:工[ \t]*作[ \t]*)?报[ \t]*告
    """,
    re.VERBOSE,
)
_PERIOD: Final = re.compile(r"统计(?:期限|时限|时间|区间|期间)[^\n。]{0,6}?(?P<y>(?:19|20)\d\d)[ \t]*年")
_YEAR: Final = re.compile(r"(?P<y>(?:19|20)\d\d)[ \t]*年")
_LABEL_PREFIX: Final = re.compile(r"^.*?(?:标[ \t]*题|名[ \t]*称|题[ \t]*目)[ \t]*[:：|][ \t]*")
_DECOR: Final = re.compile(r"[*#>|_\[\]【】《》“”\"]")
_SENTENCE: Final = re.compile(r"[。，；,;：:！？]")
_AGENCY_LINE: Final = re.compile(
    rf"^[^\s。；;，,:：]{{2,30}}?(?:{'|'.join(AGENCY_SUFFIXES)})$"
)


@attrs.frozen
class Meta:
    title: str | None
    agency: str | None
    year: int | None


def _clean_agency(s: str) -> str | None:
    s = _LABEL_PREFIX.sub("", s)
    s = _DECOR.sub("", s).strip(" \t、-—:：")
    if "关于" in s:
        return None
    s = re.sub(r"\s+", "", s)
    if not (2 <= len(s) <= 40) or _SENTENCE.search(s):
        return None
    return s


def _lines(text: str, start: int, end: int) -> list[str]:
    return [ln.strip() for ln in text[start:end].split("\n")]


def extract_meta(display: str, folded: str, outline: Outline) -> Meta:
    """Title, agency and year of a report (see the module docstring)."""
    front_end = outline.front_end
    lines = _lines(folded, 0, front_end)
    title = agency = None
    year: int | None = None
    sender = None
    offset = 0
    for i, line in enumerate(lines):
        m = _TITLE.search(line)
        if m is not None and len(line) <= 120:
            part = m.group("agency")
            if "关于" in part:
                sender = sender or _clean_agency(part.split("关于")[0])
            else:
                cand = _clean_agency(part) if part.strip() else None
                if cand is None and not part.strip():
                    prev = next((p for p in reversed(lines[:i]) if p), "")
                    prev_clean = _DECOR.sub("", prev).strip()
                    if _AGENCY_LINE.match(prev_clean):
                        cand = prev_clean
                if title is None:
                    title = display[offset : offset + len(line)].strip() or line
                    year = int(m.group("year"))
                if cand is not None:
                    agency = cand
                    title = _title_text(display, folded, offset, line)
                    year = int(m.group("year"))
                    break
        offset += len(folded[offset:].split("\n", 1)[0]) + 1
    if agency is None and outline.signature:
        agency = _clean_agency(outline.signature)
    if agency is None:
        agency = sender
    if year is None:
        year = _year(folded, outline)
    return Meta(title, agency, year)


def _title_text(display: str, folded: str, offset: int, line: str) -> str:
    raw_line = display[offset:].split("\n", 1)[0]
    return _LABEL_PREFIX.sub("", _DECOR.sub("", raw_line)).strip() or line


def _year(folded: str, outline: Outline) -> int | None:
    m = _PERIOD.search(folded, 0, outline.front_end or len(folded))
    if m is None:
        m = _PERIOD.search(folded)
    if m is not None:
        return int(m.group("y"))
    overview = outline.sections.get("overview")
    for a, b in ((0, outline.front_end), (overview.body_start, overview.body_end) if overview else (0, 0)):
        m = _YEAR.search(folded, a, b)
        if m is not None:
            return int(m.group("y"))
    return None

"""Report metadata: the title, the agency and the year the report covers.

The agency is taken, in order of trust, from a title line (``XX局2023年政府信息公开工作
年度报告``, or a title split over two lines with the agency on the first, or the agency
alone on the line under it; or a title with no year, ``XX局政府信息公开工作年度报告``),
from the signature under section 六, or from the sender of a cover letter
(``XX办公室关于报送…``).  The year is the title's, else the statistics period's
(``统计期限自2023年1月1日``), else the first year the opening or the overview names.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from ._sections import Outline, cn_number
from ._vocab import AGENCY_SUFFIXES

#: A title: optional agency, a year, then 政府信息公开(工作)(年度)报告.  The agency part is
#: bounded so that a long line cannot cost more than a bounded scan per position.
_TITLE: Final = re.compile(
    r"""
    (?P<agency>[^\n]{0,60}?)[ \t]*
    (?P<year>(?:1[ \t]*9|2[ \t]*0)[ \t]*\d[ \t]*\d|[一二][〇零○0O][〇零○0O一二三四五六七八九]{2})  # 二0二三 too
    [ \t]*年[ \t]*度?[ \t]*
    (?P<after>[^\n\d]{0,30}?)                  # or the agency after the year
    (?:的[ \t]*)?政[ \t]*[府务][ \t]*(?:信[ \t]*息[ \t]*)?公[ \t]*开[ \t]*   # 政务公开 too
    (?:工[ \t]*作[ \t]*)?(?:的[ \t]*)?(?:年[ \t]*度[ \t]*)?(?:工[ \t]*作[ \t]*)?
    (?:报[ \t]*告|年[ \t]*报)                # …工作的年度报告, …年报
    """,
    re.VERBOSE,
)
_PERIOD: Final = re.compile(r"统计(?:期限|时限|时间|区间|期间)[^\n。]{0,6}?(?P<y>(?:19|20)\d\d)[ \t]*年")
_YEAR: Final = re.compile(r"(?P<y>(?:19|20)\d\d)[ \t]*年")
_LABEL_PREFIX: Final = re.compile(r"^.*?(?:标[ \t]*题|名[ \t]*称|题[ \t]*目)[ \t]*[:：|][ \t]*")
_DECOR: Final = re.compile(r"[*#>|_\[\]【】《》“”\"]")
_SPACES: Final = re.compile(r"\s+")
#: A signature's note of the seal: 某某县自然资源局（盖章）.
_SEAL: Final = re.compile(r"[(（]?盖章[)）]?")
_SENTENCE: Final = re.compile(r"[。，；,;：:！？]")
_AGENCY_LINE: Final = re.compile(
    rf"^[^\s。；;，,:：]{{2,30}}?(?:{'|'.join(AGENCY_SUFFIXES)})$"
)


class Meta(NamedTuple):
    title: str | None
    agency: str | None
    year: int | None


def _clean_agency(s: str) -> str | None:
    s = _SEAL.sub("", _LABEL_PREFIX.sub("", s))
    s = _DECOR.sub("", s).strip(" \t、-—:：")
    if "关于" in s:
        return None
    s = _SPACES.sub("", s)
    if not (2 <= len(s) <= 40) or _SENTENCE.search(s):
        return None
    return s


def _front_lines(text: str, end: int) -> list[tuple[int, str, bool]]:
    """The lines before `end`, stripped, each with its offset (once stripped) and whether
    it is a piece of a line: a long line of many words a space apart (a page's text joined
    by spaces, on one line: ``首页 … 发布机构 某某县 某某县自然资源局2023年…报告 …``) is
    its words."""
    out: list[tuple[int, str, bool]] = []
    pos = 0
    for line in text[:end].split("\n"):
        if len(line) > _TITLE_MAX and line.count(" ") >= _WORDS_MIN:
            out.extend((pos + w.start(), w.group(), True) for w in _WORD.finditer(line))
        else:
            out.append((pos + len(line) - len(line.lstrip()), line.strip(), False))
        pos += len(line) + 1
    return out


#: A title is one short line.
_TITLE_MAX: Final = 120
#: A line longer than a title with this many spaces is words, not a title.
_WORDS_MIN: Final = 8
_WORD: Final = re.compile(r"\S+")


def extract_meta(display: str, folded: str, outline: Outline) -> Meta:
    """Title, agency and year of a report (see the module docstring)."""
    lines = _front_lines(folded, outline.front_end)
    title: str | None = None
    agency: str | None = None
    year: int | None = None
    sender: str | None = None
    for i, (offset, line, piece) in enumerate(lines):
        if len(line) > _TITLE_MAX:
            continue  # a title is one short line
        m = _TITLE.search(line)
        wrapped = False
        if m is None and i + 1 < len(lines):
            # a title wrapped in the middle (…年度政府信息 / 公开工作年度报告)
            m = _wrapped_title(line, lines[i + 1][1])
            if m is not None:
                wrapped = True
                line += lines[i + 1][1]
        if m is None:
            continue
        part = m.group("agency")
        if not part.strip() and m.group("after").strip():
            part = m.group("after")  # 2023年某某局政府信息公开工作年度报告
        if "关于" in part and ("报送" in part or line[m.end() :].strip()):
            # a cover letter: 某某办公室关于报送…报告的报告, or a sentence naming the
            # report (not 某局关于2023年度…工作的年度报告, which ends the line)
            sender = sender or _clean_agency(part.split("关于")[0])
            continue
        if "关于" in part:
            part = part.split("关于")[0]
        split = not part.strip()  # the agency, if any, is alone on the line before
        at = 0  # where the title starts on its line
        if split:
            cand = _agency_line(lines[:i])
            if cand is None and not piece:  # or under it (a title, then the agency)
                below = _agency_below(lines[i + 2 if wrapped else i + 1 :])
                if below is not None:
                    cand, split = below, False
        elif (last := _last_word(part)) is not None:
            cand, at = last[0], m.start("agency") + last[1]
        else:
            cand = _clean_agency(part)
        if title is None or cand is not None:
            if at:  # a title after other words of its line ends where its match does
                shown = display[offset + at : offset + m.end()]
            elif piece:
                shown = display[offset : offset + len(line)]
            else:
                shown = display[offset : outline.front_end or None]
            raw = shown.split("\n", 2 if wrapped else 1)
            raw_line = "".join(r.strip() for r in raw[: 2 if wrapped else 1])
            title = _LABEL_PREFIX.sub("", _DECOR.sub("", raw_line)).strip() or line
            if split and cand is not None:
                title = f"{cand}{title}"
            year = _year_of(m.group("year"))
        if cand is not None:
            agency = cand
            break
    if title is None:
        title, agency = _yearless_title(display, lines)
    if agency is None and outline.signature:
        agency = _clean_agency(outline.signature)
    if agency is None:
        agency = sender
    if year is None:
        year = _year(folded, outline)
    return Meta(title, agency, year)


#: A title wrapped over two lines has both short.
_WRAPPED_TITLE_MAX: Final = 40


def _wrapped_title(line: str, following: str) -> re.Match[str] | None:
    """The title running from `line` on to `following`, when both are short and the
    title's words are not all on either (its year on the first, 报告 on the second)."""
    if not (0 < len(line) <= _WRAPPED_TITLE_MAX and 0 < len(following) <= _WRAPPED_TITLE_MAX):
        return None
    if _YEAR_DIGITS.search(following) is not None or _TITLE.search(following) is not None:
        return None
    return _TITLE.search(line + following)


#: A year written in digits (a title's second line has none when it is wrapped).
_YEAR_DIGITS: Final = re.compile(r"(?:19|20)[ \t]*\d[ \t]*\d")


def _year_of(written: str) -> int:
    """A title's year as written: ``2023``, ``2 0 2 3`` (spaced out), ``二〇二三``."""
    digits = written.replace(" ", "").replace("\t", "")
    return int(digits) if digits.isdigit() else cn_number(digits)


def _last_word(part: str) -> tuple[str, int] | None:
    """The agency as the last word before a title's year, where other words come before
    it (a page's text on one line: ``首页 … 发布机构 某某县 某某县自然资源局2023年…``), and
    where it starts in `part`.  Not where the words before are fewer than two (某某县
    自然资源局, one name), or where the part is spaced out a character at a time."""
    words = part.split()
    if len(words) < _WORDS_BEFORE_TITLE + 1 or all(len(w) == 1 for w in words):
        return None
    word = _DECOR.sub("", words[-1])
    return (word, part.rindex(words[-1])) if _AGENCY_LINE.match(word) else None


#: Words before the agency that make a title's line a page's text on one line.
_WORDS_BEFORE_TITLE: Final = 2


def _agency_line(before: list[tuple[int, str, bool]]) -> str | None:
    """A title split over two lines: the agency alone on the line before it."""
    prev = next((line for _, line, _ in reversed(before) if line), "")
    prev = _DECOR.sub("", prev).strip()
    return prev if _AGENCY_LINE.match(prev) else None


def _agency_below(after: list[tuple[int, str, bool]]) -> str | None:
    """A title printed over its agency: the agency alone on the first line under it."""
    under = next((line for _, line, _ in after if line), "")
    under = _DECOR.sub("", under).strip()
    if _AGENCY_LINE.match(under) is None or _PROSE_WORDS.search(under) is not None:
        return None
    return under


#: Words of the opening sentence, whose first line may end in an agency's suffix as a
#: name does (``本报告由某某市人民政府办公室根据…政府`` wrapped under the title).
_PROSE_WORDS: Final = re.compile(r"根据|按照|依据|报告|本|由|现将|特此")


#: A title with no year (the year is the statistics period's): an agency's name, then
#: 政府信息公开工作年度报告, alone on a line.
_YEARLESS_TITLE: Final = re.compile(
    r"""
    (?P<agency>[^\s。；;，,:：]{2,40}?)(?:的)?
    政[府务](?:信息)?公开(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:报告|年报)
    """,
    re.VERBOSE,
)


def _yearless_title(
    display: str, lines: list[tuple[int, str, bool]]
) -> tuple[str | None, str | None]:
    """The title and agency from a title line with no year (`_YEARLESS_TITLE`), where no
    title with a year was found."""
    for offset, line, piece in lines:
        if piece or len(line) > _WRAPPED_TITLE_MAX * 2:
            continue
        bare = _SPACES.sub("", _DECOR.sub("", _LABEL_PREFIX.sub("", line)))
        m = _YEARLESS_TITLE.fullmatch(bare)
        if m is None or "关于" in bare or "年" in m.group("agency"):
            continue  # a cover letter names the report (关于报送…年度报告), or a year does
        agency = _clean_agency(m.group("agency"))
        if agency is not None and _AGENCY_LINE.match(agency):
            shown = display[offset : offset + len(line)]
            return _LABEL_PREFIX.sub("", _DECOR.sub("", shown)).strip(), agency
    return None, None


def _year(folded: str, outline: Outline) -> int | None:
    m = _PERIOD.search(folded, 0, outline.front_end or len(folded))
    if m is None:
        m = _PERIOD.search(folded)
    if m is not None:
        return int(m.group("y"))
    overview = outline.sections.get("overview")
    spans = [(0, outline.front_end)]
    if overview is not None:
        spans.append((overview.body_start, overview.body_end))
    for a, b in spans:
        m = _YEAR.search(folded, a, b)
        if m is not None:
            return int(m.group("y"))
    return None

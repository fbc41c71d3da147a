"""Stage 2: `NormalizedText` -> `Outline` (front matter, six sections, closing matter).

Grammar (informal)::

    report   = front section{6} closing
    front    = cover letter | page chrome | title | opening paragraph      (anything)
    section  = heading body
    heading  = NUMERAL "、" words            (variants: _vocab.SECTION_HEADINGS)
             | words alone on a line        (numbering lost: _vocab.BARE_SECTION_HEADINGS)
    closing  = signature? date? chrome?      (after the body of 六)

Headings are searched in order, each after the previous one, first at the start of a line
and, failing that, anywhere (crawled pages put a whole report on one line), and last
without their numeral, as a line of their own.  Markdown and bold marks around a heading
(``## 一、总体情况``, ``**二、…**``) belong to the heading, not to the sections around it.  Table row
labels that look like headings (``四、结转下年度继续办理``) do not match: each heading pattern
needs its section's own words.
"""

from __future__ import annotations

import itertools
import re
from typing import Final, NamedTuple

from ._normalize import NormalizedText
from ._vocab import (
    AGENCY_SUFFIXES,
    BARE_SECTION_HEADINGS,
    CHROME_PHRASES,
    ICP_PROVINCES,
    LINK_LIST_HEADINGS,
    NEIGHBOUR_LINKS,
    PROBLEMS_FALLBACK,
    SECTION_HEADINGS,
    SECTION_NAMES,
    SITE_FOOTER_PHRASES,
    SectionName,
)

#: What may come before a heading on its line: markdown's ``#`` and ``>``, bold ``**``, a
#: list dash, table pipes, an opening 【 (and its close after the heading: `_MARKS_AFTER`).
_DECORATION: Final = r"[ \t*#>\-|【\[]*"
#: Bold, heading or 【】 marks after a heading (and the spaces among them).
_TRAILING_MARKS: Final = " \t*#】]"
#: Such marks right after a heading found inside a line.
_MARKS_AFTER: Final = re.compile(rf"[{re.escape(_TRAILING_MARKS.strip())}]+")
_ANCHORED: Final = {
    name: re.compile(rf"(?m)^{_DECORATION}(?P<h>{pat})") for name, pat in SECTION_HEADINGS.items()
}
#: The same headings after a line break: a pattern that starts with a literal is searched
#: from line break to line break, several times faster than one tried at every position.
_AFTER_BREAK: Final = {
    name: re.compile(rf"\n{_DECORATION}(?P<h>{pat})") for name, pat in SECTION_HEADINGS.items()
}
_ANYWHERE: Final = {name: re.compile(rf"(?P<h>{pat})") for name, pat in SECTION_HEADINGS.items()}
#: A heading as the whole of its line, without its numeral or with its numeral written
#: otherwise: without its 、 (一总体情况), in brackets ((一)总体情况), or as an Arabic
#: digit (1、总体情况, 1.总体情况, (1)总体情况).  Always the section's own number: an
#: agency's subheadings in section 一 ((一)主动公开情况) name other sections' matters.
_BARE: Final = {
    name: re.compile(
        rf"(?m)^{_DECORATION}(?P<h>(?:{numeral}\s*|\(\s*[{numeral}{digit}]\s*\)\s*"
        rf"|{digit}\s*[、.]\s*)?{BARE_SECTION_HEADINGS[name]})"
        rf"[{re.escape(_TRAILING_MARKS)}]*$"
    )
    for numeral, digit, name in zip("一二三四五六", "123456", SECTION_NAMES, strict=True)
}
_PROBLEMS_FALLBACK: Final = re.compile(rf"(?m)^[ \t]*(?P<h>{PROBLEMS_FALLBACK})")
_PROBLEMS_ANYWHERE: Final = re.compile(rf"(?P<h>{PROBLEMS_FALLBACK})")

#: A markdown heading's underline on the next line (setext style, markdownify's default):
#: ``一、总体情况`` then ``======`` or ``------``.
_SETEXT: Final = re.compile(r"[ \t]*+\n[ \t]*+(?:={3,}+|-{3,}+)[ \t]*+(?=\n|$)")

#: The rest of a heading line, when short and not a sentence, still belongs to the heading.
_HEADING_TAIL: Final = re.compile(r"[^\n。；;，,:：]{0,24}(?=[ \t]*(?:\n|$))")

#: A date: 2020年1月15日, 2024-01-17, 二〇二〇年一月十五日.
_DATE: Final = r"""
    (?:
        (?P<y>\d{4})[ \t]*年[ \t]*(?P<m>\d{1,2})[ \t]*月[ \t]*(?P<d>\d{1,2})[ \t]*日
      | (?P<y2>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})
      | (?P<cy>[〇○零一二三四五六七八九0O]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月  # 二0二四 too
        (?P<cd>[一二三四五六七八九十]{1,3})日
    )
    [ \t]*(?:印发|发布|公布)?
"""
#: What markdown puts round a closing line (``**2024年1月15日**``, ``> 某某县自然资源局``,
#: pymupdf4llm's ``某某县自然资源局<br><!-- End of picture text -->`` for a seal's image).
_HTML_COMMENT: Final = r"<!--[^\n]*?-->"
_LINE_MARKS: Final = rf"(?:[ \t*#>]|{_HTML_COMMENT})*"
_LINE_MARKS_AFTER: Final = rf"(?:[ \t*]|<br[ \t]*/?>|{_HTML_COMMENT})*"
#: A line that is only a date (印发), maybe in brackets (folded: ``(2024年1月15日)``).
_DATE_LINE: Final = re.compile(
    rf"^{_LINE_MARKS}\(?{_DATE}\)?{_LINE_MARKS_AFTER}$", re.VERBOSE
)
#: A date whose year's digits went to a line of their own: ``pdftotext -layout`` prints
#: digits set in another font (and so on another baseline) a line below or above the rest
#: (``年1月15日`` then ``2024``).  Only taken with the year line next to it.
_YEARLESS_DATE_LINE: Final = re.compile(
    rf"^{_LINE_MARKS}年[ \t]*(?P<m>\d{{1,2}})[ \t]*月[ \t]*(?P<d>\d{{1,2}})[ \t]*日"
    rf"[ \t]*(?:印发|发布|公布)?{_LINE_MARKS_AFTER}$"
)
_YEAR_LINE: Final = re.compile(rf"^{_LINE_MARKS}(?P<y>\d{{4}}){_LINE_MARKS_AFTER}$")
#: A page footer or header line: "- 3 -", "-3-", "— 3 —", "· 3 ·", "第3页", "第 3 页 共 6 页",
#: "第3页/共6页", "共6页 第3页", "3/6", "Page 3 of 6".  FOOTER_BODY is such a line after its
#: indentation (verbose).
FOOTER_BODY: Final = r"""
    (?=[-—–·•・第共\dPp\ue000])             # (the first characters of all: most lines fail here)
    (?: [-—–]{1,2}[ \t]*\d{1,3}[ \t]*[-—–]{1,2}
      | \ue000{1,3}                         # a page number printed alone (normalize marks it)
      | [·•・][ \t]*\d{1,3}[ \t]*[·•・]
      | 第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?
      | 共[ \t]*\d{1,3}[ \t]*页[ \t]*[,，/]?[ \t]*第[ \t]*\d{1,3}[ \t]*页
      | \d{1,3}[ \t]*/[ \t]*\d{1,3}
      | [Pp]age[ \t]*\d{1,3}(?:[ \t]*(?:of|/)[ \t]*\d{1,3})?
    )
    [ \t]*$
"""
_FOOTER: Final = rf"^[ \t]*{FOOTER_BODY}"
FOOTER_LINE: Final = re.compile(_FOOTER, re.MULTILINE | re.VERBOSE)
#: A footer line with the line break before it.  Starting with a literal ``\n`` (rather
#: than ``\n?^``) lets the engine skip to line breaks: three times faster on long text.
_FOOTER_AFTER_BREAK: Final = re.compile(
    r"\n" + _FOOTER.strip().removeprefix("^"), re.MULTILINE | re.VERBOSE
)


#: A running page header: the report's title alone on a line (``某某县…年度报告``), with
#: no sentence punctuation (``附件：…年度报告`` is text).
RUNNING_HEADER: Final = r"[ \t]*+[^\s|：:，,。；;][^\n|\t：:，,。；;]{0,80}?年度报告[ \t]*+"
#: Such a line with the line break before it (for `strip_footers` and the table reader).
RUNNING_HEADER_AFTER_BREAK: Final = re.compile(rf"\n{RUNNING_HEADER}(?=\n|$)")


#: A year alone on the line after one that starts with 年: a PDF tool printed the year,
#: set in another font than the characters round it, a line below (markitdown:
#: ``年，我市坚持以…为`` then ``2024`` then ``指导，…``).
_DISPLACED_YEAR: Final = re.compile(r"^(年[^\n]*)\n[ \t]*((?:19|20)\d\d)[ \t]*$", re.MULTILINE)


def restore_years(text: str) -> str:
    """`text` with each year printed a line below the 年 it goes with put back before it.

    >>> restore_years("年，我局坚持以…为\\n2024\\n指导，不断深化政务公开。")
    '2024年，我局坚持以…为\\n指导，不断深化政务公开。'
    """
    if "\n年" not in text and not text.startswith("年"):
        return text  # no line starts with 年 (nearly every section): no scan
    return _DISPLACED_YEAR.sub(r"\2\1", text)


def strip_footers(text: str) -> str:
    """`text` without its page footer and header lines (``- 3 -``, ``第3页``, the title
    repeated at the top of a page).

    >>> strip_footers("- 1 -\\n甲\\n第 2 页\\n乙\\n某某县2023年政府信息公开工作年度报告\\n丙")
    '\\n甲\\n乙\\n丙'
    """
    text = _FOOTER_AFTER_BREAK.sub("", text)
    if "年度报告" in text:
        text = RUNNING_HEADER_AFTER_BREAK.sub("", text)
    first = FOOTER_LINE.match(text)  # a footer on the first line has no break before it
    return text[first.end() :] if first is not None else text


def untable_prose(text: str) -> str:
    """`text` (a section of prose) without the table markup a PDF-to-markdown converter
    (markitdown) puts round lines of it: a row of prose cells becomes their words a space
    apart, and the rule under it goes; so does a page footer so rowed (``| - 4 | - |``).
    Rows of a real table (no sentence in them) stay.

    >>> untable_prose("| 2023 | 年，我局坚持以人民为中心 |  |  |\\n| --- | --- | --- | --- |\\n推进政务公开。")
    '2023 年，我局坚持以人民为中心\\n推进政务公开。'
    """
    if "|" not in text:
        return text
    out: list[str] = []
    after_row = False
    for line in text.split("\n"):
        bare = line.strip()
        if after_row and _MD_RULE.fullmatch(bare):
            after_row = False
            continue
        after_row = False
        if len(bare) > 1 and bare[0] == "|" and bare[-1] == "|":
            words = " ".join(c.strip() for c in bare[1:-1].split("|") if c.strip())
            prose = _SENTENCE_MARK.search(words) and _HAN_RUN.search(words)
            if prose or FOOTER_LINE.fullmatch(words):
                out.append(words)
                after_row = True
                continue
        out.append(line)
    return "\n".join(out)


#: A markdown table's rule line: ``| --- | :---: |``.
_MD_RULE: Final = re.compile(r"\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?")
#: Words of a sentence: a sentence's punctuation, and six characters of text in a run.
_SENTENCE_MARK: Final = re.compile(r"[，。；：]")
_HAN_RUN: Final = re.compile(r"[\u4e00-\u9fff]{6}")


#: A signature: an agency's name, maybe with its seal noted (盖章).
_SIGNATURE: Final = (
    rf"[^\s。；;，,:：、“”\"()（）*#>]{{2,40}}?(?:{'|'.join(AGENCY_SUFFIXES)})"
    r"[ \t]*(?:（?\(?盖章\)?）?)?"
)
_SIGNATURE_LINE: Final = re.compile(rf"^{_LINE_MARKS}{_SIGNATURE}{_LINE_MARKS_AFTER}$")
#: The signature and the date on one line, spaced apart.
_SIGNED_DATE_LINE: Final = re.compile(
    rf"^{_LINE_MARKS}(?P<sig>{_SIGNATURE})[ \t]+{_DATE}{_LINE_MARKS_AFTER}$", re.VERBOSE
)
#: The signature set at the end of the body's last line, a wide gap away (PyMuPDF's text
#: sorted by position puts text at one height on one line): ``…事项。        某某县自然资源局``.
_TRAILING_SIGNATURE: Final = re.compile(rf"[ \t]{{4,}}(?P<sig>{_SIGNATURE}){_LINE_MARKS_AFTER}$")
#: The signature and date after the last sentence of a line (a page's text joined by
#: spaces, all on one line): ``…事项。 某某县自然资源局 2024年1月15日``.
_INLINE_CLOSING: Final = re.compile(
    rf"(?<=[。！!；;）)])[ \t]++(?:(?P<sig>{_SIGNATURE})[ \t]++)?{_DATE}", re.VERBOSE
)
#: How far from the end of section 六's last line an inline closing is looked for.
_INLINE_CLOSING_WINDOW: Final = 300
_CHROME_LINE: Final = re.compile(
    r"^[ \t|*\-_=【\[]*(?:" + "|".join(map(re.escape, CHROME_PHRASES)) + r")[^\n]{0,40}$"
)
_SITE_FOOTER_LINE: Final = re.compile(
    rf"^[ \t|*\-_=【\[]*(?:[{ICP_PROVINCES}](?=ICP备))?(?:"
    + "|".join(map(re.escape, SITE_FOOTER_PHRASES))
    + r")[^\n]{0,200}$"
)
#: A link list's heading alone on its line (`LINK_LIST_HEADINGS`: ``相关文章``,
#: ``【相关链接】``), or a link to a neighbouring article with its title (``上一篇：…``).
_LINK_LIST_LINE: Final = re.compile(
    r"^[ \t|*\-_=【\[]*+(?:"
    + "|".join(map(re.escape, LINK_LIST_HEADINGS))
    + r")[ \t:：】\]]*+$|^[ \t|*\-_=【\[]*+(?:"
    + "|".join(map(re.escape, NEIGHBOUR_LINKS))
    + r")[^\n]{0,80}$"
)
_CHROME_TAIL: Final = re.compile(
    r"(?:[ \t]*+(?:" + "|".join(map(re.escape, CHROME_PHRASES)) + r"))++[ \t|]*+$"
)
#: How far from the end of the last line page chrome is looked for.
_CHROME_TAIL_WINDOW: Final = 200
#: Page chrome right after a sentence (a page's text joined by spaces, all on one line):
#: ``…情况。 来源：… 浏览次数：123``, ``…情况。 相关文章 …``, ``…情况。 主办单位：…``.
_INLINE_CHROME: Final = re.compile(
    rf"[ \t]++(?:[{ICP_PROVINCES}](?=ICP备))?(?:"
    + "|".join(
        map(re.escape, (*CHROME_PHRASES, *SITE_FOOTER_PHRASES, *LINK_LIST_HEADINGS, *NEIGHBOUR_LINKS))
    )
    + ")"
)
#: How far from the end of section 六's last line its last sentence is looked for.
_INLINE_CHROME_WINDOW: Final = 1000
_JUNK_LINE: Final = re.compile(rf"^(?:[\s|*\-_=]|{_HTML_COMMENT})*$")


class RawSection(NamedTuple):
    """One section's place in the normalised text."""

    name: SectionName
    heading_start: int
    heading_end: int
    body_start: int
    body_end: int


class Outline(NamedTuple):
    """Where the parts of a report are, in normalised offsets."""

    front_end: int
    """The front matter (cover letter, chrome, title, opening) is ``[0, front_end)``."""
    sections: dict[SectionName, RawSection]
    """The sections that were found."""
    closing_start: int
    """The closing matter (signature, date, chrome) is ``[closing_start, len(text))``."""
    date: tuple[int, int, int] | None = None
    """The date printed in the closing matter, as (year, month, day)."""
    signature: str | None = None
    """The signature line in the closing matter, when there is one."""


def split_sections(norm: NormalizedText) -> Outline:
    """Find the six headings, the front matter and the closing matter."""
    text = norm.folded
    found = _headings(text, 0)
    contents = _contents(text, found)
    if contents:  # a table of contents lists the headings first: they follow it again
        again = _headings(text, found[len(contents) - 1][3])
        if set(contents) <= {f[0] for f in again}:
            found = again
    if not any(f[0] == "problems" for f in found):
        found = _problems_fallback(text, found)

    sections: dict[SectionName, RawSection] = {}
    for i, (name, _, start, end) in enumerate(found):
        body_end = found[i + 1][1] if i + 1 < len(found) else len(text)
        # the heading without the marks after it (**一、总体情况**); the body after them
        heading = text[start:end]
        under = _SETEXT.search(heading)
        if under is not None:
            heading = heading[: under.start()]  # the underline is no part of the heading
        heading_end = len(heading.rstrip(_TRAILING_MARKS)) + start
        sections[name] = RawSection(name, start, heading_end, end, body_end)

    closing_start = len(text)
    date: tuple[int, int, int] | None = None
    signature: str | None = None
    last = sections.get("other_matters")
    if last is not None:
        body_end, closing_start, date, signature = _split_closing(
            text, last.body_start, last.body_end
        )
        sections["other_matters"] = last._replace(body_end=body_end)
    front_end = found[0][1] if found else 0
    return Outline(front_end, sections, closing_start, date, signature)


#: A heading's place: (name, where its line or marks start, heading start, heading end).
_Found = tuple[SectionName, int, int, int]


def _headings(text: str, pos: int) -> list[_Found]:
    """The headings found in order, each after the previous one, from `pos` on."""
    found: list[_Found] = []
    for name in SECTION_NAMES:
        anchored = True
        m = _ANCHORED[name].match(text) if pos == 0 else None  # the first line
        if m is None:
            # a line start at or after pos: a line break at or after pos - 1
            m = _AFTER_BREAK[name].search(text, max(pos - 1, 0))
        if m is None:
            m = _ANYWHERE[name].search(text, pos)
            anchored = False
        if m is None:
            m = _BARE[name].search(text, pos)
            anchored = True
        if m is None:
            continue
        start, end = m.start("h"), m.end("h")
        if text.find("\n", start, end) >= 0 and not anchored:
            # a heading broken over lines is only taken at the start of a line
            line_start = text.rfind("\n", 0, start) + 1
            if text[line_start:start].strip():
                continue
        if anchored:
            cut = text.rfind("\n", 0, start) + 1  # the line, with its marks (## 一、…)
            tail = _HEADING_TAIL.match(text, end)
            if tail is not None:
                end = tail.end()
            under = _SETEXT.match(text, end)
            if under is not None:
                end = under.end()  # a setext heading's underline goes with it
        else:
            cut = start
            while cut > pos and text[cut - 1] in " \t*#【[":
                cut -= 1  # **一、总体情况** inside a line: the marks go with the heading
            marks = _MARKS_AFTER.match(text, end)
            if marks is not None:
                end = marks.end()
        found.append((name, cut, start, end))
        pos = end
    return found


#: What a table of contents puts after a heading: dot leaders and a page number.
_CONTENTS_FILLER: Final = re.compile(r"[\s.·…—\-_\d]*")


def _contents(text: str, found: list[_Found]) -> list[SectionName]:
    """The headings of a table of contents: the first three or more headings found, when
    nothing but dot leaders and page numbers lies between them (else none)."""
    run = 0
    for (_, _, _, end), (_, cut, _, _) in itertools.pairwise(found):
        if _CONTENTS_FILLER.fullmatch(text, end, cut) is None:
            break
        run += 1
    return [f[0] for f in found[: run + 1]] if run >= 2 else []


def _problems_fallback(
    text: str, found: list[_Found]
) -> list[_Found]:
    """Section 五 without its heading: it starts at ``（一）…主要问题`` after table 四."""
    after = next((e for n, _, _, e in found if n == "review_litigation"), None)
    if after is None:
        return found
    limit = next((c for n, c, _, _ in found if n == "other_matters"), len(text))
    m = _PROBLEMS_FALLBACK.search(text, after, limit) or _PROBLEMS_ANYWHERE.search(
        text, after, limit
    )
    if m is None:
        return found
    # The sub-heading starts the section's text: the heading is empty.
    out = [f for f in found if f[0] != "problems"]
    out.append(("problems", m.start("h"), m.start("h"), m.start("h")))
    out.sort(key=lambda f: f[1])
    return out


def _split_closing(
    text: str, start: int, end: int
) -> tuple[int, int, tuple[int, int, int] | None, str | None]:
    """Cut the signature, date and page chrome off the end of section 六.

    Returns (end of the section body, start of the closing matter, date, signature).
    Forward first: the closing starts at the first signature or date line that follows some
    body text.  Where there is none, trailing chrome and junk lines are trimmed backwards.
    """
    lines = _lines(text, start, end)
    seen_body = False
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if not seen_body:
            seen_body = not _is_trailing_junk(line) and not _DATE_LINE.match(line)
            continue
        if _LINK_LIST_LINE.match(line) is not None:
            # the page's link lists: the titles under the heading are no body text
            body_end = trim_back(text, start, a)
            return body_end, a, None, None
        signed = _SIGNED_DATE_LINE.match(line)
        if signed is not None:
            body_end = trim_back(text, start, a)
            return body_end, a, _date_of(signed), signed.group("sig").strip()
        is_date, date = _date_at(text, lines, i)
        is_sig = _SIGNATURE_LINE.match(line) is not None and _followed_by_date(text, lines, i)
        if is_date or is_sig:
            body_end = trim_back(text, start, a)
            signature = line.strip() if is_sig else None
            if is_date and body_end > start:
                line_start = text.rfind("\n", start, body_end) + 1
                trailing = _TRAILING_SIGNATURE.search(text, max(line_start, start), body_end)
                if trailing is not None:
                    signature = trailing.group("sig").strip()
                    body_end = _rstrip(text, start, trailing.start())
            if is_sig:
                for j in range(i + 1, min(i + 4, len(lines))):
                    is_date, date = _date_at(text, lines, j)
                    if is_date:
                        break
            return body_end, a, date, signature
    body_end = _inline_chrome(text, start, trim_back(text, start, end))
    inline = _inline_closing(text, start, body_end, end)
    if inline is not None:
        return inline
    return body_end, body_end, None, None


def _inline_closing(
    text: str, start: int, body_end: int, end: int
) -> tuple[int, int, tuple[int, int, int] | None, str | None] | None:
    """The signature and date at the end of the body's last line, after its last sentence
    (text on one line), as `_split_closing` returns them: only where no sentence follows."""
    line_start = text.rfind("\n", start, body_end) + 1
    found = None
    window = max(line_start, body_end - _INLINE_CLOSING_WINDOW)
    for m in _INLINE_CLOSING.finditer(text, window, body_end):
        found = m
    if found is None or "。" in text[found.end() : end]:
        return None
    sig = found.group("sig")
    return _rstrip(text, start, found.start()), found.start(), _date_of(found), sig and sig.strip()


def _inline_chrome(text: str, start: int, body_end: int) -> int:
    """The end of the body once page chrome after the last sentence of its last line is
    gone (`_INLINE_CHROME`): the chrome runs to the end, with no sentence end in it."""
    line_start = text.rfind("\n", start, body_end) + 1
    window = max(line_start, body_end - _INLINE_CHROME_WINDOW)
    # the text is folded: a full-width ； is ";" in it
    stop = max(text.rfind("。", window, body_end), text.rfind(";", window, body_end))
    if stop < 0 or _INLINE_CHROME.match(text, stop + 1, body_end) is None:
        return body_end
    return stop + 1


def _followed_by_date(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    rest = [j for j in range(i + 1, min(i + 6, len(lines))) if _has_text(text, lines[j])]
    return not rest or _date_at(text, lines, rest[0])[0]


def _has_text(text: str, line: tuple[int, int]) -> bool:
    return not text[line[0] : line[1]].isspace() and line[0] < line[1]


def _date_at(
    text: str, lines: list[tuple[int, int]], i: int
) -> tuple[bool, tuple[int, int, int] | None]:
    """Whether line `i` is a date line, and the date (``None`` when it does not read as one).

    A date whose year stands on a line of its own next to the rest (`_YEARLESS_DATE_LINE`)
    counts from either line: the year line when the next line with text is the rest of the
    date, the rest when the next line with text is the year.
    """
    a, b = lines[i]
    line = text[a:b]
    m = _DATE_LINE.match(line)
    if m is not None:
        return True, _date_of(m)
    year = _YEAR_LINE.match(line)
    rest = _YEARLESS_DATE_LINE.match(line) if year is None else None
    if year is None and rest is None:
        return False, None
    after = next((j for j in range(i + 1, len(lines)) if _has_text(text, lines[j])), None)
    if after is None:
        return False, None
    other = text[lines[after][0] : lines[after][1]]
    if year is not None:
        rest = _YEARLESS_DATE_LINE.match(other)
    else:
        year = _YEAR_LINE.match(other)
    if year is None or rest is None:
        return False, None
    return True, (int(year.group("y")), int(rest.group("m")), int(rest.group("d")))


def trim_back(text: str, start: int, end: int) -> int:
    """End of `text[start:end]` once trailing blank, junk, footer and chrome lines are gone."""
    lines = _lines(text, start, end)
    while lines:
        a, b = lines[-1]
        line = text[a:b]
        if _is_trailing_junk(line):
            lines.pop()
            continue
        # chrome ends a line: looking at its end only keeps this linear on a long line
        tail_start = max(0, len(line) - _CHROME_TAIL_WINDOW)
        m = _CHROME_TAIL.search(line, tail_start)
        if m is not None and m.start() > 0:
            return _rstrip(text, a, a + m.start())
        return _rstrip(text, a, b)
    return start


def _is_trailing_junk(line: str) -> bool:
    return (
        _JUNK_LINE.match(line) is not None
        or FOOTER_LINE.match(line) is not None
        or _CHROME_LINE.match(line) is not None
        or _SITE_FOOTER_LINE.match(line) is not None
    )


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t|":
        end -= 1
    return end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            out.append((pos, end))
            break
        out.append((pos, nl))
        pos = nl + 1
    return out


#: Chinese numerals, with the zeros typed for 〇 (二0二四, 二O二四: a digit or a letter).
_CN_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0, "○": 0, "0": 0, "O": 0,
}


def cn_number(s: str) -> int:
    """A number written in Chinese numerals: a year digit by digit (二〇二三), or 1-99."""
    if len(s) == 4:  # a year written digit by digit
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[s]


def _date_of(m: re.Match[str]) -> tuple[int, int, int] | None:
    if m.group("y"):
        return int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if m.group("y2"):
        return int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    return cn_number(m.group("cy")), cn_number(m.group("cm")), cn_number(m.group("cd"))

"""Test-only renderers: a known report, flattened the way each real layout family does.

`Report` holds every cell of the three tables as the text an author would write (``None``
for an empty cell).  Each ``render_*`` function prints the whole report, title to
signature, in one layout family, modelled on the samples in tests/data/samples:

=============  ==================================================  ===============
family         like                                                blank cells
=============  ==================================================  ===============
pipe_suffix    000, 003 (``cell |`` lines, ``|||`` residue)        dropped
pipe_lines     001 (cells on lines between ``|`` lines)            dropped
blank_lines    002 (a blank line between cells)                    an extra blank line
tabs           004 (tab-separated rows, merged label cells)        empty fields
markdown       r012.html2text (pipe rows)                          empty fields
aligned        r012.inscriptis, pdftotext -layout (space columns)  dropped
plumber        pdfplumber (single spaces, labels wrapped round)    dropped
raw            pdftotext raw (a cell a line, some blocks by        dropped
               column, labels after their values)
fragments      BeautifulSoup get_text("\\n") (runs of empty lines)  a line of spaces
glued          crawled page text (no separators at all)            (none allowed)
html           a whole crawled page, Word HTML (parse_html)        &nbsp; cells
markitdown     markitdown's markdown of a PDF (tables rebuilt      dropped
               from word positions: shared cells, loose labels)
pdfminer       pdfminer.six's extract_text() (a page's labels,      dropped
               then its values a column at a time)
=============  ==================================================  ===============

The parser never sees these functions; they exist so that tests can state "a grid
flattened by every real-world layout rebuilds to the same grid".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

import attrs

from gov_disclosure._vocab import TABLES, Template

Cells = tuple[str | None, ...]


@attrs.frozen
class Report:
    active_variant: Template
    requests_variant: Template
    active: dict[str, Cells]
    requests: dict[str, Cells]
    review: Cells
    agency: str = "某某县自然资源局"
    year: int = 2023
    overview: str = "本年度，我局认真贯彻落实《条例》，不断深化政务公开。"
    problems: str = "一是公开内容还不够全面；二是解读形式较为单一。"
    other: str = "本年度未收取信息处理费。"
    #: Rows the template does not have, as (table, the row they follow, label, cells):
    #: each family prints them as it prints the template's rows.
    added: tuple[tuple[str, str, str, Cells], ...] = ()


_CAPTIONS = {"一": "第二十条第（一）项", "五": "第二十条第（五）项", "六": "第二十条第（六）项",
             "八": "第二十条第（八）项", "九": "第二十条第（九）项"}
_REQ_HEADER = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
_REVIEW_HEADER = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

#: Group labels printed before the first row of their group.
_GROUP_BEFORE = {
    "granted": "三、本年度办理结果",
    "denied.state_secret": "（三）不予公开",
    "unavailable.not_held": "（四）无法提供",
    "not_processed.complaint": "（五）不予处理",
    "other.no_correction": "（六）其他处理",
}


def _active_groups(report: Report) -> list[tuple[str, tuple[str, ...], list[tuple[str, Cells]]]]:
    """Table 二 as (caption, headers, rows) per 第二十条 item."""
    spec = TABLES["active"][report.active_variant]
    out: list[tuple[str, tuple[str, ...], list[tuple[str, Cells]]]] = []
    for row in spec.rows:
        assert row.group is not None
        if not out or out[-1][0] != _CAPTIONS[row.group]:
            out.append((_CAPTIONS[row.group], tuple(c.label for c in row.columns), []))
        out[-1][2].append((row.label, report.active[row.key]))
        out[-1][2].extend((label, cells) for _t, _k, label, cells in _added_after(report, "active", row.key))
    return out


def _added_after(report: Report, table: str, key: str) -> list[tuple[str, str, str, Cells]]:
    return [a for a in report.added if a[:2] == (table, key)]


def _keyed_request_rows(report: Report) -> list[tuple[str | None, str | None, str, Cells]]:
    """Table 三's rows as (key, group label printed before, label, cells); the key of a
    row the agency added is None."""
    spec = TABLES["requests"][report.requests_variant]
    out: list[tuple[str | None, str | None, str, Cells]] = []
    for r in spec.rows:
        out.append((r.key, _GROUP_BEFORE.get(r.key), _short(r.label), report.requests[r.key]))
        out.extend((None, None, label, cells) for *_, label, cells in _added_after(report, "requests", r.key))
    return out


def _request_rows(report: Report) -> list[tuple[str | None, str, Cells]]:
    return [row[1:] for row in _keyed_request_rows(report)]


def _short(label: str) -> str:
    return label


def _review_groups() -> tuple[str, ...]:
    return ("行政复议", "行政诉讼")


def _head(report: Report) -> list[str]:
    return [f"{report.agency}{report.year}年政府信息公开工作年度报告", "一、总体情况", report.overview]


def _tail(report: Report) -> list[str]:
    return [
        "五、存在的主要问题及改进情况",
        report.problems,
        "六、其他需要报告的事项",
        report.other,
        report.agency,
        f"{report.year + 1}年1月15日",
    ]


def _val(v: str | None) -> str:
    return "" if v is None else v


# --------------------------------------------------------------------------- families
def render_pipe_suffix(report: Report) -> str:
    out = _head(report)
    out.append("二、主动公开政府信息情况")
    for caption, headers, rows in _active_groups(report):
        out += [f"{caption} |", "|||", "信息内容 |", *(f"{h} |" for h in headers)]
        for label, cells in rows:
            out.append(f"{label} |")
            out += [f"{v} |" for v in cells if v is not None]
            if any(v is None for v in cells):
                out.append("|" * sum(v is None for v in cells))
    out += ["三、收到和处理政府信息公开申请情况", f"{_NOTE} |", "申请人情况 |", "||||||||",
            "自然人 |", "法人或其他组织 |", "总计 |", "|||||||",
            *(f"{h} |" for h in _REQ_HEADER[1:6]), "|||||"]
    for group, label, cells in _request_rows(report):
        if group:
            out.append(f"{group} |")
        out.append(f"{label} |")
        out += [f"{v} |" for v in cells if v is not None]
        out.append("|" * (2 + sum(v is None for v in cells)))
    out += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 |", "行政诉讼 |", "|" * 13,
            *(f"{h} |" for h in _REVIEW_HEADER), "未经复议直接起诉 |", "复议后起诉 |", "||||||||",
            *(f"{h} |" for h in _REVIEW_HEADER * 2), "|||||"]
    out += [f"{v} |" for v in report.review if v is not None]
    return "\n".join(out + _tail(report)) + "\n"


def render_pipe_lines(report: Report) -> str:
    def cells(values: list[str]) -> list[str]:
        res: list[str] = []
        for v in values:
            res += [v, "|"]
        return res

    out = [*_head(report), "二、主动公开政府信息情况"]
    for caption, headers, rows in _active_groups(report):
        out += cells([caption, "信息内容", *headers])
        for label, vals in rows:
            out += cells([label, *(_val(v) for v in vals)])
    out += ["三、收到和处理政府信息公开申请情况", _NOTE, "|", "申请人情况", "|"]
    out += cells(["自然人", "法人或其他组织", "总计", *_REQ_HEADER[1:6]])
    for group, label, vals in _request_rows(report):
        out += cells([*([group] if group else []), label, *(_val(v) for v in vals)])
    out += ["四、政府信息公开行政复议、行政诉讼情况"]
    out += cells(["行政复议", "行政诉讼", *_REVIEW_HEADER, "未经复议直接起诉", "复议后起诉",
                  *_REVIEW_HEADER * 2, *(_val(v) for v in report.review)])
    return "\n".join(out + _tail(report)) + "\n"


def render_blank_lines(report: Report) -> str:
    """A blank line between cells; a blank cell is one more blank line (sample 002)."""
    lines: list[str] = []

    def put(*cells: str | None) -> None:
        for c in cells:
            if c is None:
                lines.append("")
            else:
                lines.extend(["", c])

    lines = ["【字体:大 中 小】 打印", "", *_head(report)]
    put("二、主动公开政府信息情况")
    for caption, headers, rows in _active_groups(report):
        put(caption, "信息内容", *headers)
        for label, vals in rows:
            put(label, *vals)
    put("三、收到和处理政府信息公开申请情况", _NOTE, "申请人情况", "自然人", "法人或其他组织",
        "总计", *_REQ_HEADER[1:6])
    for group, label, vals in _request_rows(report):
        if group:
            put(group)
        put(label, *vals)
    put("四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", *_REVIEW_HEADER,
        "未经复议直接起诉", "复议后起诉", *_REVIEW_HEADER * 2, *report.review)
    put(*_tail(report))
    return "\n".join(lines) + "\n"


def render_docx2txt(report: Report) -> str:
    """docx2txt's text of a Word file: every paragraph and every table cell is its text and
    two line breaks, so cells are a blank line apart and a blank cell adds two empty lines."""
    items: list[str] = ["【字体:大 中 小】 打印", *_head(report), "二、主动公开政府信息情况"]
    for caption, headers, rows in _active_groups(report):
        items += [caption, "信息内容", *headers]
        for label, vals in rows:
            items += [label, *(v or "" for v in vals)]
    items += ["三、收到和处理政府信息公开申请情况", _NOTE, "申请人情况", "自然人", "法人或其他组织",
              "总计", *_REQ_HEADER[1:6]]
    for group, label, vals in _request_rows(report):
        if group:
            items.append(group)
        items += [label, *(v or "" for v in vals)]
    items += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", *_REVIEW_HEADER,
              "未经复议直接起诉", "复议后起诉", *_REVIEW_HEADER * 2,
              *(v or "" for v in report.review), *_tail(report)]
    return "".join(f"{item}\n\n" for item in items)


def render_word_text(report: Report) -> str:
    """LibreOffice's text export of a Word file: every paragraph and every table cell on a
    line of its own, a blank cell an empty line, and a cell merged down from the row above
    an empty line before the row (the results group's, then its sub-group's)."""
    lines: list[str] = [*_head(report), "二、主动公开政府信息情况"]
    for caption, headers, rows in _active_groups(report):
        lines += [caption, "信息内容", *headers]
        for label, vals in rows:
            lines += [label, *(v or "" for v in vals)]
    lines += ["三、收到和处理政府信息公开申请情况", _NOTE, "申请人情况", "", "自然人", "法人或其他组织",
              "总计", "", "", *_REQ_HEADER[1:6], ""]
    spec = TABLES["requests"][report.requests_variant]
    keys = [r.key for r in spec.rows]
    results = keys[keys.index("granted") : keys.index("total") + 1]
    seen_groups: set[str] = set()
    last = ""
    for row_key, group, label, vals in _keyed_request_rows(report):
        key = last if row_key is None else row_key  # an added row: merged as the row before
        last = key
        if key in results and (key != results[0] or row_key is None):
            lines.append("")  # 三、本年度办理结果, merged down
            sub = key.split(".")[0] if "." in key else None
            if sub is not None and sub in seen_groups:
                lines.append("")  # the sub-group's label, merged down
        if "." in key:
            seen_groups.add(key.split(".")[0])
        if group:
            lines.append(group)
        lines += [label, *(v or "" for v in vals)]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", *_REVIEW_HEADER,
              "未经复议直接起诉", "复议后起诉", *_REVIEW_HEADER * 2,
              *(v or "" for v in report.review), *_tail(report)]
    return "\n".join(lines) + "\n"


def render_tabs(report: Report) -> str:
    """Tab-separated rows with merged label cells as empty fields (sample 004)."""
    out = [*_head(report), "二、主动公开政府信息情况"]
    for caption, headers, rows in _active_groups(report):
        out.append(caption + "\t" * 3)
        out.append("\t".join(["信息内容", *headers]))
        for label, vals in rows:
            out.append("\t".join([label, *(_val(v) for v in vals)]))
    out += ["三、收到和处理政府信息公开申请情况",
            f"{_NOTE}\t\t申请人情况\t\t\t\t\t\t总计\t",
            "\t\t自然人\t法人或其他组织\t\t\t\t\t\t",
            "\t\t\t" + "\t".join(_REQ_HEADER[1:6]) + "\t\t"]
    for group, label, vals in _request_rows(report):
        cells = [_val(v) for v in vals]
        if group is None:
            out.append("\t".join(["", label, *cells]))
        else:
            out.append("\t".join([group, label, *cells]))
    out += ["四、政府信息公开行政复议、行政诉讼情况",
            "行政复议\t\t\t\t\t行政诉讼" + "\t" * 9,
            "\t".join(_REVIEW_HEADER) + "\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
            "\t" * 5 + "\t".join(_REVIEW_HEADER * 2),
            "\t".join(_val(v) for v in report.review)]
    return "\n".join(out + _tail(report)) + "\n"


def render_markdown(report: Report) -> str:
    out = ["**标题：** " + _head(report)[0], "", "# " + _head(report)[0], *_head(report)[1:]]
    out.append("二、主动公开政府信息情况")
    for caption, headers, rows in _active_groups(report):
        out += [f"{caption}  ", "---  ", " |  ".join(["信息内容", *headers]) + "  "]
        for label, vals in rows:
            out.append(" |  ".join([label, *(_val(v) for v in vals)]) + "  ")
    out += ["三、收到和处理政府信息公开申请情况", "", f"{_NOTE} |  申请人情况  ", "---|---  ",
            "自然人 |  法人或其他组织 |  总计  ", " |  ".join(_REQ_HEADER[1:6]) + "  "]
    for group, label, vals in _request_rows(report):
        cells = [*([group] if group else []), label, *(_val(v) for v in vals)]
        out.append(" |  ".join(cells) + "  ")
    out += ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议 |  行政诉讼  ", "---|---  ",
            " |  ".join([*_REVIEW_HEADER, "未经复议直接起诉", "复议后起诉"]) + "  ",
            " |  ".join(_REVIEW_HEADER * 2) + "  ",
            " |  ".join(_val(v) for v in report.review) + "  "]
    return "\n".join(out + _tail(report)) + "\n"


def render_gfm(report: Report) -> str:
    """Markdown pipe tables with outer pipes, as markdownify, pandoc and most converters
    write them: ``| 规章 | 12 |  | 3 |``, a ``| --- | --- |`` rule under each header."""
    out = []
    rule = False  # a rule is due under the next row (the header)
    for line in render_markdown(report).split("\n"):
        if line.strip() in ("---", "---|---"):
            rule = True
        elif " |  " in line:
            cells = [c.strip() for c in line.split(" |  ")]
            out.append("| " + " | ".join(cells) + " |")
            if rule:
                out.append("|" + " --- |" * len(cells))
                rule = False
        else:
            out.append(line)
    return "\n".join(out)


def render_boxed(report: Report) -> str:
    """Tables drawn with box-drawing characters, as text-mode browsers and terminal
    renders print them: ``│ 规章 │ 12 │``, ``├──┼──┤`` rules, ``┌──┬──┐`` borders."""
    out: list[str] = []
    width = 0  # cells of the table being drawn (0: not in a table)

    def border(left: str, mid: str, right: str, n: int) -> str:
        return left + mid.join(["────"] * n) + right

    for line in render_gfm(report).split("\n"):
        if line.startswith("| ---"):
            out.append(border("├", "┼", "┤", line.count("---")))
        elif line.startswith("|"):
            cells = line.strip("|").split("|")
            if not width:
                out.append(border("┌", "┬", "┐", len(cells)))
            width = len(cells)
            out.append("│" + "│".join(cells) + "│")
        else:
            if width:
                out.append(border("└", "┴", "┘", width))
                width = 0
            out.append(line)
    return "\n".join(out)


def _spaced(label: str) -> str:
    """inscriptis-style inner spaces: ``（ 一 ） 予以公开``, ``一 、本年新收``."""
    return label.replace("（", "（ ").replace("）", " ） ").replace("、", " 、", 1)


def render_aligned(report: Report) -> str:
    """Columns aligned with runs of spaces, blank cells gone, page footers (inscriptis,
    pdftotext -layout)."""
    def row(label: str, vals: Cells, indent: int = 18) -> str:
        # a blank cell prints as spaces: the columns keep their places (pdftotext -layout)
        cells = "".join(f"  {v or '':>8}" for v in vals).rstrip()
        return " " * indent + f"{label:<34}" + cells

    out = [*_head(report), "              二、主动公开政府信息情况"]
    for caption, headers, rows in _active_groups(report):
        out += ["", " " * 18 + caption, "", " " * 18 + "信息内容   " + "   ".join(headers), ""]
        for label, vals in rows:
            out += [row(label, vals), ""]
    out += ["", "              三、收到和处理政府信息公开申请情况", "",
            " " * 18 + _NOTE + "      申请人情 况", "",
            " " * 18 + "自然 人          法人或其他组织            总 计", "",
            " " * 18 + "商业     科研  ", " " * 58 + "社会公益组织  法律服务机构  其 他",
            " " * 18 + "企业     机 构", ""]
    for i, (group, label, vals) in enumerate(_request_rows(report)):
        lab = _spaced(label)
        if group:
            lab = _spaced(group) + "   " + lab
        out += [row(lab, vals), ""]
        if i == 12:
            out += ["", "                                    - 3 -", ""]
    out += ["", "              四、政府信息公开行政复议、行政诉讼情况", "",
            "              行 政复议  行 政诉讼", "",
            "              " + "  ".join(_REVIEW_HEADER) + "  未经复议直接起诉  复议后起诉", "",
            "              " + "  ".join(_REVIEW_HEADER * 2), "",
            "              " + "    ".join(v for v in report.review if v is not None), ""]
    return "\n".join(out + _tail(report)) + "\n"


def render_plumber(report: Report) -> str:
    """pdfplumber: single spaces; a long label wraps, its values on the line between."""
    out = [*_head(report), "二、主动公开政府信息情况"]
    for caption, headers, rows in _active_groups(report):
        out += [caption, "信息内容 " + " ".join(headers)]
        for label, vals in rows:
            out.append(" ".join([label, *(v for v in vals if v is not None)]))
    out += ["三、收到和处理政府信息公开申请情况", "申请人情况", "法人或其他组织",
            "（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项加第四项之和）",
            "自然人 总计", "商业企 科研机 社会公益 法律服务", "其他", "业 构 组织 机构"]
    for group, label, vals in _request_rows(report):
        values = " ".join(v for v in vals if v is not None)
        if len(label) > 14:
            # wrapped over three lines, the values on the middle one
            third = len(label) // 3
            out += [label[:third], f"{label[third:2 * third]} {values}".rstrip(), label[2 * third:]]
        else:
            out.append(f"{label} {values}".rstrip())
        if group and group.startswith("（"):
            out.append(group)  # a group label printed between rows
    out += ["- 4 -", "四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼",
            "未经复议直接起诉 复议后起诉", "结果 结果 其他 尚未", "总计",
            "维持 纠正 结果 审结 结果 结果 其他 尚未 结果 结果 其他 尚未",
            "总计 总计", "维持 纠正 结果 审结 维持 纠正 结果 审结",
            " ".join(v for v in report.review if v is not None)]
    return "\n".join(out + _tail(report)) + "\n"


def render_raw(report: Report) -> str:
    """Raw pdftotext: a cell a line, blank lines between; the leaf rows of （三） printed
    column by column with their labels after them; page footers."""
    out = [*_head(report), "二、主动公开政府信息情况"]
    for caption, headers, rows in _active_groups(report):
        out += [caption, *headers]
        for label, vals in rows:
            out += ["", label] + [x for v in vals if v is not None for x in ("", v)]
    out += ["三、收到和处理政府信息公开申请情况", "申请人情况", "", _NOTE, "", "法人或其他组织",
            "自然人", "", "商业", "企业", "", "总计", ""]
    keyed = _keyed_request_rows(report)
    rows = [r[1:] for r in keyed]
    # （三）'s rows, and any the agency added among them
    keys = [r[0] for r in keyed]
    first, last = keys.index("denied.state_secret"), keys.index("denied.administrative_inquiry")
    block = rows[first : last + 1]
    block_labels = {r[1] for r in block}
    emitted_block = False
    for _group, label, vals in rows:
        if label in block_labels:
            if not emitted_block:
                # each column's values for the eight rows, one run of lines per column
                for c in range(7):
                    # an empty cell prints nothing at all, an empty column not even a line
                    column = [v for v in (b[2][c] for b in block) if v is not None]
                    out += [*column, ""] if column else []
                out += [b[1] for b in block] + ["", "-3-", ""]
                emitted_block = True
            continue
        out += [label, ""] + [x for v in vals if v is not None for x in (v, "")]
    out += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "", "行政诉讼", "结果", "维持", ""]
    out += [x for v in report.review if v is not None for x in (v, "")]
    return "\n".join(out + _tail(report)) + "\n"


def render_fragments(report: Report) -> str:
    """BeautifulSoup get_text("\\n"): six empty lines between cells, a blank cell a line of
    one space, labels and numbers broken into pieces on consecutive lines."""
    gap = [""] * 6
    out: list[str] = []

    def cell(text: str | None) -> None:
        if text is None:
            out.extend([" ", *gap])
            return
        if len(text) > 3 and not text.isdigit():
            out.extend([text[:1], text[1:]])  # a span boundary inside the text
        elif len(text) >= 2 and text.isdigit():
            out.extend([text[: len(text) // 2], text[len(text) // 2 :]])  # 20</span><span>23
        else:
            out.append(text)
        out.extend(gap)

    out += [*_head(report)[:2], *gap, report.overview, *gap, "二、主动公开政府信息情况", *gap]
    for caption, headers, rows in _active_groups(report):
        for c in (caption, "信息内容", *headers):
            cell(c)
        for label, vals in rows:
            cell(label)
            for v in vals:
                cell(v)
    out += ["三、收到和处理", "政府信息公开申请情况", *gap]
    for c in (_NOTE, "申请人情况", "自然人", "法人或其他组织", "总计", *_REQ_HEADER[1:6]):
        cell(c)
    for group, label, vals in _request_rows(report):
        if group:
            cell(group)
        cell(label)
        for v in vals:
            cell(v)
    out += ["四、政府信息公开行政复议、行政诉讼情况", *gap]
    for c in ("行政复议", "行政诉讼", *_REVIEW_HEADER, "未经复议直接起诉", "复议后起诉",
              *_REVIEW_HEADER * 2, *report.review):
        cell(c)
    for line in _tail(report):
        out += [line, *gap]
    return "\n".join(out) + "\n"


def render_glued(report: Report) -> str:
    """A crawled page: header block, then the whole report on one line, no separators."""
    title = _head(report)[0]
    parts = ["一、总体情况", report.overview, "二、主动公开政府信息情况 "]
    for caption, headers, rows in _active_groups(report):
        parts += [caption, "信息内容", *headers]
        for label, vals in rows:
            parts += [label, *(_val(v) for v in vals)]
    parts += ["三、收到和处理政府信息公开申请情况", _NOTE, "申请人情况自然人法人或其他组织总计 ",
              *_REQ_HEADER[1:6]]
    for group, label, vals in _request_rows(report):
        parts += [group or "", label, *(_val(v) for v in vals)]
    parts += [" 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼", *_REVIEW_HEADER,
              "未经复议直接起诉复议后起诉", *_REVIEW_HEADER * 2, *(_val(v) for v in report.review)]
    parts += ["五、存在的主要问题及改进情况", report.problems, "六、其他需要报告的事项",
              report.other, " 附件下载"]
    return (
        f"标题: {title}\n发布时间: {report.year + 1}-01-15 10:00\n"
        + "==================== 正文 ====================\n"
        + "当前位置： 首页 政务公开 " + title + " 来源：本站 微信 微博 "
        + "".join(parts) + "\n"
    )


FAMILIES: dict[str, Callable[[Report], str]] = {
    "pipe_suffix": render_pipe_suffix,
    "pipe_lines": render_pipe_lines,
    "blank_lines": render_blank_lines,
    "docx2txt": render_docx2txt,
    "word_text": render_word_text,
    "tabs": render_tabs,
    "markdown": render_markdown,
    "gfm": render_gfm,
    "boxed": render_boxed,
    "aligned": render_aligned,
    "plumber": render_plumber,
    "raw": render_raw,
    "fragments": render_fragments,
    "glued": render_glued,
}
#: Families whose flattening keeps blank cells where they are.
EXACT_BLANKS = frozenset(
    {"blank_lines", "docx2txt", "word_text", "tabs", "markdown", "gfm", "boxed", "fragments",
     "pipe_lines"}
)


# --------------------------------------------------------------------------- HTML
def _spans(text: str, rng_seed: int) -> str:
    """Word-style markup: the text cut into <span>s at arbitrary places (digits too)."""
    import random

    rng = random.Random(rng_seed)
    out = []
    pos = 0
    while pos < len(text):
        step = rng.randint(1, 4)
        piece = text[pos : pos + step].replace("&", "&amp;").replace("<", "&lt;")
        out.append(f'<span style="font-family: 仿宋_GB2312">{piece}</span>')
        pos += step
    return "".join(out)


_BLANKS = ('<span>&nbsp;<o:p></o:p></span>', "", "&nbsp;", " ", "<o:p>&nbsp;</o:p>")


def _td(text: str | None, seed: int, rowspan: int = 1, colspan: int = 1, blank: str = "") -> str:
    attrs_ = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    inner = blank if text is None else _spans(text, seed) + "<o:p></o:p>"
    return f'<td{attrs_} valign="center"><p class="MsoNormal" align="center">{inner}</p></td>'


def render_html(report: Report, variant: int = 0) -> str:
    """A whole crawled page: navigation, scripts, an info table, the report as Word HTML
    with the merged cells of the templates (FORMAT.md §4-5), a footer.

    `variant` chooses where text is cut into spans, how a blank cell is written, and
    whether label cells are merged as the template merges them or printed flat (each row
    with its own group-label cells, empty where the template merges)."""
    import random

    rng = random.Random(variant)
    flat = variant % 2 == 1
    blank = _BLANKS[variant % len(_BLANKS)]
    seed = variant * 10007

    def td(text: str | None, rowspan: int = 1, colspan: int = 1) -> str:
        nonlocal seed
        seed += 1
        if flat:
            rowspan = 1
        return _td(text, seed, rowspan, colspan, blank if text is None else "")

    def para(text: str) -> str:
        nonlocal seed
        seed += 1 + rng.randint(0, 3)
        return f'<p class="MsoNormal" style="text-indent:2em">{_spans(text, seed)}<o:p></o:p></p>'

    title = _head(report)[0]
    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{title}-某某县人民政府</title><style>.nav{{color:red}}</style>",
        "<script>var a = '一、总体情况';</script></head><body>",
        '<div class="nav"><a href="/">首页</a> <a href="/xxgk">政府信息公开</a></div>',
        ('<table class="info"><tr><td>索引号</td><td>014314799/2024-00002</td>'
        "<td>发布机构</td><td>某某县</td></tr></table>"),
        f'<div class="content"><h1>{title}</h1>',
        para("一、总体情况"),
        para(report.overview),
        para("二、主动公开政府信息情况"),
        '<table border="1" cellspacing="0">',
    ]
    for caption, headers, rows in _active_groups(report):
        out.append(f"<tr>{td(caption, colspan=4)}</tr>")
        out.append("<tr>" + td("信息内容") + "".join(td(h, colspan=3 if len(headers) == 1 else 1) for h in headers) + "</tr>")
        for label, vals in rows:
            cells = "".join(td(v, colspan=3 if len(vals) == 1 else 1) for v in vals)
            pad = td(None) if len(vals) == 2 else ""
            out.append(f"<tr>{td(label)}{cells}{pad}</tr>")
    out += ["</table>", para("三、收到和处理政府信息公开申请情况"), '<table border="1">',
            "<tr>" + td(_NOTE, rowspan=3, colspan=3) + td("申请人情况", colspan=7) + "</tr>",
            "<tr>" + td("自然人", rowspan=2) + td("法人或其他组织", colspan=5) + td("总计", rowspan=2) + "</tr>",
            "<tr>" + "".join(td(h) for h in _REQ_HEADER[1:6]) + "</tr>"]
    spec = TABLES["requests"][report.requests_variant]
    keys = [r.key for r in spec.rows]
    results = keys[2 : keys.index("total") + 1]
    # each row with the template row whose merged cells it shares (an added row: the one before)
    entries, owner = [], ""
    for row_key, _group, label, cells in _keyed_request_rows(report):
        owner = row_key or owner
        entries.append((owner, row_key is None, label, cells))
    in_results = [e for e in entries if e[0] in results]
    for i, (key, extra, label, cells) in enumerate(entries):
        vals = "".join(td(v) for v in cells)
        if key not in results:
            out.append(f"<tr>{td(label, colspan=3)}{vals}</tr>")
            continue
        first = key == results[0] and not extra
        lead = td("三、本年度办理结果", rowspan=len(in_results)) if first else ""
        if flat and not first:
            lead = td(None)  # the merged group cell, printed empty in every later row
        group = key.split(".")[0]
        members = [e for e in entries if e[0].startswith(group + ".")]
        if len(members) > 1:
            if entries[i] is members[0]:
                lead += td(_GROUP_BEFORE.get(key, "（六）其他处理"), rowspan=len(members))
            elif flat:
                lead += td(None)
            out.append(f"<tr>{lead}{td(label)}{vals}</tr>")
        else:
            out.append(f"<tr>{lead}{td(label, colspan=2)}{vals}</tr>")
    out += ["</table>", para("四、政府信息公开行政复议、行政诉讼情况"), '<table border="1">',
            "<tr>" + td("行政复议", colspan=5) + td("行政诉讼", colspan=10) + "</tr>",
            "<tr>" + "".join(td(h, rowspan=2) for h in _REVIEW_HEADER)
            + td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5) + "</tr>",
            "<tr>" + (td(None) * 5 if flat else "") + "".join(td(h) for h in _REVIEW_HEADER * 2) + "</tr>",
            "<tr>" + "".join(td(v) for v in report.review) + "</tr>", "</table>"]
    out += [para("五、存在的主要问题及改进情况"), para(report.problems),
            para("六、其他需要报告的事项"), para(report.other),
            f'<p align="right">{report.agency}</p>', f'<p align="right">{report.year + 1}年1月15日</p>',
            "</div>", '<div class="footer">网站地图 | 联系我们 | 主办：某某县人民政府办公室</div>',
            "<script>share();</script></body></html>"]
    return "\n".join(out) + "\n"


FAMILIES["html"] = render_html
EXACT_BLANKS = EXACT_BLANKS | {"html"}


# --------------------------------------------------------------------------- browser text
#: The required line breaks a block puts before and after its text in ``innerText``.
_BLOCK_BREAKS = {"p": 2, "h1": 1, "div": 1, "table": 1}


class _InnerText:
    """The ``innerText`` a browser gives of a page (HTML's "rendered text collection
    steps", for the markup `render_html` writes): blocks put required line breaks round
    their text (``<p>`` two, ``<h1>``, ``<div>`` and ``<table>`` one), a literal line
    break goes between two rows and a tab between two cells of a row; runs of required line
    breaks collapse to the largest, and none are kept at either end; white space
    collapses, ``&nbsp;`` stays."""

    def __init__(self) -> None:
        self.items: list[str | int] = []
        self.rows: list[bool] = []  # per open row: whether a cell was seen
        self.tables: list[bool] = []  # per open table: whether a row was seen

    def render(self, page: str) -> str:
        import re as re_
        from html.parser import HTMLParser

        outer = self

        class _Parser(HTMLParser):
            skip = 0

            def handle_starttag(self, tag: str, attrs_: object) -> None:
                if tag in ("script", "style", "title"):
                    self.skip += 1
                elif tag == "table":
                    outer.tables.append(False)
                elif tag == "tr":
                    if outer.tables[-1]:
                        outer.items.append("\n")  # a row's line break: between rows only
                    outer.tables[-1] = True
                    outer.rows.append(False)
                elif tag == "td":
                    if outer.rows[-1]:
                        outer.items.append("\t")
                    outer.rows[-1] = True
                elif tag == "br":
                    outer.items.append("\n")
                if tag in _BLOCK_BREAKS:
                    outer.items.append(_BLOCK_BREAKS[tag])

            def handle_endtag(self, tag: str) -> None:
                if tag in ("script", "style", "title"):
                    self.skip -= 1
                elif tag == "tr":
                    outer.rows.pop()
                elif tag == "table":
                    outer.tables.pop()
                if tag in _BLOCK_BREAKS:
                    outer.items.append(_BLOCK_BREAKS[tag])

            def handle_data(self, data: str) -> None:
                if not self.skip:
                    outer.items.append(re_.sub(r"[ \t\n]+", " ", data))

        _Parser(convert_charrefs=True).feed(page)
        return self._join()

    def _join(self) -> str:
        out: list[str] = []
        pending = 0
        for item in self.items:
            if isinstance(item, int):
                pending = max(pending, item)
            elif item == " ":  # white space between elements: one space within a line
                if not pending and out and out[-1][-1] not in " \t\n":
                    out.append(item)
            else:
                if out and pending:
                    out.append("\n" * pending)
                pending = 0
                out.append(item)
        # a collapsed space at either end of a line goes
        text = "".join(out)
        return "\n".join(line.strip(" ") for line in text.split("\n")).strip("\n")


def render_inner_text(report: Report, variant: int = 0) -> str:
    """A browser's ``innerText`` of the Word-style page (`render_html`): the tab between two
    cells on a line of its own, between the paragraphs' line breaks
    (``规章\\n\\n\\t\\n\\n150``), rows further apart; merged cells once."""
    return _InnerText().render(render_html(report, variant))


FAMILIES["inner_text"] = render_inner_text
EXACT_BLANKS = EXACT_BLANKS | {"inner_text"}


def render_text_content(report: Report, variant: int = 0) -> str:
    """The ``textContent`` of the Word-style page's body (`render_html`), which is also
    BeautifulSoup's ``get_text()`` of it: every text node as it is, nothing between cells
    (``规章150179228286``), a row a line where the markup has one."""
    from html.parser import HTMLParser

    out: list[str] = []

    class _Parser(HTMLParser):
        inside = False

        def handle_starttag(self, tag: str, attrs_: object) -> None:
            self.inside = self.inside or tag == "body"

        def handle_data(self, data: str) -> None:
            if self.inside:
                out.append(data)

    _Parser(convert_charrefs=True).feed(render_html(report, variant))
    return "".join(out)


FAMILIES["text_content"] = render_text_content


def render_webdriver_text(report: Report, variant: int = 0) -> str:
    """WebDriver's text of the Word-style page's body (`render_html`; Selenium's
    ``.text``): each paragraph, and each cell (its text a paragraph), on a line of its own,
    merged cells once; a blank cell of white space prints nothing, and one holding
    ``&nbsp;`` prints it and the space between cells at the start of the next line
    (``  5``: a blank cell, then 5; two spaces before a row's label: its row above ended
    in a blank cell)."""
    lines: list[str] = []
    pending = ""
    for block in page_blocks(render_html(report, variant)):
        if not isinstance(block, str) and block[0][0][0] == "索引号":
            # the page's info table, whose cells hold no paragraph: a row a line
            lines.extend(" ".join(c for c, _, _ in row) for row in block)
            continue
        for text in [block] if isinstance(block, str) else [c for row in block for c, _, _ in row]:
            if text.strip(" \t\n\xa0"):
                lines.append(pending + " ".join(text.split()))
                pending = ""
            elif "\xa0" in text:
                pending += " " * (text.count("\xa0") + 1)
    return "\n".join(lines) + "\n"


def render_webdriver_rows(report: Report, variant: int = 0) -> str:
    """WebDriver's text of the report's page where its cells hold no paragraph (a page
    written by a web editor rather than Word: `render_html`'s ``<p>`` taken out of the
    cells): each row a line of its cells a space apart, merged cells once; a blank cell
    holding ``&nbsp;`` prints it as a space, so two more spaces between or round its
    neighbours (``规章 3   5``), one of white space prints nothing."""
    lines: list[str] = []
    for block in page_blocks(render_html(report, variant)):
        if isinstance(block, str):
            lines.append(block)
            continue
        for row in block:
            cells = [
                " ".join(c.split()) if c.strip(" \t\n\xa0") else " " * c.count("\xa0")
                for c, _, _ in row
            ]
            lines.append(" ".join(c for c in cells if c))
    return "\n".join(lines) + "\n"


FAMILIES["webdriver_text"] = render_webdriver_text
FAMILIES["webdriver_rows"] = render_webdriver_rows
EXACT_BLANKS = EXACT_BLANKS | {"webdriver_text", "webdriver_rows"}  # (blank cells of &nbsp;)
#: Families whose cells have no separator: digits of neighbouring cells run together, and
#: so do the digits of a note's date with them.
GLUED = frozenset({"glued", "text_content"})


# --------------------------------------------------------------------------- Word files
def word_blocks(
    page: str, down: bool = True, last_spans: bool = False
) -> list[str | list[list[str]]]:
    """The paragraphs and tables of the Word file LibreOffice makes of a `render_html`
    page, as python-docx reads them: a paragraph its text, a table its grid, where a
    merged cell's text fills every grid cell it spans (``row.cells`` gives a cell merged
    across columns once per column, and a cell merged down the top cell's text in every
    row; with `down` false, as docx2python reads them, empty below the top cell).  With
    `last_spans`, the trial (八) and (九) rows' last cell spans the table's fourth column,
    as a Word template may merge it, instead of an empty cell there."""
    return [
        b if isinstance(b, str) else _merged_grid(_last_cell_spans(b) if last_spans else b, down)
        for b in page_blocks(page)
    ]


#: The trial table-二 rows with two values in a four-column table.
_PADDED_ROWS = ("行政事业性收费", "政府集中采购")


def _last_cell_spans(rows: list[list[tuple[str, int, int]]]) -> list[list[tuple[str, int, int]]]:
    """`rows` with the empty fourth cell of the trial (八) and (九) rows merged into the
    cell before it, and their header rows' last cell spanning the table's width."""
    width = max((sum(c[2] for c in row) for row in rows), default=0)
    out = []
    for row in rows:
        cells = list(row)
        if cells and cells[0][0] in _PADDED_ROWS and len(cells) > 2 and not cells[-1][0].strip():
            text, down, across = cells[-2]
            cells[-2:] = [(text, down, across + cells[-1][2])]
        span = sum(c[2] for c in cells)
        if cells and cells[0][0] == "信息内容" and span < width:
            text, down, across = cells[-1]
            cells[-1] = (text, down, across + width - span)
        out.append(cells)
    return out


def page_blocks(page: str) -> list[str | list[list[tuple[str, int, int]]]]:
    """The paragraphs of a `render_html` page (their text) and its tables (rows of cells:
    text, rowspan, colspan), in order; a cell's ``<span>``s joined.  Scripts dropped;
    ``&nbsp;`` stays a no-break space."""
    from html.parser import HTMLParser

    blocks: list[str | list[list[tuple[str, int, int]]]] = []

    class _Parser(HTMLParser):
        skip = 0
        buf: list[str] | None = None
        table: list[list[tuple[str, int, int]]] | None = None
        span = (1, 1)

        def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
            if tag in ("script", "style", "title"):
                self.skip += 1
            elif tag == "table":
                self.table = []
            elif tag == "tr" and self.table is not None:
                self.table.append([])
            elif tag == "td":
                got = dict(attrs_)
                self.span = (int(got.get("rowspan") or 1), int(got.get("colspan") or 1))
                self.buf = []
            elif tag in ("p", "h1", "div") and self.table is None:
                self.buf = []

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style", "title"):
                self.skip -= 1
            elif tag == "td" and self.table is not None and self.buf is not None:
                # a cell of white space is an empty cell (a no-break space stays)
                self.table[-1].append(("".join(self.buf).strip(" \t\n"), *self.span))
                self.buf = None
            elif tag == "table" and self.table is not None:
                blocks.append(self.table)
                self.table = None
            elif tag in ("p", "h1", "div") and self.table is None and self.buf is not None:
                text = "".join(self.buf).strip()
                if text:
                    blocks.append(text)
                self.buf = None

        def handle_data(self, data: str) -> None:
            if not self.skip and self.buf is not None:
                self.buf.append(data)

    _Parser(convert_charrefs=True).feed(page)
    return blocks


def _merged_grid(rows: list[list[tuple[str, int, int]]], down: bool) -> list[list[str]]:
    """A table's rows of (text, rowspan, colspan) as a grid, each merged cell's text in
    every grid cell it covers (in the rows below its first only when `down`), and rows
    shorter than the table padded with empty cells."""
    grid: list[list[str]] = []
    below: dict[tuple[int, int], str] = {}  # grid cells covered by a cell of a row above
    for r, cells in enumerate(rows):
        line: list[str] = []
        for text, rowspan, colspan in cells:
            while (r, len(line)) in below:
                line.append(below.pop((r, len(line))))
            for _ in range(colspan):
                for more in range(1, rowspan):
                    below[r + more, len(line)] = text if down else ""
                line.append(text)
        while (r, len(line)) in below:
            line.append(below.pop((r, len(line))))
        grid.append(line)
    width = max(map(len, grid), default=0)
    return [line + [""] * (width - len(line)) for line in grid]


def render_python_docx(report: Report, variant: int = 0) -> str:
    """python-docx's text of the report's Word file, as scrapers write it: each paragraph
    a line, each table row its ``row.cells`` joined by tabs, so that a merged cell comes
    once per grid cell it covers (``行政许可\t5\t5\t5``; ``三、本年度办理结果`` at the
    head of every row of its group; the trial (八) and (九) rows' last cell merged over
    the fourth column, ``行政事业性收费\t0\t-1\t-1``)."""
    return "\n".join(
        b if isinstance(b, str) else "\n".join("\t".join(row) for row in b)
        for b in word_blocks(render_html(report, variant), last_spans=True)
    ) + "\n"


def render_docx2python(report: Report, variant: int = 0) -> str:
    """docx2python's ``.text`` of the report's Word file: every paragraph and every grid
    cell followed by a blank line, a cell merged across columns once per column (the
    trial (八) and (九) rows' last cell over the fourth), a cell merged down empty in the
    rows below its first."""
    items: list[str] = []
    for b in word_blocks(render_html(report, variant), down=False, last_spans=True):
        items.extend([b] if isinstance(b, str) else [c for row in b for c in row])
    return "\n\n".join(items) + "\n"


FAMILIES["python_docx"] = render_python_docx
FAMILIES["docx2python"] = render_docx2python
EXACT_BLANKS = EXACT_BLANKS | {"python_docx", "docx2python"}


def _page_lines(report: Report, variant: int) -> list[str]:
    """The report's page as lines: each paragraph its text, each table its cells on one
    line, a space apart, each merged cell once, blank cells (white space, ``&nbsp;`` too)
    gone."""
    return [
        b if isinstance(b, str) else " ".join(c for row in b for c, _, _ in row if c.strip())
        for b in page_blocks(render_html(report, variant))
    ]


def render_spaced_tables(report: Report, variant: int = 0) -> str:
    """The elements unstructured makes of the report's Word file (``partition_docx``),
    joined by blank lines as pipelines write them: each paragraph its text, each table
    one line of its cells a space apart, blank cells dropped."""
    return "\n\n".join(_page_lines(report, variant)) + "\n"


def render_soup_one_line(report: Report, variant: int = 0) -> str:
    """BeautifulSoup's ``get_text(" ", strip=True)`` of the report's page (each cell one
    text node, as on a page whose markup does not cut the cells' text): the whole page on
    one line, its texts a space apart, blank cells and line breaks gone."""
    return " ".join(_page_lines(report, variant)) + "\n"


def render_turndown(report: Report, variant: int = 0) -> str:
    """turndown's markdown of the report's page (with its GFM plugin, as Jina Reader and
    other page-to-markdown tools use it): each paragraph its text and a blank line, each
    table with merged cells kept as its HTML markup, on one line."""
    import re as re_

    page = render_html(report, variant)
    body = page[page.index('<div class="content">') : page.index('<div class="footer">')]
    out: list[str] = []
    for m in re_.finditer(r"<table\b.*?</table>|<(p|h1)\b[^>]*>(.*?)</\1>", body, re_.DOTALL):
        if m.group(0).startswith("<table"):
            out.append(m.group(0).replace("\n", ""))
        else:
            text = re_.sub(r"<[^>]+>", "", m.group(2)).replace("&nbsp;", "\xa0")
            out.append(("# " if m.group(1) == "h1" else "") + text)
    return "\n\n".join(out) + "\n"


FAMILIES["spaced_tables"] = render_spaced_tables
FAMILIES["soup_one_line"] = render_soup_one_line
#: Families that print the whole report on one line: edits of the text by its lines (a
#: heading at the start of a line) do not apply to them.
ONE_LINE = frozenset({"glued", "soup_one_line"})


# --------------------------------------------------------------------------- OCR / LLM text
def render_llm_markdown(report: Report) -> str:
    """Markdown that OCR models and LLMs write of a report's PDF: outer-pipe tables whose
    header row is a placeholder (``| 项目 | 数据1 | 数据2 |``), the table-三 header row
    printed again where a page broke (and no longer matching the rows), table 四 as three
    small tables, ``-`` in blank cells, the totals in bold (``| **12** |``).  (Section
    headings are written plain: the tests restyle them, as ``## 一、总体情况`` among others.)"""

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    def rule(n: int) -> str:
        return "|" + " --- |" * n

    def val(v: str | None, bold: bool = False) -> str:
        if v is None:
            return "-"
        return f"**{v}**" if bold else v

    head = _head(report)
    out = ["# " + head[0], "", head[1], "", *head[2:], "", "二、主动公开政府信息情况", ""]
    for caption, headers, rows in _active_groups(report):
        out += [f"**{caption}**", "", row(["项目", *(f"数据{i + 1}" for i in range(len(headers)))]),
                rule(len(headers) + 1)]
        out += [row([label, *map(val, vals)]) for label, vals in rows]
        out.append("")
    out += ["三、收到和处理政府信息公开申请情况", "",
            row(["项目", *(f"数据{i + 1}" for i in range(7))]), rule(8)]
    for group, label, vals in _request_rows(report):
        if group == "（四）无法提供":  # a page broke: the header again, the real one
            out += ["", row(["项目", *_REQ_HEADER]), rule(8)]
        cells = [*map(val, vals[:-1]), val(vals[-1], bold=True)]
        out.append(row([f"{group} {label}" if group else label, *cells]))
    out += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    review = report.review
    for title, part in (("行政复议", review[0:5]), ("行政诉讼（未经复议直接起诉）", review[5:10]),
                        ("行政诉讼（复议后起诉）", review[10:15])):
        out += [f"**{title}**", "", row(list(_REVIEW_HEADER)), rule(5),
                row([*map(val, part[:-1]), val(part[-1], bold=True)]), ""]
    tail = _tail(report)
    out += [tail[0], "", tail[1], "", tail[2], "", *tail[3:]]
    return "\n".join(out) + "\n"


FAMILIES["llm_markdown"] = render_llm_markdown


# --------------------------------------------------------------------------- markitdown
#: A value written with words (a sign or a unit): PDF text sets it at another height than
#: digits alone.
_WORDY = ("增", "减", "元")


def markitdown_block(*rows: list[str]) -> str:
    """A markitdown table block: its first row, a rule, the rest, every cell padded to its
    column's width (at least 3)."""
    widths = [max(3, *(len(r[i]) for r in rows)) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines) + "\n"


def render_markitdown(report: Report) -> str:
    """markitdown's markdown of a report's PDF (0.1.x: tables rebuilt from the positions of
    the PDF's words, tests/data/extractors/*.markitdown.md).  The words at one height make
    a ``|`` row of the page's columns; the words of columns lying close together share a
    cell (``| 21 0 |``) and a blank cell prints nothing; a row with fewer than two cells
    filled is a loose line, and so are captions, group labels and the lines of a wrapped
    label, printed round its row of values (the first above, the rest below; the row's
    label cell empty).  Each run of rows is a table block: its first row, a ``| --- |``
    rule, the rest, every cell padded to the block's widths.  A row with a value written
    with words (``减1件``) may have its plain numbers a line above or below the rest (their
    heights round apart; a lone number a loose line); a page footer is cut into cells (``| - 3 | - |``).  Which columns
    share cells, which labels wrap and where the lines go vary with the report (a seed
    drawn from its values)."""
    import random
    import zlib

    rng = random.Random(zlib.crc32(repr((report.active, report.requests, report.review)).encode()))
    out = [*_head(report)]
    block: list[list[str]] = []

    def flush() -> None:
        if block:
            out.extend(markitdown_block(*block).splitlines())
            block.clear()

    def loose(line: str) -> None:
        flush()
        out.append(line)

    def row(cells: list[str]) -> None:
        filled = [c for c in cells if c]
        if len(filled) < 2:
            if filled:
                loose(filled[0])
            return
        if block and len(block[0]) != len(cells):
            flush()
        block.append(cells)

    def shared(vals: Cells | tuple[str, ...], pairs: set[int]) -> list[str]:
        cells, i = [], 0
        while i < len(vals):
            if i in pairs and i + 1 < len(vals):
                cells.append(" ".join(v for v in vals[i : i + 2] if v))
                i += 2
            else:
                cells.append(_val(vals[i]))
                i += 1
        return cells

    def pairs_of(n: int) -> set[int]:
        out_pairs: set[int] = set()
        i = 0
        while i < n - 1:
            if rng.random() < 0.35:
                out_pairs.add(i)
                i += 2
            else:
                i += 1
        return out_pairs

    loose("二、主动公开政府信息情况")
    for caption, headers, rows in _active_groups(report):
        loose(caption)
        row(["", "信息内容", *headers])
        for label, vals in rows:
            cells = [_val(v) for v in vals]
            wordy = any(any(w in c for w in _WORDY) for c in cells)
            plain = ["" if any(w in c for w in _WORDY) else c for c in cells]
            rest = [c if any(w in c for w in _WORDY) else "" for c in cells]
            if rng.random() < 0.2:
                loose(" ".join([label, *cells]))  # a row markitdown did not take as a table's
            elif wordy and any(plain) and rng.random() < 0.6:
                # (a lone number is a loose line: too few words for a table row)
                lines = [["", "", *plain], ["", label, *rest]]
                for cells_ in lines if rng.random() < 0.5 else lines[::-1]:
                    row(cells_)
            else:
                row(["", label, *cells])
    loose("三、收到和处理政府信息公开申请情况")
    loose("申请人情况")
    loose("法人或其他组织")
    loose(_NOTE)
    pairs = pairs_of(7)
    row(["", "", *shared(("自然人", "", "", "", "", "", "总计"), pairs)])
    row(["", "", *shared(("", *_REQ_HEADER[1:6], ""), pairs)])
    for k, (group, label, vals) in enumerate(_request_rows(report)):
        if k == 12:  # a page ends
            flush()
            row(["", "", "", "", "- 3", "-", *[""] * (len(shared(vals, pairs)) - 4)])
            flush()
        if group:
            loose(group)
        if len(label) > 10 and rng.random() < 0.7:
            cut = rng.randint(4, len(label) - 3)
            loose(label[:cut])
            row(["", "", *shared(vals, pairs)])
            rest = label[cut:]
            while rest:
                loose(rest[:12])
                rest = rest[12:]
        else:
            row(["", label, *shared(vals, pairs)])
    loose("四、政府信息公开行政复议、行政诉讼情况")
    pairs = pairs_of(15)
    row(shared(("行政复议", "", "", "", "", "行政诉讼", *[""] * 9), pairs))
    row(shared(("", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""), pairs))
    row(shared(_REVIEW_HEADER * 3, pairs))
    row(shared(report.review, pairs))
    flush()
    return "\n".join(out + _tail(report)) + "\n"


FAMILIES["markitdown"] = render_markitdown


# --------------------------------------------------------------------------- pdfminer.six
def render_pdfminer(report: Report) -> str:
    """pdfminer.six's ``extract_text()`` of an agency's PDF (tests/data/extractors/
    *.pdfminer.txt): every text box a paragraph, a blank line apart; a table's row labels
    of one page first, then its values a column at a time (a column's values on
    consecutive lines or boxes of their own), the 总计 column of table 三 now last, now
    before 其他; table 二 the same, item by item; table 四's one row as it is.  A blank
    cell prints nothing (so a page's columns differ in length).  Where table 三 breaks
    over a page and which way 总计 goes vary with the report."""
    import random
    import zlib

    rng = random.Random(zlib.crc32(repr((report.requests, report.review)).encode()))
    out = [*_head(report), "二、主动公开政府信息情况"]
    for caption, headers, rows in _active_groups(report):
        out += [caption, "信息内容", " ".join(headers)]
        out += [label for label, _ in rows]
        for c in range(len(headers)):
            out += [v for _, vals in rows if (v := vals[c]) is not None]
    out += ["三、收到和处理政府信息公开申请情况", _NOTE, "申请人情况", "法人或其他组织",
            "自然人", "商业\n企业", "科研\n机构", "社会\n公益\n组织", "法律\n服务\n机构", "其他", "总计"]
    rows = _request_rows(report)
    cut = rng.randint(10, len(rows) - 5)
    for page, part in enumerate((rows[:cut], rows[cut:])):
        if page:
            out.append("- 3 -")
        for group, label, _vals in part:
            if group:
                out.append(group)
            out.append(label)
        order = [0, 1, 2, 3, 4, 5, 6] if rng.random() < 0.5 else [0, 1, 2, 3, 4, 6, 5]
        for c in order:
            column = [v for *_, vals in part if (v := vals[c]) is not None]
            # a box of several lines now and then
            while column:
                n = rng.choice([1, 1, 1, 4, 10])
                out.append("\n".join(column[:n]))
                column = column[n:]
    out += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
            *(f"{h[:2]}\n{h[2:]}" for h in _REVIEW_HEADER * 3)]
    out += [v for v in report.review if v is not None]
    return "\n\n".join(out + _tail(report)) + "\n"


FAMILIES["pdfminer"] = render_pdfminer


#: The families where a row is its label then its values, nothing else (no label printed
#: away from its values, no group label on the row's line, no padding to a column width):
#: where `with_added_row` prints a row the template does not have as the family would.
ADDED_ROW_FAMILIES: Final = frozenset(
    {"blank_lines", "pipe_lines", "pipe_suffix", "docx2txt", "webdriver_text", "fragments",
     "word_text", "tabs", "soup_one_line", "spaced_tables"}
)


def with_added_row(text: str, after: str, before: str, label: str) -> str:
    """`text` with a row the template does not have (`label`, its values all 7s) printed
    between the row `after` (its values) and the label `before`, as the family prints rows."""

    def words(s: str) -> re.Pattern[str]:
        return re.compile(r"\s*".join(map(re.escape, s)))

    m = words(after).search(text)
    assert m is not None
    n = words(before).search(text, m.end())
    assert n is not None
    values = re.sub(r"(?<![\d.])\d+(?![.\d、])", lambda d: "7" * len(d.group()), text[m.end() : n.start()])
    return text[: n.start()] + label + values + text[n.start() :]

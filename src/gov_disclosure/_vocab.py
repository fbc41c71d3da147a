"""The template vocabulary: every table, row, column and label variant, as data.

Nothing in this module runs logic at parse time; the parser compiles these strings once
(`_patterns.py`) and walks these tuples.  Adding a label variant seen in a new report is an
edit here plus a fixture, never a change to the algorithm.

Label patterns are `regex` fragments matched against the *compact* text of a table: the
normalised text with every whitespace character, ``|`` and ``*`` removed and full-width ASCII
folded to half-width (so ``（一）`` is written ``\\(一\\)``, ``1．`` is ``1.``).  Matching on the
compact form is what makes ``三、 本 年 度``, ``商业企\\n业`` and one character per line all read
as the same label.  Each pattern absorbs the row's numbering marker when it is present, so a
marker printed right after a run of digits (``…3252.没有现成信息``) is not taken for a digit of
the run.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

import attrs

Template = Literal["2019", "2021"]
TableName = Literal["active", "requests", "review"]
ValueKind = Literal["count", "change", "money"]


class ColumnSpec(NamedTuple):
    """One value column of a table row."""

    key: str
    """The column's part of the flat key (``natural_person``, ``amount_yuan``…)."""
    label: str
    """The column header as the template prints it."""
    kind: ValueKind = "count"
    """``count``: a non-negative integer; ``change``: a signed integer (本年增/减);
    ``money``: an amount, exported in 元."""
    unit: str | None = None
    """For money columns, the unit a bare number is in (the header's unit, or 元)."""
    unit_from_header: bool = False
    """True when the template's header states the unit (2021 本年收费金额（单位：万元）)."""


class LabelPattern(NamedTuple):
    """How a label is found: its distinctive words, and the numbering marker that may be
    printed before them (``1.``, ``（一）``, ``一、``)."""

    core: str
    """A regex fragment (compact text) for the label's words."""
    marker: str | None = None
    """A regex fragment for the optional numbering marker right before `core`."""


def _patterns(items: tuple[str | LabelPattern, ...]) -> tuple[LabelPattern, ...]:
    return tuple(LabelPattern(i) if isinstance(i, str) else i for i in items)


@attrs.frozen
class RowSpec:
    """One value row of a template table."""

    key: str
    """The row's part of the flat key (``denied.state_secret``)."""
    label: str
    """The row label exactly as the template prints it."""
    patterns: tuple[LabelPattern, ...] = attrs.field(converter=_patterns)
    """How this label is found (compact text); see the module docstring."""
    columns: tuple[ColumnSpec, ...] = ()
    group: str | None = None
    """The sub-table a row belongs to (table 二: the 第二十条 item, ``"一"``, ``"五"``…)."""
    column_keys: tuple[str, ...] = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: tuple(c.key for c in self.columns), takes_self=True),
    )
    """The keys of `columns`, in order."""


@attrs.frozen
class LabelSpec:
    """A label that carries no values: a group heading or a sub-table caption."""

    key: str
    patterns: tuple[LabelPattern, ...] = attrs.field(converter=_patterns)
    caption_of: str | None = None
    """For a table-二 caption (第二十条第（五）项), the sub-table it opens."""


@attrs.frozen
class TableSpec:
    """One variant of one of the three tables."""

    name: TableName
    variant: Template
    rows: tuple[RowSpec, ...]
    labels: tuple[LabelSpec, ...] = ()
    title: str = ""

    @property
    def flat_keys(self) -> tuple[str, ...]:
        return tuple(f"{self.name}.{r.key}.{c.key}" for r in self.rows for c in r.columns)

    def row(self, key: str) -> RowSpec:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)


# --------------------------------------------------------------------------- markers
# Numbering markers as they appear in the compact text: "1." / "1、" / "1，" (OCR), "（1）",
# "①", "（一）", "一、", and the one-character forms Word's numbering and fonts print:
# "⑴" "⒈" for "(1)" "1.", "㈠" "㊀" for "（一）".  Full-width forms are folded to ASCII
# before matching.
_CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨"
_PARENTHESIZED: Final = "⑴⑵⑶⑷⑸⑹⑺⑻⑼"
_FULL_STOP: Final = "⒈⒉⒊⒋⒌⒍⒎⒏⒐"
_CN_NUMBERS: Final = "一二三四五六七八九十"
_PARENTHESIZED_CN: Final = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_CIRCLED_CN: Final = "㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉"


def _leaf(n: int, core: str) -> LabelPattern:
    return LabelPattern(core, _leaf_marker(n))


def _leaf_marker(n: int) -> str:
    """A leaf row's marker: ``1.`` ``1、`` ``(1)`` ``①`` ``⑴`` ``⒈``."""
    return rf"(?:{n}[.、,]|\({n}\)|[{_CIRCLED[n - 1]}{_PARENTHESIZED[n - 1]}{_FULL_STOP[n - 1]}])"


def _paren(cn: str, core: str) -> LabelPattern:
    """A group's or results row's label: ``（一）`` ``一)`` ``㈠`` ``㊀`` and the core."""
    i = _CN_NUMBERS.index(cn)
    return LabelPattern(core, rf"(?:\(?{cn}\)[、.]?|[{_PARENTHESIZED_CN[i]}{_CIRCLED_CN[i]}])")


def _top(cn: str, core: str) -> LabelPattern:
    return LabelPattern(core, rf"{cn}[、.,]")


# --------------------------------------------------------------------------- table 二
def _counts(*pairs: tuple[str, str]) -> tuple[ColumnSpec, ...]:
    return tuple(ColumnSpec(k, lbl) for k, lbl in pairs)


_T19_ITEM1 = _counts(
    ("new_made", "本年新制作数量"),
    ("new_published", "本年新公开数量"),
    ("total_published", "对外公开总数量"),
)
_T19_ITEM56 = (
    ColumnSpec("previous", "上一年项目数量"),
    ColumnSpec("change", "本年增/减", kind="change"),
    ColumnSpec("decisions", "处理决定数量"),
)
_T21_ITEM1 = _counts(
    ("issued", "本年制发件数"),
    ("repealed", "本年废止件数"),
    ("in_force", "现行有效件数"),
)
_T21_DECISIONS = _counts(("decisions", "本年处理决定数量"))

_RULES = (r"规章",)
# 行政规范性文件 (2021) and 规范性文件 (trial) are one row; some 2021 reports keep the old label.
_NORMATIVE = (r"(?:行政)?规范性文件",)
_LICENSING = (r"行政许可",)
# 其他对外管理服务 without 事项 in some reports
_OTHER_SERVICES = (r"其他对外管理服务(?:事项)?",)
_PENALTY = (r"行政处罚",)
_COERCION = (r"行政强制",)
# 行政事业收费 (sample 000) is the trial label without 性.
_FEES = (r"行政事业性?收费",)
_PROCUREMENT = (r"政府集中采购",)


def _caption(item: str) -> LabelSpec:
    # 第二十条第（一）项, 第二十条 第(一)项, 第二十条（一）项
    return LabelSpec(
        f"caption.{item}", (rf"第二十条第?\(?{item}\)?项",), caption_of=item
    )


_CAPTIONS = tuple(_caption(i) for i in ("一", "五", "六", "八", "九"))

ACTIVE_2019 = TableSpec(
    name="active",
    variant="2019",
    title="二、主动公开政府信息情况",
    rows=(
        RowSpec("rules", "规章", _RULES, _T19_ITEM1, group="一"),
        RowSpec("normative_docs", "规范性文件", _NORMATIVE, _T19_ITEM1, group="一"),
        RowSpec("licensing", "行政许可", _LICENSING, _T19_ITEM56, group="五"),
        RowSpec("other_services", "其他对外管理服务事项", _OTHER_SERVICES, _T19_ITEM56, group="五"),
        RowSpec("penalty", "行政处罚", _PENALTY, _T19_ITEM56, group="六"),
        RowSpec("coercion", "行政强制", _COERCION, _T19_ITEM56, group="六"),
        RowSpec(
            "fees",
            "行政事业性收费",
            _FEES,
            (ColumnSpec("previous", "上一年项目数量"), ColumnSpec("change", "本年增/减", kind="change")),
            group="八",
        ),
        RowSpec(
            "procurement",
            "政府集中采购",
            _PROCUREMENT,
            (
                ColumnSpec("projects", "采购项目数量"),
                # The trial header gives no unit; a bare amount is read as 元 (with a note),
                # or in the unit the report's own header states (采购总金额（万元）).
                ColumnSpec("amount_yuan", "采购总金额", kind="money", unit="元"),
            ),
            group="九",
        ),
    ),
    labels=_CAPTIONS,
)

ACTIVE_2021 = TableSpec(
    name="active",
    variant="2021",
    title="二、主动公开政府信息情况",
    rows=(
        RowSpec("rules", "规章", _RULES, _T21_ITEM1, group="一"),
        RowSpec("normative_docs", "行政规范性文件", _NORMATIVE, _T21_ITEM1, group="一"),
        RowSpec("licensing", "行政许可", _LICENSING, _T21_DECISIONS, group="五"),
        RowSpec("penalty", "行政处罚", _PENALTY, _T21_DECISIONS, group="六"),
        RowSpec("coercion", "行政强制", _COERCION, _T21_DECISIONS, group="六"),
        RowSpec(
            "fees",
            "行政事业性收费",
            _FEES,
            (
                ColumnSpec(
                    "amount_yuan",
                    "本年收费金额（单位：万元）",
                    kind="money",
                    unit="万元",
                    unit_from_header=True,
                ),
            ),
            group="八",
        ),
    ),
    labels=_CAPTIONS,
)

#: Column headers and row labels that only one version of table 二 has.  The variant of a
#: report's table 二 is the one whose markers outnumber the other's.
ACTIVE_MARKERS: Final[dict[Template, tuple[str, ...]]] = {
    "2019": (
        r"新制作数",
        r"新公开数",
        r"本年新",  # header cut off at a line break inside the cell (sample 003)
        r"对外公开总数",
        r"上一年项目数",
        r"本年增/?减",
        r"其他对外管理服务事项",
        r"采购项目数",
        r"采购总金额",
        r"政府集中采购",
        r"第二十条第?\(?九\)?项",
    ),
    "2021": (
        r"制发件数",
        r"废止件数",
        r"现行有效件数",
        r"本年处理决定数",
        r"收费金额",
        r"单位:?万元",
        r"行政规范性文件",
    ),
}

# --------------------------------------------------------------------------- table 三
#: How table 三's header note begins (（本列数据的勾稽关系为：第一项加第二项之和，…）): a
#: bracket that opens so is the note, never a note of the cell before it.
REQUESTS_NOTE_HEAD: Final = "本列"
#: How a note under (or inside) a table begins (``注：本表数据统计时间为…``), an
#: alternation: its figures are no cells.
NOTE_HEADS: Final = "注|备注|说明|数据来源|资料来源"

REQUEST_COLUMNS: Final[tuple[ColumnSpec, ...]] = _counts(
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)
#: Index of the 总计 column in `REQUEST_COLUMNS`.
REQUEST_TOTAL_COLUMN: Final = 6
#: The rows of table 三 that identity A joins (一 + 二 = （七）总计 + 四); every other row is
#: a leaf that identity B sums into （七）总计.
REQUEST_EDGE_ROWS: Final = ("new_received", "carried_over", "total", "carried_forward")


def _req(key: str, label: str, *patterns: str | LabelPattern) -> RowSpec:
    return RowSpec(key, label, patterns, REQUEST_COLUMNS)


_REQ_HEAD = (
    _req(
        "new_received",
        "一、本年新收政府信息公开申请数量",
        _top("一", r"本年新收(?:政府信息公开申请(?:数量)?)?"),
    ),
    _req(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        _top("二", r"上年结转(?:政府信息公开申请(?:数量)?)?"),
    ),
    _req("granted", "（一）予以公开", _paren("一", r"予以公开")),
    _req(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        _paren("二", r"部分公开"),
    ),
    _req("denied.state_secret", "1.属于国家秘密", _leaf(1, r"(?:属于)?国家[秘机]密")),
    _req(
        "denied.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        _leaf(2, r"其他法律(?:行政法规禁止公开)?"),
        _leaf(2, r"(?:其他)?法律行政法规禁止公开"),
    ),
    _req(
        "denied.endangers_safety",
        "3.危及“三安全一稳定”",
        _leaf(3, r"危及[“”\"'‘’「]?三安全一稳定[“”\"'‘’」]?"),
    ),
    _req("denied.third_party_rights", "4.保护第三方合法权益", _leaf(4, r"保护第三方(?:合法权益)?")),
    _req(
        "denied.internal_affairs",
        "5.属于三类内部事务信息",
        _leaf(5, r"(?:属于)?三类内部事务(?:信息)?"),
    ),
    _req("denied.process_info", "6.属于四类过程性信息", _leaf(6, r"(?:属于)?四类过程性(?:信息)?")),
    _req("denied.enforcement_file", "7.属于行政执法案卷", _leaf(7, r"(?:属于)?行政执法案卷")),
    _req(
        "denied.administrative_inquiry",
        "8.属于行政查询事项",
        _leaf(8, r"(?:属于)?行政查询(?:事项)?"),
    ),
    _req(
        "unavailable.not_held",
        "1.本机关不掌握相关政府信息",
        _leaf(1, r"本机关不掌握(?:相关政府信息)?"),
    ),
    _req(
        "unavailable.needs_creation",
        "2.没有现成信息需要另行制作",
        # 另作制作 is a variant printed in sample 001
        _leaf(2, r"没有现成信息(?:需要另[行作]制作)?"),
    ),
    _req(
        "unavailable.unclear_after_correction",
        "3.补正后申请内容仍不明确",
        _leaf(3, r"补正后(?:申请内容仍不明确)?"),
    ),
    _req(
        "not_processed.complaint",
        "1.信访举报投诉类申请",
        _leaf(1, r"信访[、/]?举报(?:[、/]?投诉类?(?:申请)?)?"),  # 信访、举报、投诉类申请
    ),
    _req("not_processed.duplicate", "2.重复申请", _leaf(2, r"重复申请")),
    _req("not_processed.publication", "3.要求提供公开出版物", _leaf(3, r"要求提供公开出版物")),
    _req(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        _leaf(4, r"无正当理由大量反复(?:申请)?"),
    ),
    _req(
        "not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        _leaf(5, r"要求行政机关确认(?:或重新出具(?:已获取信息)?)?"),
    ),
)

_REQ_TOTAL = _req("total", "（七）总计", r"(?:\(?七\)|\(\)|[㈦㊆])[、.]?[总合]计")  # （）总计: 七 lost
_REQ_CARRIED_FORWARD = _req(
    "carried_forward",
    "四、结转下年度继续办理",
    _top("四", r"结转下一?年度(?:继续办理)?"),
)
# The trial format's single （六） row; in 2021 the same words head three sub-rows.
_OTHER_HANDLING = _paren("六", r"其他处理")

_REQ_GROUPS = (
    LabelSpec("group.results", (_top("三", r"本年度办理结果"),)),
    LabelSpec("group.denied", (_paren("三", r"不予公开"),)),
    LabelSpec("group.unavailable", (_paren("四", r"无法提供"),)),
    LabelSpec("group.not_processed", (_paren("五", r"不予处理"),)),
)

REQUESTS_2019 = TableSpec(
    name="requests",
    variant="2019",
    title="三、收到和处理政府信息公开申请情况",
    rows=(
        *_REQ_HEAD,
        _req("other", "（六）其他处理", _OTHER_HANDLING),
        _REQ_TOTAL,
        _REQ_CARRIED_FORWARD,
    ),
    labels=_REQ_GROUPS,
)

#: 3.其他 of （六）, only with its marker: a bare 其他 is also a column header.
_OTHER_OTHER: Final = _leaf_marker(3) + r"其他(?!法律|处理|对外|结果|组织)"

REQUESTS_2021 = TableSpec(
    name="requests",
    variant="2021",
    title="三、收到和处理政府信息公开申请情况",
    rows=(
        *_REQ_HEAD,
        _req(
            "other.no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            _leaf(1, r"申请人无正当理由逾期"),
            r"逾期不补正",
        ),
        _req(
            "other.unpaid_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            _leaf(2, r"申请人逾期未按"),
            r"收费通知要求缴纳",
        ),
        _req("other.other", "3.其他", _OTHER_OTHER),
        _REQ_TOTAL,
        _REQ_CARRIED_FORWARD,
    ),
    labels=(*_REQ_GROUPS, LabelSpec("group.other", (_OTHER_HANDLING,))),
)

#: Labels that only the 2021 version of table 三 has (its three （六） sub-rows).
REQUESTS_2021_MARKERS: Final[tuple[str, ...]] = (
    r"逾期不补正",
    r"申请人无正当理由逾期",
    r"收费通知",
    r"逾期未按",
    _OTHER_OTHER,
)

# --------------------------------------------------------------------------- table 四
REVIEW_COLUMNS: Final[tuple[ColumnSpec, ...]] = _counts(
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
REVIEW_TOTAL_COLUMN: Final = 4

_REVIEW_ROWS = (
    RowSpec("reconsideration", "行政复议", (), REVIEW_COLUMNS),
    RowSpec("litigation_direct", "行政诉讼 / 未经复议直接起诉", (), REVIEW_COLUMNS),
    RowSpec("litigation_after_review", "行政诉讼 / 复议后起诉", (), REVIEW_COLUMNS),
)
REVIEW_2019 = TableSpec(
    "review", "2019", _REVIEW_ROWS, title="四、政府信息公开行政复议、行政诉讼情况"
)
REVIEW_2021 = TableSpec(
    "review", "2021", _REVIEW_ROWS, title="四、政府信息公开行政复议、行政诉讼情况"
)

TABLES: Final[dict[TableName, dict[Template, TableSpec]]] = {
    "active": {"2019": ACTIVE_2019, "2021": ACTIVE_2021},
    "requests": {"2019": REQUESTS_2019, "2021": REQUESTS_2021},
    "review": {"2019": REVIEW_2019, "2021": REVIEW_2021},
}

#: The words of the tables' header rows beyond their columns' own labels (which the
#: table specs hold): the header row's grouping cells and table 三's note.  Text made of
#: these words among a table's rows is its header printed again (a page broke), not a row.
HEADER_WORDS: Final[tuple[str, ...]] = (
    "信息内容",
    "申请人情况",
    "法人或其他组织",
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
)

META_KEYS: Final[tuple[str, ...]] = ("meta.year", "meta.agency", "meta.template")


def _union() -> tuple[str, ...]:
    keys = list(META_KEYS)
    for variants in TABLES.values():
        for spec in variants.values():
            keys.extend(k for k in spec.flat_keys if k not in keys)
    return tuple(keys)


#: Every flat key of either template, in a stable order: ``meta``, then each table's trial
#: keys followed by the revised keys it does not share.  One CSV holds both templates.
ALL_FLAT_KEYS: Final[tuple[str, ...]] = _union()

# --------------------------------------------------------------------------- sections
SectionName = Literal[
    "overview", "active_disclosure", "requests", "review_litigation", "problems", "other_matters"
]
SECTION_NAMES: Final[tuple[SectionName, ...]] = (
    "overview",
    "active_disclosure",
    "requests",
    "review_litigation",
    "problems",
    "other_matters",
)

#: Each section's heading as the templates print it (for messages).
SECTION_TITLES: Final[dict[SectionName, str]] = {
    "overview": "一、总体情况",
    "active_disclosure": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}

#: One pattern per section heading, matched on the normalised text (full-width folded).
#: ``\s*`` allows the spaces and line breaks real reports put inside headings (an HTML
#: flattening breaks them at every ``<span>``, PDF text spaces them out); bounded gaps of
#: at most n characters that end no sentence, ``(?:[^。；;][ \t]?+){0,n}``, allow the
#: wording variants of FORMAT.md §8 without any risk of runaway backtracking.  A space or
#: tab right after a character is free (spaced-out text counts its characters; possessive,
#: so a run of spaces has one way to match); line breaks and other spaces count, so that a
#: gap does not run from a row label (四、结转下年度继续办理) over a table's cells into the
#: words of a heading.  The numeral is followed by 、 . , or spaces.
#: The end of a heading's line (after the marks that may close it): for words that are a
#: heading only as the whole of their line (二、主动公开政府信息, 六、其他).
_LINE_END: Final = r"(?=[ \t*#】\]]*(?:\n|$))"
#: Words of a heading's line, not crossing a line break.
_IN_LINE: Final = r"(?:[^。；;\n][ \t]?+)"

SECTION_HEADINGS: Final[dict[SectionName, str]] = {
    # 一、总体情况 / 基本情况 / 工作总体情况 / 政府信息公开工作总体情况 / 概述
    "overview": (
        r"(?:一\s*[、.,]|一[ \t]+|第\s*一\s*部\s*分\s*[、.,:]?)\s*"
        rf"(?:总\s*体\s*情\s*况|{_IN_LINE}{{0,10}}?(?:总\s*体|基\s*本|整\s*体)[ \t]*"
        rf"{_IN_LINE}{{0,4}}?情\s*况|概\s*[述况]{_LINE_END})"
    ),
    # 二、主动公开政府信息情况 / 政府信息主动公开情况 / 主动公开政府信息 (the whole line)
    "active_disclosure": (
        rf"(?:二\s*[、.,]|二[ \t]+|第\s*二\s*部\s*分\s*[、.,:]?)\s*{_IN_LINE}{{0,6}}?主\s*动\s*公\s*开"
        rf"(?:(?:[^。；;][ \t]?+){{0,10}}?情\s*况|[^。；;，,:：\n]{{0,10}}?{_LINE_END})"
    ),
    # 三、收到和处理政府信息公开申请情况 / …申请 (the whole line) / 依申请公开情况 /
    # 政府信息公开申请情况
    "requests": (
        r"(?:三\s*[、.,]|三[ \t]+|第\s*三\s*部\s*分\s*[、.,:]?)\s*"
        r"(?:收\s*到\s*和\s*处\s*理(?:(?:[^。；;][ \t]?+){0,16}?情\s*况"
        rf"|[^。；;，,:：\n]{{0,16}}?{_LINE_END})"
        rf"|{_IN_LINE}{{0,8}}?申\s*请{_IN_LINE}{{0,6}}?情\s*况)"
    ),
    # 四、政府信息公开行政复议、行政诉讼情况; 四、因政府信息公开申请提起行政复议…; typo 行政法复议;
    # 复议 misread by OCR (行政夏议), where 诉讼…情况 still names the section
    "review_litigation": (
        r"(?:四\s*[、.,]|四[ \t]+|第\s*四\s*部\s*分\s*[、.,:]?)(?:[^。；;][ \t]?+){0,16}?"
        r"(?:复\s*议(?:(?:[^。；;][ \t]?+){0,16}?情\s*况|(?:[^。；;][ \t]?+){0,12}?诉\s*讼)|诉\s*讼\s*情\s*况)"
    ),
    # 五、存在的主要问题及改进情况 / …改进措施 / …整改措施 / 政府信息公开工作存在的…
    "problems": (
        r"(?:五\s*[、.,]|五[ \t]+|第\s*五\s*部\s*分\s*[、.,:]?)(?:[^。；;][ \t]?+){0,16}?问\s*题"
        r"(?:(?:[^。；;][ \t]?+){0,12}?(?:情\s*况|措\s*施|方\s*向|计\s*划|打\s*算))?"
    ),
    # 六、其他需要报告的事项 / 六、需要说明的其他事项 / 六、其他需要报告的情况 / 六、其他
    "other_matters": (
        r"(?:六\s*[、.,]|六[ \t]+|第\s*六\s*部\s*分\s*[、.,:]?)"
        rf"(?:(?:[^。；;][ \t]?+){{0,12}}?事\s*项|{_IN_LINE}{{0,10}}?情\s*况{_LINE_END}"
        rf"|\s*其\s*他{_LINE_END})"
    ),
}

#: The six headings without their numeral, each only as a line of its own: Word's automatic
#: list numbering (一、 二、 …) is lost by most text extraction, leaving ``总体情况`` alone
#: on its line.  Looked for only where the numbered heading is not found.  (Searched in the
#: folded text, where the full-width ，；：（ are ASCII: a line with any is a sentence.)
BARE_SECTION_HEADINGS: Final[dict[SectionName, str]] = {
    "overview": r"总\s*体\s*情\s*况",
    "active_disclosure": r"主\s*动\s*公\s*开[^。,;:\n]{0,10}?情\s*况",
    "requests": r"收\s*到\s*和\s*处\s*理[^。,;:\n]{0,16}?情\s*况",
    "review_litigation": r"[^。,;:\n(]{0,10}?行\s*政\s*复\s*议[^。,;:\n]{0,16}?情\s*况",
    "problems": (
        r"[^。,;:\n(]{0,16}?问\s*题[^。,;:\n]{0,12}?"
        r"(?:情\s*况|措\s*施|方\s*向|计\s*划|打\s*算)"
    ),
    # 需要 in it: a bare 其他…事项 line is also a row label of table 二 (其他对外管理服务事项)
    "other_matters": r"(?:其\s*他\s*)?需\s*要[^。,;:\n]{0,10}?事\s*项",
}

#: The section each table is printed in.
TABLE_SECTIONS: Final[dict[TableName, SectionName]] = {
    "active": "active_disclosure",
    "requests": "requests",
    "review": "review_litigation",
}

#: Where a table's section heading is not found (an unusual wording, a heading lost in
#: extraction), the table is looked for by words only it has: where it starts, and the
#: words that start the table after it.  Whitespace may fall anywhere inside.
TABLE_ANCHORS: Final[dict[TableName, str]] = {
    "active": r"第\s*二\s*十\s*条\s*第?\s*[(（]?\s*一",
    "requests": r"本\s*列\s*数\s*据\s*的\s*勾\s*稽|申\s*请\s*人\s*情\s*况|本\s*年\s*新\s*收",
    # the column names in a row: a narrative says 其中结果维持 72 件，结果纠正 64 件
    # (pipes anywhere in the words: a PDF table reader may take the heading and the
    # header cells into its table, cutting words: |⾏|政复议|||||⾏政诉讼|)
    "review": (
        r"行[\s|]*+政[\s|]*+复[\s|]*+议[\s|]*+行[\s|]*+政[\s|]*+诉[\s|]*+讼"
        r"|结[\s|]*+果[\s|]*+维[\s|]*+持[\s|]*+结[\s|]*+果[\s|]*+纠[\s|]*+正"
    ),
}

#: Where the 五 heading is missing, the problems section starts at this sub-heading.
PROBLEMS_FALLBACK: Final = r"[(（]\s*一\s*[)）]\s*(?:存在的?)?(?:主要)?问题"

# --------------------------------------------------------------------------- closing matter
#: Suffixes that end the name of an agency in a title or signature line.
AGENCY_SUFFIXES: Final[tuple[str, ...]] = (
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "办公室",
    "办公厅",
    "委员会",
    "管委会",
    "管理委员会",
    "办事处",
    "实验区",
    "开发区",
    "新区",
    "局",
    "厅",
    "委",
    "院",
    "署",
    "中心",
    "部",
    "所",
    "站",
    "队",
    "处",
    "会",
    "社",
    "馆",
    "政府",
)

#: Page and site chrome that is not part of any section (after 六, before the title).
CHROME_PHRASES: Final[tuple[str, ...]] = (
    "附件下载",
    "相关附件",
    "附件:",  # 附件： as the folded text (which the closing is read in) writes it
    "【打印本页】",
    "【关闭窗口】",
    "打印本页",
    "关闭窗口",
    "打印",
    "关闭",
    "分享到",
    "扫一扫",
    "在手机上打开",
    "用手机扫描",
    "手机扫描",
    "相关链接",
    "上一篇",
    "下一篇",
    "返回顶部",
    "网站地图",
    "联系我们",
    "主办单位",
    "版权所有",
    "网站标识码",
    "ICP备",
    "公网安备",
)
#: Site footer lines, which run long (``版权所有：… 主办单位：… 备案号：…ICP备…``): cut from
#: the end of the report even when the rest of the line is long.
SITE_FOOTER_PHRASES: Final[tuple[str, ...]] = (
    "版权所有", "主办单位", "承办单位", "主办:", "承办:", "网站标识码", "政府网站标识码", "ICP备",
    "公网安备", "技术支持", "Copyright",
    # the article's own page details, which some sites print under it rather than over it
    "来源:", "信息来源:", "文章来源:", "稿件来源:", "发布时间:", "发布日期:", "浏览次数",
    "阅读次数", "访问次数", "点击数", "字体:", "字号:", "责任编辑", "我要纠错", "【纠错】",
)
#: The provinces' abbreviations that open a site's filing number (苏ICP备12345678号): a
#: footer line may open with one before ICP备.
ICP_PROVINCES: Final = "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵黔云滇藏陕甘青宁新"
#: Headings of a page's link lists after the article (``相关文章`` and the titles under
#: it), alone on their line: nothing from such a line on belongs to section 六.
LINK_LIST_HEADINGS: Final[tuple[str, ...]] = (
    "相关文章", "相关阅读", "相关新闻", "相关文件", "相关信息", "相关链接", "相关稿件",
    "推荐阅读", "延伸阅读", "热点推荐",
)
#: Links to the site's neighbouring articles, each with its title on its line.
NEIGHBOUR_LINKS: Final[tuple[str, ...]] = ("上一篇", "下一篇", "上一条", "下一条")

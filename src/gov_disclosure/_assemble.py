"""Stage 6: everything read -> `AnnualReport`.

Also where each table's variant is decided (from its own labels: real reports mix a
revised table 二 with a trial-format table 三) and where a text without the structure of
a report is refused.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

import attrs

from ._checks import check_tables
from ._errors import NotAReportError
from ._grid import (
    Layout,
    RegionLines,
    TableRead,
    detect_layout,
    gap_units,
    indented_blanks,
    pipes_are_cells,
    read_in_pieces,
    read_table,
    region_lines,
    spaced_blanks,
    spaces_are_blanks,
    spaces_are_cells,
)
from ._labels import CompactText, LabelHit, compact, count_markers, find_labels
from ._meta import extract_meta
from ._model import (
    ABSENT_CELL,
    AnnualReport,
    Diagnostic,
    Row,
    Section,
    Sections,
    Table,
)
from ._normalize import NormalizedText
from ._resolve import resolve_table
from ._sections import Outline, restore_years, strip_footers, trim_back, untable_prose
from ._vocab import (
    ACTIVE_MARKERS,
    REQUESTS_2021_MARKERS,
    SECTION_NAMES,
    SECTION_TITLES,
    TABLE_ANCHORS,
    TABLE_SECTIONS,
    TABLES,
    SectionName,
    TableName,
    TableSpec,
    Template,
)


def _variant(name: TableName, view: CompactText, default: Template) -> Template:
    if name == "active":
        old = count_markers(view, ACTIVE_MARKERS["2019"])
        new = count_markers(view, ACTIVE_MARKERS["2021"])
        if old == new:
            return default
        return "2021" if new > old else "2019"
    if name == "requests":
        return "2021" if count_markers(view, REQUESTS_2021_MARKERS) else "2019"
    return default


#: The longest a table's region is read.  The largest real table (table 三 flattened one
#: cell per block of lines with empty lines between, 25 rows x 7 cells plus labels) runs to
#: some tens of thousands of characters; anything past this bound is noise, and reading it
#: would only cost time and memory on hostile input.
MAX_TABLE_CHARS: Final = 200_000

_ANCHORS: Final = {name: re.compile(p) for name, p in TABLE_ANCHORS.items()}
#: How far into its line a table's anchor may be for the table to start with the line.
_ANCHOR_LINE_MAX: Final = 200
#: An anchor on a line of prose (a sentence end in it) is no table; a longer line is page
#: text flattened into one line, tables and prose together.
_PROSE_LINE_MAX: Final = 300
#: A line break inside a heading, with the spaces around it.
_LINE_BREAK: Final = re.compile(r"\s*\n\s*")
_ORDER: Final[tuple[TableName, ...]] = ("active", "requests", "review")


def _anchored_regions(
    text: str, outline: Outline, found: dict[TableName, tuple[int, int]]
) -> dict[TableName, tuple[int, int]]:
    """Regions for the tables whose section heading is missing, from the tables' own words.

    A table runs from its anchor to the next table's anchor or region, or to the next
    section heading after it.
    """
    missing = [n for n in _ORDER if n not in found]
    if not missing:
        return {}
    starts = {n: r[0] for n, r in found.items()}
    for name in _ORDER:
        if name in missing:
            # after the headings of the sections before the table's own, and the tables
            # before it (a heading found only after it, 五 say, is no floor)
            own = SECTION_NAMES.index(TABLE_SECTIONS[name])
            floor = max(
                (s.heading_start for n, s in outline.sections.items()
                 if SECTION_NAMES.index(n) < own),
                default=0,
            )
            after = max([floor, *(starts[n] for n in _ORDER[: _ORDER.index(name)] if n in starts)])
            for m in _ANCHORS[name].finditer(text, after):
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                line_end = len(text) if line_end < 0 else line_end
                if line_end - line_start <= _PROSE_LINE_MAX and "。" in text[line_start:line_end]:
                    continue  # a sentence that names the words (其中结果维持 72 件。)
                # from the start of the anchor's line, unless that line runs on from
                # before (page text in one line, tables glued to what precedes them)
                near = line_start >= after and m.start() - line_start <= _ANCHOR_LINE_MAX
                starts[name] = line_start if near else m.start()
                break
    heads = sorted(
        s.heading_start
        for n, s in outline.sections.items()
        if n not in TABLE_SECTIONS.values()
    )
    out: dict[TableName, tuple[int, int]] = {}
    for name in missing:
        if name not in starts:
            continue
        a = starts[name]
        ends = [s for s in starts.values() if s > a] + [h for h in heads if h > a] + [len(text)]
        end = min(ends)
        if end == len(text):
            # nothing after it was found (the last table, its next headings lost): it
            # ends at the first line of prose, rather than read the rest of the report
            prose = _PROSE_LINE.search(text, a, end)
            end = prose.start() + 1 if prose is not None else end
        out[name] = (a, end)
    return out


#: A line with a sentence's end in it, with the line break before it.
_PROSE_LINE: Final = re.compile(r"\n[^\n。]*。")


#: The line that announces an appendix (附件：, 附表1).
_APPENDIX_LINE: Final = re.compile(r"\n[ \t*#]*附[件表]")


def _appendix_regions(
    text: str, outline: Outline, found: dict[TableName, tuple[int, int]]
) -> dict[TableName, tuple[int, int]]:
    """Regions for tables printed after the report (附件: the tables), where their section
    holds none of the table's words (``详见附件``)."""
    empty = [n for n, (a, b) in found.items() if _ANCHORS[n].search(text, a, b) is None]
    last = outline.sections.get("other_matters")
    if not empty or last is None:
        return {}
    starts: dict[TableName, int] = {}
    after = last.body_start
    for name in _ORDER:
        if name in empty:
            m = _ANCHORS[name].search(text, after)
            if m is not None:
                starts[name] = text.rfind("\n", 0, m.start()) + 1
                after = m.end()
    out: dict[TableName, tuple[int, int]] = {}
    for name, a in starts.items():
        ends = [s for s in starts.values() if s > a] + [len(text)]
        out[name] = (max(a, last.body_start), min(ends))
    return out


#: A money column's header with its unit, in the compact view: 本年收费金额（单位：元）,
#: 本年收费金额（元）.
_HEADER_UNIT: Final = re.compile(r"金额\(?(?:单位:?)?(?P<unit>亿元|万元|元)")
#: The table variants with a money column (table 二 of both templates).
_MONEY_TABLES: Final = frozenset(
    (name, variant)
    for name, variants in TABLES.items()
    for variant, spec in variants.items()
    if any(c.kind == "money" for r in spec.rows for c in r.columns)
)


def _with_header_units(spec: TableSpec, view: CompactText) -> TableSpec:
    """`spec` with the unit a report's own header gives its money column: the 2021
    template's 本年收费金额（单位：万元）, rewritten by some agencies as 单位：元 or （元）, and
    the trial's 采购总金额, whose template gives no unit, written 采购总金额（万元） by some."""
    if (spec.name, spec.variant) not in _MONEY_TABLES:
        return spec
    m = _HEADER_UNIT.search(view.text)
    if m is None:
        return spec
    unit = m.group("unit")
    money = [c for r in spec.rows for c in r.columns if c.kind == "money"]
    if all(c.unit == unit and c.unit_from_header for c in money):
        return spec  # the template's own unit (the common case)
    rows = tuple(
        attrs.evolve(
            r,
            columns=tuple(
                c._replace(unit=unit, unit_from_header=True) if c.kind == "money" else c
                for c in r.columns
            ),
        )
        for r in spec.rows
    )
    return attrs.evolve(spec, rows=rows)


def _blank_cells_layout(
    norm: NormalizedText,
    text: str,
    layout: Layout,
    region: tuple[int, int],
    labels: tuple[LabelHit, ...],
    lines: dict[TableName, RegionLines],
) -> Layout | None:
    """The layout table 三 may have where it writes its blank cells in a way `layout`
    does not read, to be tried against it (`spaces_are_blanks`): spaces opening a line or
    between words (WebDriver's text), or empty lines more between cells (a browser's or
    BeautifulSoup's text with its lines stripped); else None."""
    if layout is Layout.CELL_LINES and indented_blanks(norm.text, lines.values()):
        return Layout.INDENTED
    if layout is Layout.WORDS and spaced_blanks(text, lines.values()):
        return Layout.SPACED
    if layout in (Layout.FRAGMENTS, Layout.GAPS) and gap_units(text, *region, labels):
        return Layout.GAP_BLANKS
    return None


def _absent_table(spec: TableSpec) -> Table:
    rows = tuple(
        Row(r.key, r.label, r.column_keys, (ABSENT_CELL,) * len(r.columns))
        for r in spec.rows
    )
    return Table(spec.name, spec.variant, rows, found=False)


#: The sections that hold a table (their text is left as printed).
_TABLE_SECTION_NAMES: Final = frozenset(TABLE_SECTIONS.values())


def _section(norm: NormalizedText, outline: Outline, name: SectionName) -> Section:
    raw = outline.sections.get(name)
    if raw is None:
        return Section(name, None, "")
    heading = _LINE_BREAK.sub("", norm.text[raw.heading_start : raw.heading_end]).strip()
    body = norm.text[raw.body_start : raw.body_end]
    if name not in _TABLE_SECTION_NAMES:
        body = untable_prose(body)
    body = restore_years(strip_footers(body)).strip()
    return Section(name, heading, body, norm.span(raw.heading_start, raw.body_end))


def assemble(norm: NormalizedText, outline: Outline) -> AnnualReport:
    """Read the tables of an outlined report and build the `AnnualReport`."""
    text = norm.folded
    diags: list[Diagnostic] = []
    if norm.t2s == "table":
        diags.append(
            Diagnostic(
                "t2s-table",
                "info",
                "traditional characters were converted one by one with the built-in table, "
                "as OpenCC is not installed; where OpenCC would choose by phrase (乾/干, "
                "著/着) the result may differ: pip install opencc",
            )
        )
    regions: dict[TableName, tuple[int, int]] = {}
    for name, sec in TABLE_SECTIONS.items():
        raw = outline.sections.get(sec)
        if raw is not None:
            regions[name] = (raw.body_start, raw.body_end)
    for name, region in _appendix_regions(text, outline, regions).items():
        regions[name] = region
        last = outline.sections["other_matters"]
        if region[0] < last.body_end:  # no signature between: the appendix ends 六
            cut = _APPENDIX_LINE.search(text, max(last.body_start, region[0] - 300), region[0])
            end = trim_back(text, last.body_start, cut.start() + 1 if cut else region[0])
            rest = {**outline.sections, "other_matters": last._replace(body_end=end)}
            outline = outline._replace(sections=rest)
        diags.append(
            Diagnostic(
                "table-in-appendix",
                "info",
                f"{TABLES[name]['2021'].title} holds no table; its table was found after "
                "the report (an appendix)",
                span=norm.span(region[0], region[0] + 1),
            )
        )
    anchored = _anchored_regions(text, outline, regions)
    for name, region in anchored.items():
        regions[name] = region
        diags.append(
            Diagnostic(
                "table-without-heading",
                "warning",
                f"the heading of {TABLES[name]['2021'].title} was not found; the table was "
                "found by its own labels",
                span=norm.span(region[0], region[0] + 1),
            )
        )

    if anchored:
        # a table found by its words ends the section of the table before it (whose next
        # heading was not found): that section would otherwise read its values too
        starts = sorted(a for a, _ in regions.values())
        for name, (a, b) in list(regions.items()):
            inside = [x for x in starts if a < x < b]
            if inside:
                regions[name] = (a, inside[0])
        # and the text of the section it was found in (overview, with 二's heading lost)
        ended = {}
        for sec, raw in outline.sections.items():
            inside = [a for a, _ in anchored.values() if raw.body_start < a < raw.body_end]
            if inside:
                ended[sec] = raw._replace(body_end=trim_back(text, raw.body_start, min(inside)))
        if ended:
            outline = outline._replace(sections={**outline.sections, **ended})
    for name, (a, b) in list(regions.items()):
        if b - a > MAX_TABLE_CHARS:
            regions[name] = (a, a + MAX_TABLE_CHARS)
            diags.append(
                Diagnostic(
                    "table-too-large",
                    "error",
                    f"{TABLES[name]['2021'].title} runs for {b - a} characters; only the "
                    f"first {MAX_TABLE_CHARS} are read",
                    span=norm.span(a + MAX_TABLE_CHARS, b),
                )
            )
    views = {name: compact(text, a, b) for name, (a, b) in regions.items()}
    variants: dict[TableName, Template] = {}
    default: Template = "2021"
    if "active" in regions:
        variants["active"] = _variant("active", views["active"], "2019")
        default = variants["active"]
    if "requests" in regions:
        variants["requests"] = _variant("requests", views["requests"], default)
        if "active" not in regions:
            default = variants["requests"]
    variants.setdefault("active", default)
    variants.setdefault("requests", default)
    variants["review"] = variants["active"]

    labels = {
        name: find_labels(text, a, b, TABLES[name][variants[name]], views[name])
        for name, (a, b) in regions.items()
    }
    lines = {name: region_lines(text, a, b) for name, (a, b) in regions.items()}
    # no-break spaces in the tables (a page's blank cells), not in the text round them (an
    # indented heading)
    unfolded = (
        norm.text if any(norm.text.find("\xa0", a, b) >= 0 for a, b in regions.values()) else None
    )
    layout = detect_layout(text, list(lines.values()), sum(map(len, labels.values())), unfolded)
    if (
        layout is Layout.PIPES
        and "requests" in regions
        and not pipes_are_cells(
            text,
            *regions["requests"],
            TABLES["requests"][variants["requests"]],
            labels["requests"],
            lines["requests"],
        )
    ):
        layout = Layout.PIPED_WORDS

    # table 三 first: where it was printed a column at a time, so was table 二; where it
    # shows that the spaces of one-line text are its cells' boundaries, every table is
    # read as whitespace-separated text
    reads: dict[TableName, TableRead] = {}
    for name in ("requests", "active", "review"):
        if name in regions:
            spec = _with_header_units(TABLES[name][variants[name]], views[name])
            columns_first = (
                reads["requests"].columns_first if name == "active" and "requests" in reads else False
            )
            read = read_table(
                text,
                *regions[name],
                spec,
                layout,
                labels[name],
                lines[name],
                norm.text if layout is Layout.INDENTED else unfolded,
                columns_first,
            )
            if (
                layout is Layout.GLUED
                and name == "requests"
                and unfolded is None  # (no-break spaces: blank cells among glued ones)
                and spaces_are_cells(text, read)
            ):
                layout = Layout.WORDS
                read = read_table(text, *regions[name], spec, layout, labels[name], lines[name])
            elif (
                name == "requests"
                and layout is Layout.RAW
                and (
                    pieces := read_in_pieces(
                        text, *regions[name], spec, labels[name], lines[name], read
                    )
                )
            ):
                # cells a blank line apart, a cell's pieces on consecutive lines: the text
                # of a page's cells (BeautifulSoup's ``get_text("\n")``) with each run of
                # empty lines made one, not columns printed one after the other
                layout = Layout.FRAGMENTS
                read = pieces
            elif name == "requests" and (
                alt := _blank_cells_layout(norm, text, layout, regions[name], labels[name], lines)
            ):
                # WebDriver's text of a page with `&nbsp;` blank cells: each blank cell is
                # two spaces, opening the next line (cells a line each) or between cells
                # (spaces as written: an indent of ideographic spaces is no blank cell);
                # a browser's or BeautifulSoup's text with its lines stripped: each blank
                # cell is empty lines more between cells
                spaced = read_table(
                    text, *regions[name], spec, alt, labels[name], lines[name], norm.text
                )
                if spaces_are_blanks(text, read, spaced):
                    layout = alt
                    read = spaced
            reads[name] = read

    tables: dict[TableName, Table] = {}
    found_rows = 0
    for name in ("active", "requests", "review"):
        if name not in regions:
            tables[name] = _absent_table(TABLES[name][variants[name]])
            continue
        read = reads[name]
        spec = read.spec
        found_rows += sum(1 for r in read.rows if r is not None)
        if (
            name != "review"
            and not any(lab is not None for lab in read.labels)
            and all(r is None for r in read.rows)
        ):
            tables[name] = _absent_table(spec)
            diags.append(
                Diagnostic(
                    "missing-table",
                    "error",
                    f"no row of table {spec.title} was found under its heading"
                    + (
                        " (the text holds [TABLE] there: the converter left the table out)"
                        if "[TABLE]" in text[regions[name][0] : regions[name][1]]
                        else ""
                    ),
                )
            )
            continue
        table, table_diags = resolve_table(norm, read)
        tables[name] = table
        diags.extend(table_diags)
        if name != "review":
            maybe = (
                " (they may be among values whose rows could not be told apart)"
                if any(r is not None and r.undecided for r in read.rows)
                else ""
            )
            diags.extend(
                Diagnostic(
                    "missing-row",
                    "warning",
                    f"no values were found for row {spec.rows[i].label} of {spec.title}{maybe}",
                    key=f"{name}.{spec.rows[i].key}",
                )
                for i, r in enumerate(read.rows)
                # (a row of glued text whose label was missed may be read all the same)
                if r is None and all(c is ABSENT_CELL for c in table.rows[i].cells)
            )
        if name == "review" and read.rows[0] is None:
            diags.append(
                Diagnostic(
                    "blank-table",
                    "info",
                    f"{spec.title} holds no value: every cell is read as blank",
                )
            )

    missing_sections = [n for n in SECTION_NAMES if n not in outline.sections]
    if not any(t.found for t in tables.values()) or (
        len(missing_sections) >= 3 and found_rows == 0
    ):
        raise NotAReportError(
            "no 政府信息公开工作年度报告 structure found: looked for the six section "
            "headings (一、总体情况 … 六、其他需要报告的事项) and the tables of "
            "第二十条 items, requests (本年新收…结转下年度继续办理) and reviews "
            f"(行政复议/行政诉讼); found {len(outline.sections)} headings and "
            f"{found_rows} table rows.  Reports before 2019 used another format with no "
            "such tables.",
            missing=tuple(SECTION_TITLES[n] for n in missing_sections)
            + tuple(f"table {TABLES[n]['2021'].title}" for n in tables if not tables[n].found),
        )
    for n in missing_sections:
        diags.append(
            Diagnostic("missing-section", "warning", f"section {SECTION_TITLES[n]} was not found")
        )
    if variants["requests"] != variants["active"] and tables["requests"].found:
        diags.append(
            Diagnostic(
                "mixed-variants",
                "info",
                f"table 二 follows the {variants['active']} format and table 三 the "
                f"{variants['requests']} format; each is read as its own",
            )
        )

    diags.extend(check_tables(tables["requests"], tables["review"]))
    if not outline.sections and regions:
        # no heading at all: the front matter (title, opening) runs to the first table
        outline = outline._replace(front_end=min(a for a, _ in regions.values()))
    meta = extract_meta(norm.text, text, outline)
    sections = Sections(*(_section(norm, outline, n) for n in SECTION_NAMES))
    published = None
    if outline.date is not None:
        try:
            published = datetime.date(*outline.date)
        except ValueError:
            published = None
    return AnnualReport(
        template=variants["active"],
        year=meta.year,
        agency=meta.agency,
        sections=sections,
        active=tables["active"],
        requests=tables["requests"],
        review=tables["review"],
        diagnostics=tuple(diags),
        title=meta.title,
        published=published,
    )


__all__ = ["Layout", "assemble"]

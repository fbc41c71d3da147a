"""Properties: normalisation is idempotent; no text crashes the parser; every number the
parser returns is written in the input, at the place its span says."""

from __future__ import annotations

import pathlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure import AnnualReport, CellKind, NotAReportError, parse_report
from gov_disclosure._normalize import normalize

from ..corpus import sample_inputs

PIECES = st.sampled_from(
    [
        "據(jù)", "公(gong)(gong)開(kai)", "(一)", "(本列数据)", "（二）", "１２３", "　", "\u00a0",
        "\r\n", "\r", "\n", "\t", "\x0c", "\x00", "規范性文件", "结转", "(LED)", "(pdf)", "增318件",
        "万元", " | ", "||", "-3-", "一、总体情况", "二、主动公开政府信息情况",
        "\n\n\t\n\n", "\r\n\t\r\n",  # a browser's tab between paragraph cells
        "**", "*", "__", "**12**",  # markdown emphasis
        "\u200b", "\ufeff", "\u00ad", "\u200e", "1\u200b2",  # invisible format characters
        "\n> ", "> ", " >", "\n  ", "\n\u3000\u3000", "  ",  # quote marks, indents
        "\u2028", "\u2029", "\x85", "\x1c", "\x0b",  # other line breaks and controls
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=30).map("".join)


@given(TEXTS)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(TEXTS)
def test_folded_copy_keeps_offsets(text: str) -> None:
    n = normalize(text)
    assert len(n.folded) == len(n.text)
    for pos in range(0, len(n.text) + 1, 7):
        assert 0 <= n.original_offset(pos) <= len(text)


#: Pieces normalisation keeps as they are or deletes, never replaces (no line endings,
#: controls, traditional characters or folding there): each character of the normalised
#: text is the character of the input its offset maps back to.
KEPT_OR_DELETED = st.lists(
    st.sampled_from(
        ["据(jù)", "公(gong)开(kai)", "(一)", "（二）", "\n", "\t", "规章", " | ", "12", "**12**",
         "*", "\u200b", "\ufeff", "\u00ad", "\u2060", "1\u200b2", "\n\n\t\n\n"]
    ),
    max_size=40,
).map("".join)


@given(KEPT_OR_DELETED)
def test_every_normalised_character_maps_back_to_itself(text: str) -> None:
    n = normalize(text)
    for pos, ch in enumerate(n.text):
        assert text[n.original_offset(pos)] == ch, (pos, ch)


def _check_numbers(text: str, report: AnnualReport) -> None:
    """Every number cell's span holds, in the input, the digits of what it was read from."""
    for table in report.tables:
        for row in table:
            for cell in row:
                if cell.kind is not CellKind.NUMBER:
                    continue
                assert cell.span is not None, (table.name, row.key)
                written = normalize(text[cell.span.start : cell.span.end]).folded
                digits = re.sub(r"\D", "", normalize(cell.raw).folded)
                assert digits and digits in re.sub(r"\D", "", written), (row.key, cell)


def _parse(text: str) -> AnnualReport | None:
    try:
        return parse_report(text)
    except NotAReportError:
        return None


@given(TEXTS)
def test_no_text_crashes_the_parser(text: str) -> None:
    report = _parse(text)
    if report is not None:
        _check_numbers(text, report)


SAMPLES = {p.name: p.read_text(encoding="utf-8") for p in sample_inputs()}


@st.composite
def mutated_samples(draw: st.DrawFn) -> str:
    text = SAMPLES[draw(st.sampled_from(sorted(SAMPLES)))]
    whole = draw(st.sampled_from(["lines", "lines", "lines", "repeat", "concat", "mojibake"]))
    if whole == "repeat":
        return text * draw(st.integers(2, 3))
    if whole == "concat":
        return text + "\n" + SAMPLES[draw(st.sampled_from(sorted(SAMPLES)))]
    if whole == "mojibake":  # UTF-8 read as another encoding, in part
        cut = draw(st.integers(0, len(text)))
        wrong = draw(st.sampled_from(["gbk", "latin-1", "cp1252"]))
        return text[:cut] + text[cut:].encode("utf-8").decode(wrong, errors="replace")
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "insert", "junk"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines = lines[:i]
        elif op == "insert":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.text(max_size=4)) + lines[i][k:]
        else:
            lines.insert(i, draw(st.sampled_from(["\x00\x07", "ï»¿å¹´", "|||", "\t\t0\t0", "7 8 9"])))
    return "\n".join(lines)


@given(mutated_samples())
@settings(max_examples=150)
def test_mutated_samples_parse_or_are_refused(text: str) -> None:
    report = _parse(text)
    if report is not None:
        _check_numbers(text, report)
        assert list(report.to_flat()) == list(report.flat_keys())


@pytest.mark.parametrize("name", ["r013.layout.txt", "002_0373751c8fe527bd.txt"])
def test_repeated_and_concatenated_reports(name: str) -> None:
    text = SAMPLES[name]
    for doubled in (text * 3, text + "\n" + SAMPLES["r007.txt"]):
        report = parse_report(doubled)
        _check_numbers(doubled, report)


def test_sample_numbers_are_where_their_spans_say() -> None:
    for text in SAMPLES.values():
        _check_numbers(text, parse_report(text))


def test_a_path_is_not_text() -> None:
    with pytest.raises(TypeError):
        parse_report(pathlib.Path("report.txt"))  # type: ignore[arg-type]


def test_lone_surrogates_do_not_reach_opencc() -> None:
    # found by mutation: a str decoded with surrogateescape made OpenCC's encoder raise
    assert normalize("據\ud806x").text == "据\ufffdx"

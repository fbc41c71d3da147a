"""Every real sample input parses to its expected fields and section snippets."""

from __future__ import annotations

import pathlib

import pytest

from gov_disclosure import CellKind, parse_html, parse_report

from .corpus import (
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    deviations,
    expected_for,
    norm_text,
    same_value,
    sample_inputs,
)

INPUTS = sample_inputs(suffixes=TEXT_SUFFIXES + HTML_SUFFIXES)
DEVIATIONS = deviations()


def test_corpus_is_complete() -> None:
    # five original samples, r007, the r012 page and three flattenings of it, three
    # renderings of r013-r015 each
    assert len(INPUTS) == 19


@pytest.fixture(scope="module", params=INPUTS, ids=[p.name for p in INPUTS])
def parsed(request: pytest.FixtureRequest) -> tuple[pathlib.Path, object]:
    path: pathlib.Path = request.param
    parse = parse_html if path.suffix in HTML_SUFFIXES else parse_report
    return path, parse(path.read_text(encoding="utf-8"))


def test_fields(parsed: tuple[pathlib.Path, object]) -> None:
    path, report = parsed
    flat = report.to_flat()  # type: ignore[attr-defined]
    gold = expected_for(path)["fields"]
    known = DEVIATIONS.get(path.name, {})
    wrong = []
    for key, want in gold.items():
        if want == "?":
            assert flat[key] is None, f"{key}: the report does not determine it"
            continue
        if key == "meta.agency" and want is None:
            continue
        if key in known:
            continue
        if not same_value(want, flat[key]):
            wrong.append(f"{key}: want {want!r} got {flat[key]!r}")
    assert not wrong, "\n".join(wrong)


def test_known_deviations(parsed: tuple[pathlib.Path, object]) -> None:
    """Where the parser deliberately differs from an expected file, it does so as documented."""
    path, report = parsed
    for key, dev in DEVIATIONS.get(path.name, {}).items():
        table, rest = key.split(".", 1)
        row, col = rest.rsplit(".", 1)
        cell = getattr(report, table).cell(row, col)
        assert report.to_flat()[key] == dev["parsed"], key  # type: ignore[attr-defined]
        assert cell.kind is CellKind(dev["kind"]), key


def test_section_snippets(parsed: tuple[pathlib.Path, object]) -> None:
    path, report = parsed
    for name, snip in expected_for(path)["text"].items():
        body = norm_text(getattr(report.sections, name).text)  # type: ignore[attr-defined]
        assert body.startswith(norm_text(snip["starts"])), (name, body[:60])
        assert body.endswith(norm_text(snip["ends"])), (name, body[-60:])


def test_undetermined_values_are_reported(parsed: tuple[pathlib.Path, object]) -> None:
    """A "?" in the expected file is unset *and* named by an ambiguous-cells diagnostic."""
    path, report = parsed
    unknown = [k for k, v in expected_for(path)["fields"].items() if v == "?"]
    rows = {k.rsplit(".", 1)[0] for k in unknown}
    named = {d.key for d in report.diagnostics if d.code == "ambiguous-cells"}  # type: ignore[attr-defined]
    assert rows <= named

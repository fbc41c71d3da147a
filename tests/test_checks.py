"""Consistency checks A-D on real samples and on small made-up tables."""

from __future__ import annotations

import pathlib

import attrs

from gov_disclosure import parse_report

from .render import render_markdown
from .reports import make_report

SAMPLES = pathlib.Path(__file__).parent / "data" / "samples"


def _findings(name: str) -> tuple[set[str], set[str]]:
    report = parse_report((SAMPLES / name).read_text(encoding="utf-8"))
    failed = {d.code for d in report.findings if d.code.endswith("-failed")}
    unassessable = {d.message.split()[1] for d in report.findings if d.code == "check-not-assessable"}
    return failed, unassessable


def test_sample_000_breaks_identity_a() -> None:
    # 一 = 1 and （六） = 1 but （七）总计 and 四 are left blank: one application is
    # accounted for nowhere
    report = parse_report((SAMPLES / "000_816ab1973f62b0b4.txt").read_text(encoding="utf-8"))
    a = [d for d in report.findings if d.code == "check-a-failed"]
    assert {d.key for d in a} == {
        "requests.new_received.natural_person",
        "requests.new_received.total",
    }
    assert "requests.total.total=blank" in a[1].message and "difference 1" in a[1].message
    # and the blanks are kept as blanks
    assert report.requests.cell("total", "total").value is None


def test_sample_002_passes_every_check() -> None:
    failed, _ = _findings("002_0373751c8fe527bd.txt")
    assert failed == set()


def test_sample_003_is_not_assessable() -> None:
    failed, _unassessable = _findings("003_f758b3eff4a6a1ca.txt")
    assert failed == set()
    report = parse_report((SAMPLES / "003_f758b3eff4a6a1ca.txt").read_text(encoding="utf-8"))
    assert all(c.value is None for row in report.requests for c in row)


def test_sample_r013_table_four_fails_d_as_printed() -> None:
    report = parse_report((SAMPLES / "r013.layout.txt").read_text(encoding="utf-8"))
    d = [f for f in report.findings if f.code == "check-d-failed"]
    assert {f.key for f in d} == {"review.reconsideration.total", "review.litigation_after_review.total"}
    assert "difference -11" in d[0].message  # 0 = 10 + 1 + 0 + 0 fails by 11
    assert report.review.cell("reconsideration", "total").value == 0  # kept as printed


def test_consistent_report_has_no_failure() -> None:
    report = parse_report(render_markdown(make_report("2021", "2021", seed=3)))
    assert not [d for d in report.findings if d.code.endswith("-failed")]


def test_each_identity_reports_both_sides() -> None:
    made = make_report("2021", "2021", seed=5)
    broken = dict(made.requests)
    row = list(broken["granted"])
    row[6] = str(int(row[6] or 0) + 2)  # 总计 two more than its applicants
    broken["granted"] = tuple(row)
    report = parse_report(render_markdown(attrs.evolve(made, requests=broken)))
    codes = {d.code for d in report.findings}
    assert {"check-b-failed", "check-c-failed"} <= codes
    c = next(d for d in report.findings if d.code == "check-c-failed")
    assert c.key == "requests.granted.total" and "difference 2" in c.message
    assert c.kind == "consistency" and c.span is not None

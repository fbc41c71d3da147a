"""Data frames: one row per report, typed columns; table 三 as a labelled frame."""

from __future__ import annotations

import pathlib
from decimal import Decimal

import pandas as pd

from gov_disclosure import parse_many, requests_frame, to_frame
from gov_disclosure._frame import LEAD_COLUMNS
from gov_disclosure._vocab import ALL_FLAT_KEYS

from .corpus import SAMPLES


def _results() -> list:  # type: ignore[type-arg]
    names = ["002_0373751c8fe527bd.txt", "r013.layout.txt", "r015.plumber.txt"]
    return list(parse_many([pathlib.Path(SAMPLES / n) for n in names] + ["not a report"]))


def test_one_row_per_report_with_typed_columns() -> None:
    frame = to_frame(_results())
    assert list(frame.columns) == [*LEAD_COLUMNS, *ALL_FLAT_KEYS]
    assert len(frame) == 3  # the failed input is left out
    assert str(frame["requests.new_received.total"].dtype) == "Int64"
    assert str(frame["meta.year"].dtype) == "Int64"
    assert "decimal" in str(frame["active.fees.amount_yuan"].dtype)
    assert frame["template"].tolist() == ["2019", "2021", "2021"]
    trial, revised = frame.iloc[0], frame.iloc[1]
    assert trial["active.procurement.amount_yuan"] == Decimal(126679600)
    assert pd.isna(revised["active.procurement.amount_yuan"])  # not in the 2021 template
    assert pd.isna(trial["requests.new_received.commercial"])  # blank, not 0
    assert revised["findings"] == 2 and frame["agency"].iloc[1] == "洪泽区人民政府"


def test_requests_frame() -> None:
    trial, revised = _results()[0].report, _results()[2].report
    t = requests_frame(trial)
    r = requests_frame(revised)
    assert t.shape == (23, 7) and r.shape == (25, 7)
    assert list(t.columns) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert r.loc["（七）总计", "总计"] == 3050
    assert pd.isna(t.loc["二、上年结转政府信息公开申请数量", "自然人"])


def test_rows_from_the_workers_make_the_same_frame() -> None:
    names = ["002_0373751c8fe527bd.txt", "r013.layout.txt", "r015.plumber.txt"]
    items = [pathlib.Path(SAMPLES / n) for n in names] + ["not a report"]
    from_reports = to_frame(parse_many(items))
    for jobs in (None, 2):
        results = list(parse_many(items, jobs=jobs, rows=True))
        assert [r.ok for r in results] == [True, True, True, False]
        assert all(r.report is None for r in results)
        assert results[-1].row is None and results[-1].error is not None
        assert results[1].row is not None and results[1].row["source"] == str(items[1])
        pd.testing.assert_frame_equal(to_frame(results), from_reports)

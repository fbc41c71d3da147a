"""Reports as pandas data frames (the optional ``pandas`` extra).

`to_frame` gives one row per report with every flat key of either template as a column
(so trial and revised reports sit side by side), typed: nullable integers (``Int64``) for
counts and years, decimals for money (``decimal128`` through pyarrow when it is there, else
`decimal.Decimal` objects), strings for text.  `requests_frame` gives one report's table 三
as a labelled 23 x 7 or 25 x 7 frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._model import AnnualReport
from ._vocab import ALL_FLAT_KEYS, REQUEST_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

    from ._batch import ParseResult

#: Columns before the flat keys.
LEAD_COLUMNS = ("source", "template", "year", "agency", "findings", "diagnostics")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - the dev extra installs pandas
        raise ImportError('to_frame needs pandas: pip install "gov-disclosure[pandas]"') from e
    return pandas


def _money_dtype(pandas: Any) -> Any:
    try:
        import pyarrow
    except ImportError:  # pragma: no cover - pandas 3 installs pyarrow
        return object
    return pandas.ArrowDtype(pyarrow.decimal128(28, 4))


def frame_row(report: AnnualReport) -> dict[str, object]:
    """A report as `to_frame` puts it in a row: `LEAD_COLUMNS`, then `AnnualReport.to_flat`
    (plain values; no pandas needed)."""
    row: dict[str, object] = {
        "source": report.source,
        "template": report.template,
        "year": report.year,
        "agency": report.agency,
        "findings": sum(1 for d in report.findings if d.code.endswith("-failed")),
        "diagnostics": sum(1 for d in report.diagnostics if d.kind == "parse"),
    }
    row.update(report.to_flat())
    return row


def to_frame(reports: Iterable[AnnualReport | ParseResult]) -> pd.DataFrame:
    """One row per report: `LEAD_COLUMNS`, then every flat key of either template.

    Accepts `AnnualReport`s and `ParseResult`s, with reports or with rows
    (``parse_many(..., rows=True)``, the fast way with processes); failed results are
    left out.  A key a report's template does not have is missing (``<NA>``), as is a
    blank cell.

    >>> from gov_disclosure import example_text, parse_report
    >>> frame = to_frame([parse_report(example_text())])
    >>> frame.loc[0, "requests.new_received.total"], str(frame["requests.new_received.total"].dtype)
    (np.int64(21), 'Int64')
    """
    pandas = _pandas()
    rows: list[dict[str, object]] = []
    for item in reports:
        if isinstance(item, AnnualReport):
            rows.append(frame_row(item))
        elif item.row is not None:
            rows.append(item.row)
        elif item.report is not None:
            rows.append(frame_row(item.report))
    frame = pandas.DataFrame(rows, columns=[*LEAD_COLUMNS, *ALL_FLAT_KEYS])
    dtypes: dict[str, Any] = {
        "source": "string",
        "template": "string",
        "year": "Int64",
        "agency": "string",
        "findings": "Int64",
        "diagnostics": "Int64",
        "meta.year": "Int64",
        "meta.agency": "string",
        "meta.template": "string",
    }
    money = _money_dtype(pandas)
    for key in ALL_FLAT_KEYS:
        if key.startswith("meta."):
            continue
        dtypes[key] = money if key.endswith("_yuan") else "Int64"
    typed: pd.DataFrame = frame.astype(dtypes)
    return typed


def requests_frame(report: AnnualReport) -> pd.DataFrame:
    """Table 三 of one report: rows labelled as the template labels them, the 7 applicant
    columns (自然人 … 总计), nullable integers (a blank is ``<NA>``, never 0)."""
    pandas = _pandas()
    table = report.requests
    data = [[c.value if c.is_number else None for c in row] for row in table.rows]
    frame = pandas.DataFrame(
        data,
        index=pandas.Index([row.label for row in table.rows], name=table.variant),
        columns=[c.label for c in REQUEST_COLUMNS],
    )
    typed: pd.DataFrame = frame.astype("Int64")
    return typed

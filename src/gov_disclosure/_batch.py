"""Many reports at once: `parse_many`, in parallel across processes when asked."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import attrs

from ._api import parse_file, parse_report
from ._frame import frame_row
from ._model import AnnualReport

Item = str | os.PathLike[str] | tuple[str, str]
"""A report to parse: a path (`os.PathLike`), a text (`str`) or a named text."""

_T = TypeVar("_T")


@attrs.frozen
class ParseResult:
    """The outcome of one input of `parse_many`: a report (or, with ``rows=True``, its
    data-frame row), or the error that stopped it."""

    name: str
    """The input's path, the name it was given, or ``<text N>``."""
    report: AnnualReport | None = None
    error: Exception | None = None
    """Why there is no report: a `GovDisclosureError` (not a report, unreadable file…) or
    any other exception the input raised, so that one bad input never ends a batch."""
    row: dict[str, object] | None = None
    """With ``parse_many(..., rows=True)``: the report as `to_frame` puts it in a row (its
    source, template, year, agency, counts of failed checks and of parse diagnostics, then
    `AnnualReport.to_flat`), instead of the report."""

    @property
    def ok(self) -> bool:
        return self.error is None


_Job = tuple[int, Item, bool, Callable[[AnnualReport], _T]]
_Outcome = tuple[str, _T | None, Exception | None]


def _one(job: _Job[_T]) -> _Outcome[_T]:
    """Parse one input and make what the caller keeps of it (module level, so that process
    pools can send it; so can `make`, which runs in the worker: only its result travels)."""
    index, item, strict, make = job
    if isinstance(item, tuple):
        name, text = item
    elif isinstance(item, str):
        name, text = f"<text {index}>", item
    else:
        name, text = os.fspath(item), None
    try:
        if text is None:
            report = parse_file(Path(name), strict=strict)
        else:
            report = attrs.evolve(parse_report(text, strict=strict), source=name)
        return name, make(report), None
    except Exception as e:  # noqa: BLE001 - a batch reports every failure and goes on
        return name, None, e


def _report(report: AnnualReport) -> AnnualReport:
    return report


def parse_each(
    items: Iterable[Item], make: Callable[[AnnualReport], _T], *, jobs: int | None, strict: bool
) -> Iterator[_Outcome[_T]]:
    """``(name, make(report), None)`` or ``(name, None, error)`` per input, in input order.

    `make` runs where the report is parsed: with processes, only what it returns is sent
    back, which costs far less than the report itself (pickling a report and unpickling it
    in the parent take a third as long as parsing it).  With processes, `make` must be a
    module-level function (or another object that pickles).
    """
    jobs_list = ((i, item, strict, make) for i, item in enumerate(items))
    if not jobs or jobs <= 1:
        yield from map(_one, jobs_list)
        return
    from concurrent.futures import ProcessPoolExecutor  # only when processes are asked for

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_one, jobs_list, chunksize=4)


def parse_many(
    items: Iterable[Item], *, jobs: int | None = None, strict: bool = False, rows: bool = False
) -> Iterator[ParseResult]:
    """Parse many reports, yielding one `ParseResult` per input, in input order.

    Items are paths (`pathlib.Path` or any `os.PathLike`: read with `parse_file`), texts
    (`str`) or ``(name, text)`` pairs.  With ``jobs`` above 1, inputs are parsed in that many
    processes.  A failure is a result carrying its error and the input's name; it never
    ends the batch.

    With ``rows=True`` a result carries the report's data-frame row (`ParseResult.row`)
    instead of the report: what `to_frame` needs, built where the report is parsed.  With
    processes that is the fast way to a table of many reports, as a row is much cheaper to
    send back between processes than a whole report.

    >>> result = next(parse_many(["not a report"]))
    >>> result.ok, type(result.error).__name__
    (False, 'NotAReportError')
    >>> from gov_disclosure import example_text
    >>> row = next(parse_many([example_text()], rows=True)).row
    >>> row["source"], row["requests.new_received.total"]
    ('<text 0>', 21)
    """
    if rows:
        for name, row, error in parse_each(items, frame_row, jobs=jobs, strict=strict):
            yield ParseResult(name, error=error, row=row)
    else:
        for name, report, error in parse_each(items, _report, jobs=jobs, strict=strict):
            yield ParseResult(name, report, error)

"""Many reports at once: `parse_many`, in parallel across processes when asked."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from ._api import parse_file, parse_report
from ._model import AnnualReport

Item = str | os.PathLike[str] | tuple[str, str]
"""A report to parse: a path (`os.PathLike`), a text (`str`) or a named text."""


@attrs.frozen
class ParseResult:
    """The outcome of one input of `parse_many`: a report, or the error that stopped it."""

    name: str
    """The input's path, the name it was given, or ``<text N>``."""
    report: AnnualReport | None = None
    error: Exception | None = None
    """Why there is no report: a `GovDisclosureError` (not a report, unreadable file…) or
    any other exception the input raised, so that one bad input never ends a batch."""

    @property
    def ok(self) -> bool:
        return self.report is not None


def _one(job: tuple[int, Item, bool]) -> ParseResult:
    """Parse one input (module level, so that process pools can send it)."""
    index, item, strict = job
    if isinstance(item, tuple):
        name, text = item
    elif isinstance(item, str):
        name, text = f"<text {index}>", item
    else:
        name, text = os.fspath(item), None
    try:
        if text is None:
            return ParseResult(name, parse_file(Path(name), strict=strict))
        return ParseResult(name, attrs.evolve(parse_report(text, strict=strict), source=name))
    except Exception as e:  # noqa: BLE001 - a batch reports every failure and goes on
        return ParseResult(name, error=e)


def parse_many(
    items: Iterable[Item], *, jobs: int | None = None, strict: bool = False
) -> Iterator[ParseResult]:
    """Parse many reports, yielding one `ParseResult` per input, in input order.

    Items are paths (`pathlib.Path` or any `os.PathLike`: read with `parse_file`), texts
    (`str`) or ``(name, text)`` pairs.  With ``jobs`` above 1, inputs are parsed in that many
    processes.  A failure is a result carrying its error and the input's name; it never
    ends the batch.

    >>> result = next(parse_many(["not a report"]))
    >>> result.ok, type(result.error).__name__
    (False, 'NotAReportError')
    """
    jobs_list = ((i, item, strict) for i, item in enumerate(items))
    if not jobs or jobs <= 1:
        yield from map(_one, jobs_list)
        return
    from concurrent.futures import ProcessPoolExecutor  # only when processes are asked for

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_one, jobs_list, chunksize=4)

"""The library's exceptions.  Every one is a `GovDisclosureError`, itself a `ValueError`.

Message wording is informational and may change between versions; the classes and their
attributes are the contract.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from ._model import Diagnostic


class GovDisclosureError(ValueError):
    """Base class of every error this library raises on bad input."""


class NotAReportError(GovDisclosureError):
    """The text has no recognisable 政府信息公开工作年度报告 structure.

    `missing` names the structures that were looked for and not found.
    """

    def __init__(self, message: str, *, missing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.missing: tuple[str, ...] = tuple(missing)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_not_a_report, (str(self), self.missing))


def _rebuild_not_a_report(message: str, missing: tuple[str, ...]) -> NotAReportError:
    return NotAReportError(message, missing=missing)


class DiagnosticError(GovDisclosureError):
    """One error-level diagnostic, raised as a member of `StrictParseError`."""

    def __init__(self, diagnostic: Diagnostic, rendered: str) -> None:
        super().__init__(rendered)
        self.diagnostic = diagnostic

    def __reduce__(self) -> tuple[object, ...]:
        return (DiagnosticError, (self.diagnostic, str(self)))


class StrictParseError(GovDisclosureError, ExceptionGroup[DiagnosticError]):
    """Raised by ``parse_report(text, strict=True)``: every error-level diagnostic at once.

    An `ExceptionGroup`: each member is a `DiagnosticError` whose message shows the
    offending line with a marker under the span.
    """

    def __new__(cls, message: str, errors: Sequence[DiagnosticError]) -> Self:
        # ValueError.__new__ (first in the MRO) refuses to build an exception group
        return ExceptionGroup.__new__(cls, message, list(errors))

    def __init__(self, message: str, errors: Sequence[DiagnosticError]) -> None:
        super().__init__(message, list(errors))

    def derive(self, excs: Sequence[Exception]) -> StrictParseError:  # type: ignore[override]
        return StrictParseError(self.message, [e for e in excs if isinstance(e, DiagnosticError)])

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(
            e.diagnostic for e in self.exceptions if isinstance(e, DiagnosticError)
        )

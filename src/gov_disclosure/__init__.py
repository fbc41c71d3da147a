"""gov-disclosure: Chinese government information-disclosure annual reports as typed data.

>>> from gov_disclosure import parse_report, example_text
>>> report = parse_report(example_text())
>>> report.template, report.year, report.agency
('2021', 2023, '洪泽区人民政府')
>>> report.to_flat()["requests.new_received.total"]
21
"""

from ._api import parse_file, parse_html, parse_report
from ._batch import ParseResult, parse_many
from ._errors import DiagnosticError, GovDisclosureError, NotAReportError, StrictParseError
from ._example import example_text
from ._files import NotTextError, UnreadableFileError
from ._frame import requests_frame, to_frame
from ._model import (
    AnnualReport,
    Cell,
    CellKind,
    Diagnostic,
    GridRef,
    Row,
    Section,
    Sections,
    Span,
    Table,
)

__version__ = "0.1.0"

__all__ = (
    "AnnualReport",
    "Cell",
    "CellKind",
    "Diagnostic",
    "DiagnosticError",
    "GovDisclosureError",
    "GridRef",
    "NotAReportError",
    "NotTextError",
    "ParseResult",
    "Row",
    "Section",
    "Sections",
    "Span",
    "StrictParseError",
    "Table",
    "UnreadableFileError",
    "__version__",
    "example_text",
    "parse_file",
    "parse_html",
    "parse_many",
    "parse_report",
    "requests_frame",
    "to_frame",
)


def __dir__() -> list[str]:
    return list(__all__)

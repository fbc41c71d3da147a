"""A real report shipped with the library, for trying it out and for its doctests."""

from __future__ import annotations

from importlib.resources import files


def example_text() -> str:
    """The text of a real report (洪泽区人民政府, 2023; a PDF as pdfplumber extracts it).

    >>> from gov_disclosure import parse_report
    >>> parse_report(example_text()).agency
    '洪泽区人民政府'
    """
    return files("gov_disclosure").joinpath("data", "example_report.txt").read_text(encoding="utf-8")

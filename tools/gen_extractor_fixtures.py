"""Regenerate tests/data/extractors: the real PDF samples read by the PDF tools Python
scrapers use besides pdfplumber and pdftotext (whose output is in tests/data/samples).

    pip install pypdf pymupdf pymupdf4llm pypdfium2
    python tools/gen_extractor_fixtures.py ../shared/samples    # the folder of r013.pdf …

For each ``NAME.pdf`` that has ``NAME.expected.json`` in tests/data/samples, writes:

- ``NAME.pypdf.txt``: pypdf's ``extract_text()``, pages joined by a line break;
- ``NAME.pypdf-layout.txt``: the same with ``extraction_mode="layout"``;
- ``NAME.pymupdf.txt``, ``NAME.pymupdf-sort.txt``, ``NAME.pymupdf-blocks.txt``: PyMuPDF's
  ``get_text()``, ``get_text(sort=True)`` and its text blocks, a line break apart;
- ``NAME.pymupdf4llm.md``: pymupdf4llm's ``to_markdown()``;
- ``NAME.pdfium.txt``: pypdfium2's ``get_text_range()`` of each page;

and copies the expected file.  None of these tools is needed by the library or its tests.
"""

from __future__ import annotations

import pathlib
import shutil
import sys
from collections.abc import Callable

ROOT = pathlib.Path(__file__).parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"
OUT = ROOT / "tests" / "data" / "extractors"


def _pypdf(path: pathlib.Path, layout: bool) -> str:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    mode = {"extraction_mode": "layout"} if layout else {}
    return "\n".join(page.extract_text(**mode) for page in reader.pages)


def _pymupdf(path: pathlib.Path, how: str) -> str:
    import pymupdf

    doc = pymupdf.open(str(path))
    if how == "blocks":
        return "\n".join(b[4] for page in doc for b in page.get_text("blocks"))
    return "".join(page.get_text(sort=how == "sort") for page in doc)


def _pymupdf4llm(path: pathlib.Path) -> str:
    import pymupdf4llm

    text: str = pymupdf4llm.to_markdown(str(path))
    return text


def _pdfium(path: pathlib.Path) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


EXTRACTORS: dict[str, Callable[[pathlib.Path], str]] = {
    "pypdf.txt": lambda p: _pypdf(p, False),
    "pypdf-layout.txt": lambda p: _pypdf(p, True),
    "pymupdf.txt": lambda p: _pymupdf(p, "plain"),
    "pymupdf-sort.txt": lambda p: _pymupdf(p, "sort"),
    "pymupdf-blocks.txt": lambda p: _pymupdf(p, "blocks"),
    "pymupdf4llm.md": _pymupdf4llm,
    "pdfium.txt": _pdfium,
}


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    OUT.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(pathlib.Path(sys.argv[1]).glob("*.pdf")):
        gold = SAMPLES / f"{pdf.stem}.expected.json"
        if not gold.exists():
            continue
        shutil.copy(gold, OUT / gold.name)
        for suffix, extract in EXTRACTORS.items():
            (OUT / f"{pdf.stem}.{suffix}").write_text(extract(pdf), encoding="utf-8")
        print(f"{pdf.name}: {len(EXTRACTORS)} extractions")


if __name__ == "__main__":
    main()

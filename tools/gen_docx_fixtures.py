"""Regenerate tests/data/docx: reports saved as Word files and read back by the tools
Python scrapers use on ``.docx`` attachments.

Each report (tests/reports.py) is written as Word-style HTML with the templates' merged
cells (tests/render.py), saved as a ``.docx`` by LibreOffice, and read by:

- ``NAME.python-docx.txt``: python-docx, each paragraph a line and each table row the
  text of ``row.cells`` joined by tabs, in document order (the common recipe: a merged
  cell comes once per grid column it covers);
- ``NAME.python-docx-unique.txt``: the same with a merged cell once (consecutive
  ``row.cells`` that are one cell skipped, as careful scripts do);
- ``NAME.python-docx-tables-last.txt``: ``doc.paragraphs``, then ``doc.tables`` (the recipe
  of many tutorials: the tables come after the report's text, as an appendix would);
- ``NAME.docx2python.txt``: docx2python's ``.text`` (every paragraph and cell followed by
  a blank line; a cell merged across columns repeated, a cell merged down empty below);
- ``NAME.mammoth.txt``: mammoth's ``extract_raw_text``;
- ``NAME.docx2txt.txt``: docx2txt's ``process``;
- ``NAME.pandoc-plain.txt``, ``NAME.pandoc-markdown.md``, ``NAME.pandoc-gfm.md``:
  ``pandoc -t plain|markdown|gfm``;
- ``NAME.unstructured.txt``: unstructured's ``partition_docx`` elements, a blank line
  apart (each table one line of its cells, a space apart, blank cells gone).  Its
  tokenizer wants a spaCy model it downloads; the tool gives it a blank one (what the
  elements' texts are does not depend on it).

The Word file itself is kept (``NAME.docx``: `parse_file` reads Word files).  The
expected file holds the report's true values.  Needs LibreOffice (``soffice``) and
pandoc, and the Python packages below, none of which the library or its tests need:

    apt-get install libreoffice-writer-nogui pandoc
    pip install python-docx docx2python mammoth docx2txt unstructured
    python tools/gen_docx_fixtures.py
"""

from __future__ import annotations

import pathlib
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator

ROOT = pathlib.Path(__file__).parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.render import render_html
from tests.reports import make_report
from tools.gen_fixtures import VARIANTS, expected_fields, write_expected

OUT = ROOT / "tests" / "data" / "docx"
#: (seed, template, share of zero cells left blank, HTML variant: even merges the label
#: cells as the template does, odd prints every row's own group cells, empty; the
#: variant also chooses how a blank cell is written)
CASES = [
    (102, "trial", 0.0, 2),
    (104, "mixed", 0.0, 0),
    (105, "revised", 0.0, 1),
    (100, "revised", 0.3, 0),
    (103, "trial", 0.3, 3),
    (106, "mixed", 0.3, 4),
]


def _blocks(path: pathlib.Path) -> Iterator[object]:
    """The document's paragraphs and tables in document order (python-docx)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    for element in doc.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(element, doc)
        elif tag == "tbl":
            yield Table(element, doc)


def _python_docx(path: pathlib.Path, unique: bool) -> str:
    from docx.table import Table

    out: list[str] = []
    for block in _blocks(path):
        if not isinstance(block, Table):
            out.append(block.text)  # type: ignore[attr-defined]
            continue
        for row in block.rows:
            cells = row.cells
            if unique:
                cells = [c for i, c in enumerate(cells) if i == 0 or c._tc is not cells[i - 1]._tc]
            out.append("\t".join(c.text for c in cells))
    return "\n".join(out)


def _tables_last(path: pathlib.Path) -> str:
    from docx import Document

    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        out.extend("\t".join(c.text for c in row.cells) for row in table.rows)
    return "\n".join(out)


def _docx2python(path: pathlib.Path) -> str:
    from docx2python import docx2python

    with docx2python(str(path)) as doc:
        return str(doc.text)


def _mammoth(path: pathlib.Path) -> str:
    import mammoth

    with path.open("rb") as f:
        return str(mammoth.extract_raw_text(f).value)


def _docx2txt(path: pathlib.Path) -> str:
    import docx2txt

    return str(docx2txt.process(str(path)))


def _pandoc(to: str) -> Callable[[pathlib.Path], str]:
    def run(path: pathlib.Path) -> str:
        done = subprocess.run(
            ["pandoc", "-t", to, str(path)], check=True, capture_output=True, text=True
        )
        return done.stdout

    return run


def _unstructured(path: pathlib.Path) -> str:
    import spacy
    from unstructured.nlp import tokenize
    from unstructured.partition.docx import partition_docx

    blank = spacy.blank("xx")
    blank.add_pipe("sentencizer")
    tokenize._get_nlp = lambda: blank  # no model download
    return "\n\n".join(str(element) for element in partition_docx(filename=str(path)))


EXTRACTORS: dict[str, Callable[[pathlib.Path], str]] = {
    "python-docx.txt": lambda p: _python_docx(p, unique=False),
    "python-docx-unique.txt": lambda p: _python_docx(p, unique=True),
    "python-docx-tables-last.txt": _tables_last,
    "docx2python.txt": _docx2python,
    "mammoth.txt": _mammoth,
    "docx2txt.txt": _docx2txt,
    "pandoc-plain.txt": _pandoc("plain"),
    "pandoc-markdown.md": _pandoc("markdown"),
    "pandoc-gfm.md": _pandoc("gfm"),
    "unstructured.txt": _unstructured,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        for seed, template, blanks, variant in CASES:
            active, requests = VARIANTS[template]
            report = make_report(active, requests, seed=seed, blanks=blanks)  # type: ignore[arg-type]
            stem = f"w{seed}-{template}" + ("-blanks" if blanks else "")
            page = work / f"{stem}.html"
            page.write_text(render_html(report, variant), encoding="utf-8")
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                 "--outdir", str(work), str(page)],
                check=True, capture_output=True,
            )
            docx = OUT / f"{stem}.docx"
            (work / f"{stem}.docx").replace(docx)  # kept: parse_file reads it itself
            for suffix, extract in EXTRACTORS.items():
                (OUT / f"{stem}.{suffix}").write_text(extract(docx), encoding="utf-8")
            write_expected(
                OUT / f"{stem}.expected.json",
                report,
                expected_fields(report),
                f"Synthetic: a {template} report (seed {seed}, blank share {blanks}, "
                f"HTML variant {variant}) saved as a Word file by LibreOffice and read by "
                "the Word tools of tools/gen_docx_fixtures.py.",
            )
    print(f"wrote {len(CASES)} reports x {len(EXTRACTORS)} extractions to {OUT}")


if __name__ == "__main__":
    main()

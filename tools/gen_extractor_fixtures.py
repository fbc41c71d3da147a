"""Regenerate tests/data/extractors: the real samples read by the tools Python scrapers
use besides those whose output is in tests/data/samples (pdfplumber, pdftotext; for web
pages inscriptis, html2text, BeautifulSoup's ``get_text("\\n")``).

    pip install pypdf pymupdf pymupdf4llm pypdfium2 pdfminer.six "markitdown[pdf]" \\
        beautifulsoup4 lxml markdownify trafilatura html2text html-text
    python tools/gen_extractor_fixtures.py ../shared/samples    # the folder of r013.pdf …

For each ``NAME.pdf`` that has ``NAME.expected.json`` in tests/data/samples, writes:

- ``NAME.pypdf.txt``: pypdf's ``extract_text()``, pages joined by a line break;
- ``NAME.pypdf-layout.txt``: the same with ``extraction_mode="layout"``;
- ``NAME.pymupdf.txt``, ``NAME.pymupdf-sort.txt``, ``NAME.pymupdf-blocks.txt``: PyMuPDF's
  ``get_text()``, ``get_text(sort=True)`` and its text blocks, a line break apart;
- ``NAME.pymupdf4llm.md``: pymupdf4llm's ``to_markdown()``;
- ``NAME.pdfium.txt``: pypdfium2's ``get_text_range()`` of each page;
- ``NAME.pdfminer.txt``: pdfminer.six's ``extract_text()`` (LangChain's PDFMinerLoader, and
  markitdown on pages with no table it can rebuild);
- ``NAME.pdfbox.txt``: Apache PDFBox's ``ExtractText`` (what Apache Tika gives; Debian's
  ``libpdfbox2-java``, run with ``java``);
- ``NAME.markitdown.md``: Microsoft's markitdown (``MarkItDown().convert()``, 0.1.8): tables
  rebuilt from word positions, several columns' values often in one ``|`` cell (``| 21 0 |``);

For each ``NAME.html`` likewise: ``NAME.bs4-get-text.txt`` (``get_text()``, with lxml),
``NAME.bs4-get-text-space.txt`` (``get_text(" ")``), ``NAME.bs4-html-parser.txt``
(``get_text()``, with html.parser), ``NAME.bs4-strip-space.txt`` and
``NAME.bs4-strip-lines.txt`` (``get_text(" ", strip=True)``: the page on one line, its
texts a space apart; ``get_text("\\n", strip=True)``), ``NAME.markdownify.md``,
``NAME.trafilatura.txt`` and ``NAME.trafilatura.md`` (tables included), ``NAME.html2text-nowrap.md`` (``body_width=0``),
``NAME.html-text.txt``, the text browsers' ``NAME.w3m.txt`` and ``NAME.lynx.txt``
(``-dump``, 200 columns; Debian's w3m and lynx), and ``NAME.turndown.md`` (turndown with
its GFM plugin, tools/turndown.js: ``npm install turndown turndown-plugin-gfm jsdom``,
found through ``NODE_PATH``; tables with merged cells stay HTML markup).

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


def _pdfminer(path: pathlib.Path) -> str:
    from pdfminer.high_level import extract_text

    text: str = extract_text(str(path))
    return text


#: Debian's PDFBox 2 (``apt install libpdfbox2-java``) and what it needs.
PDFBOX = ":".join(
    f"/usr/share/java/{jar}.jar"
    for jar in ("pdfbox2", "pdfbox2-tools", "fontbox2", "commons-logging")
)


def _pdfbox(path: pathlib.Path) -> str:
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out.txt"
        command = ["java", "-cp", PDFBOX, "org.apache.pdfbox.tools.ExtractText", "-encoding", "UTF-8"]
        subprocess.run([*command, str(path), str(out)], check=True, capture_output=True)
        return out.read_text(encoding="utf-8")


def _markitdown(path: pathlib.Path) -> str:
    from markitdown import MarkItDown

    text: str = MarkItDown().convert(str(path)).text_content
    return text


EXTRACTORS: dict[str, Callable[[pathlib.Path], str]] = {
    "pypdf.txt": lambda p: _pypdf(p, False),
    "pypdf-layout.txt": lambda p: _pypdf(p, True),
    "pymupdf.txt": lambda p: _pymupdf(p, "plain"),
    "pymupdf-sort.txt": lambda p: _pymupdf(p, "sort"),
    "pymupdf-blocks.txt": lambda p: _pymupdf(p, "blocks"),
    "pymupdf4llm.md": _pymupdf4llm,
    "pdfium.txt": _pdfium,
    "pdfminer.txt": _pdfminer,
    "pdfbox.txt": _pdfbox,
    "markitdown.md": _markitdown,
}


def _decode(path: pathlib.Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _soup(path: pathlib.Path, parser: str, sep: str, strip: bool = False) -> str:
    from bs4 import BeautifulSoup

    text: str = BeautifulSoup(_decode(path), parser).get_text(sep, strip=strip)
    return text


def _markdownify(path: pathlib.Path) -> str:
    import markdownify

    text: str = markdownify.markdownify(_decode(path))
    return text


def _trafilatura(path: pathlib.Path, markdown: bool) -> str:
    import trafilatura

    fmt = {"output_format": "markdown"} if markdown else {}
    return trafilatura.extract(_decode(path), include_tables=True, **fmt) or ""


def _html2text(path: pathlib.Path) -> str:
    import html2text

    handler = html2text.HTML2Text()
    handler.body_width = 0
    text: str = handler.handle(_decode(path))
    return text


def _html_text(path: pathlib.Path) -> str:
    import html_text

    text: str = html_text.extract_text(_decode(path))
    return text


def _browser(path: pathlib.Path, command: list[str]) -> str:
    import subprocess

    done = subprocess.run(command, input=_decode(path).encode("utf-8"), capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _turndown(path: pathlib.Path) -> str:
    import subprocess

    # node finds turndown and jsdom through NODE_PATH (or a node_modules above the script)
    done = subprocess.run(
        ["node", str(ROOT / "tools" / "turndown.js"), str(path)], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


W3M = ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "200"]
LYNX = ["lynx", "-dump", "-stdin", "-nolist", "-width=200", "-assume_charset=utf-8", "-display_charset=utf-8"]

HTML_EXTRACTORS: dict[str, Callable[[pathlib.Path], str]] = {
    "w3m.txt": lambda p: _browser(p, W3M),
    "lynx.txt": lambda p: _browser(p, LYNX),
    "bs4-get-text.txt": lambda p: _soup(p, "lxml", ""),
    "bs4-get-text-space.txt": lambda p: _soup(p, "lxml", " "),
    "bs4-html-parser.txt": lambda p: _soup(p, "html.parser", ""),
    "bs4-strip-space.txt": lambda p: _soup(p, "lxml", " ", strip=True),
    "bs4-strip-lines.txt": lambda p: _soup(p, "lxml", "\n", strip=True),
    "markdownify.md": _markdownify,
    "trafilatura.txt": lambda p: _trafilatura(p, False),
    "trafilatura.md": lambda p: _trafilatura(p, True),
    "html2text-nowrap.md": _html2text,
    "html-text.txt": _html_text,
    "turndown.md": _turndown,
}


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    OUT.mkdir(parents=True, exist_ok=True)
    for source in sorted(pathlib.Path(sys.argv[1]).iterdir()):
        tools = {".pdf": EXTRACTORS, ".html": HTML_EXTRACTORS}.get(source.suffix)
        gold = SAMPLES / f"{source.stem}.expected.json"
        if tools is None or not gold.exists():
            continue
        shutil.copy(gold, OUT / gold.name)
        for suffix, extract in tools.items():
            (OUT / f"{source.stem}.{suffix}").write_text(extract(source), encoding="utf-8")
        print(f"{source.name}: {len(tools)} extractions")


if __name__ == "__main__":
    main()

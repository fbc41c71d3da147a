"""Regenerate tests/data/pdf: reports printed to PDF and read back by the PDF text tools.

Each report (tests/reports.py, with paragraphs of a real report's length) is written as
Word-style HTML with the templates' merged cells (tests/render.py), printed to PDF by
LibreOffice or headless Chrome, and extracted as scrapers do: by ``pdftotext`` (its
reading order: the raw family), ``pdftotext -layout`` and pdfplumber's ``extract_text``,
and, when they are installed, by pypdf, PyMuPDF, pymupdf4llm and pypdfium2 in each way of
tools/gen_extractor_fixtures.py.  The expected file holds the report's true values
(nothing marked undecidable: tests/test_pdf.py says what a reading may leave open).

Needs LibreOffice (``soffice``), Chromium, poppler-utils (``pdftotext``) and pdfplumber, none of
which the library or its tests need:

    apt-get install libreoffice-writer-nogui chromium poppler-utils fonts-noto-cjk
    pip install pdfplumber pypdf pymupdf pymupdf4llm pypdfium2
    python tools/gen_pdf_fixtures.py
"""

from __future__ import annotations

import pathlib
import subprocess
import sys
import tempfile

import attrs

ROOT = pathlib.Path(__file__).parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.render import render_html
from tests.reports import make_report
from tools.gen_extractor_fixtures import EXTRACTORS
from tools.gen_fixtures import VARIANTS, expected_fields, write_expected

OUT = ROOT / "tests" / "data" / "pdf"
#: (seed, template, share of zero cells left blank, HTML variant: even merges the label
#: cells as the template does, odd prints every row's own group cells, empty; printer:
#: LibreOffice, or headless Chrome, whose PDFs extract with Kangxi radicals for ideographs)
CASES = [
    (102, "trial", 0.0, 2, "libreoffice"),
    (102, "revised", 0.0, 2, "libreoffice"),
    (104, "mixed", 0.0, 0, "libreoffice"),
    (105, "revised", 0.0, 1, "libreoffice"),
    (100, "revised", 0.3, 0, "libreoffice"),
    (103, "trial", 0.3, 3, "libreoffice"),
    (106, "mixed", 0.3, 2, "libreoffice"),
    (200, "revised", 0.0, 0, "chrome"),
    (203, "trial", 0.0, 3, "chrome"),
]
CHROME = [
    "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
]
OVERVIEW = (
    "2023年，我局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
    "认真落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，围绕中心"
    "工作，不断深化政务公开，提升政务服务水平，切实保障人民群众的知情权、参与权、表达权和"
    "监督权，推动法治政府建设取得新成效。"
)
PROBLEMS = (
    "2023年我局政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容的全面性、"
    "及时性还需进一步提高；二是政策解读的形式还不够丰富，解读质量有待提升；三是依申请公开"
    "答复的规范化水平仍需加强。下一步，我局将进一步健全工作机制，加强业务培训，不断提升"
    "政府信息公开工作质量和水平。"
)
OTHER = (
    "本年度我局未收取政府信息公开信息处理费。根据《政府信息公开信息处理费管理办法》规定，"
    "本机关全年未发出收费通知，未收取任何信息处理费用。无其他需要报告的事项。"
)


def main() -> None:
    import pdfplumber  # only this tool needs it

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        for seed, template, blanks, variant, printer in CASES:
            active, requests = VARIANTS[template]
            report = make_report(active, requests, seed=seed, blanks=blanks)  # type: ignore[arg-type]
            report = attrs.evolve(report, overview=OVERVIEW, problems=PROBLEMS, other=OTHER)
            stem = f"s{seed}-{template}" + ("-blanks" if blanks else "")
            stem += "-chrome" if printer == "chrome" else ""
            page = work / f"{stem}.html"
            page.write_text(render_html(report, variant), encoding="utf-8")
            pdf = work / f"{stem}.pdf"
            command = (
                [*CHROME, f"--print-to-pdf={pdf}", page.as_uri()]
                if printer == "chrome"
                else ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(page)]
            )
            subprocess.run(command, check=True, capture_output=True)
            for name, args in (("raw", []), ("layout", ["-layout"])):
                subprocess.run(
                    ["pdftotext", "-enc", "UTF-8", *args, str(pdf), str(OUT / f"{stem}.{name}.txt")],
                    check=True,
                )
            with pdfplumber.open(pdf) as doc:
                text = "\n".join(page.extract_text() or "" for page in doc.pages)
            (OUT / f"{stem}.plumber.txt").write_text(text, encoding="utf-8")
            for suffix, extract in EXTRACTORS.items():
                try:
                    (OUT / f"{stem}.{suffix}").write_text(extract(pdf), encoding="utf-8")
                except ImportError:
                    print(f"{stem}.{suffix}: not written (its tool is not installed)")
            write_expected(
                OUT / f"{stem}.expected.json",
                report,
                expected_fields(report),
                f"Synthetic: a {template} report (seed {seed}, blank share {blanks}, "
                f"HTML variant {variant}) printed to PDF by {printer} and extracted by "
                "pdftotext and pdfplumber (tools/gen_pdf_fixtures.py).",
            )
    print(f"wrote {len(CASES)} reports x {3 + len(EXTRACTORS)} extractions to {OUT}")


if __name__ == "__main__":
    main()

"""Regenerate tests/data/browser: web pages read by a real browser, as scrapers that drive
one (Selenium, Playwright) or copy from one read them.

The real page of the samples (tests/data/samples/r012.html) and reports written as
Word-style pages (tests/render.py's `render_html`: a ``<p>`` in every cell, merged label
cells), each opened in headless Chromium through Selenium, and read four ways:

- ``NAME.inner-text.txt``: ``document.body.innerText`` (Playwright's
  ``inner_text("body")``): tabs between cells, each between its paragraphs' line breaks;
- ``NAME.webdriver-text.txt``: WebDriver's text of ``<body>`` (Selenium's ``.text``): each
  cell (a paragraph) on a line of its own, a blank cell's ``&nbsp;`` and the space after
  it opening the next line, a blank cell of white space dropped (tests/render.py's
  `render_webdriver_text` writes the same text);
- ``NAME.selection.txt``: the whole page selected, as text (what copying gives);
- ``NAME.text-content.txt``: ``document.body.textContent`` (BeautifulSoup's
  ``get_text()`` gives the same): nothing between cells, a blank cell's ``&nbsp;`` among
  the digits.  Not for a page whose blank cells hold a plain space: in glued text a
  space is not told from a stray one (a known gap, docs/formats.md).

Needs Chromium, its driver and Selenium, which neither the library nor its tests need:

    apt-get install chromium chromium-driver
    pip install selenium
    python tools/gen_browser_fixtures.py
"""

from __future__ import annotations

import pathlib
import shutil
import sys
import tempfile

ROOT = pathlib.Path(__file__).parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.render import _BLANKS, render_html
from tests.reports import make_report
from tools.gen_fixtures import VARIANTS, expected_fields, write_expected

OUT = ROOT / "tests" / "data" / "browser"
#: (seed, template, share of zero cells left blank, HTML variant: even merges the label
#: cells as the template does, odd prints every row's own group cells, empty)
CASES = [
    (300, "revised", 0.0, 0),
    (301, "trial", 0.0, 1),
    (302, "mixed", 0.0, 2),
    (303, "revised", 0.3, 0),
    (304, "trial", 0.3, 3),
]
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SELECT_ALL = (
    "var r = document.createRange(); r.selectNodeContents(document.body);"
    "var s = getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString();"
)


def _readings(driver: object, page: pathlib.Path, glued: bool) -> dict[str, str]:
    from selenium.webdriver.common.by import By

    driver.get(page.resolve().as_uri())  # type: ignore[attr-defined]
    out = {
        "inner-text.txt": driver.execute_script("return document.body.innerText"),  # type: ignore[attr-defined]
        "webdriver-text.txt": driver.find_element(By.TAG_NAME, "body").text,  # type: ignore[attr-defined]
        "selection.txt": driver.execute_script(SELECT_ALL),  # type: ignore[attr-defined]
    }
    if glued:
        out["text-content.txt"] = driver.execute_script("return document.body.textContent")  # type: ignore[attr-defined]
    return out


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for arg in ARGS:
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            pages: list[tuple[str, pathlib.Path, bool]] = []
            for seed, template, blanks, variant in CASES:
                active, requests = VARIANTS[template]
                report = make_report(active, requests, seed=seed, blanks=blanks)  # type: ignore[arg-type]
                stem = f"b{seed}-{template}" + ("-blanks" if blanks else "")
                page = pathlib.Path(tmp) / f"{stem}.html"
                page.write_text(render_html(report, variant), encoding="utf-8")
                note = f"tests/reports.py make_report seed {seed}, render_html variant {variant}"
                write_expected(OUT / f"{stem}.expected.json", report, expected_fields(report), note)
                spaces = blanks > 0 and _BLANKS[variant % len(_BLANKS)] == " "
                pages.append((stem, page, not spaces))
            real = ROOT / "tests" / "data" / "samples"
            shutil.copy(real / "r012.expected.json", OUT / "r012.expected.json")
            pages.append(("r012", real / "r012.html", True))
            for stem, page, glued in pages:
                for suffix, text in _readings(driver, page, glued).items():
                    (OUT / f"{stem}.{suffix}").write_text(text, encoding="utf-8")
                print(stem)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()

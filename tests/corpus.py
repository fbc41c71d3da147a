"""The real-report fixtures in tests/data/samples, with their expected values."""

from __future__ import annotations

import json
import pathlib
import unicodedata
from decimal import Decimal
from typing import Any

DATA = pathlib.Path(__file__).parent / "data"
SAMPLES = DATA / "samples"
FIXTURES = DATA / "fixtures"
PDF = DATA / "pdf"
BROWSER = DATA / "browser"
DOCX = DATA / "docx"
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")


def sample_inputs(
    folder: pathlib.Path = SAMPLES, suffixes: tuple[str, ...] = TEXT_SUFFIXES
) -> list[pathlib.Path]:
    """Every input that has an expected file (NAME.txt or NAME.VARIANT.txt)."""
    out = []
    for gold in sorted(folder.glob("*.expected.json")):
        stem = gold.name[: -len(".expected.json")]
        out.extend(
            p
            for p in sorted(folder.glob(stem + ".*"))
            if p.name.split(".")[0] == stem and p.suffix in suffixes
        )
    return out


def expected_for(path: pathlib.Path) -> dict[str, Any]:
    stem = path.name.split(".")[0]
    gold = path.parent / f"{stem}.expected.json"
    data: dict[str, Any] = json.loads(gold.read_text("utf-8"))
    return data


def deviations() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(
        (DATA / "known_deviations.json").read_text("utf-8")
    )
    data.pop("_about")
    return data


def norm_text(s: str) -> str:
    """As the scorer compares text: NFKC, without whitespace."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def same_value(want: object, got: object) -> bool:
    """As the scorer compares values (agency: either contains the other)."""
    if want is None:
        return got is None
    if got is None or isinstance(got, bool):
        return False
    if isinstance(want, str):
        a, b = norm_text(want), norm_text(str(got))
        return a == b or (bool(a) and bool(b) and (a in b or b in a))
    return abs(Decimal(str(want)) - Decimal(str(got))) <= Decimal("0.01")


def wrong_values(report: Any, gold: dict[str, Any]) -> dict[str, tuple[object, object]]:
    """The fields `report` reads otherwise than `gold` says, as (expected, read), but a
    lone 0 placed as 自然人's by convention where another column held it (a 0 and a blank
    cell cannot be told apart once a flattening drops blank cells; the report says so)."""
    flat = report.to_flat()
    by_convention = {d.key for d in report.diagnostics if d.code == "placed-by-convention"}
    return {
        key: (want, flat[key])
        for key, want in gold["fields"].items()
        if key != "meta.agency"
        and not same_value(want, flat[key])
        and not (key.rsplit(".", 1)[0] in by_convention and {want, flat[key]} == {0, None})
    }


def assert_section_snippets(report: Any, gold: dict[str, Any]) -> None:
    """Each narrative section starts and ends as the expected file says (as the scorer
    compares them: NFKC, without whitespace)."""
    for name, snip in gold["text"].items():
        body = norm_text(getattr(report.sections, name).text)
        assert body.startswith(norm_text(snip["starts"])), (name, body[:60])
        assert body.endswith(norm_text(snip["ends"])), (name, body[-60:])

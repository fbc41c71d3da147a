"""Fuzz `parse_report`: the contract is that no `str` makes it raise anything but
`NotAReportError`, hang, or return a number the text does not hold at that place.

Inputs are real samples mutated the ways extraction damages text (lines deleted,
duplicated, swapped, truncated; random, control and invisible characters inserted;
mojibake from the wrong encoding; the report repeated; two reports concatenated), plus
random text.

    python fuzz/fuzz_parse.py --mutations 10000        # a deterministic run, with counts
    python fuzz/fuzz_parse.py --seconds 20             # a time-bounded run (CI)
    python fuzz/fuzz_parse.py --atheris [atheris args] # coverage-guided, when atheris is installed

Exit status 1 on a contract violation; the offending input is written to fuzz/crashes/.
"""

from __future__ import annotations

import argparse
import contextlib
import pathlib
import random
import re
import sys
import time
import traceback
from collections.abc import Iterator

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gov_disclosure import CellKind, NotAReportError, parse_report
from gov_disclosure._api import _LOOKS_LIKE_HTML  # what parse_report reads as a web page
from gov_disclosure._normalize import normalize

SAMPLES = [
    p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "tests" / "data" / "samples").glob("*"))
    if p.suffix in (".txt", ".md", ".html")
]
_TAG = re.compile(r"<[^>]*>|&nbsp;")
JUNK = ["\x00", "|||", "\t\t1\t2", "7 8 9", "四、结转下年度继续办理", "（七）总计 5 5", "1234567890" * 3,
        "一、总体情况", "第二十条第（一）项", "- 3 -", "\ufeff", "\u200b", "（）", "ï»¿"]
CRASHES = ROOT / "fuzz" / "crashes"


def mojibake(s: str, rng: random.Random) -> str:
    """UTF-8 bytes read as GBK or Latin-1, as a wrong guess of the encoding does."""
    data = s.encode("utf-8", errors="surrogatepass")
    return data.decode(rng.choice(["gbk", "latin-1", "cp1252"]), errors="replace")


def mutate(rng: random.Random) -> str:
    text = rng.choice(SAMPLES)
    if rng.random() < 0.05:
        return text * rng.randint(2, 4)
    if rng.random() < 0.05:
        return text + "\n" + rng.choice(SAMPLES)
    if rng.random() < 0.03:
        return "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(0, 400)))
    lines = text.split("\n")
    for _ in range(rng.randint(1, 10)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        op = rng.choice("ddstiijmz")
        if op == "d":
            del lines[i]
        elif op == "s":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "t":
            lines = lines[:i]
        elif op == "i":
            k = rng.randint(0, len(lines[i]))
            noise = "".join(
                chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x4E00, 0x9FFF), rng.randint(0x80, 0xFFFF)]))
                for _ in range(rng.randint(1, 5))
            )
            lines[i] = lines[i][:k] + noise + lines[i][k:]
        elif op == "z":  # invisible format characters and odd line breaks, anywhere
            k = rng.randint(0, len(lines[i]))
            mark = rng.choice(["\u200b", "\ufeff", "\u00ad", "\u200d", "\u2060", "\u2028"])
            lines[i] = lines[i][:k] + mark + lines[i][k:]
        elif op == "j":
            lines.insert(i, rng.choice(JUNK))
        elif op == "m":
            lines[i] = mojibake(lines[i], rng)
        else:
            lines.insert(i, lines[i])
    return "\n".join(lines)


class ContractError(Exception):
    """The parser broke its contract on an input."""


@contextlib.contextmanager
def _without_lxml() -> Iterator[None]:
    """As if lxml were not installed: parse_html builds the page's tree with the standard
    library (`_html_tree`)."""
    saved = {name: sys.modules.get(name) for name in ("lxml", "lxml.html")}
    sys.modules.update(dict.fromkeys(saved))  # None: import raises ImportError
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                del sys.modules[name]
            else:
                sys.modules[name] = module


def check(text: str) -> None:
    """Parse `text` and check the contract; raise `ContractError` when it is broken.  A web
    page is parsed twice: with lxml and with the standard library's parser."""
    _check(text)
    if _LOOKS_LIKE_HTML.match(text):
        with _without_lxml():
            _check(text)


def _check(text: str) -> None:
    try:
        report = parse_report(text)
    except NotAReportError:
        return
    except Exception as e:
        raise ContractError(f"undocumented exception {type(e).__name__}: {e}") from e
    # read as a web page (a page, or text whose tables are markup, which parse_report reads
    # as one too): only a page's reading gives cells an origin in its grid
    page = _LOOKS_LIKE_HTML.match(text) is not None or any(
        cell.origin is not None for table in report.tables for row in table for cell in row
    )
    for table in report.tables:
        for row in table:
            for cell in row:
                if cell.kind is not CellKind.NUMBER:
                    continue
                if cell.span is None:
                    raise ContractError(f"{table.name}.{row.key}: a number without a place")
                if page:  # the element starts on span.line
                    # lines as the page parsers count them: at "\n" only (not at \x85, \u2028…)
                    lines = text.split("\n")[cell.span.line - 1 : cell.span.line + 40]
                    written = normalize(_TAG.sub("", "".join(lines))).folded
                else:
                    written = normalize(text[cell.span.start : cell.span.end]).folded
                digits = re.sub(r"\D", "", normalize(cell.raw).folded)
                if not digits or digits not in re.sub(r"\D", "", written):
                    raise ContractError(
                        f"{table.name}.{row.key}: {cell.raw!r} is not at {cell.span}: {written!r}"
                    )


def run(budget_inputs: int | None, budget_seconds: float | None, seed: int) -> int:
    rng = random.Random(seed)
    start = time.perf_counter()
    done = slowest = 0.0
    n = 0
    while (budget_inputs is None or n < budget_inputs) and (
        budget_seconds is None or time.perf_counter() - start < budget_seconds
    ):
        text = mutate(rng)
        t0 = time.perf_counter()
        try:
            check(text)
        except ContractError as v:
            CRASHES.mkdir(exist_ok=True)
            path = CRASHES / f"crash-{seed}-{n}.txt"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            print(f"VIOLATION on input {n} (saved to {path}): {v}")
            traceback.print_exc()
            return 1
        elapsed = time.perf_counter() - t0
        slowest = max(slowest, elapsed)
        done += elapsed
        n += 1
    print(
        f"{n} inputs, no violation; {done:.1f} s parsing, "
        f"mean {1000 * done / max(n, 1):.2f} ms, slowest {1000 * slowest:.1f} ms"
    )
    return 0


def atheris_main(argv: list[str]) -> None:  # pragma: no cover - needs atheris
    import atheris

    def one(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicodeNoSurrogates(len(data))
        check(text)  # a ContractError is a finding

    atheris.Setup(argv, one)
    atheris.Fuzz()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mutations", type=int, help="number of inputs to try")
    ap.add_argument("--seconds", type=float, help="stop after this many seconds")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--atheris", action="store_true", help="run under atheris instead")
    args, rest = ap.parse_known_args()
    if args.atheris:
        atheris_main([sys.argv[0], *rest])
        return 0
    if args.mutations is None and args.seconds is None:
        args.mutations = 1000
    return run(args.mutations, args.seconds, args.seed)


if __name__ == "__main__":
    sys.exit(main())

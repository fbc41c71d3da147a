"""The ``gov-disclosure`` command: ``parse`` reports to JSON, JSONL or CSV; ``check`` them.

Exit statuses:

* ``parse``: 0 when every input was parsed (or skipped as not text, such as a PDF);
  2 when an input could not be read or is not a report.
* ``check``: 0 when every report adds up; 1 when a report breaks its own arithmetic;
  2 when an input could not be read or is not a report (2 wins over 1).
* Both: 64 for a usage error (argparse's own status is 2 for that, so it is mapped).
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from . import __version__
from ._batch import parse_each
from ._files import REPORT_SUFFIXES, NotTextError, UnreadableFileError, decode
from ._model import AnnualReport
from ._vocab import ALL_FLAT_KEYS

EXIT_OK, EXIT_INCONSISTENT, EXIT_UNREADABLE, EXIT_USAGE = 0, 1, 2, 64

_PARSE_EPILOG = """examples:
  gov-disclosure parse report.txt                      one report as JSON
  gov-disclosure parse reports/ --format csv -o out.csv  a folder (recursively) to CSV
  gov-disclosure parse a.html b.txt --format jsonl --jobs 2
  cat report.txt | gov-disclosure parse -

Folders are searched for .txt, .md, .html, .htm, .docx (and .pdf, .doc, which are reported
and skipped: extract their text first).  CSV columns are the source, then every flat key
of either template, so one file holds trial and revised reports side by side.
exit status: 0 parsed (or skipped as not text), 2 an input could not be read or parsed."""

_CHECK_EPILOG = """examples:
  gov-disclosure check report.txt
  gov-disclosure check reports/ --quiet

Prints, per report, where it breaks its own arithmetic (FORMAT.md §7: A–D) and what the
parser had to decide.  exit status: 0 consistent, 1 a report is inconsistent,
2 an input could not be read or parsed."""


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="gov-disclosure",
        description="Read 政府信息公开工作年度报告 (government information-disclosure annual "
        "reports) into typed, checked data.",
        epilog="run 'gov-disclosure COMMAND --help' for a command's options and examples",
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    common.add_argument("--jobs", type=int, default=1, metavar="N", help="parse in N processes")
    common.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    p = sub.add_parser(
        "parse",
        parents=[common],
        help="parse reports to JSON, JSONL or CSV",
        description="Parse reports and write their fields.",
        epilog=_PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--format", "-f", choices=["json", "jsonl", "csv"], help="default: json "
                   "for one report, jsonl for several")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--strict", action="store_true", help="fail a report with an error-level "
                   "diagnostic")
    sub.add_parser(
        "check",
        parents=[common],
        help="report where reports break their own arithmetic",
        description="Check reports against their own arithmetic and list what the parser "
        "decided.",
        epilog=_CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return top


# --------------------------------------------------------------------------- inputs
def _inputs(
    paths: Sequence[str], skipped: list[tuple[str, str]], unread: list[tuple[str, str]]
) -> list[Path | tuple[str, str]]:
    """Files and folders (searched recursively by extension) and ``-`` for stdin; standard
    input that is not text goes to `skipped`, input no encoding decodes to `unread`."""
    out: list[Path | tuple[str, str]] = []
    for arg in paths:
        if arg == "-":
            try:
                out.append(("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>").text))
            except NotTextError as e:
                skipped.append(("<stdin>", str(e)))
            except UnreadableFileError as e:
                unread.append(("<stdin>", str(e)))
            continue
        path = Path(arg)
        if path.is_dir():
            out.extend(
                sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
                )
            )
        else:
            out.append(path)  # a missing file is reported by its result
    return out


# --------------------------------------------------------------------------- outputs
def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def record(report: AnnualReport) -> dict[str, object]:
    """A report as one JSON object: where it came from, its fields, what was found."""
    return {
        "source": report.source,
        "encoding": report.encoding,
        "template": report.template,
        "year": report.year,
        "agency": report.agency,
        "fields": {k: _plain(v) for k, v in report.to_flat().items()},
        "findings": [
            {"code": d.code, "message": d.message} for d in report.findings if d.code.endswith("-failed")
        ],
        "diagnostics": [
            {"code": d.code, "severity": d.severity, "message": d.message,
             "line": d.span.line if d.span else None, "key": d.key}
            for d in report.diagnostics
            if d.kind == "parse"
        ],
    }


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")
    return value


def _csv_row(report: AnnualReport) -> list[object]:
    flat = report.to_flat()
    return [report.source, *(_csv_value(flat.get(k)) for k in ALL_FLAT_KEYS)]


def _output(report: AnnualReport, *, fmt: str, quiet: bool) -> tuple[bool, object]:
    """Whether a report is inconsistent, and what is written of it: a CSV row, a JSON
    record or the text of `check`.  Made where the report is parsed (in the worker, with
    ``--jobs``): it travels back between processes much faster than the report."""
    if fmt == "csv":
        out: object = _csv_row(report)
    elif fmt in ("json", "jsonl"):
        out = record(report)
    else:
        out = _check_text(report, quiet)
    return _inconsistent(report), out


class _Writer:
    """Writes what `_output` made: as it comes (JSONL, CSV, check) or at the end (one
    JSON document)."""

    def __init__(self, fmt: str, out: IO[str]) -> None:
        self.fmt = fmt
        self.out = out
        self.collected: list[object] = []
        self.csv: Any = None
        if fmt == "csv":
            self.csv = csv.writer(out, lineterminator="\n")
            self.csv.writerow(["source", *ALL_FLAT_KEYS])

    def add(self, made: object) -> None:
        if self.fmt == "csv":
            self.csv.writerow(made)
        elif self.fmt == "jsonl":
            self.out.write(json.dumps(made, ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.collected.append(made)
        else:
            self.out.write(str(made))

    def close(self) -> None:
        if self.fmt == "json":
            doc: object = self.collected[0] if len(self.collected) == 1 else self.collected
            json.dump(doc, self.out, ensure_ascii=False, indent=1)
            self.out.write("\n")


# --------------------------------------------------------------------------- running
def _results(
    items: list[Path | tuple[str, str]],
    args: argparse.Namespace,
    fmt: str,
) -> Iterator[tuple[str, tuple[bool, object] | None, Exception | None]]:
    make = functools.partial(_output, fmt=fmt, quiet=args.quiet)
    outcomes = parse_each(items, make, jobs=args.jobs, strict=getattr(args, "strict", False))
    try:
        from tqdm import tqdm
    except ImportError:  # a dependency, for the progress bar only: go on without one
        yield from outcomes
        return
    bar = tqdm(
        total=len(items),
        file=sys.stderr,
        unit="report",
        disable=args.quiet or not sys.stderr.isatty(),
        leave=False,
    )
    with bar:
        for outcome in outcomes:
            bar.update(1)
            yield outcome


def _inconsistent(report: AnnualReport) -> bool:
    return any(d.code.endswith("-failed") for d in report.findings)


def _say(message: str) -> None:
    print(f"gov-disclosure: {message}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    skipped: list[tuple[str, str]] = []
    unread: list[tuple[str, str]] = []
    items = _inputs(args.paths, skipped, unread)
    parsed, failed, inconsistent = 0, len(unread), 0
    for name, why in unread:
        _say(f"{name}: {why}")
    out: IO[str] = sys.stdout
    fmt = "check"
    if args.command == "parse":
        fmt = args.format or ("json" if len(items) == 1 else "jsonl")
        if args.output:
            out = open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    writer = _Writer(fmt, out)
    try:
        for name, made, error in _results(items, args, fmt):
            if made is None:
                if isinstance(error, NotTextError):
                    skipped.append((name, str(error)))
                else:
                    failed += 1
                    _say(f"{name}: {error}")
                continue
            parsed += 1
            inconsistent += made[0]
            writer.add(made[1])
        writer.close()
    finally:
        if out is not sys.stdout:
            out.close()
    for name, why in skipped:
        _say(f"skipped {name}: {why}")
    if not args.quiet:
        _say(
            f"parsed {parsed}, failed {failed}, skipped {len(skipped)}, "
            f"inconsistent {inconsistent}, in {time.perf_counter() - started:.1f} s"
        )
    if failed:
        return EXIT_UNREADABLE
    if args.command == "check" and inconsistent:
        return EXIT_INCONSISTENT
    return EXIT_OK


def _check_text(report: AnnualReport, quiet: bool) -> str:
    """What `check` prints of a report: whether it adds up, where not, and (unless quiet)
    what the parser had to decide."""
    failures = [d for d in report.findings if d.code.endswith("-failed")]
    warnings = [d for d in report.diagnostics if d.kind == "parse" and d.severity != "info"]
    state = "INCONSISTENT" if failures else "consistent"
    head = f"{report.source}: {report.agency or '?'} {report.year or '?'}"
    lines = [f"{head} ({report.template} template): {state}"]
    for d in failures:
        where = f" (line {d.span.line})" if d.span else ""
        lines.append(f"  report: {d.code}: {d.message}{where}")
    for d in warnings if not quiet else []:
        where = f" (line {d.span.line})" if d.span else ""
        lines.append(f"  parser: {d.code}: {d.message}{where}")
    return "".join(line + "\n" for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gov-disclosure`` command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(args_list)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 for --help/--version
        return EXIT_USAGE if e.code not in (0, None) else EXIT_OK
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (| head): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


__all__ = ["main", "record"]

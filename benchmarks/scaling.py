"""How parse time and peak memory grow with the input, from 10 KB to 10 MB.

Three ways a text grows in practice: a long narrative (a report whose sections run on),
a report repeated (a crawl that saved the page many times over), and a long table region
(extraction noise inside a table).  Prints figures; asserts nothing.

    python benchmarks/scaling.py [--max-mb 10]
"""

from __future__ import annotations

import argparse
import pathlib
import platform
import sys
import time
import tracemalloc

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import contextlib

from gov_disclosure import NotAReportError, __version__, parse_report

SAMPLE = (ROOT / "tests" / "data" / "samples" / "r013.layout.txt").read_text(encoding="utf-8")


def grow(kind: str, size: int) -> str:
    if kind == "narrative":
        para = "　　本机关坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设，" * 4 + "\n"
        head, _, tail = SAMPLE.partition("二、主动公开政府信息情况")
        need = max(0, size - len(SAMPLE.encode()))
        fill = para * (need // len(para.encode()) + 1)
        return head + fill[: need // 3] + "二、主动公开政府信息情况" + tail
    if kind == "repeated":
        return (SAMPLE * (size // len(SAMPLE.encode()) + 1))[: size // 3]
    if kind == "pathological":
        # long runs built to make a backtracking regex go quadratic
        unit = " " * 997 + "一、" + "9" * 997 + "|" * 500 + "(" * 300 + "\t" * 300 + "附件下载"
        body = unit * (size // len(unit.encode()) + 1)
        head, _, tail = SAMPLE.partition("六、其他需要报告的事项")
        return head + "六、其他需要报告的事项\n" + body[: size // 2] + tail
    noise = "0 1 2 3 4 5 6 7 8 9 说明文字 |\n"
    head, _, tail = SAMPLE.partition("四、政府信息公开行政复议")
    need = max(0, size - len(SAMPLE.encode()))
    return head + noise * (need // len(noise.encode()) + 1) + "四、政府信息公开行政复议" + tail


def measure(text: str) -> tuple[float, float]:
    repeat = 5 if len(text) < 200_000 else 1
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        with contextlib.suppress(NotAReportError):
            parse_report(text)
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    with contextlib.suppress(NotAReportError):
        parse_report(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-mb", type=float, default=10)
    args = ap.parse_args()
    print(f"gov-disclosure {__version__}, Python {platform.python_version()}, {platform.machine()}")
    sizes = [10_000, 100_000, 1_000_000, 10_000_000]
    sizes = [s for s in sizes if s <= args.max_mb * 1_000_000]
    parse_report(SAMPLE)  # warm up: imports, regex compilation
    for kind in ("narrative", "repeated", "table noise", "pathological"):
        print(f"\n{kind}:")
        print(f"{'input':>10} {'chars':>10} {'time':>10} {'ms per MB':>10} {'peak MiB':>9} {'peak/input':>10}")
        for size in sizes:
            text = grow(kind, size)
            mb = len(text.encode()) / 1e6
            seconds, peak = measure(text)
            print(
                f"{mb:9.2f}M {len(text):>10} {seconds * 1000:9.1f}ms {seconds * 1000 / mb:10.1f}"
                f" {peak:9.1f} {peak * 2**20 / len(text.encode()):10.1f}"
            )


if __name__ == "__main__":
    main()

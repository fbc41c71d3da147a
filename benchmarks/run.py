"""Every speed and memory figure of the library, next to its target.

    python benchmarks/run.py            # about two minutes

1. parse time per sample report (pytest-benchmark: warm-up, calibrated repeated rounds):
   median and p95, reports per second on one core;
2. parse_many throughput with 1 and 2 processes, returning reports and (rows=True) rows;
3. import time of the package (fresh interpreters, bytecode as an installed package has it);
4. peak memory of a process parsing 10,000 reports, and its growth after warm-up;
5. how time grows from 10 KB to 10 MB (benchmarks/scaling.py, narrative shape).

Prints figures; asserts nothing.  The targets are those of issue 6 (2-core machine class).
"""

from __future__ import annotations

import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PY = sys.executable
SAMPLES = ROOT / "tests" / "data" / "samples"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import attrs
    import opencc

    sys.path.insert(0, str(ROOT / "src"))
    import gov_disclosure

    return (
        f"{cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}\n"
        f"Python {platform.python_version()}; gov-disclosure {gov_disclosure.__version__}, "
        f"attrs {attrs.__version__}, opencc {opencc.__version__}"
    )


def verdict(value: float, target: float, lower_is_better: bool = True) -> str:
    ok = value <= target if lower_is_better else value >= target
    return "meets target" if ok else "MISSES target"


def per_report() -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "bench.json"
        subprocess.run(
            [PY, "-m", "pytest", str(ROOT / "benchmarks" / "test_parse_speed.py"), "-q",
             "--benchmark-only", "--benchmark-warmup=on", "--benchmark-min-rounds=30",
             "--benchmark-disable-gc", f"--benchmark-json={out}", "-p", "no:cacheprovider",
             "--benchmark-save-data", "--benchmark-columns=median", "-o", "addopts="],
            check=True, cwd=ROOT, capture_output=True,
        )
        data = json.loads(out.read_text())
    figures = {}
    for b in data["benchmarks"]:
        rounds = sorted(b["stats"]["data"])
        p95 = rounds[min(len(rounds) - 1, int(0.95 * len(rounds)))]
        figures[b["param"]] = (
            b["stats"]["median"] * 1000,
            p95 * 1000,
        )
    return figures


def throughput(jobs: int, n: int = 600, rows: bool = False) -> float:
    """Reports per second through `parse_many` (with ``rows``: data-frame rows made in the
    workers instead of reports sent back)."""
    code = f"""
import pathlib, time, sys
sys.path.insert(0, {str(ROOT / 'src')!r})
from gov_disclosure import parse_many
texts = [p.read_text(encoding='utf-8') for p in sorted(pathlib.Path({str(SAMPLES)!r}).glob('*.txt'))]
items = [texts[i % len(texts)] for i in range({n})]
list(parse_many(items[:20], jobs={jobs}, rows={rows}))
t = time.perf_counter()
done = sum(1 for r in parse_many(items, jobs={jobs}, rows={rows}) if r.ok)
print(done / (time.perf_counter() - t))
"""
    return float(subprocess.run([PY, "-c", code], check=True, capture_output=True, text=True).stdout)


#: A fixed CPU-bound loop: its time is this machine's speed at the moment of the run.
_LOOP = "import time\nt=time.perf_counter()\nx=0\nfor i in range(5_000_000): x+=i\nprint(time.perf_counter()-t)"


def loop_time() -> float:
    """Seconds the fixed loop takes in a fresh interpreter (best of three)."""
    return min(
        float(subprocess.run([PY, "-c", _LOOP], check=True, capture_output=True, text=True).stdout)
        for _ in range(3)
    )


def machine_parallelism() -> float:
    """How much faster two CPU-bound processes finish than one after the other: the most
    any process pool can gain on this machine."""
    alone = loop_time()
    t = time.perf_counter()
    procs = [subprocess.Popen([PY, "-c", _LOOP], stdout=subprocess.PIPE) for _ in range(2)]
    for proc in procs:
        proc.communicate()
    together = time.perf_counter() - t
    return 2 * alone / together


def import_time(runs: int = 15) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "src")
    subprocess.run([PY, "-c", "import gov_disclosure"], check=True, env=env)  # write bytecode
    times = []
    for _ in range(runs):
        err = subprocess.run(
            [PY, "-X", "importtime", "-c", "import gov_disclosure"],
            check=True, env=env, capture_output=True, text=True,
        ).stderr
        times.append(int(err.strip().splitlines()[-1].split("|")[1]) / 1000)
    return statistics.median(times)


def memory(n: int = 10_000) -> tuple[float, float, float]:
    code = f"""
import pathlib, sys, resource
sys.path.insert(0, {str(ROOT / 'src')!r})
from gov_disclosure import parse_report
texts = [p.read_text(encoding='utf-8') for p in sorted(pathlib.Path({str(SAMPLES)!r}).glob('*.txt'))]
def rss():
    return int(open('/proc/self/statm').read().split()[1]) * resource.getpagesize() / 2**20
for i in range(500):
    parse_report(texts[i % len(texts)])
warm = rss()
for i in range({n}):
    parse_report(texts[i % len(texts)])
print(warm, rss(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
    out = subprocess.run([PY, "-c", code], check=True, capture_output=True, text=True).stdout
    warm, end, peak = map(float, out.split())
    return warm, end, peak


def scaling() -> list[tuple[float, float]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scaling import grow, measure

    out = []
    for size in (10_000, 100_000, 1_000_000, 10_000_000):
        text = grow("narrative", size)
        seconds, _ = measure(text)
        out.append((len(text.encode()) / 1e6, seconds * 1000))
    return out


def main() -> None:
    started = time.perf_counter()
    print(machine())
    print(f"machine speed now: a loop of 5 million additions takes {loop_time() * 1000:.0f} ms "
          "(virtual machines vary from run to run; compare figures taken together)")
    print("\n1. parse time per report (pytest-benchmark; median / p95 of calibrated rounds)")
    figures = per_report()
    for name, (median, p95) in figures.items():
        print(f"   {name:30s} median {median:6.2f} ms   p95 {p95:6.2f} ms")
    sized = [m for n, (m, _) in figures.items() if n.endswith((".txt", ".md"))]
    overall = statistics.median(sized)
    print(f"   median over the text samples: {overall:.2f} ms  (target <= 1 ms: {verdict(overall, 1.0)})")
    print(f"   reports per second on one core: {1000 / overall:.0f}  (target >= 1000: "
          f"{verdict(1000 / overall, 1000, lower_is_better=False)})")
    trad = figures.get("000_816ab1973f62b0b4.txt", (float("nan"), 0))[0]
    print(f"   traditional-script sample 000: {trad:.2f} ms  (target <= 2 ms: {verdict(trad, 2.0)})")

    print("\n2. parse_many throughput (600 reports; best of 3 rounds, the four set-ups "
          "interleaved, as this machine's speed drifts within seconds)")
    setups = [(1, False), (2, False), (1, True), (2, True)]
    best = dict.fromkeys(setups, 0.0)
    for _ in range(3):
        for jobs, rows in setups:
            best[jobs, rows] = max(best[jobs, rows], throughput(jobs, rows=rows))
    for rows, what in ((False, "reports:  "), (True, "rows=True:")):
        one, two = best[1, rows], best[2, rows]
        print(f"   {what} 1 process: {one:5.0f} reports/s;  2 processes: {two:5.0f} reports/s "
              f"(x{two / one:.2f})")
    print(f"   (two CPU-bound processes on this machine: x{machine_parallelism():.2f})")

    print("\n3. import time of the package (fresh interpreter, median of 15)")
    imp = import_time()
    print(f"   {imp:.0f} ms  (target <= 150 ms: {verdict(imp, 150)})")

    print("\n4. memory of one process parsing 10,000 reports")
    warm, end, peak = memory()
    print(f"   RSS after 500 warm-up parses {warm:.1f} MiB, after 10,000 more {end:.1f} MiB "
          f"(growth {end - warm:+.1f} MiB; target <= 20 MiB: {verdict(end - warm, 20)}); "
          f"peak {peak:.1f} MiB")

    print("\n5. scaling, 10 KB to 10 MB (a report whose narrative runs on)")
    points = scaling()
    for mb, ms in points:
        print(f"   {mb:6.2f} MB  {ms:8.1f} ms  {ms / mb:7.1f} ms/MB")
    ratio = (points[-1][1] / points[-1][0]) / (points[-2][1] / points[-2][0])
    print(f"   time per MB from 1 MB to 10 MB changes x{ratio:.2f} (linear: about 1)")
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()

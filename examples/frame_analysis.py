"""Notebook-style: a folder of reports into pandas, and a first look at the numbers.

    python examples/frame_analysis.py [FOLDER]

Each `# %%` block is a notebook cell (VS Code, Jupytext and Spyder run them as cells).
"""

# %% Parse every report of a folder; failures come back as results, not exceptions
import sys
from pathlib import Path

from gov_disclosure import parse_many, requests_frame, to_frame

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/samples")
results = list(parse_many(sorted(folder.glob("*.txt"))))
print(f"{sum(r.ok for r in results)} parsed, {sum(not r.ok for r in results)} failed")

# %% One row per report; counts are nullable integers, money decimals in 元
frame = to_frame(results)
print(frame[["source", "template", "year", "agency", "findings"]].to_string(max_colwidth=40))

# %% Applications received and granted in full, per report (a blank stays <NA>, never 0)
summary = frame[["agency", "year"]].assign(
    received=frame["requests.new_received.total"],
    granted=frame["requests.granted.total"],
)
summary["share_granted"] = (summary["granted"] / summary["received"]).round(3)
print(summary.drop_duplicates(["agency", "year"]).to_string())

# %% One report's table 三 as a labelled 23 x 7 (trial) or 25 x 7 (revised) frame
first = next(r.report for r in results if r.report is not None)
print(requests_frame(first).iloc[:5])

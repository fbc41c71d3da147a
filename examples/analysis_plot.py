"""Notebook-style analysis: how were the applications handled?

    python examples/analysis_plot.py [FOLDER] [OUT.png]

Loads many reports into pandas and plots, per report, the share of the handled
applications (（七）总计) that were granted (in full or in part), denied, unavailable, not
processed or handled otherwise.  Each `# %%` block is a notebook cell.
"""

# %% Load every report of a folder
import sys
import tempfile
from pathlib import Path

import matplotlib
import matplotlib.font_manager

matplotlib.use("Agg")  # no screen needed
import matplotlib.pyplot as plt

from gov_disclosure import parse_many, to_frame

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/samples")
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()) / "outcomes.png"
frame = to_frame(parse_many(sorted(folder.glob("*.txt"))))
frame = frame.drop_duplicates(subset=["agency", "year", "requests.total.total"])
print(f"{len(frame)} distinct reports")

# %% Sum each outcome group over its rows (the total column); the trial and revised
#    templates name the 其他处理 rows differently, both are summed
groups = {
    "granted": ["requests.granted.total", "requests.partially_granted.total"],
    "denied": [c for c in frame.columns if c.startswith("requests.denied.") and c.endswith(".total")],
    "unavailable": [c for c in frame.columns if c.startswith("requests.unavailable.") and c.endswith(".total")],
    "not processed": [c for c in frame.columns if c.startswith("requests.not_processed.") and c.endswith(".total")],
    "other": [c for c in frame.columns if c.startswith("requests.other") and c.endswith(".total")],
}
outcomes = frame[["agency", "year"]].copy()
for name, columns in groups.items():
    outcomes[name] = frame[columns].sum(axis=1, min_count=1)
handled = outcomes[list(groups)].sum(axis=1)
shares = outcomes[list(groups)].div(handled, axis=0).astype("float64")
# label bars with the agency when a font can draw Chinese, else with a number
cjk = [f.name for f in matplotlib.font_manager.fontManager.ttflist
       if any(k in f.name for k in ("CJK", "WenQuanYi", "SimHei", "Hei", "Song", "Kai"))]
if cjk:
    plt.rcParams["font.family"] = cjk[0]
    names = [f"{a or '?'} {y}" for a, y in zip(outcomes["agency"], outcomes["year"], strict=True)]
else:
    names = [f"report {i + 1} ({y})" for i, y in enumerate(outcomes["year"])]
shares.index = names
print(shares.round(2).to_string())

# %% Plot the shares as stacked bars and save the figure
ax = shares.plot.barh(stacked=True, figsize=(9, 0.45 * len(shares) + 1.5), width=0.8)
ax.set_xlabel("share of applications handled")
ax.set_xlim(0, 1)
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
plt.tight_layout()
plt.savefig(out, dpi=100)
print(f"saved {out}")

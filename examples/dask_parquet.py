"""Beyond one machine: parse a folder of reports on a Dask cluster, to Parquet.

    python examples/dask_parquet.py [FOLDER] [OUT_DIR] [SCHEDULER_ADDRESS]

Without a scheduler address, a local cluster is started (what the test does).  Each
worker runs `parse_file` on its share of the paths; reports and errors pickle, so results
travel between processes; the flat keys make one table of both templates.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import dask.bag as db
import pandas as pd
from dask.distributed import Client, LocalCluster

from gov_disclosure import ParseResult, parse_many, to_frame


def parse_one(path: str) -> ParseResult:
    return next(parse_many([Path(path)]))


def main(folder: str, out_dir: str, address: str | None = None) -> pd.DataFrame:
    paths = sorted(str(p) for p in Path(folder).glob("*.txt"))
    cluster = None if address else LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    with Client(address or cluster) as client:
        results = db.from_sequence(paths, npartitions=4).map(parse_one)
        frames = results.map_partitions(lambda part: [to_frame(part)]).compute()
        print(f"{len(paths)} reports on {len(client.scheduler_info()['workers'])} workers")
    if cluster is not None:
        cluster.close()
    frame = pd.concat(frames, ignore_index=True)
    target = Path(out_dir) / "reports.parquet"
    frame.to_parquet(target, index=False)
    back = pd.read_parquet(target)
    print(f"wrote {target}: {back.shape[0]} rows x {back.shape[1]} columns")
    return back


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "tests/data/samples"
    with tempfile.TemporaryDirectory() as tmp:
        main(folder, sys.argv[2] if len(sys.argv) > 2 else tmp, sys.argv[3] if len(sys.argv) > 3 else None)

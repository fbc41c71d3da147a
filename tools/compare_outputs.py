"""Check that a change of the code changed no output: the parse of every sample, every
fixture, every PDF extraction and a few hundred mutated reports, compared with another
git revision.

    python tools/compare_outputs.py            # the working tree against HEAD
    python tools/compare_outputs.py v0.1.0     # ... against a tag or commit

Each report's full ``repr`` (every cell with its raw text and span, every diagnostic with
its message) is hashed; the revision is checked out in a temporary worktree.  Meant for
speed work, where the output must stay exactly the same.  Exit status 1 when any differs.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

#: Run in a fresh interpreter against one source tree; prints {name: hash} as JSON.
_DIGEST = """
import hashlib, json, pathlib, random, sys
sys.path[:0] = [{src!r}, {fuzz!r}]
from gov_disclosure import parse_report
from gov_disclosure._errors import GovDisclosureError
import fuzz_parse

def digest(text):
    try:
        out = repr(parse_report(text))
    except GovDisclosureError as e:
        out = repr(e)
    return hashlib.sha256(out.encode("utf-8", "surrogatepass")).hexdigest()

data = pathlib.Path({data!r})
out = {{}}
for folder in ("samples", "fixtures", "pdf", "extractors", "browser", "docx"):
    for p in sorted((data / folder).iterdir()):
        if p.suffix in (".txt", ".md", ".html"):  # parse_report reads a page as one
            out[f"{{folder}}/{{p.name}}"] = digest(p.read_text(encoding="utf-8"))
rng = random.Random({seed})
for i in range({mutations}):
    out[f"mutation {{i}}"] = digest(fuzz_parse.mutate(rng))
print(json.dumps(out))
"""


def digests(src: pathlib.Path, mutations: int, seed: int) -> dict[str, str]:
    # the data and the mutator come from the working tree, so both sides read the same input
    code = _DIGEST.format(
        src=str(src),
        fuzz=str(ROOT / "fuzz"),
        data=str(ROOT / "tests" / "data"),
        seed=seed,
        mutations=mutations,
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    result: dict[str, str] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    parser.add_argument("--mutations", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tree = pathlib.Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), args.revision],
            check=True,
        )
        try:
            before = digests(tree / "src", args.mutations, args.seed)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True
            )
    after = digests(ROOT / "src", args.mutations, args.seed)
    differ = [name for name in after if before.get(name) != after[name]]
    print(f"{len(after)} inputs compared with {args.revision}: {len(differ)} differ")
    for name in differ[:20]:
        print(f"  {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())

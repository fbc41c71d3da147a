"""Known reports for the layout tests: fixed ones, and hypothesis strategies for random ones."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import strategies as st

from gov_disclosure._vocab import TABLES, Template

from .render import Cells, Report

_NOT_LEAVES = ("new_received", "carried_over", "total", "carried_forward")


def consistent_requests(variant: Template, rng: random.Random, blanks: float = 0.0) -> dict[str, Cells]:
    """A table 三 that satisfies identities A, B and C, written as an author would.

    With `blanks`, that share of the leaf rows' zero cells is left empty (never a total)."""
    spec = TABLES["requests"][variant]
    leaves = [r.key for r in spec.rows if r.key not in _NOT_LEAVES]
    cols = 6
    nums: dict[str, list[int]] = {}
    for key in leaves:
        nums[key] = [rng.choice([0, 0, 0, rng.randint(1, 40)]) for _ in range(cols)]
    total = [sum(nums[k][c] for k in leaves) for c in range(cols)]
    carried = [rng.choice([0, rng.randint(0, 5)]) for _ in range(cols)]
    forward = [rng.choice([0, rng.randint(0, 5)]) for _ in range(cols)]
    new = [total[c] + forward[c] - carried[c] for c in range(cols)]
    for c in range(cols):
        if new[c] < 0:
            carried[c] += new[c]
            new[c] = 0
    nums |= {"total": total, "carried_over": carried, "carried_forward": forward, "new_received": new}
    out: dict[str, Cells] = {}
    for row in spec.rows:
        vals = nums[row.key]
        cells: list[str | None] = [str(v) for v in vals] + [str(sum(vals))]
        if row.key in leaves and blanks:
            cells = [
                None if (c < 6 and vals[c] == 0 and rng.random() < blanks) else v
                for c, v in enumerate(cells)
            ]
        out[row.key] = tuple(cells)
    return out


def active_table(variant: Template, rng: random.Random) -> dict[str, Cells]:
    spec = TABLES["active"][variant]
    out: dict[str, Cells] = {}
    for row in spec.rows:
        cells: list[str | None] = []
        for col in row.columns:
            if col.kind == "change":
                cells.append(rng.choice(["0", "+63", "-1", "增318件", "减1件", "+297636"]))
            elif col.kind == "money":
                cells.append(
                    rng.choice(["970843元", "12667.96万元", "5656528", "0"])
                    if variant == "2019"
                    else rng.choice(["7730.28", "96171.6", "0", "7545"])
                )
            else:
                cells.append(str(rng.choice([0, rng.randint(1, 600), rng.randint(1000, 500000)])))
        out[row.key] = tuple(cells)
    return out


def review_row(rng: random.Random) -> Cells:
    out: list[str | None] = []
    for _ in range(3):
        parts = [rng.choice([0, 0, rng.randint(1, 80)]) for _ in range(4)]
        out += [str(p) for p in parts] + [str(sum(parts))]
    return tuple(out)


def make_report(
    active: Template, requests: Template, seed: int = 0, blanks: float = 0.0
) -> Report:
    rng = random.Random(seed)
    return Report(
        active_variant=active,
        requests_variant=requests,
        active=active_table(active, rng),
        requests=consistent_requests(requests, rng, blanks),
        review=review_row(rng),
    )


def expected_flat(report: Report) -> dict[str, object]:
    """What `to_flat` must give for `report` (the cells' meaning, in 元 for money)."""
    out: dict[str, object] = {
        "meta.year": report.year,
        "meta.agency": report.agency,
        "meta.template": report.active_variant,
    }
    for name, variant, rows in (
        ("active", report.active_variant, report.active),
        ("requests", report.requests_variant, report.requests),
    ):
        spec = TABLES[name][variant]  # type: ignore[index]
        for row in spec.rows:
            for col, text in zip(row.columns, rows[row.key], strict=True):
                out[f"{name}.{row.key}.{col.key}"] = meaning(text, col.kind, col.unit)
    spec = TABLES["review"][report.active_variant]
    cells = iter(report.review)
    for row in spec.rows:
        for col in row.columns:
            out[f"review.{row.key}.{col.key}"] = meaning(next(cells), "count", None)
    return out


def meaning(text: str | None, kind: str, unit: str | None) -> object:
    if text is None:
        return None
    t = text.replace("件", "").replace(",", "")
    if t == "持平":
        return 0  # no change
    if kind == "money":
        if t.endswith("万元"):
            return Decimal(t[:-2]) * 10000
        if t.endswith("元"):
            return Decimal(t[:-1])
        return Decimal(t) * (10000 if unit == "万元" else 1)
    sign = -1 if t[0] in "-减" else 1
    return sign * int(t.lstrip("+-增减"))


@st.composite
def reports(draw: st.DrawFn, blanks: bool = False) -> Report:
    """Random consistent reports of any template mix (hypothesis)."""
    active = draw(st.sampled_from(["2019", "2021"]))
    requests = draw(st.sampled_from(["2019", "2021"]))
    seed = draw(st.integers(0, 2**32 - 1))
    share = draw(st.sampled_from([0.3, 0.7, 1.0])) if blanks else 0.0
    return make_report(active, requests, seed, share)  # type: ignore[arg-type]

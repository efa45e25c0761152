"""Benchmark (not a test): a synthetic national party population rated with every constraint.

Usage: ``.venv/bin/python bench/rules_national.py [--scale 0.01] [--period 2025]``.

At ``--scale 1`` the population is about 52,000 grassroots party organisations (tổ chức cơ sở
đảng), each with four cells (chi bộ), a five-member leadership collective (đảng ủy) headed by its
secretary, and 108 party members: about 5.9 million subjects, 5.6 million of them members
(../shared/domain/scale.md). Member scores are drawn so that the level mix is about the one the
field reports (HTXSNV 14%, HTTNV 78%, HTNV 6%, KHTNV 0.7%), with 7% exempt from review. All
names are invented.

It rates the population with :func:`kiemdiem.rules.rate_cycle_with_rules` (order graph, engine
per layer, caps, quota report) and prints subjects per second, the peak resident memory, and the
ratio to a bare polars baseline measured in the same run: one scan of the same facts that bands
the scores into levels and counts them per organisation with a group-by.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

import polars as pl

from kiemdiem.rules import rate_cycle_with_rules
from kiemdiem.rules.constraints import Subject
from kiemdiem.rules.levels import SubjectKind

ORGANISATIONS, CELLS, COLLECTIVE_SIZE, MEMBERS = 52_000, 4, 5, 108
# (share, lowest score, highest score) per level band, then the exempt share
BANDS = ((0.14, 90.0, 99.5), (0.78, 70.0, 89.5), (0.06, 50.0, 69.5), (0.007, 30.0, 49.5))
EXEMPT = 0.07
TASKS = {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 4, "late_or_low_quality": 0}


def _member_facts(rng: random.Random) -> tuple[dict, float | None]:
    if rng.random() < EXEMPT:
        return {"party": {"exemption": "exempt_work_and_activity"}}, None
    pick, total = rng.random() * sum(b[0] for b in BANDS), 0.0
    band = BANDS[-1]
    for band in BANDS:
        total += band[0]
        if pick <= total:
            break
    score = round(rng.uniform(band[1], band[2]) * 2) / 2
    return {"score": {"total": score}, "tasks": TASKS, "holds_leadership": False}, score


def population(scale: float, seed: int = 2025) -> list[Subject]:
    """The synthetic subjects (see the module docstring); stable for a given seed."""
    rng = random.Random(seed)
    subjects: list[Subject] = []
    org_facts = {"score": {"total": 85.0}, "tasks": TASKS}
    for o in range(max(1, round(ORGANISATIONS * scale))):
        org, body = f"o{o}", f"o{o}-du"
        subjects.append(
            Subject(org, f"Đảng bộ xã {o}", SubjectKind.PARTY_ORGANIZATION, "party", org_facts, grassroots=True)
        )
        subjects.append(
            Subject(
                body,
                f"Đảng ủy xã {o}",
                SubjectKind.COLLECTIVE,
                "party",
                org_facts,
                quota_group="đảng ủy xã",
                party_organization=org,
            )
        )
        for c in range(CELLS):
            subjects.append(
                Subject(
                    f"{org}-c{c}",
                    f"Chi bộ {o}.{c}",
                    SubjectKind.PARTY_ORGANIZATION,
                    "party",
                    org_facts,
                    party_organization=org,
                )
            )
        for m in range(MEMBERS):
            facts, score = _member_facts(rng)
            in_body = m < COLLECTIVE_SIZE
            subjects.append(
                Subject(
                    f"{org}-m{m}",
                    f"Đảng viên {o}.{m}",
                    SubjectKind.PARTY_MEMBER,
                    "party",
                    facts,
                    quota_group="đảng viên",
                    score=score,
                    heads=body if m == 0 else None,
                    member_of=(body,) if in_body else (),
                    party_organization=f"{org}-c{m % CELLS}",
                )
            )
    return subjects


def baseline(subjects: list[Subject]) -> float:
    """Seconds for a bare polars scan and group-by of the same facts (scores banded, counted per cell)."""
    frame = pl.DataFrame(
        {
            "cell": [s.party_organization for s in subjects],
            "score": [s.facts.get("score", {}).get("total") for s in subjects],
        },
        schema={"cell": pl.String, "score": pl.Float64},
    )
    start = time.perf_counter()
    level = (
        pl.when(pl.col("score") >= 90)
        .then(pl.lit("HTXSNV"))
        .when(pl.col("score") >= 70)
        .then(pl.lit("HTTNV"))
        .when(pl.col("score") >= 50)
        .then(pl.lit("HTNV"))
        .when(pl.col("score").is_not_null())
        .then(pl.lit("KHTNV"))
    )
    frame.lazy().with_columns(level=level).group_by("cell", "level").len().collect()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the national population (1 = all)")
    parser.add_argument("--period", default="2025", help="review period (default 2025: 366-QĐ/TW)")
    args = parser.parse_args()
    subjects = population(args.scale)
    base = baseline(subjects)
    start = time.perf_counter()
    result = rate_cycle_with_rules(subjects, args.period)
    took = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    members = sum(1 for s in subjects if s.kind is SubjectKind.PARTY_MEMBER)
    print(f"scale {args.scale:g}: {len(subjects):,} subjects ({members:,} party members), period {args.period}")
    print(f"rated with every constraint: {took:.2f} s, {len(subjects) / took:,.0f} subjects/s")
    print(f"bare polars scan + group-by of the same facts: {base:.3f} s; ratio {took / base:,.0f}×")
    print(f"peak resident memory: {peak_mb:,.0f} MB; layers {len(result.layers)}; ", end="")
    print(f"quota groups over the limit {len(result.quotas.excesses)}; conflicts {len(result.conflicts):,}")


if __name__ == "__main__":
    main()

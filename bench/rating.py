"""Benchmark of the vectorised rating engine (not a test: nothing here is asserted).

Rates 1, 10 000 and 1 000 000 synthetic (fictitious) subjects of the 2025 review under
366-QĐ/TW + 43-HD/BTCTW with ``rate_frame`` and prints rows per second, and the ratio against a
baseline measured in the same run: the same rulebook evaluated one subject at a time (a one-row
frame per subject, as a per-row loop would), timed on a sample and expressed in rows per second.

    .venv/bin/python bench/rating.py [--sizes 1 10000 1000000] [--baseline-sample 300]
"""

from __future__ import annotations

import argparse
import random
import time

import polars as pl

from kiemdiem.rules import rate_frame
from kiemdiem.rules.facts import SCHEMA

PERIOD = "2025"


def synthetic(n: int, seed: int = 2025) -> pl.DataFrame:
    """``n`` fictitious subjects (party members and collectives) with scores, tasks and adverse facts."""
    rng = random.Random(seed)
    assigned = [rng.randint(4, 20) for _ in range(n)]
    completed = [a - (rng.random() < 0.15) * rng.randint(0, a // 2) for a in assigned]
    on_time = [c - (rng.random() < 0.2) * rng.randint(0, c // 3) for c in completed]
    columns = {
        "kind": [("party_member", "collective")[rng.random() < 0.1] for _ in range(n)],
        "holds_leadership": [rng.random() < 0.2 for _ in range(n)],
        "score.total": [round(rng.uniform(40, 100), 1) for _ in range(n)],
        "tasks.assigned": [float(a) for a in assigned],
        "tasks.completed": [float(c) for c in completed],
        "tasks.on_time": [float(t) for t in on_time],
        "tasks.exceeded": [float(rng.randint(0, a // 2)) for a in assigned],
        "tasks.late_or_low_quality": [float(c - t) for c, t in zip(completed, on_time, strict=True)],
        "discipline.given": [True] * n,
        "discipline.any": [rng.random() < 0.02 for _ in range(n)],
        "degradation": [rng.random() < 0.005 for _ in range(n)],
        "led_units.targets_completed_share": [rng.choice([0.6, 0.8, 1.0]) for _ in range(n)],
        "led_units.on_time_share": [rng.choice([0.7, 1.0]) for _ in range(n)],
    }
    frame = pl.DataFrame(columns)
    frame = frame.with_columns(
        pl.when(pl.col("discipline.any")).then(pl.lit(1)).otherwise(pl.lit(0)).alias("discipline.duty_max_form"),
        pl.col("discipline.any").alias("discipline.any_duty"),
    )
    return frame.cast({k: v for k, v in SCHEMA.items() if k in frame.columns})


def vectorised_rate(frame: pl.DataFrame) -> float:
    start = time.perf_counter()
    out = rate_frame(frame, PERIOD, explain=False)
    elapsed = time.perf_counter() - start
    if out.height != frame.height:
        raise SystemExit(f"rated {out.height} rows of {frame.height}")
    return elapsed


def per_row_rate(frame: pl.DataFrame) -> float:
    """The baseline: one call of the engine per subject (rules selected and built each time, as a
    caller rating subject by subject through the public API would)."""
    start = time.perf_counter()
    for i in range(frame.height):
        rate_frame(frame.slice(i, 1), PERIOD, explain=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10_000, 1_000_000])
    parser.add_argument("--baseline-sample", type=int, default=300)
    args = parser.parse_args()

    sample = synthetic(args.baseline_sample, seed=1)
    per_row_rate(sample.head(5))  # warm-up: imports, rule building
    baseline = args.baseline_sample / per_row_rate(sample)
    print(f"baseline (one subject at a time, {args.baseline_sample} rows): {baseline:,.0f} rows/s")
    for n in args.sizes:
        frame = synthetic(n)
        vectorised_rate(frame.head(1))  # warm-up
        elapsed = vectorised_rate(frame)
        speed = n / elapsed
        print(f"{n:>9,} subjects: {elapsed:8.3f} s  {speed:>12,.0f} rows/s  ×{speed / baseline:,.1f} vs baseline")


if __name__ == "__main__":
    main()

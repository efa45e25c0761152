"""Benchmark: order graph + quota report on synthetic provinces, against a plain-Python baseline.

Usage: ``.venv/bin/python bench/constraints.py [SIZE ...]`` (default 10000 100000 1000000).
Prints, per size, subjects per second for ``order_layers`` + ``quota_frame`` + ``quota_report``
and for a straightforward dict-and-loop version of the same computation measured in the same
run, their ratio, and checks that both found the same layers and the same excesses.

The synthetic province (fictitious) is made of blocks of 100 subjects: one grassroots party
organisation, three cells, 64 party members, one state unit with its head and 31 civil servants;
the first 31 members are the party side of the civil servants.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections import defaultdict, deque
from fractions import Fraction

from kiemdiem.rules.constraints import Subject, load_params, order_layers, quota_frame, quota_report
from kiemdiem.rules.constraints.parameters import ConstraintParams
from kiemdiem.rules.levels import Level, SubjectKind

K = SubjectKind
LEVEL_WEIGHTS = ((Level.HTXSNV, 0.15), (Level.HTTNV, 0.60), (Level.HTNV, 0.20), (Level.KHTNV, 0.05))
PARTY, STATE = "party-366-43hd", "state-nd335"


def province(size: int, seed: int = 2025) -> tuple[list[Subject], dict[str, Level], dict[str, str]]:
    rng = random.Random(seed)
    subjects: list[Subject] = []
    for block in range(max(1, size // 100)):
        b = f"b{block}"
        subjects.append(
            Subject(
                f"{b}-dbcs",
                f"Đảng bộ cơ sở {block}",
                K.PARTY_ORGANIZATION,
                "party",
                grassroots=True,
                rulebook=PARTY,
                quota_group="đảng bộ cơ sở",
            )
        )
        for c in range(3):
            subjects.append(
                Subject(
                    f"{b}-cb{c}",
                    f"Chi bộ {block}.{c}",
                    K.PARTY_ORGANIZATION,
                    "party",
                    party_organization=f"{b}-dbcs",
                    rulebook=PARTY,
                    quota_group="chi bộ",
                )
            )
        subjects.append(
            Subject(
                f"{b}-dv", f"Cơ quan {block}", K.COLLECTIVE, "state", rulebook=STATE, party_organization=f"{b}-dbcs"
            )
        )
        subjects.append(
            Subject(
                f"{b}-tt",
                f"Thủ trưởng {block}",
                K.CIVIL_SERVANT,
                "state",
                heads=f"{b}-dv",
                parent_unit=f"{b}-dv",
                rulebook=STATE,
                quota_group="lãnh đạo",
            )
        )
        for i in range(31):
            subjects.append(
                Subject(
                    f"{b}-cc{i}",
                    f"Công chức {block}.{i}",
                    K.CIVIL_SERVANT,
                    "state",
                    parent_unit=f"{b}-dv",
                    rulebook=STATE,
                    quota_group=f"nhóm {i % 3}",
                    score=rng.uniform(60, 100),
                )
            )
        for i in range(64):
            counterpart = f"{b}-cc{i}" if i < 31 else None
            subjects.append(
                Subject(
                    f"{b}-m{i}",
                    f"Đảng viên {block}.{i}",
                    K.PARTY_MEMBER,
                    "party",
                    party_organization=f"{b}-cb{i % 3}",
                    state_counterpart=counterpart,
                    rulebook=PARTY,
                    quota_group=f"đảng viên {b}",
                    score=rng.uniform(60, 100),
                    votes={Level.HTXSNV: rng.randint(0, 10)},
                )
            )
    levels_, weights = zip(*LEVEL_WEIGHTS, strict=True)
    drawn = rng.choices(levels_, weights=weights, k=len(subjects))
    levels = {s.id: level for s, level in zip(subjects, drawn, strict=True)}
    return subjects, levels, {s.id: s.rulebook or "" for s in subjects}


def fast(subjects: list[Subject], levels: dict[str, Level], books: dict[str, str], params: ConstraintParams):
    layers = order_layers(subjects)
    report = quota_report(quota_frame(subjects, levels, books), params, "2026")
    return layers, sorted((g.key, g.excess) for g in report.excesses)


def baseline(subjects: list[Subject], levels: dict[str, Level], books: dict[str, str], params: ConstraintParams):
    """The same computation written the obvious way: dicts, a deque and loops."""
    by_id = {s.id: s for s in subjects}
    after: dict[str, list[str]] = defaultdict(list)
    indegree = dict.fromkeys(by_id, 0)
    for s in subjects:
        edges = []
        for target in (s.heads, s.state_counterpart, *s.member_of):
            if target:
                edges.append((target, s.id))
        if s.party_organization:
            edges.append((s.id, s.party_organization))
        if s.parent_unit:
            edges.append((s.parent_unit, s.id) if s.kind.is_individual else (s.id, s.parent_unit))
        for before, later in set(edges):
            after[before].append(later)
            indegree[later] += 1
    layer_of = {i: 0 for i, d in indegree.items() if d == 0}
    queue = deque(layer_of)
    while queue:
        node = queue.popleft()
        for later in after[node]:
            indegree[later] -= 1
            layer_of[later] = max(layer_of.get(later, 0), layer_of[node] + 1)
            if indegree[later] == 0:
                queue.append(later)
    layers: list[list[str]] = [[] for _ in range(max(layer_of.values(), default=-1) + 1)]
    for s in subjects:
        layers[layer_of[s.id]].append(s.id)
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    ratios: dict[tuple, Fraction] = {}
    for s in subjects:
        rules = params.rulebooks[books[s.id]].quotas
        rule = next((q for q in rules if s.kind in q.kinds), None)
        level = levels[s.id]
        if rule is None or level not in (Level.HTXSNV, Level.HTTNV):
            continue
        if rule.scope == "unit_and_group":
            key = (books[s.id], rule.rule, s.parent_unit, s.quota_group)
        else:
            key = (books[s.id], rule.rule, None, s.quota_group)
        counts[key][0 if level is Level.HTTNV else 1] += 1
        ratios[key] = rule.ratio or Fraction(1, 5)
    excesses = []
    for key, (base, top) in counts.items():
        excess = top - base * ratios[key].numerator // ratios[key].denominator
        if excess > 0:
            excesses.append((f"{key[0]}/{key[1]}|{key[2] or ''}|{key[3] or ''}", excess))
    return layers, sorted(excesses)


def _vn(value: float, decimals: int = 0) -> str:
    """1234567.891 -> "1.234.568" (decimals=0) or "1.234.567,89": numbers the Vietnamese way."""
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def main(sizes: list[int]) -> None:
    params = load_params()
    warm = province(1_000)
    fast(*warm, params)  # first polars call starts its thread pool: not part of any measurement
    print(f"{'subjects':>10} {'polars s':>9} {'subj/s':>12} {'baseline s':>11} {'subj/s':>12} {'ratio':>6}")
    for size in sizes:
        subjects, levels, books = province(size)
        gc.collect()
        gc.freeze()  # the synthetic input is long-lived: keep the collector from rescanning it
        started = time.perf_counter()
        fast_result = fast(subjects, levels, books, params)
        fast_seconds = time.perf_counter() - started
        started = time.perf_counter()
        base_result = baseline(subjects, levels, books, params)
        base_seconds = time.perf_counter() - started
        same = "same" if fast_result == base_result else "DIFFERENT"
        print(
            f"{_vn(len(subjects)):>10} {_vn(fast_seconds, 2):>9} {_vn(len(subjects) / fast_seconds):>12} "
            f"{_vn(base_seconds, 2):>11} {_vn(len(subjects) / base_seconds):>12} "
            f"{_vn(base_seconds / fast_seconds, 2):>6}  "
            f"{same} ({len(fast_result[1])} groups over quota, {len(fast_result[0])} layers)"
        )
        del subjects, levels, books, fast_result, base_result
        gc.unfreeze()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 100_000, 1_000_000])

"""The order graph of a cycle: which subject must be rated before which, as layers.

Edges (before -> after), each from a rule on rating order:

- ``heads``: the collective or unit before its head (21-HD/BTCTW tiết 4 điểm B mục II; 366-QĐ/TW
  Điều 12 k2; NĐ 233/2026/NĐ-CP Điều 15 k1);
- ``member_of``: a leadership collective before its members (366-QĐ/TW Điều 12 k2);
- ``party_organization``: members, sub-organisations, the committee collective and the same-level
  organisations before the party organisation (366-QĐ/TW Điều 12 k2; 43-HD/BTCTW Mục 3);
- ``parent_unit``: lower collectives before higher ones (366-QĐ/TW Điều 12 k2; NĐ 233 Điều 9);
  for an individual, ``parent_unit`` is their work unit, rated before them ("tập thể trước, cá
  nhân sau": 366-QĐ/TW Điều 12 k2; NĐ 233/2026 Điều 15 k1);
- ``state_counterpart``: the state-side rating of a person before their party-member rating
  (366-QĐ/TW Điều 3 k4; NĐ 90/2020 Điều 20; NĐ 335/2025 Điều 21).

The layering is Kahn's algorithm run a whole generation at a time with polars joins, so its
cost is a few vectorised passes per generation, not a Python step per edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

import polars as pl

from kiemdiem.rules.constraints.subjects import Subject, validate_subjects

# relation key -> True when the target is rated before the subject that names it.
_TARGET_FIRST = {
    "heads": True,
    "member_of": True,
    "state_counterpart": True,
    "party_organization": False,
    "parent_unit": False,
}


class OrderCycleError(ValueError):
    """The subjects cannot be ordered: some depend on each other in a cycle.

    ``cycle`` holds the subjects on one cycle, in rating-dependency order, the first repeated at
    the end; the message (Vietnamese) names each by name and id.
    """

    def __init__(self, cycle: Sequence[Subject]) -> None:
        self.cycle = tuple(cycle)
        path = " → ".join(subject.label for subject in self.cycle)
        super().__init__(
            "Không xác định được thứ tự đánh giá: các chủ thể sau phụ thuộc vòng tròn vào nhau "
            f"(mỗi chủ thể phải được đánh giá trước chủ thể đứng sau nó): {path}. "
            "Hãy sửa quan hệ heads/member_of/party_organization/parent_unit/state_counterpart."
        )


def order_edges(subjects: Sequence[Subject]) -> pl.DataFrame:
    """The order graph as a frame: ``before``, ``after`` (positions in ``subjects``, UInt32) and
    ``relation`` (the relation key that made the edge); duplicates removed.

    Raises :class:`~kiemdiem.rules.constraints.subjects.SubjectError` on an invalid subject set.
    """
    index = validate_subjects(subjects)
    position = {subject_id: i for i, subject_id in enumerate(index)}
    before: list[int] = []
    after: list[int] = []
    relation: list[str] = []
    for key in ("heads", "state_counterpart", "party_organization", "parent_unit"):
        pairs = [(i, position[t]) for i, t in enumerate(map(attrgetter(key), subjects)) if t is not None]
        for i, j in pairs:
            target_first = _TARGET_FIRST[key] or (key == "parent_unit" and subjects[i].kind.is_individual)
            before.append(j if target_first else i)
            after.append(i if target_first else j)
        relation.extend([key] * len(pairs))
    members = [(position[t], i) for i, s in enumerate(subjects) for t in s.member_of]
    before.extend(j for j, _ in members)
    after.extend(i for _, i in members)
    relation.extend(["member_of"] * len(members))
    frame = pl.DataFrame(
        {"before": before, "after": after, "relation": relation},
        schema={"before": pl.UInt32, "after": pl.UInt32, "relation": pl.String},
    )
    return frame.unique(subset=["before", "after"], keep="first", maintain_order=True)


def order_layers(subjects: Sequence[Subject]) -> list[list[str]]:
    """Rating order as layers (generations) of subject ids.

    Layer 0 holds the subjects that depend on nobody; every subject sits one layer after the
    latest subject it depends on, so a runner may rate a layer at once when all earlier layers
    are done. Within a layer, ids keep the input order.

    Raises :class:`OrderCycleError` (naming the subjects on a cycle) when no order exists, and
    :class:`~kiemdiem.rules.constraints.subjects.SubjectError` on an invalid subject set.
    """
    edges = order_edges(subjects)
    ids = [subject.id for subject in subjects]
    layer_of = _layer_numbers(len(ids), edges)
    placed = [layer for layer in layer_of if layer is not None]
    if len(placed) < len(ids):
        unplaced = [i for i, layer in enumerate(layer_of) if layer is None]
        raise OrderCycleError([subjects[i] for i in _find_cycle(unplaced, edges)])
    layers: list[list[str]] = [[] for _ in range(max(placed, default=-1) + 1)]
    for subject_id, layer in zip(ids, placed, strict=True):
        layers[layer].append(subject_id)
    return layers


def _layer_numbers(count: int, edges: pl.DataFrame) -> list[int | None]:
    """Kahn's algorithm a generation at a time; None for subjects on or behind a cycle."""
    in_degree = edges.group_by("after").agg(pl.len().alias("in_degree")).rename({"after": "node"})
    nodes = (
        pl.DataFrame({"node": pl.arange(0, count, eager=True, dtype=pl.UInt32)})
        .join(in_degree, on="node", how="left")
        .with_columns(pl.col("in_degree").fill_null(0).cast(pl.Int64), pl.lit(None, dtype=pl.Int32).alias("layer"))
    )
    generation = 0
    while True:
        frontier = nodes.filter(pl.col("layer").is_null() & (pl.col("in_degree") == 0)).select("node")
        if frontier.height == 0:
            break
        released = (
            edges.join(frontier, left_on="before", right_on="node", how="semi")
            .group_by("after")
            .agg(pl.len().alias("released"))
            .rename({"after": "node"})
        )
        in_frontier = pl.col("node").is_in(frontier.get_column("node").implode())
        nodes = (
            nodes.join(released, on="node", how="left")
            .with_columns(
                (pl.col("in_degree") - pl.col("released").fill_null(0)).alias("in_degree"),
                pl.when(in_frontier).then(pl.lit(generation, dtype=pl.Int32)).otherwise(pl.col("layer")).alias("layer"),
            )
            .drop("released")
        )
        generation += 1
    return nodes.sort("node").get_column("layer").to_list()


def _find_cycle(unplaced: list[int], edges: pl.DataFrame) -> list[int]:
    """One cycle among the unplaced subjects, as positions, first repeated at the end.

    Every unplaced subject has a predecessor that is also unplaced, so walking predecessors from
    the first unplaced subject must come back to a subject already seen.
    """
    remaining = set(unplaced)
    predecessor: dict[int, int] = {}
    for before, after in edges.select("before", "after").iter_rows():
        if before in remaining and after in remaining and after not in predecessor:
            predecessor[after] = before
    walk: list[int] = []
    seen: dict[int, int] = {}
    node = min(unplaced)
    while node not in seen:
        seen[node] = len(walk)
        walk.append(node)
        node = predecessor[node]
    cycle = list(reversed(walk[seen[node] :]))  # predecessors walked backwards: flip to rating order
    start = cycle.index(min(cycle))
    cycle = cycle[start:] + cycle[:start]
    return [*cycle, cycle[0]]

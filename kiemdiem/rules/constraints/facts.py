"""Cross-subject facts derived from subjects already rated, aggregated with polars.

The relation frame has one row per (parent, child) pair:

- ``member``: an individual whose ``party_organization`` is the parent (rated before it);
- ``sub_org``: a party organisation whose ``party_organization`` is the parent;
- ``sub_unit``: a collective or party organisation whose ``parent_unit`` is the parent (an
  individual's ``parent_unit`` is their work unit, not a led unit);
- ``collective_member``: a person whose ``member_of`` names the parent (rated after it, so only
  counts and discipline are known when the collective is rated).

:func:`derived_facts` turns the rows of one layer's parents into the case-format keys
``members.{total, ratings, disciplined, disciplined_canh_cao_or_above}`` and
``led_units.{total, ratings, disciplined}`` (../shared/domain/case-format.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from kiemdiem.rules.constraints.caps import MemberDisciplineCount
from kiemdiem.rules.constraints.parameters import DISCIPLINE_FORM_RANK
from kiemdiem.rules.constraints.subjects import Subject, SubjectError
from kiemdiem.rules.levels import LEVELS_DESCENDING, Level, SubjectKind

_MEMBER_RELATIONS = ("member", "collective_member")
_UNIT_RELATIONS = ("sub_org", "sub_unit")


@dataclass(frozen=True)
class Relations:
    """``frame``: parent, child, relation, form_rank, collective_disciplined;
    ``collective_discipline``: leadership collective id -> its disciplined members."""

    frame: pl.DataFrame
    collective_discipline: Mapping[str, list[MemberDisciplineCount]]


def discipline_ranks(subject: Subject) -> tuple[int, int]:
    """Highest discipline form decided in the period (rank, 0 = none), over all violations and over
    violations in public duty; a violation already counted in an earlier rating is skipped.

    Raises :class:`SubjectError` naming ``discipline[i].form`` or ``discipline[i].decided_in_period``
    when an entry lacks a known form or the period flag.
    """
    entries = subject.facts.get("discipline") or []
    if not isinstance(entries, Sequence) or isinstance(entries, str):
        raise SubjectError(f"{subject.label}: khóa 'discipline' phải là một danh sách, nhận {entries!r}.")
    best = duty = 0
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            raise SubjectError(f"{subject.label}: khóa 'discipline[{i}]' phải là một bảng khóa–giá trị.")
        form = entry.get("form")
        if form not in DISCIPLINE_FORM_RANK:
            raise SubjectError(
                f"{subject.label}: khóa 'discipline[{i}].form' cần một trong {', '.join(DISCIPLINE_FORM_RANK)}, "
                f"nhận {form!r}."
            )
        in_period = entry.get("decided_in_period")
        if not isinstance(in_period, bool):
            raise SubjectError(
                f"{subject.label}: khóa 'discipline[{i}].decided_in_period' cần true hoặc false, nhận {in_period!r}."
            )
        if not in_period or entry.get("already_counted") is True:
            continue
        rank = DISCIPLINE_FORM_RANK[str(form)]
        best = max(best, rank)
        if entry.get("in_public_duty") is True:
            duty = max(duty, rank)
    return best, duty


def build_relations(index: Mapping[str, Subject]) -> Relations:
    """The relation frame of a validated subject set (see the module docstring)."""
    ranks = {subject_id: discipline_ranks(subject) for subject_id, subject in index.items()}
    parents: list[str] = []
    children: list[str] = []
    relations: list[str] = []
    collective: dict[str, list[MemberDisciplineCount]] = {}
    for subject in index.values():
        organization = subject.party_organization
        if organization is not None:
            if subject.kind.is_individual:
                _add(parents, children, relations, organization, subject.id, "member")
            elif subject.kind is SubjectKind.PARTY_ORGANIZATION:
                _add(parents, children, relations, organization, subject.id, "sub_org")
        if subject.parent_unit is not None and not subject.kind.is_individual:
            _add(parents, children, relations, subject.parent_unit, subject.id, "sub_unit")
        for body in subject.member_of:
            _add(parents, children, relations, body, subject.id, "collective_member")
            form_rank, duty_rank = ranks[subject.id]
            if form_rank:
                collective.setdefault(body, []).append(
                    MemberDisciplineCount(
                        subject.id, form_rank, duty_rank, body not in subject.discipline_not_counted_for
                    )
                )
    frame = pl.DataFrame(
        {
            "parent": parents,
            "child": children,
            "relation": relations,
            "form_rank": [ranks[child][0] for child in children],
            "collective_disciplined": [index[child].facts.get("collective_disciplined") is True for child in children],
        },
        schema={
            "parent": pl.String,
            "child": pl.String,
            "relation": pl.String,
            "form_rank": pl.Int64,
            "collective_disciplined": pl.Boolean,
        },
    )
    return Relations(frame=frame, collective_discipline=collective)


def _add(parents: list[str], children: list[str], relations: list[str], parent: str, child: str, rel: str) -> None:
    parents.append(parent)
    children.append(child)
    relations.append(rel)


def derived_facts(
    relations: Relations, parents: Sequence[str], levels: Mapping[str, Level | None]
) -> dict[str, dict[str, dict[str, object]]]:
    """``{parent: {"members": {...}, "led_units": {...}}}`` for the given parents, from the final
    levels of their children so far. ``ratings`` counts rated children only and is left out when
    none is rated yet (a leadership collective's members are rated after it)."""
    rows = relations.frame.filter(pl.col("parent").is_in(list(parents)))
    if rows.height == 0:
        return {}
    child_levels = [_value(levels.get(child)) for child in rows.get_column("child").to_list()]
    rows = rows.with_columns(
        pl.Series("level", child_levels, dtype=pl.String),
        pl.when(pl.col("relation").is_in(_MEMBER_RELATIONS))
        .then(pl.lit("members"))
        .otherwise(pl.lit("led_units"))
        .alias("block"),
    )
    grouped = rows.group_by("parent", "block", maintain_order=True).agg(
        pl.len().alias("total"),
        pl.col("level").is_not_null().sum().alias("rated"),
        *[(pl.col("level") == level.value).sum().alias(level.value) for level in LEVELS_DESCENDING],
        (pl.col("form_rank") > 0).sum().alias("disciplined_members"),
        (pl.col("form_rank") >= DISCIPLINE_FORM_RANK["canh_cao"]).sum().alias("canh_cao"),
        pl.col("collective_disciplined").sum().alias("disciplined_units"),
    )
    result: dict[str, dict[str, dict[str, object]]] = {}
    for row in grouped.iter_rows(named=True):
        block: dict[str, object] = {"total": row["total"]}
        if row["rated"]:
            block["ratings"] = {level.value: row[level.value] for level in LEVELS_DESCENDING}
        if row["block"] == "members":
            block["disciplined"] = row["disciplined_members"]
            block["disciplined_canh_cao_or_above"] = row["canh_cao"]
        else:
            block["disciplined"] = row["disciplined_units"]
        result.setdefault(row["parent"], {})[row["block"]] = block
    return result


def ratings_of(block: Mapping[str, object] | None) -> dict[Level, int]:
    """The ``ratings`` map of a derived block as ``{Level: count}`` (empty when absent)."""
    ratings = (block or {}).get("ratings")
    if not isinstance(ratings, Mapping):
        return {}
    return {Level(key): int(value) for key, value in ratings.items()}


def _value(level: Level | None) -> str | None:
    return None if level is None else level.value

"""HTXSNV quotas over a finished cycle, vectorised with polars.

Every instrument caps HTXSNV at a share of those rated HTTNV within a comparable group; each
names its own group (parameters in ``params/constraints.yaml``):

- ``grassroots_party_organization``: members pooled per tổ chức cơ sở đảng (21-HD/BTCTW mục 2.3);
- ``group``: per group of similar position, role, function and task (124-QĐ/TW Điều 12 k1;
  366-QĐ/TW Điều 11 k1; 21-HD for collectives and leaders) — the subject's ``quota_group``;
- ``unit_and_group``: per unit and task group (NĐ 335/2025, NĐ 233/2026 Điều 12 k6, NĐ 48/2023)
  — the subject's ``parent_unit`` and ``quota_group``.

"Không vượt quá 20%" allows at most ``floor(ratio × base)`` (pitfalls.md #4). A quota is never
resolved here: the report lists each group's base, allowed count, excess and a proposed list of
who drops, for a human to confirm (see :mod:`kiemdiem.rules.constraints.resolution`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import polars as pl

from kiemdiem.rules.constraints.parameters import ConstraintParams
from kiemdiem.rules.constraints.ratios import QuotaInputError, format_percent, resolved_ratio
from kiemdiem.rules.constraints.subjects import Subject
from kiemdiem.rules.levels import Level, SubjectKind


@dataclass(frozen=True)
class QuotaException:
    """The competent level's decision to allow a higher rate for one unit or group.

    Keyed (in the mapping given to :func:`quota_report`) by the unit or grassroots organisation
    id for unit-scoped rules, or by the ``quota_group`` for group-scoped rules. ``ratio`` None
    means the instrument's exception rate; ``decided_by`` names the authority.
    """

    decided_by: str
    ratio: Fraction | None = None
    note: str = ""


@dataclass(frozen=True)
class QuotaGroup:
    """One comparable group over its quota.

    ``base``: number rated HTTNV; ``htxsnv``: number rated HTXSNV; ``allowed`` =
    floor(``ratio`` × base); ``excess`` = htxsnv − allowed; ``drop_count``: the fewest that must
    move down to HTTNV for the group to comply (each one moved also adds one to the base);
    ``candidates``: every HTXSNV of the group, lowest first (score, then HTXSNV votes, then id);
    ``proposed_drop``: the first ``drop_count`` candidates.
    """

    rulebook: str
    rule: str
    cites: str
    confirmed: bool
    scope: str
    unit: str | None
    group: str | None
    base: int
    htxsnv: int
    ratio: Fraction
    allowed: int
    excess: int
    drop_count: int
    candidates: tuple[str, ...]
    proposed_drop: tuple[str, ...]
    exception: QuotaException | None

    @property
    def key(self) -> str:
        """Stable key of the group: ``rulebook/rule|unit|group``."""
        return f"{self.rulebook}/{self.rule}|{self.unit or ''}|{self.group or ''}"

    def text(self, names: Mapping[str, str]) -> str:
        """The Vietnamese sentence shown to the person who decides."""
        where = " / ".join(part for part in (names.get(self.unit or "", self.unit), self.group) if part)
        drop = ", ".join(f"{names.get(i, i)} ({i})" for i in self.proposed_drop)
        return (
            f"Nhóm {where} ({self.cites}): {self.htxsnv} HTXSNV so với {self.base} HTTNV; "
            f"tối đa {self.allowed} (không vượt quá {format_percent(self.ratio)} số HTTNV, làm tròn xuống); "
            f"vượt {self.excess}. Đề nghị chuyển xuống HTTNV {self.drop_count} người/tập thể: {drop}. "
            f"{self._fewer_drops_note()}Cần cấp có thẩm quyền xác nhận."
        )

    def _fewer_drops_note(self) -> str:
        # Each subject moved down joins the HTTNV base, so fewer moves than the excess can suffice;
        # say so, or the two numbers look contradictory to the person deciding.
        if self.drop_count >= self.excess:
            return ""
        return f"(Người chuyển xuống được tính thêm vào số HTTNV nên chỉ cần chuyển {self.drop_count}.) "


@dataclass(frozen=True)
class QuotaReport:
    """``groups``: one row per comparable group (``rulebook``, ``rule``, ``unit``, ``group``,
    ``base``, ``htxsnv``, ``allowed``, ``excess``, ``drop_count``); ``excesses``: the groups over
    quota; ``missing_group``: HTXSNV/HTTNV subjects under a quota rule lacking the group key it
    needs (rule -> ids); ``exception_notes``: exceptions granted but not applicable (key -> text)."""

    groups: pl.DataFrame
    excesses: tuple[QuotaGroup, ...]
    missing_group: Mapping[str, tuple[str, ...]]
    exception_notes: Mapping[str, str]


def quota_frame(
    subjects: Sequence[Subject],
    levels: Mapping[str, Level | None],
    rulebooks: Mapping[str, str | None],
) -> pl.DataFrame:
    """The columns quotas need, one row per subject: ``id``, ``rulebook`` (effective code),
    ``kind``, ``leader``, ``level``, ``quota_group``, ``parent_unit``, ``tccsd`` (grassroots party
    organisation above, resolved through ``party_organization``), ``score``, ``votes``
    (HTXSNV ballots)."""
    frame = pl.DataFrame(
        {
            "id": [s.id for s in subjects],
            "rulebook": [rulebooks.get(s.id) for s in subjects],
            "kind": [s.kind.value for s in subjects],
            "leader": [bool(s.facts.get("holds_leadership", False)) for s in subjects],
            "level": [_level_value(levels.get(s.id)) for s in subjects],
            "quota_group": [s.quota_group for s in subjects],
            "parent_unit": [s.parent_unit for s in subjects],
            "party_organization": [s.party_organization for s in subjects],
            "grassroots": [s.grassroots for s in subjects],
            "score": [s.score for s in subjects],
            "votes": [(s.votes or {}).get(Level.HTXSNV, 0) for s in subjects],
        },
        schema={
            "id": pl.String,
            "rulebook": pl.String,
            "kind": pl.String,
            "leader": pl.Boolean,
            "level": pl.String,
            "quota_group": pl.String,
            "parent_unit": pl.String,
            "party_organization": pl.String,
            "grassroots": pl.Boolean,
            "score": pl.Float64,
            "votes": pl.Int64,
        },
    )
    return frame.with_columns(_grassroots_ancestor(frame).alias("tccsd")).drop("party_organization", "grassroots")


def _level_value(level: Level | None) -> str | None:
    return None if level is None else level.value


def _grassroots_ancestor(frame: pl.DataFrame) -> pl.Series:
    """For each subject, the nearest grassroots organisation on its ``party_organization`` chain
    (itself excluded); null when there is none. One join per level of the party tree."""
    parents = frame.select(
        pl.col("id").alias("anc"), pl.col("party_organization").alias("anc_parent"), pl.col("grassroots").alias("g")
    )
    walk = frame.select(pl.int_range(pl.len()).alias("row"), pl.col("party_organization").alias("anc"))
    found = pl.Series("tccsd", [None] * frame.height, dtype=pl.String)
    for _ in range(frame.height + 1):
        walk = walk.join(parents, on="anc", how="inner")
        if walk.height == 0:
            break
        hits = walk.filter(pl.col("g"))
        if hits.height:
            found = found.scatter(hits.get_column("row"), hits.get_column("anc"))
        walk = walk.filter(~pl.col("g")).select("row", pl.col("anc_parent").alias("anc")).drop_nulls("anc")
    return found


def quota_report(
    frame: pl.DataFrame,
    params: ConstraintParams,
    period: str,
    exceptions: Mapping[str, QuotaException] | None = None,
) -> QuotaReport:
    """Count each comparable group and report the groups over quota.

    ``frame`` comes from :func:`quota_frame` (final levels). Each row is assigned the first quota
    rule of its rulebook that matches its kind (and leadership, where the rule says); the group
    is the rule's scope. ``exceptions`` raise a group's ratio where the instrument allows it (NĐ
    233/2026 Điều 12 k6 and, per the parameters, NĐ 335: only for a unit itself rated HTXSNV).
    Raises :class:`QuotaInputError` for an exception whose key matches no group or whose ratio is
    above the instrument's exception rate.
    """
    exceptions = dict(exceptions or {})
    used_rulebooks = set(frame.get_column("rulebook").drop_nulls().unique().to_list())
    rules = _rules_table(params, period, used_rulebooks)
    counted = frame.with_row_index("pos").filter(pl.col("level").is_in([Level.HTXSNV.value, Level.HTTNV.value]))
    counted = counted.join(rules, on=["rulebook", "kind", "leader"], how="inner").sort("pos")
    counted = counted.with_columns(
        pl.when(pl.col("scope") == "grassroots_party_organization")
        .then(pl.col("tccsd"))
        .when(pl.col("scope") == "unit_and_group")
        .then(pl.col("parent_unit"))
        .otherwise(None)
        .alias("unit"),
        pl.when(pl.col("scope") == "grassroots_party_organization")
        .then(None)
        .otherwise(pl.col("quota_group"))
        .alias("group"),
    )
    missing_mask = ((pl.col("scope") != "group") & pl.col("unit").is_null()) | (
        (pl.col("scope") != "grassroots_party_organization") & pl.col("group").is_null()
    )
    missing_rows = counted.filter(missing_mask)
    missing: dict[str, tuple[str, ...]] = {
        f"{rulebook}/{rule}": tuple(ids)
        for rulebook, rule, ids in missing_rows.group_by("rulebook", "rule", maintain_order=True)
        .agg(pl.col("id"))
        .iter_rows()
    }
    counted = counted.filter(~missing_mask)
    groups = (
        counted.group_by("rulebook", "rule", "unit", "group", maintain_order=True)
        .agg(
            (pl.col("level") == Level.HTTNV.value).sum().cast(pl.Int64).alias("base"),
            (pl.col("level") == Level.HTXSNV.value).sum().cast(pl.Int64).alias("htxsnv"),
        )
        .join(rules.select("rulebook", "rule", "num", "den").unique(), on=["rulebook", "rule"])
    )
    groups, notes = _apply_exceptions(groups, params, period, frame, exceptions)
    groups = groups.with_columns(
        (pl.col("base") * pl.col("num") // pl.col("den")).alias("allowed"),
    ).with_columns(
        (pl.col("htxsnv") - pl.col("allowed")).clip(lower_bound=0).alias("excess"),
        # fewest k with htxsnv − k ≤ ratio × (base + k): k ≥ (den·htxsnv − num·base) / (den + num)
        (-((pl.col("num") * pl.col("base") - pl.col("den") * pl.col("htxsnv")) // (pl.col("den") + pl.col("num"))))
        .clip(lower_bound=0)
        .alias("drop_count"),
    )
    over = groups.filter(pl.col("excess") > 0)
    excesses = _excess_groups(over, counted, params, period, exceptions) if over.height else ()
    return QuotaReport(
        groups=groups.select("rulebook", "rule", "unit", "group", "base", "htxsnv", "num", "den", "allowed")
        .with_columns(groups.get_column("excess"), groups.get_column("drop_count"))
        .sort("rulebook", "rule", "unit", "group", nulls_last=True),
        excesses=excesses,
        missing_group=missing,
        exception_notes=notes,
    )


def _rules_table(params: ConstraintParams, period: str, used: set[str]) -> pl.DataFrame:
    """(rulebook, kind, leader) -> the first quota rule of the rulebook that matches, with its
    scope and resolved ratio (num/den)."""
    rows: list[dict[str, object]] = []
    for code, rulebook in params.rulebooks.items():
        if code not in used:
            continue
        for kind in SubjectKind:
            for leader in (False, True):
                quota = next(
                    (
                        q
                        for q in rulebook.quotas
                        if kind in q.kinds and (q.holds_leadership is None or q.holds_leadership == leader)
                    ),
                    None,
                )
                if quota is None:
                    continue
                ratio, _ = resolved_ratio(params, quota, period)
                rows.append(
                    {
                        "rulebook": code,
                        "kind": kind.value,
                        "leader": leader,
                        "rule": quota.rule,
                        "scope": quota.scope,
                        "num": ratio.numerator,
                        "den": ratio.denominator,
                    }
                )
    schema = {
        "rulebook": pl.String,
        "kind": pl.String,
        "leader": pl.Boolean,
        "rule": pl.String,
        "scope": pl.String,
        "num": pl.Int64,
        "den": pl.Int64,
    }
    return pl.DataFrame(rows, schema=schema)


def _apply_exceptions(
    groups: pl.DataFrame,
    params: ConstraintParams,
    period: str,
    frame: pl.DataFrame,
    exceptions: Mapping[str, QuotaException],
) -> tuple[pl.DataFrame, dict[str, str]]:
    """Raise the ratio of the groups an exception names, where the instrument allows it."""
    notes: dict[str, str] = {}
    if not exceptions:
        return groups, notes
    levels = dict(zip(frame.get_column("id").to_list(), frame.get_column("level").to_list(), strict=True))
    nums = groups.get_column("num").to_list()
    dens = groups.get_column("den").to_list()
    used: set[str] = set()
    for row, (rulebook, rule, unit, group) in enumerate(groups.select("rulebook", "rule", "unit", "group").iter_rows()):
        key = unit if unit is not None else group
        if key not in exceptions:
            continue
        used.add(key)
        granted = exceptions[key]
        quota = params.quota_rule(rulebook, rule)
        if quota.exception is None:
            notes[key] = (
                f"{quota.cites} không có ngoại lệ về tỷ lệ; giữ {format_percent(Fraction(nums[row], dens[row]))}."
            )
            continue
        ratio = granted.ratio if granted.ratio is not None else quota.exception.ratio
        if ratio is None:
            raise QuotaInputError(
                f"Ngoại lệ tỷ lệ {key!r}: {quota.exception.cites} để cấp có thẩm quyền định tỷ lệ; cần nêu 'ratio'."
            )
        if quota.exception.ratio is not None and ratio > quota.exception.ratio:
            raise QuotaInputError(
                f"Ngoại lệ tỷ lệ {key!r}: {format_percent(ratio)} vượt mức tối đa "
                f"{format_percent(quota.exception.ratio)} của {quota.exception.cites}."
            )
        if quota.exception.requires_unit_htxsnv and levels.get(key) != Level.HTXSNV.value:
            notes[key] = (
                f"Ngoại lệ tỷ lệ cho {key} không áp dụng: {quota.exception.cites} chỉ cho phép khi chính đơn vị "
                "được xếp loại HTXSNV."
            )
            continue
        nums[row], dens[row] = ratio.numerator, ratio.denominator
    unknown = sorted(set(exceptions) - used)
    if unknown:
        raise QuotaInputError(
            f"Ngoại lệ tỷ lệ cho {', '.join(map(repr, unknown))}: không có nhóm so sánh nào mang mã này "
            "(cần mã đơn vị/tổ chức cơ sở đảng, hoặc tên nhóm quota_group)."
        )
    return groups.with_columns(pl.Series("num", nums, dtype=pl.Int64), pl.Series("den", dens, dtype=pl.Int64)), notes


def _excess_groups(
    over: pl.DataFrame,
    counted: pl.DataFrame,
    params: ConstraintParams,
    period: str,
    exceptions: Mapping[str, QuotaException],
) -> tuple[QuotaGroup, ...]:
    keys = ["rulebook", "rule", "unit", "group"]
    candidates = (
        counted.filter(pl.col("level") == Level.HTXSNV.value)
        .join(over.select(*keys), on=keys, how="semi", nulls_equal=True)
        .sort(["score", "votes", "id"], nulls_last=False)
        .group_by(keys, maintain_order=True)
        .agg(pl.col("id").alias("candidates"))
    )
    rows = over.join(candidates, on=keys, how="left", nulls_equal=True).sort(keys, nulls_last=True)
    result = []
    for row in rows.iter_rows(named=True):
        quota = params.quota_rule(row["rulebook"], row["rule"])
        _, confirmed = resolved_ratio(params, quota, period)
        ratio = Fraction(row["num"], row["den"])
        key = row["unit"] if row["unit"] is not None else row["group"]
        exception = exceptions.get(key) if ratio != resolved_ratio(params, quota, period)[0] else None
        ordered = tuple(row["candidates"] or ())
        result.append(
            QuotaGroup(
                rulebook=row["rulebook"],
                rule=row["rule"],
                cites=quota.cites,
                confirmed=confirmed and (exception is None or quota.exception is None or quota.exception.confirmed),
                scope=quota.scope,
                unit=row["unit"],
                group=row["group"],
                base=row["base"],
                htxsnv=row["htxsnv"],
                ratio=ratio,
                allowed=row["allowed"],
                excess=row["excess"],
                drop_count=row["drop_count"],
                candidates=ordered,
                proposed_drop=ordered[: row["drop_count"]],
                exception=exception,
            )
        )
    return tuple(result)

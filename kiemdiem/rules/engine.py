"""Vectorised rating: a frame of facts in, a frame of decisions (and condition truth values) out.

One code path rates one subject (a one-row frame) or millions. For each subject:

* an exclusion that holds gives ``not_rated`` / ``review_only``;
* else the level is a range [min, max] of ranks: KHTNV if any KHTNV trigger holds; otherwise the
  highest level whose conditions all hold, lowered by the caps that apply. Null (unknown)
  conditions widen the range (Kleene logic of polars ``&``/``|``, tested in tests/rules);
* ``rated`` when min == max, else ``needs_facts``.

The truth value of every condition is kept (columns ``c:<id>``, and ``a:<id>`` = an assumption
decided it) so that :mod:`kiemdiem.rules.explain` can render the reasons.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import polars as pl

from kiemdiem.rules.conditions import KindRules
from kiemdiem.rules.errors import NoRulebookError
from kiemdiem.rules.facts import SCHEMA
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.params import ParamOverrides, Params
from kiemdiem.rules.periods import Period, PeriodKind, parse_period
from kiemdiem.rules.registry import KIND_LABELS, rulebook_by_code, select_rulebook, years_label
from kiemdiem.rules.rulebook import Rulebook

RANK_TO_CODE = {lvl.rank: lvl.value for lvl in Level}
RESULT_COLUMNS = ("rulebook_code", "status", "rating", "min_rating", "max_rating")


_PERIOD_LABELS = {PeriodKind.YEAR: "năm", PeriodKind.QUARTER: "quý", PeriodKind.TERM: "nhiệm kỳ"}


@dataclass(frozen=True)
class Plan:
    """The rulebook and built rules for one subject kind, with the notices configuration causes."""

    rulebook: Rulebook
    rules: KindRules
    notices: tuple[str, ...]


def plan_for(
    kinds: list[str], period: Period, overrides: ParamOverrides | None, rulebook: str | None = None
) -> dict[str, Plan]:
    """Select and build the rules for each subject kind present. Raises ``NoRulebookError``."""
    plans: dict[str, Plan] = {}
    for kind in kinds:
        book = rulebook_by_code(rulebook) if rulebook else select_rulebook(period, kind, overrides)
        if SubjectKind(kind) not in book.kinds:
            raise NoRulebookError(
                f"Bộ quy tắc {book.code} không xếp loại {KIND_LABELS[SubjectKind(kind)]} ({kind}); "
                f"nó áp dụng cho: {', '.join(sorted(k.value for k in book.kinds))}"
            )
        if period.kind not in book.period_kinds:
            raise NoRulebookError(
                f"Bộ quy tắc {book.code} không đánh giá theo {_PERIOD_LABELS[period.kind]} (kỳ {period.text}); "
                "đánh giá theo quý, nhiệm kỳ chỉ có từ Quy định 366-QĐ/TW"
            )
        params = Params(book.code, book.module, period.end, overrides)
        rules = book.build(SubjectKind(kind), params)
        notices = list(_option_notices(book, SubjectKind(kind), period, overrides))
        if rulebook and not book.covers_year(period.end.year):
            # a named rulebook is honoured (e.g. the NĐ 233 Điều 20 k1 transition), never silently
            notices.append(
                f"Bộ quy tắc {book.code} được chỉ định cho kỳ {period.text}, ngoài các năm đánh giá nó áp dụng "
                f"({years_label(book)}): kết quả theo lựa chọn này."
            )
        if overrides:
            present = {c.id for c in rules.all_conditions()}
            disabled = overrides.disabled.get(book.code, frozenset()) & present
            delegated = {cid: rule for cid, rule in overrides.delegated.get(book.code, {}).items() if cid in present}
            rules = rules.without(disabled | frozenset(delegated))
            notices += [f"Điều kiện {cid} đã được tắt theo cấu hình ({overrides.source})." for cid in sorted(disabled)]
            notices += [
                f"Điều kiện {cid} do bước ràng buộc giữa các chủ thể áp dụng (quy tắc {rule}), vì chỉ bước đó "
                "biết vi phạm có liên quan đến công vụ không và các trường hợp không tính cho tập thể."
                for cid, rule in sorted(delegated.items())
            ]
            notices += [
                f"Tham số {name} = {value} theo cấu hình ({overrides.source})."
                for name, value in params.overridden().items()
            ]
        plans[kind] = Plan(book, rules, tuple(notices))
    return plans


def _option_notices(
    book: Rulebook, kind: SubjectKind, period: Period, overrides: ParamOverrides | None
) -> Iterator[str]:
    if kind == SubjectKind.PUBLIC_EMPLOYEE and period.end.year >= 2026:
        if book.code == "state-nd233":
            yield (
                "Giả định đơn vị sự nghiệp đã ban hành Quy chế đánh giá theo Nghị định 233/2026/NĐ-CP; nếu chưa, "
                "áp dụng Nghị định 90/2020/NĐ-CP và 48/2023/NĐ-CP (Điều 20 khoản 1) bằng tùy chọn "
                "public_employee_2026: nd90-48."
            )
        else:
            yield (
                "Đơn vị chưa có Quy chế đánh giá: áp dụng Nghị định 90/2020/NĐ-CP và 48/2023/NĐ-CP theo "
                "quy định chuyển "
                "tiếp (Nghị định 233/2026/NĐ-CP, Điều 20 khoản 1), theo cấu hình."
            )
    if kind == SubjectKind.CADRE and period.end.year >= 2026:
        yield (
            f"Chưa có văn bản thay thế cho cán bộ sau 01/7/2026: áp dụng {book.name} theo cấu hình "
            f"({overrides.source if overrides else ''}), chưa xác nhận."
        )


def rate_frame(
    frame: pl.DataFrame,
    period: str | int | Period,
    *,
    params: ParamOverrides | None = None,
    rulebook: str | None = None,
    explain: bool = True,
) -> pl.DataFrame:
    """Rate every row of a fact frame (columns of :data:`kiemdiem.rules.facts.SCHEMA`; absent ones are null).

    Returns the input columns plus ``rulebook_code``, ``status`` (rated / not_rated / review_only /
    needs_facts), ``rating`` (level code or null), ``min_rating``, ``max_rating``; with ``explain``
    also ``c:<condition id>`` (truth value, null = unknown) and ``a:<condition id>`` (assumed).
    Raises ``NoRulebookError`` / ``PeriodError``.
    """
    p = period if isinstance(period, Period) else parse_period(period)
    frame = _with_schema(frame)
    kinds = frame.get_column("kind").unique(maintain_order=True).to_list()
    return apply_plans(frame, plan_for(kinds, p, params, rulebook), explain=explain)


def apply_plans(frame: pl.DataFrame, plans: dict[str, Plan], *, explain: bool) -> pl.DataFrame:
    """Evaluate each kind's rules on its rows; rows keep their order."""
    if len(plans) == 1:
        return evaluate(frame, next(iter(plans.values())), explain=explain)
    indexed = frame.with_row_index("_row")
    parts = [evaluate(indexed.filter(pl.col("kind") == kind), plan, explain=explain) for kind, plan in plans.items()]
    return pl.concat(parts, how="diagonal").sort("_row").drop("_row")


def evaluate(frame: pl.DataFrame, plan: Plan, *, explain: bool) -> pl.DataFrame:
    """The decision columns for rows that all use ``plan`` (see the module docstring)."""
    rules = plan.rules
    eff = {c.id: c.effective() for c in rules.all_conditions()}
    exclusion = pl.lit(None, dtype=pl.String)
    for excl in reversed(rules.exclusions):
        exclusion = pl.when(eff[excl.condition.id].fill_null(False)).then(pl.lit(excl.status)).otherwise(exclusion)
    elig = {
        lvl: pl.all_horizontal([eff[c.id] for c in rules.levels.get(lvl, [])] or [pl.lit(True)])
        for lvl in (Level.HTXSNV, Level.HTTNV, Level.HTNV)
    }
    max_rank: pl.Expr = pl.lit(0)
    min_rank: pl.Expr = pl.lit(0)
    for lvl in (Level.HTNV, Level.HTTNV, Level.HTXSNV):  # the highest level that holds wins
        max_rank = pl.when(elig[lvl].fill_null(True)).then(pl.lit(lvl.rank)).otherwise(max_rank)
        min_rank = pl.when(elig[lvl].fill_null(False)).then(pl.lit(lvl.rank)).otherwise(min_rank)
    if rules.triggers:
        trigger = pl.any_horizontal([eff[c.id] for c in rules.triggers])
        max_rank = pl.when(trigger.fill_null(False)).then(pl.lit(0)).otherwise(max_rank)
        min_rank = pl.when(trigger.fill_null(True)).then(pl.lit(0)).otherwise(min_rank)
    caps_max = [pl.when(eff[cap.condition.id].fill_null(False)).then(cap.rank) for cap in rules.caps]
    caps_min = [pl.when(eff[cap.condition.id].fill_null(True)).then(cap.rank) for cap in rules.caps]
    max_rank = pl.min_horizontal(max_rank, *caps_max)
    min_rank = pl.min_horizontal(min_rank, *caps_min)
    out = frame.with_columns(
        _excl=exclusion,
        _max=max_rank.cast(pl.Int8),
        _min=min_rank.cast(pl.Int8),
        rulebook_code=pl.lit(plan.rulebook.code),
    )
    status = (
        pl.when(pl.col("_excl").is_not_null())
        .then(pl.col("_excl"))
        .when(pl.col("_min") == pl.col("_max"))
        .then(pl.lit("rated"))
        .otherwise(pl.lit("needs_facts"))
    )
    decided = pl.col("_excl").is_null()
    out = out.with_columns(
        status=status,
        max_rating=pl.when(decided).then(_code(pl.col("_max"))),
        min_rating=pl.when(decided).then(_code(pl.col("_min"))),
    ).with_columns(rating=pl.when(pl.col("status") == "rated").then(pl.col("max_rating")))
    if explain:
        out = out.with_columns(
            [c.expr.alias(f"c:{c.id}") for c in rules.all_conditions()]
            + [c.assumed().alias(f"a:{c.id}") for c in rules.all_conditions()]
        )
    return out.drop("_excl", "_max", "_min")


def _code(rank: pl.Expr) -> pl.Expr:
    return rank.replace_strict(RANK_TO_CODE, default=None, return_dtype=pl.String)


def _with_schema(frame: pl.DataFrame) -> pl.DataFrame:
    if "kind" not in frame.columns:
        raise NoRulebookError("Bảng dữ kiện thiếu cột 'kind' (loại đối tượng)")
    absent = [pl.lit(None, dtype=dtype).alias(name) for name, dtype in SCHEMA.items() if name not in frame.columns]
    return frame.with_columns(absent) if absent else frame

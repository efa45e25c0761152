"""The results paragraph of a review report, written only from the targets' figures.

"Các chỉ tiêu thành phố và huyện giao cơ bản đều hoàn thành và vượt" is what every unit writes;
here each clause is counted from the data: statuses by assigning level, the targets most exceeded
and those missed, budget revenue with its growth, and "cao nhất trong N năm" only when the
recorded years show it. Published figures are used as published, and the paragraph says so
whenever the sheet's own figures give something else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from kiemdiem.targets.history import change, rank
from kiemdiem.targets.model import Assigner, BasicKind, Direction, Target
from kiemdiem.targets.numbers import format_vn_number, format_vn_percent, half_unit
from kiemdiem.targets.status import Status, TargetResult, TargetSettings, classify_all

NOTABLE_EXCEEDED = 3


def _count_clause(results: Sequence[TargetResult], label: str) -> str:
    done = sum(1 for r in results if r.status is not None and r.status.completed)
    parts = [f"{n} {status.label}" for status in Status if (n := sum(1 for r in results if r.status is status))]
    return f"{done}/{len(results)} chỉ tiêu {label} hoàn thành và hoàn thành vượt kế hoạch ({', '.join(parts)})"


def _amount(value: Decimal, unit: str) -> str:
    separator = "" if unit == "%" else " "
    return f"{format_vn_number(value)}{separator}{unit}".rstrip()


def _against_plan(result: TargetResult) -> str:
    if result.share_of_plan is not None:
        return f"đạt {format_vn_percent(result.share_of_plan)} kế hoạch"
    assert result.value is not None
    assert result.plan is not None
    unit = result.target.unit
    if result.target.direction is Direction.YES_NO:
        return "không đạt" if result.value == 0 else "đạt"
    return f"{_amount(result.value, unit)}, kế hoạch {_amount(result.plan, unit)}"


def _notables(judged: Sequence[TargetResult]) -> list[str]:
    sentences = []
    exceeded = sorted(
        (r for r in judged if r.status is Status.EXCEEDED and r.share_of_plan is not None),
        key=lambda r: r.share_of_plan or Decimal(0),
        reverse=True,
    )[:NOTABLE_EXCEEDED]
    if exceeded:
        items = "; ".join(f"{r.target.indicator} ({_against_plan(r)})" for r in exceeded)
        sentences.append(f"Vượt kế hoạch cao nhất: {items}.")
    for status in (Status.MISSED, Status.MOSTLY_MET):
        chosen = [r for r in judged if r.status is status]
        if chosen:
            items = "; ".join(f"{r.target.indicator} ({_against_plan(r)})" for r in chosen)
            sentences.append(f"{status.label.capitalize()}: {items}.")
    return sentences


def _growth(target: Target, year: int) -> str:
    """ ", tăng X% so với cùng kỳ" — the published figure when there is one, saying so when the sheet's differ."""
    figures = target.figures(year)
    moved = change(target, year)
    if moved is not None:
        if moved.published is not None:
            text = f", {_word(moved.published)} {format_vn_percent(abs(moved.published), None)} so với cùng kỳ"
            if abs(moved.computed - moved.published) > half_unit(moved.published):
                text += (
                    f" (số công bố; tính từ số liệu {moved.year - 1} và {moved.year} trong bảng là "
                    f"{_word(moved.computed)} {format_vn_percent(abs(moved.computed))})"
                )
            return text
        share = format_vn_percent(abs(moved.computed))
        return f", {_word(moved.computed)} {share} so với năm {moved.year - 1} (tính từ số liệu trong bảng)"
    if figures is not None and figures.published_growth is not None:
        published = figures.published_growth
        return f", {_word(published)} {format_vn_percent(abs(published), None)} so với cùng kỳ (số công bố)"
    return ""


def _word(share: Decimal) -> str:
    return "tăng" if share >= 0 else "giảm"


def _unjudged(result: TargetResult) -> str:
    target = result.target
    if result.value is None:
        return f"{target.indicator} ({result.missing})"
    verb = "đạt" if result.figures.basis == "actual" else "ước đạt"
    growth = _growth(target, result.year)
    return f"{target.indicator} {verb} {_amount(result.value, target.unit)}{growth} ({result.missing})"


def _budget_sentence(result: TargetResult) -> str:
    target, figures = result.target, result.figures
    value = result.value
    assert value is not None
    verb = "đạt" if figures.basis == "actual" else "ước đạt"
    text = f"{target.indicator} {verb} {_amount(value, target.unit)}"
    published_share = figures.published_share_of_plan
    computed_share = result.share_of_plan
    if published_share is not None:
        text += f", bằng {format_vn_percent(published_share, None)} dự toán"
        if computed_share is not None and abs(computed_share - published_share) > half_unit(published_share):
            text += f" (số công bố; tính từ số liệu trong bảng là {format_vn_percent(computed_share)})"
    elif computed_share is not None:
        text += f", bằng {format_vn_percent(computed_share)} dự toán"
    text += _growth(target, result.year)
    position = rank(target, result.year)
    if position is not None and position.is_best:
        text += f", cao nhất trong {position.count} năm có số liệu ({position.first_year}–{position.last_year})"
    return text + "."


def results_paragraph(
    targets: Sequence[Target],
    year: int,
    *,
    assigner_labels: Mapping[Assigner, str] | None = None,
    settings: TargetSettings | None = None,
) -> str:
    """The Vietnamese results paragraph for ``year`` from ``targets`` (with their recorded history).

    ``assigner_labels`` names the assigning levels as the report does, e.g.
    ``{Assigner.SUPERIOR: "thành phố giao", Assigner.OWN: "huyện giao"}`` (default: generic
    wording). ``settings`` carries the "cơ bản hoàn thành" tolerance, described in the text whenever
    that status occurs. Raises ``ValueError`` when no target has figures for ``year``.
    """
    settings = settings or TargetSettings()
    labels = {**{a: a.label for a in Assigner}, **(assigner_labels or {})}
    results = classify_all(targets, year, settings)
    if not results:
        raise ValueError(f"không có chỉ tiêu nào có số liệu năm {year}")
    judged = [r for r in results if r.status is not None]
    sentences: list[str] = []
    clauses = [
        _count_clause(group, labels[assigner])
        for assigner in Assigner
        if (group := [r for r in judged if r.target.assigner is assigner])
    ]
    if clauses:
        sentences.append(f"Năm {year}, " + "; ".join(clauses) + ".")
    else:
        sentences.append(f"Năm {year}, chưa có chỉ tiêu nào đủ số liệu để đánh giá.")
    estimated = [r for r in judged if r.figures.basis == "estimate"]
    if estimated:
        sentences.append(f"{len(estimated)}/{len(judged)} chỉ tiêu được đánh giá theo số ước thực hiện.")
    unjudged = [r for r in results if r.status is None]
    if unjudged:
        names = "; ".join(_unjudged(r) for r in unjudged)
        sentences.append(f"{len(unjudged)} chỉ tiêu chưa đủ số liệu nên chưa đánh giá: {names}.")
    sentences += _notables(judged)
    for result in judged:
        if result.target.basic is BasicKind.BUDGET_REVENUE:
            sentences.append(_budget_sentence(result))
    if any(r.status is Status.MOSTLY_MET for r in judged):
        sentences.append(f"Ghi chú: {settings.describe()}.")
    return " ".join(sentences)

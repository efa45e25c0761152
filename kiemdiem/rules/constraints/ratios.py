"""Ratios of the quotas: resolving a rule's ratio for a period, printing it the Vietnamese way.

"Không vượt quá 20% số HTTNV" is kept as an exact fraction (``Fraction(1, 5)``) so that the
allowed count ``floor(ratio × base)`` never suffers a float rounding (pitfalls.md #4).
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from kiemdiem.rules.constraints.parameters import ConstraintParams, ParamsError, QuotaRule


class QuotaInputError(ValueError):
    """A quota exception or period that cannot be used; the message names the key."""


def format_percent(ratio: Fraction) -> str:
    """``Fraction(1, 5)`` -> ``"20%"``; ``Fraction(1, 3)`` -> ``"33,33%"`` (Vietnamese decimals)."""
    value = round(float(ratio) * 100, 2)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def period_end(period: str) -> dt.date:
    """Last day of a review period: ``2021``, ``2025-Q2`` or a term ``2020-2025``.

    Raises :class:`QuotaInputError` for any other form (the period is never taken from the clock,
    pitfalls.md #9).
    """
    text = str(period).strip()
    if match := re.fullmatch(r"(\d{4})", text):
        return dt.date(int(match[1]), 12, 31)
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        month = 3 * int(match[2])
        return dt.date(int(match[1]), month, 1).replace(day=30 if month in (6, 9) else 31)
    if match := re.fullmatch(r"(\d{4})-(\d{4})", text):
        return dt.date(int(match[2]), 12, 31)
    raise QuotaInputError(
        f"Kỳ kiểm điểm {period!r} không hợp lệ: cần năm (2021), quý (2025-Q2) hoặc nhiệm kỳ (2020-2025)."
    )


def resolved_ratio(params: ConstraintParams, quota: QuotaRule, period: str) -> tuple[Fraction, bool]:
    """The ratio of ``quota`` for ``period`` and whether it is confirmed.

    A rule with ``ratio_from_party`` (NĐ 48/2023) takes the ratio of the Party rulebook in force
    at the end of the period; raises :class:`ParamsError` when none is.
    """
    if quota.ratio is not None:
        return quota.ratio, quota.confirmed
    end = period_end(period)
    sources = [source for source in quota.ratio_from_party if source.valid_from <= end]
    if not sources:
        raise ParamsError(f"{quota.rule}.ratio_from_party: không có bộ quy định của Đảng nào áp dụng cho kỳ {period}.")
    source = max(sources, key=lambda item: item.valid_from)
    party = params.quota_rule(source.rulebook, source.rule)
    if party.ratio is None:
        raise ParamsError(f"rulebooks.{source.rulebook}.quotas.{source.rule}.ratio: cần một tỉ lệ cố định.")
    return party.ratio, quota.confirmed and party.confirmed

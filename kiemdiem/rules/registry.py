"""Which rulebook applies: period + subject kind -> rulebook (../shared/domain/rules.md §1,
rules-confirmations.md §(6)). The choice is data (each rulebook's years and kinds), plus two
explicit options for the gaps the research left (see :mod:`kiemdiem.rules.params`).
"""

from __future__ import annotations

import importlib

from kiemdiem.rules.errors import NoRulebookError
from kiemdiem.rules.levels import SubjectKind
from kiemdiem.rules.params import ParamOverrides
from kiemdiem.rules.periods import Period, PeriodKind, parse_period
from kiemdiem.rules.rulebook import Rulebook

_MODULES = (
    "party_132_16hd",
    "party_132_21hd",
    "party_124_25hd",
    "party_366_43hd",
    "state_nd56",
    "state_nd90",
    "state_nd90_48",
    "state_nd335",
    "state_nd233",
)
KIND_LABELS = {
    SubjectKind.PARTY_MEMBER: "đảng viên",
    SubjectKind.CADRE: "cán bộ",
    SubjectKind.CIVIL_SERVANT: "công chức",
    SubjectKind.PUBLIC_EMPLOYEE: "viên chức",
    SubjectKind.COLLECTIVE: "tập thể",
    SubjectKind.PARTY_ORGANIZATION: "tổ chức đảng",
}
# NĐ 90/2020 + 48/2023 lapse on 1/7/2026 (NĐ 233/2026 Điều 19 k2); no successor found for cán bộ.
CADRE_GAP_FROM_YEAR = 2026


def _load() -> dict[str, Rulebook]:
    books = [importlib.import_module(f"kiemdiem.rules.rulebooks.{m}").RULEBOOK for m in _MODULES]
    return {book.code: book for book in books}


RULEBOOKS: dict[str, Rulebook] = _load()


def select_rulebook(
    period: str | int | Period, kind: str | SubjectKind, overrides: ParamOverrides | None = None
) -> Rulebook:
    """The rulebook for ``period`` and ``kind``.

    Raises ``NoRulebookError`` (Vietnamese, naming the period and the kind) when no rulebook
    covers them, and for cán bộ after NĐ 90/48 lapsed unless the option ``cadre_after_nd90``
    names a rulebook. Raises ``PeriodError`` for a malformed period.
    """
    p = period if isinstance(period, Period) else parse_period(period)
    kind = SubjectKind(kind)
    overrides = overrides or ParamOverrides()
    year = p.end.year
    label = KIND_LABELS[kind]
    if kind == SubjectKind.CADRE and year >= CADRE_GAP_FROM_YEAR:
        choice = overrides.option("cadre_after_nd90")
        if choice == "none":
            raise NoRulebookError(
                f"Chưa có bộ quy tắc cho {label} kỳ {p.text}: Nghị định 90/2020/NĐ-CP (sửa đổi bởi 48/2023/NĐ-CP) hết "
                "hiệu lực từ 01/7/2026 (Nghị định 233/2026/NĐ-CP, Điều 19 khoản 2) và chưa tìm thấy văn bản thay thế "
                "cho cán bộ. Có thể chỉ định tạm bằng tùy chọn 'cadre_after_nd90' trong tệp tham số (--params)."
            )
        return RULEBOOKS[choice]
    transition = overrides.option("public_employee_2026") == "nd90-48"
    if kind == SubjectKind.PUBLIC_EMPLOYEE and year >= CADRE_GAP_FROM_YEAR and transition:
        return RULEBOOKS["state-nd90-48"]
    for book in RULEBOOKS.values():
        if kind in book.kinds and book.covers_year(year) and p.kind in book.period_kinds:
            return book
    raise NoRulebookError(
        f"Không có bộ quy tắc nào áp dụng cho {label} ({kind.value}) kỳ {p.text}"
        + ("" if p.kind == PeriodKind.YEAR else " (đánh giá theo quý, nhiệm kỳ chỉ có từ Quy định 366-QĐ/TW)")
        + ". Các bộ quy tắc có: "
        + "; ".join(f"{b.code} ({years_label(b)})" for b in RULEBOOKS.values() if kind in b.kinds)
        + "."
    )


def rulebook_by_code(code: str) -> Rulebook:
    """The rulebook with this code; raises ``NoRulebookError`` listing the codes."""
    if code not in RULEBOOKS:
        raise NoRulebookError(f"Không có bộ quy tắc '{code}'; các mã hợp lệ: {', '.join(RULEBOOKS)}")
    return RULEBOOKS[code]


def years_label(book: Rulebook) -> str:
    """The review years a rulebook covers, e.g. ``2019–2022`` or ``từ 2025``."""
    if book.last_year is None:
        return f"từ {book.first_year}"
    return str(book.first_year) if book.first_year == book.last_year else f"{book.first_year}–{book.last_year}"

"""Rendering of case outcomes: the JSON of case-format.md and a readable Vietnamese report."""

from __future__ import annotations

import json
from typing import Any

from kiemdiem.rules.cases import CaseOutcome
from kiemdiem.rules.levels import Level

UNCONFIRMED = "[chưa xác nhận]"
STATUS_LABELS = {
    "not_rated": "Không kiểm điểm, không xếp loại",
    "review_only": "Chỉ kiểm điểm, không xếp loại",
}


def outcome_dict(outcome: CaseOutcome) -> dict[str, Any]:
    """One case as the JSON object of ../shared/domain/case-format.md (with extension keys)."""
    r = outcome.result
    data: dict[str, Any] = {
        "name": outcome.case.name,
        "period": outcome.case.period,
        "rulebook": r.rulebook_name,
        "status": r.status,
        "rating": r.rating.value if r.rating else None,
        "max_rating": r.max_rating.value if r.max_rating else None,
        "reasons": [reason.to_dict() for reason in r.reasons],
    }
    if outcome.check is not None:
        data["check"] = outcome.check
    data["min_rating"] = r.min_rating.value if r.min_rating else None
    data["missing"] = list(r.missing)
    data["assumptions"] = list(r.assumptions)
    data["rulebook_code"] = r.rulebook_code
    return data


def to_json(outcomes: list[CaseOutcome]) -> str:
    return json.dumps([outcome_dict(o) for o in outcomes], ensure_ascii=False, indent=2)


def to_text(outcomes: list[CaseOutcome]) -> str:
    """A Vietnamese report, one block per case, then the totals."""
    blocks = [_block(o) for o in outcomes]
    checked = [o for o in outcomes if o.check is not None]
    failed = sum(o.check == "fail" for o in checked)
    blocks.append(
        f"Tổng cộng: {len(outcomes)} trường hợp; {len(checked)} có kết quả mong đợi: "
        f"{len(checked) - failed} đạt, {failed} không đạt."
    )
    return "\n\n".join(blocks) + "\n"


def _result_line(outcome: CaseOutcome) -> str:
    r = outcome.result
    if r.status in STATUS_LABELS:
        return STATUS_LABELS[r.status]
    if r.rating is not None:
        return f"{r.rating.label} ({r.rating.value})"
    lo, hi = r.min_rating or Level.KHTNV, r.max_rating or Level.KHTNV
    return f"Chưa đủ dữ kiện để xếp loại: trong khoảng {lo.value} – {hi.value}"


def _block(outcome: CaseOutcome) -> str:
    r = outcome.result
    mark = {"pass": "[ĐẠT] ", "fail": "[KHÔNG ĐẠT] ", None: ""}[outcome.check]
    lines = [
        f"{mark}{outcome.case.name}",
        f"  Kỳ: {outcome.case.period} · Bộ quy tắc: {r.rulebook_name}",
        f"  Kết quả: {_result_line(outcome)}",
    ]
    if r.reasons:
        lines.append("  Căn cứ:")
        for reason in r.reasons:
            flag = "" if reason.confirmed else f" {UNCONFIRMED}"
            lines.append(f"    - {reason.text} ({reason.cites}){flag}")
    if r.missing:
        lines.append(f"  Còn thiếu dữ kiện: {', '.join(r.missing)}")
    if r.assumptions:
        lines.append("  Giả định:")
        lines += [f"    - {a}" for a in r.assumptions]
    for failure in outcome.failures:
        lines.append(f"  Không đạt: {failure}")
    return "\n".join(lines)

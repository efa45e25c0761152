"""What a review run means for each subject, in the shape the results workbook, the terminal
summary and the database loader all read: :class:`SubjectLine` per subject, in rating order, and
the items needing a human decision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.reasons import Reason
from kiemdiem.workbook.rating import ReviewRun
from kiemdiem.workbook.subjects import KIND_LABELS

STATUS_LABELS = {
    "rated": "Đã xếp loại",
    "not_rated": "Không xếp loại",
    "review_only": "Chỉ kiểm điểm, không xếp loại",
    "needs_facts": "Thiếu dữ kiện, chưa xếp loại",
}
CONFLICT_LABELS = {
    "quota_excess": "Vượt tỷ lệ",
    "quota_group_missing": "Thiếu nhóm so sánh",
    "quota_exception_not_applied": "Ngoại lệ tỷ lệ không áp dụng được",
    "self_level_above_final": "Tự xếp loại cao hơn kết quả",
    "voted_level_above_final": "Kết quả bỏ phiếu cao hơn kết quả",
    "final_above_voted_level": "Kết quả cao hơn mức được quá nửa số phiếu",
    "needs_facts": "Thiếu dữ kiện",
    "rulebook_unknown": "Không xác định được bộ quy định",
    "cap_unverifiable": "Chưa kiểm tra được trần",
    "decision_differs": "Quyết định của cấp trên khác kết quả",
}


@dataclass(frozen=True)
class Item:
    """One thing for a human: ``kind`` (a key of :data:`CONFLICT_LABELS`), the subjects concerned,
    the Vietnamese text, the citation when a rule is behind it, and the proposed resolution."""

    kind: str
    subject_ids: tuple[str, ...]
    text: str
    cites: str = ""
    proposal: str = ""

    @property
    def label(self) -> str:
        return CONFLICT_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class SubjectLine:
    """One subject's result: levels (self, by the rules, final after the constraints, decided by
    the superior), status, the main reason and all reasons, and the items concerning it."""

    id: str
    code: str
    table: str
    name: str
    kind: SubjectKind
    side: str
    layer: int
    rulebook: str
    status: str
    self_level: Level | None
    engine_level: Level | None
    final_level: Level | None
    decided_level: Level | None
    decision_number: str
    main_reason: Reason | None
    reasons: tuple[Reason, ...]
    assumptions: tuple[str, ...]
    items: tuple[Item, ...] = field(default=())
    note: str = ""

    @property
    def unconfirmed(self) -> bool:
        """Some reason rests on a rule whose text was not confirmed (shown as such to the user)."""
        return any(not reason.confirmed for reason in self.reasons)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


# The rule ids of the rules engine name the level they test: ``.x.`` HTXSNV, ``.t.`` HTTNV, ``.n.``
# HTNV (e.g. ``r132.m.x.criteria``). A failed test of the level just above the final one means the
# conditions, not a cap, decided the level.
_ABOVE = {Level.HTTNV: ".x.", Level.HTNV: ".t.", Level.KHTNV: ".n."}


def main_reason(reasons: tuple[Reason, ...], adjustments: tuple[Reason, ...], final: Level | None) -> Reason | None:
    """The reason that decided the level: the last constraint that lowered it; else a cap of the
    engine when the conditions would have allowed the level above; else the last reason given."""
    if adjustments:
        return adjustments[-1]
    caps = [reason for reason in reasons if ".cap" in reason.rule]
    above = _ABOVE.get(final) if final is not None else None
    if caps and above is not None and not any(above in reason.rule for reason in reasons):
        return caps[-1]
    return reasons[-1] if reasons else None


def subject_lines(run: ReviewRun) -> tuple[list[SubjectLine], list[Item]]:
    """The lines in rating order and every item needing a human decision (constraints' conflicts
    first, then decisions of the superior that differ from the final level)."""
    items = [
        Item(
            conflict.kind,
            conflict.subject_ids,
            conflict.text,
            conflict.reason.cites if conflict.reason else "",
            _proposal(conflict.kind, conflict.quota is not None),
        )
        for conflict in run.result.conflicts
    ]
    lines: list[SubjectLine] = []
    self_levels = {subject.id: subject.self_level for subject in run.subjects}
    for layer in run.result.layers:
        for sid in layer:
            outcome, engine, info = run.result.outcomes[sid], run.engine[sid], run.info[sid]
            decision = run.book.decisions.get((info.code, info.side if info.table == "people" else None)) or {}
            decided, number = decision.get("level"), decision.get("number")
            if decided is not None and decided != outcome.final_rating:
                final = outcome.final_rating.value if outcome.final_rating else outcome.status
                items.append(
                    Item(
                        "decision_differs",
                        (sid,),
                        f"{info.name} ({sid}): cấp trên đã quyết định {decided.value}"
                        f"{f' ({number})' if number else ''} nhưng theo quy định "
                        f"là {final}.",
                        proposal="Cấp có thẩm quyền xem xét lại quyết định hoặc ghi rõ lý do giữ nguyên.",
                    )
                )
            lines.append(
                SubjectLine(
                    id=sid,
                    code=info.code,
                    table=info.table,
                    name=info.name,
                    kind=info.kind,
                    side=info.side,
                    layer=outcome.layer,
                    rulebook=engine.rulebook_name or engine.rulebook,
                    status=outcome.status,
                    self_level=self_levels[sid],
                    engine_level=outcome.engine_rating,
                    final_level=outcome.final_rating,
                    decided_level=decided,
                    decision_number=number or "",
                    main_reason=main_reason(outcome.reasons, outcome.adjustments, outcome.final_rating),
                    reasons=outcome.reasons,
                    assumptions=engine.assumptions,
                    note=info.note,
                )
            )
    by_subject: dict[str, list[Item]] = {}
    for item in items:
        for sid in item.subject_ids:
            by_subject.setdefault(sid, []).append(item)
    lines = [_with_items(line, tuple(by_subject.get(line.id, ()))) for line in lines]
    return lines, items


def _with_items(line: SubjectLine, items: tuple[Item, ...]) -> SubjectLine:
    return replace(line, items=items)


def _proposal(kind: str, has_quota: bool) -> str:
    if kind == "quota_excess" and has_quota:
        return (
            "Chuyển xuống HTTNV những chủ thể được đề nghị (ít phiếu, ít điểm nhất), hoặc ghi ngoại lệ có thẩm quyền."
        )
    return {
        "self_level_above_final": "Giải thích cho chủ thể căn cứ xếp loại.",
        "voted_level_above_final": "Giải trình với hội nghị lý do mức cuối cùng thấp hơn kết quả bỏ phiếu.",
        "final_above_voted_level": "Giải trình lý do mức cao hơn kết quả bỏ phiếu, hoặc hạ mức.",
        "needs_facts": "Bổ sung dữ kiện còn thiếu vào sổ và chạy lại.",
        "quota_group_missing": "Ghi cột Nhóm so sánh (tỷ lệ) trong sheet Tự đánh giá.",
        "rulebook_unknown": "Kiểm tra kỳ và loại chủ thể.",
        "cap_unverifiable": "Xếp loại tập thể, đơn vị trước rồi chạy lại.",
    }.get(kind, "Cấp có thẩm quyền xem xét.")


def level_counts(lines: list[SubjectLine]) -> dict[str, Counter[str]]:
    """Counts by level (or status when not rated) per kind label, for the summaries."""
    counts: dict[str, Counter[str]] = {label: Counter() for label in KIND_LABELS.values()}
    for line in lines:
        key = line.final_level.value if line.final_level else line.status
        counts[KIND_LABELS[line.kind]][key] += 1
    return {label: count for label, count in counts.items() if count}

"""The terminal summary of a review run: counts by level per kind of subject (with shares written
the Vietnamese way, 12,5%) and the items needing a human decision."""

from __future__ import annotations

from collections import Counter

from kiemdiem.workbook.outcome import Item, SubjectLine, level_counts

COLUMNS = (
    ("HTXSNV", "HTXSNV"),
    ("HTTNV", "HTTNV"),
    ("HTNV", "HTNV"),
    ("KHTNV", "KHTNV"),
    ("review_only", "Chỉ KĐ"),
    ("not_rated", "Không XL"),
    ("needs_facts", "Thiếu DK"),
)


def percent(part: int, whole: int) -> str:
    """``12,5%`` (one decimal, comma as the decimal mark); ``0%`` for an empty whole."""
    if whole == 0:
        return "0%"
    text = f"{100 * part / whole:.1f}".replace(".", ",")
    return (text[:-2] if text.endswith(",0") else text) + "%"


def summary_text(lines: list[SubjectLine], items: list[Item], *, shown_items: int = 20) -> str:
    """The summary as printed: a table of counts, then the items (at most ``shown_items``)."""
    counts = level_counts(lines)
    total: Counter[str] = Counter()
    for count in counts.values():
        total.update(count)
    width = max(len(kind) for kind in [*counts, "Cộng"])
    header = f"{'Loại chủ thể':<{width}}  " + "  ".join(f"{label:>9}" for _, label in COLUMNS) + "   Tổng"
    out = [f"Kết quả xếp loại — {len(lines)} chủ thể", header]
    for kind, count in [*counts.items(), ("Cộng", total)]:
        cells = "  ".join(f"{count.get(key, 0):>9}" for key, _ in COLUMNS)
        out.append(f"{kind:<{width}}  {cells}  {sum(count.values()):>5}")
    rated = sum(total.get(key, 0) for key in ("HTXSNV", "HTTNV", "HTNV", "KHTNV"))
    shares = ", ".join(f"{key} {percent(total.get(key, 0), rated)}" for key in ("HTXSNV", "HTTNV", "HTNV", "KHTNV"))
    out.append(f"Tỷ lệ trên {rated} chủ thể được xếp loại: {shares}.")
    unconfirmed = sum(1 for line in lines if line.unconfirmed)
    if unconfirmed:
        out.append(
            f"{unconfirmed} chủ thể có lý do dựa trên quy định chưa xác nhận văn bản gốc "
            "(cột “Có quy định chưa xác nhận”)."
        )
    by_kind = Counter(item.label for item in items)
    out.append("")
    out.append(f"Cần cấp có thẩm quyền xem xét: {len(items)} việc" + (
        " (" + "; ".join(f"{label}: {n}" for label, n in by_kind.items()) + ")" if items else ""))  # fmt: skip
    ordered = sorted(items, key=lambda item: item.kind not in ("quota_excess", "decision_differs", "needs_facts"))
    for item in ordered[:shown_items]:
        out.append(f"  - [{item.label}] {item.text}")
    if len(items) > shown_items:
        out.append(f"  … và {len(items) - shown_items} việc khác (sheet “Cần quyết định” của sổ kết quả).")
    return "\n".join(out)

"""The 100-point state decrees: NĐ 335/2025 (công chức) and NĐ 233/2026 (viên chức).

Bands include their lower bound and cover every value (pitfall 1): HTXSNV ≥ 90, HTTNV ≥ 70,
HTNV ≥ 50, KHTNV below 50 or a listed case. Sources: ../shared/domain/rules.md §5 (NĐ 335),
rules-confirmations.md §(6) (NĐ 233, read in full from an OCR copy).
"""

from __future__ import annotations

from kiemdiem.rules.conditions import Condition, num
from kiemdiem.rules.levels import Level
from kiemdiem.rules.rulebooks._common import (
    A_DEGRADATION,
    A_DISCIPLINE,
    DISC_ABSENT,
    Book,
    col,
    disc_form_at_least,
)


def score_levels(b: Book, prefix: str, cites: str) -> dict[Level, list[Condition]]:
    """HTXSNV/HTTNV/HTNV by score; ``cites`` is a template with ``{k}`` for the clause number."""
    out = {}
    for k, (lvl, param) in enumerate(
        ((Level.HTXSNV, "score_excellent"), (Level.HTTNV, "score_good"), (Level.HTNV, "score_complete")), start=1
    ):
        t = b.p(param)
        out[lvl] = [
            b.cond(
                f"{prefix}.{lvl.value.lower()}.score",
                cites.format(k=k),
                col("score.total") >= t,
                f"Đạt từ {num(t)} điểm trở lên.",
                f"Chưa đạt {num(t)} điểm.",
                params=(param,),
            )
        ]
    return out


def score_triggers(b: Book, prefix: str, cites: str) -> list[Condition]:
    t = b.p("score_complete")
    return [
        b.cond(
            f"{prefix}.k.score",
            cites.format(k=4),
            col("score.total") < t,
            f"Đạt dưới {num(t)} điểm.",
            f"Đạt từ {num(t)} điểm trở lên.",
            params=("score_complete",),
        ),
        b.cond(
            f"{prefix}.k.degradation",
            cites.format(k=4),
            col("degradation"),
            "Bị kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
            "Không bị kết luận suy thoái.",
            default=False,
            assumption=A_DEGRADATION,
        ),
        b.cond(
            f"{prefix}.k.discipline",
            cites.format(k=4),
            disc_form_at_least(b.p("min_discipline_form")),
            "Vi phạm liên quan đến thực thi công vụ, nhiệm vụ bị kỷ luật từ khiển trách trở lên trong năm.",
            "Không bị kỷ luật từ khiển trách trở lên vì vi phạm liên quan đến công vụ, nhiệm vụ trong năm.",
            params=("min_discipline_form",),
            assume_when=DISC_ABSENT,
            assumption=A_DISCIPLINE,
        ),
    ]

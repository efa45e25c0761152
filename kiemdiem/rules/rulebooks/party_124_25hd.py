"""124-QĐ/TW (4/10/2023) + 25-HD/BTCTW (10/11/2023): the review years 2023–2024.

Sources: ../shared/domain/rules.md §3, §9.2; rules-confirmations.md §(1) (the level wording of
Điều 12 very probably covers individuals too: encoded for party members with
``confirmed=False``), §(5) (no head cap found: unconfirmed), §(8) (sick leave under 25-HD not
confirmed: the 21-HD cap is kept as an unconfirmed, switchable condition).
"""

from __future__ import annotations

import polars as pl

from kiemdiem.rules.conditions import Cap, KindRules, pct
from kiemdiem.rules.facts import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebook import PARTY_KINDS, Rulebook
from kiemdiem.rules.rulebooks._common import (
    A_COLLECTIVE_DISCIPLINED,
    A_DEGRADATION,
    A_DISCIPLINE,
    A_DISUNITY,
    A_LEAVE,
    A_LED_UNITS,
    A_UNITS_DISCIPLINED,
    DISC_ABSENT,
    Book,
    any_grade_kem,
    col,
    disc,
    grades_at_least,
    party_exclusions,
    share,
    state_and_head_caps,
    state_rating_trigger,
)

K4 = "124-QĐ/TW, Điều 12 khoản 4"


def build(kind: SubjectKind, p: Params) -> KindRules:
    b = Book(p)
    individual = kind == SubjectKind.PARTY_MEMBER
    ids = INDIVIDUAL_CRITERIA if individual else COLLECTIVE_CRITERIA
    others = tuple(c for c in ids if c != "task_results")
    levels = {
        Level.HTXSNV: [
            b.cond(
                "r124.x.criteria",
                "124-QĐ/TW, Điều 12 khoản 1",
                (col("criteria.task_results") >= 3) & grades_at_least(others, 2),
                "Các tiêu chí đạt Tốt trở lên, kết quả thực hiện nhiệm vụ đạt Xuất sắc.",
                "Chưa đủ điều kiện mức xuất sắc: kết quả nhiệm vụ chưa Xuất sắc hoặc có tiêu chí dưới Tốt.",
                confirmed=not individual,
            )
        ],
        Level.HTTNV: [
            b.cond(
                "r124.t.criteria",
                "124-QĐ/TW, Điều 12 khoản 2",
                (col("criteria.task_results") >= 2) & grades_at_least(others, 1),
                "Các tiêu chí đạt Trung bình trở lên, kết quả thực hiện nhiệm vụ đạt Tốt trở lên.",
                "Chưa đủ điều kiện mức tốt: kết quả nhiệm vụ dưới Tốt hoặc có tiêu chí Kém.",
                confirmed=not individual,
            )
        ],
        Level.HTNV: [
            b.cond(
                "r124.n.criteria",
                "124-QĐ/TW, Điều 12 khoản 3",
                grades_at_least(ids, 1),
                "Các tiêu chí cơ bản đạt Trung bình trở lên.",
                "Có tiêu chí bị đánh giá Kém.",
                confirmed=not individual,
            )
        ],
    }
    triggers = [
        b.cond(
            "r124.k.kem",
            K4,
            any_grade_kem(ids),
            "Có tiêu chí bị đánh giá ở cấp độ Kém.",
            "Không có tiêu chí nào ở cấp độ Kém.",
        ),
        b.cond(
            "r124.k.targets",
            K4,
            (col("led_units.targets_completed_share") < p("led_targets_min_share"))
            & col("led_units.key_targets_missed")
            & ~col("led_units.force_majeure").fill_null(False),
            f"Đơn vị trực tiếp lãnh đạo, quản lý hoàn thành dưới {pct(p('led_targets_min_share'))} chỉ tiêu, "
            "các chỉ tiêu chủ yếu không đạt, không do bất khả kháng.",
            "Không thuộc trường hợp đơn vị hoàn thành dưới ngưỡng chỉ tiêu với chỉ tiêu chủ yếu không đạt.",
            params=("led_targets_min_share",),
            default=False,
            assumption=A_LED_UNITS,
        ),
        b.cond(
            "r124.k.degradation",
            K4,
            col("degradation"),
            "Bị kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”.",
            "Không bị kết luận suy thoái.",
            default=False,
            assumption=A_DEGRADATION,
        ),
    ]
    if individual:
        return _member(b, levels, triggers)
    return _collective(b, levels, triggers)


def _member(b: Book, levels: dict, triggers: list) -> KindRules:
    p = b.p
    exclusions = party_exclusions(b, "r124", "124-QĐ/TW, Điều 5 khoản 2")
    triggers = [
        b.cond(
            "r124.i.k.discipline",
            f"{K4} tiểu mục 4.3 điểm d",
            disc("discipline.any_unremedied"),
            "Bị kỷ luật trong năm, không thuộc trường hợp tự phát hiện và khắc phục xong hậu quả.",
            "Không bị kỷ luật trong năm, hoặc đã tự phát hiện và khắc phục xong hậu quả.",
            assume_when=DISC_ABSENT,
            assumption=A_DISCIPLINE,
        ),
        *triggers,
        state_rating_trigger(
            b,
            "r124.i.k.state",
            "124-QĐ/TW, Điều 3",
            "Bị xếp loại không hoàn thành nhiệm vụ bên chính quyền (kết quả cán bộ, công chức, viên chức là căn cứ).",
            confirmed=False,
        ),
    ]
    caps = [
        *state_and_head_caps(
            b,
            state=(
                "r124.i.cap.state",
                "124-QĐ/TW, Điều 3",
                "Chưa được xếp loại xuất sắc bên chính quyền thì không xếp loại hoàn thành xuất sắc nhiệm vụ.",
                "",
            ),
            head=(
                "r124.i.cap.head",
                "124-QĐ/TW, Điều 3",
                "Người đứng đầu không được xếp loại cao hơn tập thể do mình đứng đầu.",
                "",
            ),
            confirmed=False,
        ),
        Cap(
            b.cond(
                "r124.i.cap.sick",
                "25-HD/BTCTW",
                col("leave.sick_months") >= p("sick_leave_cap_months"),
                f"Nghỉ ốm từ {p('sick_leave_cap_months')} tháng trở lên trong năm: không xếp loại từ mức "
                "hoàn thành tốt nhiệm vụ trở lên.",
                "",
                params=("sick_leave_cap_months",),
                default=False,
                assumption=A_LEAVE,
            ),
            pl.lit(Level.HTNV.rank),
        ),
    ]
    return KindRules(exclusions, triggers, levels, caps, [])


def _collective(b: Book, levels: dict, triggers: list) -> KindRules:
    p = b.p
    clean = (col("led_units.disciplined").fill_null(0) == 0) & (col("members.disciplined").fill_null(0) == 0)
    levels[Level.HTXSNV].append(
        b.cond(
            "r124.c.x.no_discipline",
            "124-QĐ/TW, Điều 12 khoản 1",
            clean,
            "Không có tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật.",
            "Có tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật: không thể xếp loại xuất sắc.",
            assume_when=col("led_units.disciplined").is_null() & col("members.disciplined").is_null(),
            assumption=A_UNITS_DISCIPLINED,
        )
    )
    triggers = [
        *triggers,
        b.cond(
            "r124.c.k.disciplined",
            K4,
            col("collective_disciplined"),
            "Tập thể lãnh đạo, quản lý bị kỷ luật trong năm.",
            "Tập thể không bị kỷ luật trong năm.",
            default=False,
            assumption=A_COLLECTIVE_DISCIPLINED,
        ),
        b.cond(
            "r124.c.k.units_disciplined",
            K4,
            share(col("led_units.disciplined"), col("led_units.total")) > p("units_disciplined_max_share"),
            f"Trên {pct(p('units_disciplined_max_share'))} tổ chức trực thuộc bị kỷ luật trong năm.",
            f"Không quá {pct(p('units_disciplined_max_share'))} tổ chức trực thuộc bị kỷ luật.",
            params=("units_disciplined_max_share",),
            default=False,
            assumption=A_UNITS_DISCIPLINED,
        ),
        b.cond(
            "r124.c.k.disunity",
            K4,
            col("disunity"),
            "Nội bộ mất đoàn kết.",
            "Không có kết luận mất đoàn kết.",
            default=False,
            assumption=A_DISUNITY,
        ),
    ]
    return KindRules([], triggers, levels, [], [])


RULEBOOK = Rulebook(
    code="party-124-25hd",
    name="124-QĐ/TW + 25-HD/BTCTW",
    module="party_124_25hd",
    first_year=2023,
    last_year=2024,
    kinds=PARTY_KINDS,
    build=build,
)

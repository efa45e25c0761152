"""Nghị định 90/2020/NĐ-CP (in force 20/8/2020), alone or as amended by 48/2023/NĐ-CP (15/9/2023).

Cán bộ Điều 4–7, công chức Điều 8–11, viên chức Điều 12–15; time worked Điều 2 khoản 3.
Sources: ../shared/domain/rules.md §5, §9.4. The viên chức level texts (Điều 12–14) were read;
the công chức and cán bộ HTTNV/HTNV texts were not and are encoded in parallel, unconfirmed.
"""

from __future__ import annotations

import polars as pl

from kiemdiem.rules.conditions import Cap, Condition, Exclusion, KindRules, pct
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebooks._common import (
    A_DEGRADATION,
    A_DISCIPLINE,
    A_DISCIPLINE_DUTY,
    A_EXCEEDED,
    A_GENERAL,
    A_LATE,
    A_LEAVE,
    A_LED_UNITS,
    A_MONTHS,
    A_MONTHS_FROM_LEAVE,
    DISC_ABSENT,
    EXCEEDED_ASSUMED,
    LATE_ASSUMED,
    LEAVE_WITHOUT_MONTHS,
    Book,
    at_least_share,
    col,
    disc,
    exceeded_share_or_zero,
    late_share,
    leader,
    leader_assumed_note,
    months_worked_in_year,
    tasks_share,
)

ND90 = "90/2020/NĐ-CP"
ND48 = "48/2023/NĐ-CP, Điều 1 (khoản 5 Điều 2 Nghị định 90/2020/NĐ-CP)"
# article numbers per kind: HTXSNV, HTTNV, HTNV, KHTNV
ARTICLES = {
    SubjectKind.CADRE: (4, 5, 6, 7),
    SubjectKind.CIVIL_SERVANT: (8, 9, 10, 11),
    SubjectKind.PUBLIC_EMPLOYEE: (12, 13, 14, 15),
}


def build(kind: SubjectKind, p: Params, amended: bool) -> KindRules:
    """The rules of NĐ 90 (``amended``: with NĐ 48/2023) for cán bộ, công chức or viên chức."""
    b = Book(p)
    x, t, n, k = (f"{ND90}, Điều {a}" for a in ARTICLES[kind])
    # Cán bộ hold elected leadership posts: their criteria are the leaders' (Điều 4).
    is_leader = pl.lit(True) if kind == SubjectKind.CADRE else leader()
    read = kind == SubjectKind.PUBLIC_EMPLOYEE  # Điều 12–14 were read; 8–10 / 4–6 only HTXSNV
    own_on_time = (tasks_share("completed") >= 1) & (tasks_share("on_time") >= 1) & (late_share() == 0)
    own_done = (tasks_share("completed") >= 1) & (late_share() <= p("late_max_share"))
    units_all = at_least_share("led_units", Level.HTNV) >= 1
    units_good = at_least_share("led_units", Level.HTTNV) >= p("units_good_min_share")
    led_all = col("led_units.targets_completed_share") >= 1
    led_exceeded = col("led_units.exceeded_share").fill_null(0) >= p("exceeded_min_share")
    ex = pct(p("exceeded_min_share"))
    levels = {
        Level.HTXSNV: [
            b.cond(
                "rnd90.x.tasks",
                f"{x} khoản 1, khoản 2",
                pl.when(is_leader)
                .then(own_on_time & led_all & led_exceeded & units_all & units_good)
                .otherwise(own_on_time & (exceeded_share_or_zero() >= p("exceeded_min_share"))),
                f"Hoàn thành 100% nhiệm vụ đúng tiến độ, chất lượng cao, ít nhất {ex} vượt mức "
                f"(người quản lý: đơn vị hoàn thành mọi chỉ tiêu, ít nhất {ex} vượt mức; 100% đơn vị thuộc quyền "
                f"hoàn thành nhiệm vụ trở lên, ít nhất {pct(p('units_good_min_share'))} hoàn thành tốt trở lên).",
                f"Chưa đủ điều kiện mức xuất sắc (100% nhiệm vụ đúng hạn và ít nhất {ex} vượt mức).",
                params=("exceeded_min_share", "units_good_min_share"),
                assume_when=(~is_leader & EXCEEDED_ASSUMED)
                | (is_leader & col("led_units.exceeded_share").is_null() & col("led_units.total").is_not_null()),
                assumption=A_EXCEEDED,
            )
        ],
        Level.HTTNV: [
            b.cond(
                "rnd90.t.tasks",
                f"{t} khoản 1, khoản 2",
                pl.when(is_leader)
                .then(
                    own_on_time
                    & led_all
                    & (col("led_units.on_time_share") >= p("led_on_time_min_share"))
                    & units_all
                    & units_good
                )
                .otherwise(own_on_time),
                "Hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng (người quản lý: đơn vị hoàn thành mọi chỉ "
                f"tiêu, ít nhất {pct(p('led_on_time_min_share'))} đúng hạn; 100% đơn vị thuộc quyền hoàn "
                "thành nhiệm vụ "
                f"trở lên, ít nhất {pct(p('units_good_min_share'))} hoàn thành tốt trở lên).",
                "Chưa đủ điều kiện mức tốt (100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng).",
                confirmed=read,
                params=("led_on_time_min_share", "units_good_min_share"),
            )
        ],
        Level.HTNV: [
            b.cond(
                "rnd90.n.tasks",
                f"{n} khoản 1, khoản 2",
                pl.when(is_leader)
                .then(
                    own_done
                    & (col("led_units.targets_completed_share") > p("led_completed_min_share"))
                    & (at_least_share("led_units", Level.HTNV) >= p("units_complete_min_share"))
                )
                .otherwise(own_done),
                f"Hoàn thành các nhiệm vụ, không quá {pct(p('late_max_share'))} chậm tiến độ hoặc chưa "
                "bảo đảm chất lượng "
                f"(người quản lý: đơn vị hoàn thành trên {pct(p('led_completed_min_share'))} chỉ tiêu, ít nhất "
                f"{pct(p('units_complete_min_share'))} đơn vị thuộc quyền hoàn thành nhiệm vụ trở lên).",
                f"Chưa hoàn thành các nhiệm vụ hoặc trên {pct(p('late_max_share'))} chậm tiến độ, chưa "
                "bảo đảm chất lượng.",
                confirmed=read,
                params=("late_max_share", "led_completed_min_share", "units_complete_min_share"),
            ),
            b.cond(
                "rnd90.general",
                f"{x}–{n.split('Điều ')[1]} (tiêu chí chung)",
                pl.lit(True),
                "",
                "",
                assume_when=pl.lit(True),
                assumption=A_GENERAL,
            ),
        ],
    }
    triggers = _triggers(b, kind, k, amended)
    # Reviews under NĐ 90 are yearly: without months_worked, a declared leave still tells the time worked.
    worked, from_leave = months_worked_in_year(), LEAVE_WITHOUT_MONTHS
    exclusions = [
        Exclusion(
            b.cond(
                "rnd90.excl.months",
                f"{ND90}, Điều 2 khoản 3",
                (worked < p("min_months_worked")) & ~(col("leave.maternity_months").fill_null(0) > 0),
                f"Thời gian công tác dưới {p('min_months_worked')} tháng trong năm (không do nghỉ thai sản): "
                "kiểm điểm nhưng không đánh giá, xếp loại.",
                f"Thời gian công tác từ {p('min_months_worked')} tháng trở lên (hoặc nghỉ thai sản): vẫn "
                "đánh giá, xếp loại "
                "theo thời gian công tác thực tế.",
                params=("min_months_worked",),
                default=False,
                assumption=A_MONTHS,
            ),
            "review_only",
        )
    ]
    absent = pl.sum_horizontal([col(f"leave.{k}_months") for k in ("sick", "personal", "study", "other")]).fill_null(0)
    has_leave = col("leave.sick_months").is_not_null()
    caps = [
        Cap(
            b.cond(
                "rnd90.cap.absent",
                f"{ND90}, Điều 2 khoản 3",
                pl.when(has_leave).then((absent >= p("absent_cap_from_months")) & (absent < p("min_months_worked"))),
                f"Nghỉ từ {p('absent_cap_from_months')} tháng đến dưới {p('min_months_worked')} tháng trong năm: "
                "được đánh giá nhưng cao nhất là mức hoàn thành nhiệm vụ.",
                "",
                params=("absent_cap_from_months", "min_months_worked"),
                default=False,
                assumption=A_LEAVE,
            ),
            pl.lit(Level.HTNV.rank),
        )
    ]
    notes = [] if kind == SubjectKind.CADRE else [leader_assumed_note(b, "rnd90.note.leader", f"{x} khoản 2")]
    notes.append(
        b.cond(
            "rnd90.note.absent_boundary",
            f"{ND90}, Điều 2 khoản 3",
            has_leave & (absent == p("min_months_worked")) & ~(worked < p("min_months_worked")).fill_null(False),
            f"Nghỉ đúng {p('min_months_worked')} tháng: văn bản chỉ nói công tác dưới {p('min_months_worked')} tháng "
            f"(không xếp loại) và nghỉ từ {p('absent_cap_from_months')} đến dưới {p('min_months_worked')} tháng "
            "(cao nhất là hoàn thành nhiệm vụ); xếp loại không giới hạn mức là cách hiểu chưa xác nhận.",
            "",
            confirmed=False,
            params=("min_months_worked", "absent_cap_from_months"),
        )
    )
    notes.append(
        b.cond(
            "rnd90.note.months",
            f"{ND90}, Điều 2 khoản 3",
            from_leave,
            "",
            "",
            assume_when=from_leave,
            assumption=A_MONTHS_FROM_LEAVE,
        )
    )
    notes += [
        b.cond(
            "rnd90.note.maternity",
            f"{ND90}, Điều 2 khoản 3",
            col("leave.maternity_months") > 0,
            "Nghỉ thai sản: đánh giá, xếp loại theo thời gian công tác thực tế.",
            "",
        )
    ]
    return KindRules(exclusions, triggers, levels, caps, notes, floor_gap=k)


def _triggers(b: Book, kind: SubjectKind, k: str, amended: bool) -> list[Condition]:
    p = b.p
    triggers = [
        b.cond(
            "rnd90.k.degradation",
            k,
            col("degradation"),
            "Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
            "Không bị kết luận suy thoái.",
            confirmed=kind == SubjectKind.CIVIL_SERVANT,
            default=False,
            assumption=A_DEGRADATION,
        ),
        b.cond(
            "rnd90.k.late",
            k,
            late_share() > p("late_khtnv_share"),
            f"Trên {pct(p('late_khtnv_share'))} nhiệm vụ chưa bảo đảm tiến độ, chất lượng, hiệu quả.",
            f"Không quá {pct(p('late_khtnv_share'))} nhiệm vụ chậm tiến độ hoặc chưa bảo đảm chất lượng.",
            confirmed=kind == SubjectKind.CIVIL_SERVANT,
            params=("late_khtnv_share",),
            assume_when=LATE_ASSUMED,
            assumption=A_LATE,
        ),
        b.cond(
            "rnd90.k.discipline_duty",
            k,
            disc("discipline.any_duty"),
            "Có hành vi vi phạm trong thực thi nhiệm vụ, công vụ bị xử lý kỷ luật trong năm đánh giá.",
            "Không bị kỷ luật vì vi phạm trong thực thi nhiệm vụ trong năm.",
            confirmed=kind == SubjectKind.CIVIL_SERVANT,
            assume_when=DISC_ABSENT,
            assumption=A_DISCIPLINE_DUTY,
        ),
    ]
    if kind == SubjectKind.CADRE:
        triggers.append(
            b.cond(
                "rnd90.k.led_units",
                k,
                col("led_units.targets_completed_share") < p("cadre_led_min_share"),
                f"Cơ quan, tổ chức, đơn vị hoặc lĩnh vực được giao phụ trách hoàn thành dưới "
                f"{pct(p('cadre_led_min_share'))} chỉ tiêu, nhiệm vụ.",
                f"Cơ quan, lĩnh vực phụ trách hoàn thành từ {pct(p('cadre_led_min_share'))} chỉ tiêu trở lên.",
                params=("cadre_led_min_share",),
                default=False,
                assumption=A_LED_UNITS,
            )
        )
    if amended:
        triggers.append(
            b.cond(
                "rnd48.k.discipline",
                ND48,
                disc("discipline.any"),
                "Bị xử lý kỷ luật đảng hoặc kỷ luật hành chính trong năm đánh giá (một vi phạm chỉ tính một năm).",
                "Không bị kỷ luật đảng, kỷ luật hành chính trong năm đánh giá (hoặc vi phạm đã được tính).",
                assume_when=DISC_ABSENT,
                assumption=A_DISCIPLINE,
            )
        )
    else:
        triggers.append(
            b.cond(
                "rnd90.k.discipline",
                k,
                disc("discipline.any"),
                "Bị xử lý kỷ luật trong năm đánh giá, kể cả vi phạm ngoài thực thi công vụ (theo trả lời "
                "của cơ quan có thẩm quyền).",
                "Không bị xử lý kỷ luật trong năm đánh giá.",
                confirmed=False,
                assume_when=DISC_ABSENT,
                assumption=A_DISCIPLINE,
            )
        )
    return triggers

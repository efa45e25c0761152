"""Building blocks shared by the rulebooks: fact expressions, assumption sentences, a builder.

Only expressions and sentences live here; which rule applies, its citation and threshold belong
to each rulebook module and its parameter file.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from kiemdiem.rules.conditions import Cap, Condition, Exclusion
from kiemdiem.rules.discipline import FORMS
from kiemdiem.rules.facts import LEAVE_KINDS
from kiemdiem.rules.levels import Level
from kiemdiem.rules.params import Params


def col(name: str) -> pl.Expr:
    return pl.col(name)


def share(numerator: pl.Expr, denominator: pl.Expr) -> pl.Expr:
    """numerator / denominator; null when the denominator is missing or zero."""
    return pl.when(denominator > 0).then(numerator / denominator)


def tasks_share(key: str) -> pl.Expr:
    """Share of the own assigned tasks that are ``key`` (completed, on_time, exceeded, late_or_low_quality)."""
    return share(col(f"tasks.{key}"), col("tasks.assigned"))


def exceeded_share_or_zero() -> pl.Expr:
    """Share of own tasks exceeded, an absent ``tasks.exceeded`` read as 0 when tasks are given."""
    return share(col("tasks.exceeded").fill_null(0), col("tasks.assigned"))


EXCEEDED_ASSUMED = col("tasks.exceeded").is_null() & col("tasks.assigned").is_not_null()


def at_least_share(prefix: str, level: Level) -> pl.Expr:
    """Share of units/members (``prefix`` = ``led_units`` or ``members``) rated ``level`` or above."""
    below = [col(f"{prefix}.ratings.{lvl.value}") for lvl in Level if lvl.rank < level.rank]
    counted = pl.sum_horizontal(below) if below else pl.lit(0.0)
    # The facts step fills every level once a ratings map is given: KHTNV null = no ratings at all.
    given = col(f"{prefix}.ratings.{Level.KHTNV.value}").is_not_null()
    return pl.when(given).then(1 - share(counted, col(f"{prefix}.total")))


def rating_share(prefix: str, level: Level) -> pl.Expr:
    return share(col(f"{prefix}.ratings.{level.value}"), col(f"{prefix}.total"))


def grades_at_least(ids: Sequence[str], grade: int) -> pl.Expr:
    """All the criteria ``ids`` graded ``grade`` or above (null while a grade is missing)."""
    return pl.all_horizontal([col(f"criteria.{i}") >= grade for i in ids])


def any_grade_kem(ids: Sequence[str]) -> pl.Expr:
    return pl.any_horizontal([col(f"criteria.{i}") == 0 for i in ids])


def form_rank(form: str) -> int:
    return FORMS[form]


def disc(name: str) -> pl.Expr:
    """A discipline aggregate; false when no discipline list was given (see :data:`DISC_ABSENT`),
    unknown when entries were given without the flags that decide it."""
    return pl.when(col("discipline.given")).then(col(name)).otherwise(pl.lit(False))


def disc_form_at_least(form: str) -> pl.Expr:
    """The highest counted duty-related discipline is ``form`` or heavier."""
    return pl.when(col("discipline.given")).then(col("discipline.duty_max_form") >= FORMS[form]).otherwise(False)


DISC_ABSENT = ~col("discipline.given").fill_null(False)


def late_share() -> pl.Expr:
    """Share of own tasks late or below quality; an absent count read as 0 when tasks are given."""
    return share(col("tasks.late_or_low_quality").fill_null(0), col("tasks.assigned"))


LATE_ASSUMED = col("tasks.late_or_low_quality").is_null() & col("tasks.assigned").is_not_null()


LEAVE_WITHOUT_MONTHS = col("months_worked").is_null() & col("leave.sick_months").is_not_null()


def months_worked_in_year() -> pl.Expr:
    """``months_worked``, or for a yearly review without it, 12 minus the months of declared leave
    (null when neither is given). The facts step fills every leave kind once a list is given."""
    all_leave = pl.sum_horizontal([col(f"leave.{k}_months") for k in LEAVE_KINDS])
    return pl.coalesce(col("months_worked"), pl.when(LEAVE_WITHOUT_MONTHS).then(12 - all_leave))


def leader() -> pl.Expr:
    """holds_leadership, absent read as false (see :data:`A_LEADER`)."""
    return col("holds_leadership").fill_null(False)


LEADER_ASSUMED = col("holds_leadership").is_null()

# Assumption sentences (Vietnamese), shown in the output whenever a default decided a value.
A_DISCIPLINE = "Không khai kỷ luật (discipline): coi như không bị kỷ luật trong kỳ."
A_DISCIPLINE_DUTY = (
    "Không khai kỷ luật, hoặc không rõ vi phạm có trong thực thi công vụ không (in_public_duty): coi như không."
)
A_DEGRADATION = "Không khai kết luận suy thoái (degradation): coi như không có."
A_DISUNITY = "Không khai kết luận mất đoàn kết (disunity): coi như không có."
A_COLLECTIVE_DISCIPLINED = "Không khai việc tập thể bị kỷ luật (collective_disciplined): coi như không."
A_LED_UNITS = "Không khai kết quả chỉ tiêu của đơn vị, lĩnh vực phụ trách (led_units): coi như không dưới ngưỡng."
A_UNITS_DISCIPLINED = "Không khai số đơn vị, thành viên bị kỷ luật: coi như không có."
A_UNITS_KHTNV = "Không khai xếp loại của các đơn vị thuộc quyền: coi như không quá ngưỡng không hoàn thành nhiệm vụ."
A_MONTHS = "Không khai số tháng công tác (months_worked): coi như công tác đủ kỳ."
A_MONTHS_FROM_LEAVE = (
    "Không khai số tháng công tác (months_worked): tính bằng 12 tháng trừ các lần nghỉ đã khai (leave)."
)
A_EXEMPTION = "Không khai miễn, đình chỉ sinh hoạt (party.exemption): coi như không."
A_NEW_MEMBER = "Không khai thời gian từ khi kết nạp (party.months_since_admission): coi như từ 6 tháng trở lên."
A_LEAVE = "Không khai thời gian nghỉ (leave): coi như không nghỉ."
A_STATE = "Không khai kết quả xếp loại bên chính quyền (state_rating): coi như không ràng buộc."
A_HEAD = "Không khai là người đứng đầu hay không (is_head): coi như không."
A_REMEDIED = "Không khai tỷ lệ khắc phục hạn chế đã chỉ ra (remedied_share): coi như đã khắc phục 100%."
A_LATE = "Không khai số nhiệm vụ chậm tiến độ, chưa bảo đảm chất lượng (tasks.late_or_low_quality): coi như không có."
A_EXCEEDED = "Không khai số nhiệm vụ vượt mức (tasks.exceeded): coi như không có nhiệm vụ vượt mức."
A_LEADER = "Không khai chức vụ lãnh đạo, quản lý (holds_leadership): coi như không giữ chức vụ."
A_VOTES = "Không khai kết quả lấy phiếu tín nhiệm (low_confidence_vote_share): coi như không quá ngưỡng."
A_GENERAL = (
    "Các tiêu chí chung (chính trị, đạo đức, lối sống, tác phong, ý thức kỷ luật) không có trong định dạng: coi là đạt."
)


class Book:
    """Makes conditions for one rulebook: a condition is confirmed only if its text and every
    parameter it uses are confirmed."""

    def __init__(self, p: Params) -> None:
        self.p = p

    def cond(
        self,
        id: str,
        cites: str,
        expr: pl.Expr,
        text: str,
        text_false: str,
        *,
        confirmed: bool = True,
        params: Sequence[str] = (),
        default: bool | None = None,
        assume_when: pl.Expr | None = None,
        assumption: str | None = None,
    ) -> Condition:
        ok = confirmed and all(self.p.confirmed(n) for n in params)
        return Condition(id, cites, expr, text, text_false, ok, default, assume_when, assumption)


def party_exclusions(b: Book, prefix: str, cites: str) -> list[Exclusion]:
    """Members neither reviewed nor rated under 124-QĐ/TW Điều 5 k2 and 366-QĐ/TW Điều 5 k2 tiết 2.1:
    exempted from work and activity, suspended from party activity, admitted < ``new_member_months``."""
    months = b.p("new_member_months")
    tests = (
        (
            "exempt",
            col("party.exemption") == "exempt_work_and_activity",
            "Đảng viên được miễn công tác và sinh hoạt đảng: không kiểm điểm, không xếp loại.",
            "Đảng viên không được miễn công tác và sinh hoạt đảng.",
            (),
            A_EXEMPTION,
        ),
        (
            "suspended",
            col("party.exemption") == "suspended_party_activity",
            "Đảng viên đang bị đình chỉ sinh hoạt đảng: không kiểm điểm, không xếp loại.",
            "Đảng viên không bị đình chỉ sinh hoạt đảng.",
            (),
            A_EXEMPTION,
        ),
        (
            "new",
            col("party.months_since_admission") < months,
            f"Đảng viên kết nạp chưa đủ {months} tháng: không kiểm điểm, không xếp loại.",
            f"Đảng viên đã kết nạp từ {months} tháng trở lên.",
            ("new_member_months",),
            A_NEW_MEMBER,
        ),
    )
    return [
        Exclusion(
            b.cond(f"{prefix}.excl.{name}", cites, expr, text, text_false, params=params, default=False, assumption=a),
            "not_rated",
        )
        for name, expr, text, text_false, params, a in tests
    ]


def leader_assumed_note(b: Book, id: str, cites: str) -> Condition:
    """A silent note that records the "no leadership post" assumption whenever it was used."""
    return b.cond(id, cites, LEADER_ASSUMED, "", "", assume_when=LEADER_ASSUMED, assumption=A_LEADER)


def state_rating_trigger(b: Book, id: str, cites: str, text: str, *, confirmed: bool) -> Condition:
    """KHTNV when the member's state-side rating (``state_rating``) is KHTNV: the rating as cán bộ,
    công chức, viên chức is a basis of the party-member rating."""
    return b.cond(
        id,
        cites,
        col("state_rating") == Level.KHTNV.rank,
        text,
        "Kết quả xếp loại bên chính quyền không phải mức không hoàn thành nhiệm vụ.",
        confirmed=confirmed,
        default=False,
        assumption=A_STATE,
    )


def state_and_head_caps(
    b: Book,
    *,
    state: tuple[str, str, str, str],
    head: tuple[str, str, str, str],
    confirmed: bool,
) -> list[Cap]:
    """The two bounds a party member's level takes from levels given before it: below HTXSNV on
    the state side caps it at HTTNV; a head is capped at the level of the collective headed
    (``is_head`` with ``collective_rating``). ``state`` and ``head`` are (rule id, citation, text
    when the cap applies, text when it does not)."""
    state_id, state_cites, state_text, state_false = state
    head_id, head_cites, head_text, head_false = head
    return [
        Cap(
            b.cond(
                state_id,
                state_cites,
                col("state_rating") < Level.HTXSNV.rank,
                state_text,
                state_false,
                confirmed=confirmed,
                default=False,
                assumption=A_STATE,
            ),
            pl.lit(Level.HTTNV.rank),
        ),
        Cap(
            b.cond(
                head_id,
                head_cites,
                col("is_head") & col("collective_rating").is_not_null(),
                head_text,
                head_false,
                confirmed=confirmed,
                default=False,
                assumption=A_HEAD,
            ),
            col("collective_rating"),
        ),
    ]

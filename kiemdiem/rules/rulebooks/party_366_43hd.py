"""366-QĐ/TW (30/8/2025) + 43-HD/BTCTW (31/10/2025): the review year 2025 on, also quarters and terms.

100-point scale (30 common + 70 results). Sources: ../shared/domain/rules.md §4, §9.3;
rules-confirmations.md §(2), §(3) (Điều 11 k1–k4 confirmed), §(5) (no head cap found: kept
unconfirmed), §(8) (sick leave rated on actual work, no cap: 43-HD tiểu mục 7.5).
"""

from __future__ import annotations

import polars as pl

from kiemdiem.rules.conditions import Condition, KindRules, num, pct
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.periods import PeriodKind
from kiemdiem.rules.rulebook import PARTY_KINDS, Rulebook
from kiemdiem.rules.rulebooks._common import (
    A_DEGRADATION,
    A_DISCIPLINE,
    A_DISUNITY,
    A_EXCEEDED,
    A_LATE,
    A_LED_UNITS,
    A_REMEDIED,
    A_UNITS_DISCIPLINED,
    A_UNITS_KHTNV,
    A_VOTES,
    DISC_ABSENT,
    EXCEEDED_ASSUMED,
    LATE_ASSUMED,
    Book,
    col,
    disc_form_at_least,
    exceeded_share_or_zero,
    late_share,
    leader,
    leader_assumed_note,
    party_exclusions,
    rating_share,
    state_and_head_caps,
    state_rating_trigger,
    tasks_share,
)

D11 = "366-QĐ/TW, Điều 11"


def build(kind: SubjectKind, p: Params) -> KindRules:
    b = Book(p)
    if kind == SubjectKind.PARTY_MEMBER:
        return _member(b)
    return _collective(b, kind)


def _score(b: Book, lvl: Level, k: int, param: str) -> Condition:
    t = b.p(param)
    return b.cond(
        f"r366.{lvl.value.lower()}.score",
        f"{D11} khoản {k}",
        col("score.total") >= t,
        f"Đạt từ {num(t)} điểm trở lên.",
        f"Chưa đạt {num(t)} điểm.",
        params=(param,),
    )


def _own_tasks(b: Book, is_leader: pl.Expr, individual: bool) -> dict[Level, list[Condition]]:
    """Task conditions of k1–k3: own tasks (collective, non-leader) or led units' (leader)."""
    p = b.p
    on_time_all = (tasks_share("completed") >= 1) & (tasks_share("on_time") >= 1) & (late_share() == 0)
    exceeded = exceeded_share_or_zero() >= p("exceeded_min_share")
    done_all = (tasks_share("completed") >= 1) & (late_share() <= p("late_max_share"))
    led_on_time = col("led_units.on_time_share") >= 1
    led_exceeded = (col("led_units.targets_completed_share") >= 1) & (
        col("led_units.exceeded_share").fill_null(0) >= p("exceeded_min_share")
    )
    led_done = (col("led_units.targets_completed_share") >= 1) & (
        1 - col("led_units.on_time_share") <= p("late_max_share")
    )
    whose = " (người lãnh đạo: của các đơn vị trực tiếp lãnh đạo)" if individual else ""
    ex, late = pct(p("exceeded_min_share")), pct(p("late_max_share"))
    return {
        Level.HTXSNV: [
            b.cond(
                "r366.x.tasks",
                f"{D11} khoản 1",
                pl.when(is_leader).then(led_exceeded).otherwise(on_time_all & exceeded),
                f"Hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng, ít nhất {ex} vượt yêu cầu.",
                f"Chưa đạt: 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng và ít nhất {ex} vượt yêu cầu.",
                params=("exceeded_min_share",),
                assume_when=(~is_leader & EXCEEDED_ASSUMED)
                | (is_leader & col("led_units.exceeded_share").is_null() & col("led_units.total").is_not_null()),
                assumption=A_EXCEEDED,
            ),
            b.cond(
                "r366.x.remedied",
                f"{D11} khoản 1",
                col("remedied_share").fill_null(1.0) >= p("remedied_min_share"),
                "Khắc phục 100% hạn chế, khuyết điểm đã được chỉ ra.",
                "Chưa khắc phục hết hạn chế, khuyết điểm đã được chỉ ra: không thể xếp loại xuất sắc.",
                params=("remedied_min_share",),
                assume_when=col("remedied_share").is_null(),
                assumption=A_REMEDIED,
            ),
        ],
        Level.HTTNV: [
            b.cond(
                "r366.t.tasks",
                f"{D11} khoản 2",
                pl.when(is_leader).then(led_on_time).otherwise(on_time_all),
                f"Hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng{whose}.",
                "Chưa hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng.",
            )
        ],
        Level.HTNV: [
            b.cond(
                "r366.n.tasks",
                f"{D11} khoản 3",
                pl.when(is_leader).then(led_done).otherwise(done_all),
                f"Hoàn thành 100% nhiệm vụ, không quá {late} chậm tiến độ.",
                f"Chưa hoàn thành 100% nhiệm vụ hoặc trên {late} nhiệm vụ chậm tiến độ.",
                params=("late_max_share",),
                assume_when=~is_leader & LATE_ASSUMED,
                assumption=A_LATE,
            )
        ],
    }


def _levels(b: Book, is_leader: pl.Expr, individual: bool) -> dict[Level, list[Condition]]:
    tasks = _own_tasks(b, is_leader, individual)
    scores = {
        Level.HTXSNV: _score(b, Level.HTXSNV, 1, "score_excellent"),
        Level.HTTNV: _score(b, Level.HTTNV, 2, "score_good"),
        Level.HTNV: _score(b, Level.HTNV, 3, "score_complete"),
    }
    return {lvl: [scores[lvl], *tasks[lvl]] for lvl in scores}


def _score_trigger(b: Book) -> Condition:
    t = b.p("score_complete")
    return b.cond(
        "r366.k.score",
        f"{D11} khoản 4",
        col("score.total") < t,
        f"Đạt dưới {num(t)} điểm.",
        f"Đạt từ {num(t)} điểm trở lên.",
        params=("score_complete",),
    )


def _common_triggers(b: Book, who: pl.Expr) -> list[Condition]:
    p = b.p
    return [
        b.cond(
            "r366.k.discipline",
            f"{D11} khoản 4",
            who & disc_form_at_least(p("min_discipline_form")),
            "Vi phạm liên quan đến thực thi công vụ, nhiệm vụ bị kỷ luật từ khiển trách trở lên trong kỳ.",
            "Không bị kỷ luật từ khiển trách trở lên vì vi phạm liên quan đến công vụ trong kỳ.",
            params=("min_discipline_form",),
            assume_when=DISC_ABSENT,
            assumption=A_DISCIPLINE,
        ),
        b.cond(
            "r366.k.degradation",
            f"{D11} khoản 4",
            who & col("degradation"),
            "Bị kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”.",
            "Không bị kết luận suy thoái.",
            default=False,
            assumption=A_DEGRADATION,
        ),
    ]


def _member(b: Book) -> KindRules:
    p = b.p
    is_leader = leader()
    exclusions = party_exclusions(b, "r366", "366-QĐ/TW, Điều 5 khoản 2 tiết 2.1")
    k42 = f"{D11} khoản 4 điểm 4.2"
    triggers = [
        _score_trigger(b),
        *_common_triggers(b, pl.lit(True)),
        b.cond(
            "r366.i.k.tasks",
            f"{D11} khoản 4",
            ~is_leader & (1 - tasks_share("completed") > p("tasks_not_completed_max_share")),
            f"Trên {pct(p('tasks_not_completed_max_share'))} nhiệm vụ trong năm không hoàn thành.",
            f"Không quá {pct(p('tasks_not_completed_max_share'))} nhiệm vụ không hoàn thành.",
            params=("tasks_not_completed_max_share",),
        ),
        b.cond(
            "r366.l.k.units",
            k42,
            is_leader
            & (
                (col("led_units.targets_completed_share") < p("leader_units_min_share"))
                | col("led_units.basic_targets_missed").fill_null(False)
            ),
            f"Địa phương, đơn vị lãnh đạo hoàn thành dưới {pct(p('leader_units_min_share'))} nhiệm vụ kế hoạch năm "
            "hoặc không đạt các chỉ tiêu kinh tế – xã hội cơ bản.",
            "Đơn vị lãnh đạo không dưới ngưỡng hoàn thành nhiệm vụ.",
            params=("leader_units_min_share",),
            default=False,
            assumption=A_LED_UNITS,
        ),
        b.cond(
            "r366.l.k.units_khtnv",
            k42,
            is_leader & (rating_share("led_units", Level.KHTNV) > p("units_khtnv_max_share")),
            f"Trên {pct(p('units_khtnv_max_share'))} đơn vị thuộc phạm vi phụ trách không hoàn thành nhiệm vụ.",
            f"Không quá {pct(p('units_khtnv_max_share'))} đơn vị phụ trách không hoàn thành nhiệm vụ.",
            params=("units_khtnv_max_share",),
            default=False,
            assumption=A_UNITS_KHTNV,
        ),
        b.cond(
            "r366.l.k.votes",
            k42,
            is_leader & (col("low_confidence_vote_share") > p("low_confidence_max_share")),
            f"Trên {pct(p('low_confidence_max_share'))} phiếu tín nhiệm thấp khi lấy phiếu tín nhiệm trong năm.",
            "Phiếu tín nhiệm thấp không quá ngưỡng.",
            params=("low_confidence_max_share",),
            default=False,
            assumption=A_VOTES,
        ),
        state_rating_trigger(
            b,
            "r366.i.k.state",
            "366-QĐ/TW, Điều 3 khoản 4",
            "Kết quả xếp loại cán bộ, công chức, viên chức là căn cứ: bên chính quyền không hoàn thành nhiệm vụ.",
            confirmed=False,
        ),
    ]
    caps = state_and_head_caps(
        b,
        state=(
            "r366.i.cap.state",
            "366-QĐ/TW, Điều 3 khoản 4",
            "Kết quả bên chính quyền là căn cứ: chưa xuất sắc bên chính quyền thì không xếp loại xuất sắc.",
            "",
        ),
        head=(
            "r366.i.cap.head",
            "366-QĐ/TW, Điều 3 khoản 2",
            "Kết quả của người đứng đầu gắn với kết quả của đơn vị: không cao hơn mức của tập thể.",
            "",
        ),
        confirmed=False,
    )
    notes = [
        leader_assumed_note(b, "r366.note.leader", D11),
        b.cond(
            "r366.note.leave",
            "43-HD/BTCTW, tiểu mục 7.5",
            (col("leave.sick_months") > 0) | (col("leave.maternity_months") > 0),
            "Nghỉ ốm, nghỉ thai sản: đánh giá, xếp loại theo kết quả công tác thực tế (không giới hạn mức).",
            "",
        ),
        b.cond(
            "r366.note.committee",
            "43-HD/BTCTW, tiểu mục 7.7",
            col("party.exemption") == "suspended_committee_activity",
            "Cấp ủy viên bị đình chỉ sinh hoạt cấp ủy vẫn kiểm điểm tại chi bộ (thời gian trước khi đình chỉ).",
            "",
        ),
        b.cond(
            "r366.note.temporary",
            "43-HD/BTCTW, tiểu mục 7.6",
            col("party.temporary_membership"),
            "Đảng viên sinh hoạt tạm thời được kiểm điểm, xếp loại tại chi bộ chính thức, có nhận xét "
            "của chi bộ tạm thời.",
            "",
        ),
    ]
    return KindRules(exclusions, triggers, _levels(b, is_leader, True), caps, notes, floor_gap=f"{D11} khoản 4")


def _collective(b: Book, kind: SubjectKind) -> KindRules:
    p = b.p
    levels = _levels(b, pl.lit(False), False)
    levels[Level.HTXSNV].append(
        b.cond(
            "r366.c.x.no_discipline",
            f"{D11} khoản 1",
            (col("led_units.disciplined").fill_null(0) == 0) & (col("members.disciplined").fill_null(0) == 0),
            "Không có đơn vị trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật.",
            "Có đơn vị trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật: không thể xếp loại xuất sắc.",
            assume_when=col("led_units.disciplined").is_null() & col("members.disciplined").is_null(),
            assumption=A_UNITS_DISCIPLINED,
        )
    )
    triggers = [_score_trigger(b)]
    if kind == SubjectKind.COLLECTIVE:  # the listed cases name leadership collectives only
        triggers += [
            b.cond(
                "r366.c.k.disunity",
                f"{D11} khoản 4 điểm 4.1",
                col("disunity"),
                "Có sai phạm trong công tác cán bộ, mất đoàn kết, bè phái hoặc chạy chức, chạy quyền được kết luận.",
                "Không có kết luận mất đoàn kết, sai phạm trong công tác cán bộ.",
                default=False,
                assumption=A_DISUNITY,
            ),
            b.cond(
                "r366.c.k.member_disciplined",
                f"{D11} khoản 4 điểm 4.1",
                col("members.disciplined") > 0,
                "Có thành viên bị kỷ luật từ khiển trách trở lên vì vi phạm liên quan đến nhiệm vụ của tập thể.",
                "Không có thành viên bị kỷ luật.",
                default=False,
                assumption=A_UNITS_DISCIPLINED,
            ),
            b.cond(
                "r366.c.k.degradation",
                f"{D11} khoản 4 điểm 4.1",
                col("degradation"),
                "Có thành viên bị kết luận suy thoái, “tự diễn biến”, “tự chuyển hóa”.",
                "Không có thành viên bị kết luận suy thoái.",
                default=False,
                assumption=A_DEGRADATION,
            ),
            b.cond(
                "r366.c.k.units",
                f"{D11} khoản 4 điểm 4.1",
                (col("led_units.targets_completed_share") < p("leader_units_min_share"))
                | col("led_units.basic_targets_missed").fill_null(False),
                f"Địa phương, đơn vị lãnh đạo hoàn thành dưới {pct(p('leader_units_min_share'))} nhiệm vụ kế hoạch năm "
                "hoặc không đạt các chỉ tiêu kinh tế – xã hội cơ bản.",
                "Đơn vị lãnh đạo không dưới ngưỡng hoàn thành nhiệm vụ.",
                params=("leader_units_min_share",),
                default=False,
                assumption=A_LED_UNITS,
            ),
        ]
    return KindRules([], triggers, levels, [], [], floor_gap=f"{D11} khoản 4")


RULEBOOK = Rulebook(
    code="party-366-43hd",
    name="366-QĐ/TW + 43-HD/BTCTW",
    module="party_366_43hd",
    first_year=2025,
    last_year=None,
    kinds=PARTY_KINDS,
    build=build,
    period_kinds=frozenset({PeriodKind.YEAR, PeriodKind.QUARTER, PeriodKind.TERM}),
)

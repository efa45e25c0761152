"""Quy định 132-QĐ/TW (8/3/2018) as guided by 16-HD/BTCTW (2018) or 21-HD/BTCTW (2019–2022).

Shared by ``party_132_16hd`` and ``party_132_21hd``: the rule texts were researched in 21-HD
(../shared/domain/rules.md §2, rules-confirmations.md §(4)); under 16-HD the same rules are
encoded with ``confirmed=False`` unless 132-QĐ/TW itself states them.
"""

from __future__ import annotations

import polars as pl

from kiemdiem.rules.conditions import Cap, Exclusion, KindRules, pct
from kiemdiem.rules.facts import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebooks._common import (
    A_COLLECTIVE_DISCIPLINED,
    A_DEGRADATION,
    A_DISCIPLINE,
    A_DISUNITY,
    A_EXEMPTION,
    A_LEAVE,
    A_LED_UNITS,
    A_NEW_MEMBER,
    A_UNITS_DISCIPLINED,
    DISC_ABSENT,
    Book,
    at_least_share,
    col,
    disc,
    grades_at_least,
    share,
    state_and_head_caps,
    state_rating_trigger,
    tasks_share,
)

HTXSNV, HTTNV, HTNV = Level.HTXSNV.rank, Level.HTTNV.rank, Level.HTNV.rank
OTHER_INDIVIDUAL = tuple(c for c in INDIVIDUAL_CRITERIA if c != "task_results")
OTHER_COLLECTIVE = tuple(c for c in COLLECTIVE_CRITERIA if c != "task_results")


def _c(guide: str, section: str) -> str:
    """``guide, section`` for 21-HD, whose numbering the sources quote; 16-HD's is not known."""
    return f"{guide}, {section}" if guide.startswith("21-HD") else guide


def build(kind: SubjectKind, p: Params, guide: str, guide_confirmed: bool) -> KindRules:
    """The rules of 132-QĐ/TW + ``guide`` (``"21-HD/BTCTW"`` or ``"16-HD/BTCTW"``) for ``kind``."""
    b = Book(p)
    if kind == SubjectKind.PARTY_MEMBER:
        return _member(b, guide, guide_confirmed)
    if kind == SubjectKind.COLLECTIVE:
        return _collective(b, guide, guide_confirmed)
    return _organization(b, guide, guide_confirmed)


def _criteria_levels(b: Book, prefix: str, cites: str, others: tuple[str, ...], ok: bool) -> dict[Level, list]:
    ids = (*others, "task_results")
    return {
        Level.HTXSNV: [
            b.cond(
                f"{prefix}.x.criteria",
                cites,
                (col("criteria.task_results") >= 3) & grades_at_least(others, 2),
                "Tiêu chí kết quả thực hiện nhiệm vụ đạt Xuất sắc, các tiêu chí khác đạt Tốt trở lên.",
                "Chưa đủ điều kiện mức xuất sắc: tiêu chí kết quả chưa Xuất sắc hoặc có tiêu chí dưới Tốt.",
                confirmed=ok,
            )
        ],
        Level.HTTNV: [
            b.cond(
                f"{prefix}.t.criteria",
                cites,
                (col("criteria.task_results") >= 2) & grades_at_least(others, 1),
                "Tiêu chí kết quả đạt Tốt trở lên, các tiêu chí khác đạt Trung bình trở lên.",
                "Chưa đủ điều kiện mức tốt: tiêu chí kết quả dưới Tốt hoặc có tiêu chí Kém.",
                confirmed=False,
            )
        ],
        Level.HTNV: [
            b.cond(
                f"{prefix}.n.criteria",
                cites,
                grades_at_least(ids, 1),
                "Các tiêu chí đạt Trung bình trở lên.",
                "Có tiêu chí bị đánh giá Kém.",
                confirmed=False,
            )
        ],
    }


def _member(b: Book, guide: str, ok: bool) -> KindRules:
    special = _c(guide, "tiểu mục 6 mục II")
    member = _c(guide, "mục II.B.2")
    p = b.p
    exclusions = [
        Exclusion(
            b.cond(
                "r132.m.excl.exempt",
                "132-QĐ/TW; " + _c(guide, "mục I"),
                col("party.exemption") == "exempt_work_and_activity",
                "Đảng viên được miễn công tác và sinh hoạt đảng: không kiểm điểm, không xếp loại.",
                "Đảng viên không được miễn công tác và sinh hoạt đảng.",
                default=False,
                assumption=A_EXEMPTION,
            ),
            "not_rated",
        ),
        Exclusion(
            b.cond(
                "r132.m.excl.new",
                special,
                col("party.months_since_admission") < p("new_member_months"),
                f"Đảng viên mới kết nạp chưa đủ {p('new_member_months')} tháng: kiểm điểm từ ngày kết "
                "nạp, không xếp loại.",
                f"Đảng viên đã kết nạp từ {p('new_member_months')} tháng trở lên.",
                confirmed=ok,
                params=("new_member_months",),
                default=False,
                assumption=A_NEW_MEMBER,
            ),
            "review_only",
        ),
    ]
    if ok:  # 21-HD narrowed 16-HD's rated population to exclude suspended members
        exclusions.insert(
            1,
            Exclusion(
                b.cond(
                    "r132.m.excl.suspended",
                    _c(guide, "mục I"),
                    col("party.exemption") == "suspended_party_activity",
                    "Đảng viên đang bị đình chỉ sinh hoạt đảng: không kiểm điểm, không xếp loại.",
                    "Đảng viên không bị đình chỉ sinh hoạt đảng nên vẫn kiểm điểm, xếp loại.",
                    default=False,
                    assumption=A_EXEMPTION,
                ),
                "not_rated",
            ),
        )
    triggers = [
        b.cond(
            "r132.m.k.discipline",
            member,
            disc("discipline.any"),
            "Bị kỷ luật trong năm (một vi phạm chỉ tính một lần).",
            "Không bị kỷ luật trong năm (hoặc vi phạm đã được tính ở kỳ trước).",
            confirmed=ok,
            assume_when=DISC_ABSENT,
            assumption=A_DISCIPLINE,
        ),
        b.cond(
            "r132.m.k.tasks",
            member,
            tasks_share("completed") < p("member_tasks_min_share"),
            f"Hoàn thành dưới {pct(p('member_tasks_min_share'))} nhiệm vụ được giao.",
            f"Hoàn thành từ {pct(p('member_tasks_min_share'))} nhiệm vụ được giao trở lên.",
            confirmed=ok,
            params=("member_tasks_min_share",),
        ),
        state_rating_trigger(
            b,
            "r132.m.k.state",
            member,
            "Là cán bộ, công chức, viên chức bị xếp loại không hoàn thành nhiệm vụ bên chính quyền.",
            confirmed=ok,
        ),
        b.cond(
            "r132.m.k.degradation",
            member,
            col("degradation"),
            "Bị cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn "
            "biến”, “tự chuyển hóa”.",
            "Không bị kết luận suy thoái.",
            confirmed=ok,
            default=False,
            assumption=A_DEGRADATION,
        ),
    ]
    caps = [
        Cap(
            b.cond(
                "r132.m.cap.sick",
                special,
                col("leave.sick_months") >= p("sick_leave_cap_months"),
                f"Nghỉ ốm từ {p('sick_leave_cap_months')} tháng trở lên trong năm: không xếp loại từ mức "
                "hoàn thành tốt nhiệm vụ trở lên.",
                "Nghỉ ốm dưới ngưỡng.",
                confirmed=ok,
                params=("sick_leave_cap_months",),
                default=False,
                assumption=A_LEAVE,
            ),
            pl.lit(HTNV),
        ),
        *state_and_head_caps(
            b,
            state=(
                "r132.m.cap.state",
                _c(guide, "mục II.B.2.3"),
                "Đảng viên là cán bộ, công chức, viên chức chưa được xếp loại xuất sắc bên chính quyền "
                "thì không thể xếp loại hoàn thành xuất sắc nhiệm vụ.",
                "Kết quả bên chính quyền không hạn chế mức xếp loại.",
            ),
            head=(
                "r132.h.cap",
                _c(guide, "tiết 4 điểm B mục II"),
                "Người đứng đầu không được xếp loại cao hơn mức của tập thể, đơn vị do mình đứng đầu.",
                "Không là người đứng đầu tập thể đã xếp loại.",
            ),
            confirmed=ok,
        ),
    ]
    notes = [
        b.cond(
            "r132.m.note.maternity",
            special,
            col("leave.maternity_months") > 0,
            "Nghỉ thai sản: đánh giá, xếp loại theo thời gian công tác thực tế.",
            "",
            confirmed=ok,
        ),
        b.cond(
            "r132.m.note.committee",
            _c(guide, "mục I"),
            col("party.exemption") == "suspended_committee_activity",
            "Cấp ủy viên chỉ bị đình chỉ sinh hoạt cấp ủy vẫn phải kiểm điểm và được xếp loại.",
            "",
            confirmed=ok,
        ),
    ]
    levels = _criteria_levels(b, "r132.m", member, OTHER_INDIVIDUAL, ok)
    return KindRules(exclusions, triggers, levels, caps, notes)


def _collective_triggers(b: Book, guide: str, ok: bool) -> list:
    p = b.p
    cites = "132-QĐ/TW; " + _c(guide, "tiết 3 điểm B mục II")
    return [
        b.cond(
            "r132.c.k.targets",
            cites,
            (col("led_units.targets_completed_share") < p("led_targets_min_share"))
            & col("led_units.key_targets_missed")
            & ~col("led_units.force_majeure").fill_null(False),
            f"Đơn vị hoàn thành dưới {pct(p('led_targets_min_share'))} chỉ tiêu, các chỉ tiêu chủ yếu "
            "không đạt, không do bất khả kháng.",
            "Không thuộc trường hợp hoàn thành dưới ngưỡng chỉ tiêu với chỉ tiêu chủ yếu không đạt.",
            params=("led_targets_min_share",),
            default=False,
            assumption=A_LED_UNITS,
        ),
        b.cond(
            "r132.c.k.units_disciplined",
            "132-QĐ/TW",
            share(col("led_units.disciplined"), col("led_units.total")) > p("units_disciplined_max_share"),
            f"Trên {pct(p('units_disciplined_max_share'))} đơn vị trực thuộc bị kỷ luật trong năm.",
            f"Không quá {pct(p('units_disciplined_max_share'))} đơn vị trực thuộc bị kỷ luật.",
            params=("units_disciplined_max_share",),
            default=False,
            assumption=A_UNITS_DISCIPLINED,
        ),
        b.cond(
            "r132.c.k.disciplined",
            cites,
            col("collective_disciplined"),
            "Tập thể bị kỷ luật trong năm.",
            "Tập thể không bị kỷ luật trong năm.",
            confirmed=ok,
            default=False,
            assumption=A_COLLECTIVE_DISCIPLINED,
        ),
        b.cond(
            "r132.c.k.disunity",
            cites,
            col("disunity"),
            "Nội bộ mất đoàn kết.",
            "Không có kết luận mất đoàn kết.",
            confirmed=ok,
            default=False,
            assumption=A_DISUNITY,
        ),
        b.cond(
            "r132.c.k.degradation",
            cites,
            col("degradation"),
            "Có thành viên bị kết luận suy thoái, “tự diễn biến”, “tự chuyển hóa”.",
            "Không có kết luận suy thoái.",
            confirmed=ok,
            default=False,
            assumption=A_DEGRADATION,
        ),
    ]


def _collective(b: Book, guide: str, ok: bool) -> KindRules:
    cites = _c(guide, "tiết 3 điểm B mục II")
    triggers = _collective_triggers(b, guide, ok)
    triggers.append(
        b.cond(
            "r132.c.k.member_canh_cao",
            cites,
            col("members.disciplined_canh_cao_or_above") > 0,
            "Có thành viên bị kỷ luật từ cảnh cáo trở lên (một vi phạm chỉ tính một lần).",
            "Không có thành viên bị kỷ luật từ cảnh cáo trở lên.",
            confirmed=ok,
            default=False,
            assumption=A_UNITS_DISCIPLINED,
        )
    )
    levels = _criteria_levels(b, "r132.c", cites, OTHER_COLLECTIVE, ok)
    return KindRules([], triggers, levels, [], [])


def _organization(b: Book, guide: str, ok: bool) -> KindRules:
    p = b.p
    cites = _c(guide, "phần II.B mục 1")
    triggers = _collective_triggers(b, guide, ok)
    triggers.append(
        b.cond(
            "r132.o.k.members_disciplined",
            cites,
            share(col("members.disciplined"), col("members.total")) > p("org_members_disciplined_max_share"),
            f"Trên {pct(p('org_members_disciplined_max_share'))} đảng viên không hoàn thành nhiệm vụ do "
            "bị kỷ luật trong năm.",
            f"Không quá {pct(p('org_members_disciplined_max_share'))} đảng viên bị kỷ luật.",
            params=("org_members_disciplined_max_share",),
            default=False,
            assumption=A_UNITS_DISCIPLINED,
        )
    )
    levels = _criteria_levels(b, "r132.o", cites, OTHER_COLLECTIVE, ok)
    # An organisation's HTXSNV needs its members (chi bộ) or sub-organisations (đảng bộ) rated.
    shares = pl.coalesce(
        pl.when(col("members.total").is_not_null()).then(
            (at_least_share("members", Level.HTNV) >= p("org_at_least_htnv_share"))
            & (at_least_share("members", Level.HTTNV) >= p("org_at_least_httnv_share"))
        ),
        (at_least_share("led_units", Level.HTNV) >= p("org_at_least_htnv_share"))
        & (at_least_share("led_units", Level.HTTNV) >= p("org_at_least_httnv_share")),
    )
    levels[Level.HTXSNV].append(
        b.cond(
            "r132.o.x.members",
            _c(guide, "phần II.B mục 1 tiểu mục 1.3"),
            shares,
            f"{pct(p('org_at_least_htnv_share'))} đảng viên (tổ chức trực thuộc) hoàn thành nhiệm vụ trở lên, "
            f"ít nhất {pct(p('org_at_least_httnv_share'))} hoàn thành tốt nhiệm vụ trở lên.",
            "Tỷ lệ đảng viên (tổ chức trực thuộc) hoàn thành tốt nhiệm vụ trở lên chưa đạt mức xuất sắc.",
            confirmed=ok,
            params=("org_at_least_htnv_share", "org_at_least_httnv_share"),
        )
    )
    return KindRules([], triggers, levels, [], [])

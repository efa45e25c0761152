"""Nghị định 233/2026/NĐ-CP (26/6/2026, in force 1/7/2026): viên chức, review year 2026 on.

Where the unit has no Quy chế for the 2026 rating, NĐ 90/48 applies instead (Điều 20 k1): the
option ``public_employee_2026: nd90-48`` selects that (kiemdiem.rules.params). Managers' KHTNV
case "corruption or waste in a managed unit" has no fact in the case format and is not encoded.
"""

from __future__ import annotations

from kiemdiem.rules.conditions import Cap, Exclusion, KindRules
from kiemdiem.rules.levels import SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebook import Rulebook
from kiemdiem.rules.rulebooks._common import (
    A_HEAD,
    A_MONTHS,
    A_MONTHS_FROM_LEAVE,
    LEAVE_WITHOUT_MONTHS,
    Book,
    col,
    months_worked_in_year,
)
from kiemdiem.rules.rulebooks._scored import score_levels, score_triggers

ND233 = "233/2026/NĐ-CP"


def build(kind: SubjectKind, p: Params) -> KindRules:
    b = Book(p)
    m = p("min_months_worked")
    on_leave = (col("leave.sick_months").fill_null(0) > 0) | (col("leave.maternity_months").fill_null(0) > 0)
    months = Exclusion(
        b.cond(
            "r233.excl.months",
            f"{ND233}, Điều 14 khoản 1, khoản 2",
            (months_worked_in_year() < m) & ~on_leave,
            f"Thời gian làm việc dưới {m} tháng trong năm (không do nghỉ ốm, thai sản): không xếp loại chất lượng.",
            f"Thời gian làm việc từ {m} tháng trở lên, hoặc nghỉ ốm, thai sản: "
            "xếp loại theo thời gian làm việc thực tế.",
            params=("min_months_worked",),
            default=False,
            assumption=A_MONTHS,
        ),
        "not_rated",
    )
    months_note = b.cond(
        "r233.note.months",
        f"{ND233}, Điều 14 khoản 1",
        LEAVE_WITHOUT_MONTHS,
        "",
        "",
        assume_when=LEAVE_WITHOUT_MONTHS,
        assumption=A_MONTHS_FROM_LEAVE,
    )
    head = Cap(
        b.cond(
            "r233.cap.head",
            f"{ND233}, Điều 12 khoản 7",
            col("is_head") & col("collective_rating").is_not_null(),
            "Người đứng đầu đơn vị sự nghiệp không được xếp loại cao hơn mức của đơn vị.",
            "",
            default=False,
            assumption=A_HEAD,
        ),
        col("collective_rating"),
    )
    cites = ND233 + ", Điều 12 khoản {k}"
    return KindRules([months], score_triggers(b, "r233", cites), score_levels(b, "r233", cites), [head], [months_note])


RULEBOOK = Rulebook(
    code="state-nd233",
    name="233/2026/NĐ-CP",
    module="state_nd233",
    first_year=2026,
    last_year=None,
    kinds=frozenset({SubjectKind.PUBLIC_EMPLOYEE}),
    build=build,
)

"""Nghị định 335/2025/NĐ-CP (21/12/2025, in force 1/1/2026): công chức, review year 2026 on.

Leaders' KHTNV case "corruption or waste in a managed unit" has no fact in the case format and
is not encoded (docs/rules.md). Absence, sickness and maternity: points over actual working time.
"""

from __future__ import annotations

from kiemdiem.rules.conditions import KindRules
from kiemdiem.rules.levels import SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebook import Rulebook
from kiemdiem.rules.rulebooks._common import Book, col
from kiemdiem.rules.rulebooks._scored import score_levels, score_triggers

ND335 = "335/2025/NĐ-CP"


def build(kind: SubjectKind, p: Params) -> KindRules:
    b = Book(p)
    note = b.cond(
        "r335.note.leave",
        f"{ND335}, Điều 21",
        col("leave.sick_months").is_not_null() & (col("months_worked").fill_null(12) < 12),
        "Nghỉ ốm, thai sản, nghỉ việc: chấm điểm theo thời gian làm việc thực tế.",
        "",
    )
    # The sources quote the level clauses without their article and clause numbers: cite by content.
    cites = ND335 + " (quy định mức xếp loại chất lượng công chức)"
    return KindRules([], score_triggers(b, "r335", cites), score_levels(b, "r335", cites), [], [note])


RULEBOOK = Rulebook(
    code="state-nd335",
    name="335/2025/NĐ-CP",
    module="state_nd335",
    first_year=2026,
    last_year=None,
    kinds=frozenset({SubjectKind.CIVIL_SERVANT}),
    build=build,
)

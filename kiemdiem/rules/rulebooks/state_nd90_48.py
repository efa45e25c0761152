"""NĐ 90/2020 as amended by NĐ 48/2023 (in force 15/9/2023): review years 2023–2025 (see ``_nd90``).

Also used for viên chức from 2026 when the unit has no Quy chế (NĐ 233/2026 Điều 20 k1), and for
cán bộ after 1/7/2026 only when configuration says so (no successor decree was found).
"""

from __future__ import annotations

from kiemdiem.rules.conditions import KindRules
from kiemdiem.rules.levels import SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebook import STATE_KINDS, Rulebook
from kiemdiem.rules.rulebooks import _nd90


def build(kind: SubjectKind, p: Params) -> KindRules:
    return _nd90.build(kind, p, amended=True)


RULEBOOK = Rulebook(
    code="state-nd90-48",
    name="90/2020/NĐ-CP + 48/2023/NĐ-CP",
    module="state_nd90_48",
    first_year=2023,
    last_year=2025,
    kinds=STATE_KINDS,
    build=build,
)

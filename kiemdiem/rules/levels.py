"""The four quality levels and the subject kinds, shared by every rulebook.

Levels are the field's own codes, used as they are (Hướng dẫn 21-HD/BTCTW, 25-HD/BTCTW,
43-HD/BTCTW; Nghị định 90/2020/NĐ-CP, 335/2025/NĐ-CP): HTXSNV > HTTNV > HTNV > KHTNV.
``Level.rank`` gives the order as an int (HTXSNV = 3 … KHTNV = 0) so that caps are ``min`` and
"at least" tests are ``>=``.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    HTXSNV = "HTXSNV"
    HTTNV = "HTTNV"
    HTNV = "HTNV"
    KHTNV = "KHTNV"

    @property
    def rank(self) -> int:
        """3 for HTXSNV, 2 for HTTNV, 1 for HTNV, 0 for KHTNV."""
        return _RANK[self]

    @property
    def label(self) -> str:
        """The Vietnamese name of the level, as printed on forms."""
        return LEVEL_LABELS[self]

    @classmethod
    def from_rank(cls, rank: int) -> Level:
        """Inverse of :attr:`rank`; raises ``ValueError`` outside 0..3."""
        for level, value in _RANK.items():
            if value == rank:
                return level
        raise ValueError(f"no level has rank {rank}; ranks are 0 (KHTNV) to 3 (HTXSNV)")


_RANK = {Level.HTXSNV: 3, Level.HTTNV: 2, Level.HTNV: 1, Level.KHTNV: 0}

LEVEL_LABELS = {
    Level.HTXSNV: "Hoàn thành xuất sắc nhiệm vụ",
    Level.HTTNV: "Hoàn thành tốt nhiệm vụ",
    Level.HTNV: "Hoàn thành nhiệm vụ",
    Level.KHTNV: "Không hoàn thành nhiệm vụ",
}

# Levels from the highest down, the order in which rulebooks test them.
LEVELS_DESCENDING: tuple[Level, ...] = (Level.HTXSNV, Level.HTTNV, Level.HTNV, Level.KHTNV)


class SubjectKind(StrEnum):
    """Kinds of subject of ../shared/domain/case-format.md (``subject.kind``)."""

    PARTY_MEMBER = "party_member"  # đảng viên
    CADRE = "cadre"  # cán bộ
    CIVIL_SERVANT = "civil_servant"  # công chức
    PUBLIC_EMPLOYEE = "public_employee"  # viên chức
    COLLECTIVE = "collective"  # tập thể lãnh đạo, quản lý; cấp ủy; cơ quan, đơn vị
    PARTY_ORGANIZATION = "party_organization"  # tổ chức đảng: đảng bộ, chi bộ

    @property
    def is_state_side(self) -> bool:
        """True for cán bộ, công chức, viên chức (rated under the Government's decrees)."""
        return self in {SubjectKind.CADRE, SubjectKind.CIVIL_SERVANT, SubjectKind.PUBLIC_EMPLOYEE}

    @property
    def is_individual(self) -> bool:
        return self not in {SubjectKind.COLLECTIVE, SubjectKind.PARTY_ORGANIZATION}

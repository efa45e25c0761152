"""132-QĐ/TW + 21-HD/BTCTW (18/10/2019): the review years 2019–2022.

Sources: ../shared/domain/rules.md §2 and §9.1; rules-confirmations.md §(4) (HTTNV/HTNV of
members and organisations still not confirmed: encoded as ``confirmed=False``).
"""

from __future__ import annotations

from kiemdiem.rules.conditions import KindRules
from kiemdiem.rules.levels import SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebook import PARTY_KINDS, Rulebook
from kiemdiem.rules.rulebooks import _party132


def build(kind: SubjectKind, p: Params) -> KindRules:
    return _party132.build(kind, p, "21-HD/BTCTW", guide_confirmed=True)


RULEBOOK = Rulebook(
    code="party-132-21hd",
    name="132-QĐ/TW + 21-HD/BTCTW",
    module="party_132_21hd",
    first_year=2019,
    last_year=2022,
    kinds=PARTY_KINDS,
    build=build,
)

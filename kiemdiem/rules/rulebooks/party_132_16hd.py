"""132-QĐ/TW + 16-HD/BTCTW (24/9/2018): the review year 2018.

The texts of 16-HD were not read (../shared/domain/rules.md §1, §8.9): the rules researched in
21-HD are applied with ``confirmed=False``; the collective rules that 132-QĐ/TW itself states
(published case [C38]) are confirmed.
"""

from __future__ import annotations

from kiemdiem.rules.conditions import KindRules
from kiemdiem.rules.levels import SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebook import PARTY_KINDS, Rulebook
from kiemdiem.rules.rulebooks import _party132


def build(kind: SubjectKind, p: Params) -> KindRules:
    return _party132.build(kind, p, "16-HD/BTCTW", guide_confirmed=False)


RULEBOOK = Rulebook(
    code="party-132-16hd",
    name="132-QĐ/TW + 16-HD/BTCTW",
    module="party_132_16hd",
    first_year=2018,
    last_year=2018,
    kinds=PARTY_KINDS,
    build=build,
)

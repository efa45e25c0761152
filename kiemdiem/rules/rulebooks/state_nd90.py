"""Nghị định 90/2020/NĐ-CP (in force 20/8/2020): the review years 2020–2022 (see ``_nd90``)."""

from __future__ import annotations

from kiemdiem.rules.conditions import KindRules
from kiemdiem.rules.levels import SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebook import STATE_KINDS, Rulebook
from kiemdiem.rules.rulebooks import _nd90


def build(kind: SubjectKind, p: Params) -> KindRules:
    return _nd90.build(kind, p, amended=False)


RULEBOOK = Rulebook(
    code="state-nd90",
    name="90/2020/NĐ-CP",
    module="state_nd90",
    first_year=2020,
    last_year=2022,
    kinds=STATE_KINDS,
    build=build,
)

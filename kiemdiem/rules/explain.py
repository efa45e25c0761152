"""From truth values to reasons: which conditions decided a subject, what was assumed, what is missing.

Input is one output row of :func:`kiemdiem.rules.engine.evaluate` (a dict) and the rules used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiemdiem.rules.conditions import Condition, KindRules
from kiemdiem.rules.facts import missing_key
from kiemdiem.rules.levels import Level
from kiemdiem.rules.reasons import Reason


@dataclass
class Explanation:
    reasons: list[Reason] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)


def explain_row(row: dict[str, Any], rules: KindRules, notices: tuple[str, ...] = ()) -> Explanation:
    """Reasons (the conditions that decided, true or false, with citations), missing fact keys
    whose absence leaves the level open, and the assumption sentences used."""
    out = Explanation()
    status = row["status"]
    excluded = status in {"not_rated", "review_only"}

    def value(c: Condition) -> bool | None:
        return row.get(f"c:{c.id}")

    def assumed(c: Condition) -> bool:
        return bool(row.get(f"a:{c.id}"))

    def effective(c: Condition) -> bool | None:
        v = value(c)
        return c.default if v is None and c.default is not None else v

    def informed(c: Condition) -> bool:
        """A false test is worth reporting only when the subject gave a fact it reads."""
        return any(row.get(col) is not None for col in c.reads if col not in _CONTEXT)

    def add(c: Condition, holds: bool) -> None:
        text = c.text if holds else c.text_false
        # a trigger tested false and a level condition held can say the same thing (≥ 50 points)
        if text and not any(r.text == text and r.cites == c.cites for r in out.reasons):
            out.reasons.append(Reason(c.id, c.cites, text, c.confirmed))

    def assume(cs: list[Condition]) -> None:
        for c in cs:
            if assumed(c) and c.assumption and c.assumption not in out.assumptions:
                out.assumptions.append(c.assumption)

    exclusions = [e.condition for e in rules.exclusions]
    assume(exclusions)
    for c in exclusions:
        if effective(c) is True:
            add(c, True)
            if excluded:
                break
        elif value(c) is False and not excluded and informed(c):
            add(c, False)
    out.assumptions.extend(n for n in notices if n not in out.assumptions)
    if excluded:
        return out

    max_rank = Level(row["max_rating"]).rank
    min_rank = Level(row["min_rating"]).rank
    fired = [c for c in rules.triggers if effective(c) is True]
    assume(rules.notes)
    for c in rules.notes:
        if value(c) is True:
            add(c, True)
    if fired:
        for c in fired:
            add(c, True)
        assume([cap.condition for cap in rules.caps if effective(cap.condition) is True])
        return out

    assume(rules.triggers)
    for c in rules.triggers:
        if value(c) is False and not assumed(c) and informed(c):
            add(c, False)
        elif effective(c) is None:
            _missing(out, c, row)
    for cap in rules.caps:
        if effective(cap.condition) is True:
            add(cap.condition, True)
    assume([cap.condition for cap in rules.caps])
    for lvl in (Level.HTXSNV, Level.HTTNV, Level.HTNV):
        conds = rules.levels.get(lvl, [])
        if lvl.rank > max_rank + 1:
            continue
        assume(conds)
        for c in conds:
            v = effective(c)
            if v is False and lvl.rank == max_rank + 1:
                add(c, False)
            elif v is True and lvl.rank == max_rank:
                add(c, True)
            elif v is None and min_rank < lvl.rank <= max_rank:
                if c.reads:
                    _missing(out, c, row)
                else:  # a level test the research could not encode: say so
                    add(c, True)
    if rules.floor_gap and max_rank == 0 and not any(effective(cap.condition) for cap in rules.caps):
        failed = [c for c in rules.levels.get(Level.HTNV, []) if effective(c) is False]
        if failed:  # no listed KHTNV case holds: the text leaves this subject between the levels
            out.reasons.append(Reason(FLOOR_GAP_RULE, rules.floor_gap, FLOOR_GAP_TEXT, False))
    if status != "needs_facts":
        out.missing.clear()
    return out


FLOOR_GAP_RULE = "floor.gap"
FLOOR_GAP_TEXT = (
    "Không đạt mức hoàn thành nhiệm vụ nhưng cũng không thuộc trường hợp không hoàn thành nhiệm vụ nào "
    "được liệt kê: văn bản không quy định mức cho trường hợp này; xếp không hoàn thành nhiệm vụ là cách "
    "hiểu chưa xác nhận, cấp có thẩm quyền xem xét."
)


# Facts that select a branch of a rule rather than test it.
_CONTEXT = frozenset({"kind", "holds_leadership"})


def _missing(out: Explanation, c: Condition, row: dict[str, Any]) -> None:
    for column in c.reads:
        if row.get(column) is None:
            key = missing_key(column)
            if key not in out.missing:
                out.missing.append(key)

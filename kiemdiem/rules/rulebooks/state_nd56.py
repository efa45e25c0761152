"""Nghị định 56/2015/NĐ-CP as amended by 88/2017/NĐ-CP: review years up to 2019.

Researched only as far as the published cases need ([C49]): the KHTNV threshold on tasks. The
other level criteria of NĐ 56 were not researched; they are encoded as open, unconfirmed tests,
so a subject is never given a level above HTNV by a guess (status ``needs_facts``).
"""

from __future__ import annotations

import polars as pl

from kiemdiem.rules.conditions import KindRules, pct
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.rulebook import STATE_KINDS, Rulebook
from kiemdiem.rules.rulebooks._common import Book, tasks_share

ND56 = "56/2015/NĐ-CP (sửa đổi bởi 88/2017/NĐ-CP)"


def build(kind: SubjectKind, p: Params) -> KindRules:
    b = Book(p)
    t = p("tasks_min_share")
    trigger = b.cond(
        "rnd56.k.tasks",
        ND56,
        tasks_share("completed") < t,
        f"Hoàn thành dưới {pct(t)} nhiệm vụ được giao: không hoàn thành nhiệm vụ.",
        f"Hoàn thành từ {pct(t)} nhiệm vụ được giao trở lên: không thuộc trường hợp không hoàn thành "
        "nhiệm vụ vì tiêu chí này.",
        params=("tasks_min_share",),
    )
    floor = b.cond(
        "rnd56.n.tasks",
        ND56,
        tasks_share("completed") >= t,
        f"Hoàn thành từ {pct(t)} nhiệm vụ trở lên: từ mức hoàn thành nhiệm vụ (suy ra từ ngưỡng không hoàn thành).",
        f"Hoàn thành dưới {pct(t)} nhiệm vụ.",
        confirmed=False,
        params=("tasks_min_share",),
    )
    open_levels = {
        lvl: [
            b.cond(
                f"rnd56.{lvl.value.lower()}.unresearched",
                ND56,
                pl.lit(None, dtype=pl.Boolean),
                f"Tiêu chí mức {lvl.label.lower()} theo {ND56} chưa được nghiên cứu, chưa mã hóa: mức "
                "này chưa xác định.",
                "",
                confirmed=False,
            )
        ]
        for lvl in (Level.HTXSNV, Level.HTTNV)
    }
    return KindRules([], [trigger], {**open_levels, Level.HTNV: [floor]}, [], [])


RULEBOOK = Rulebook(
    code="state-nd56-88",
    name="56/2015/NĐ-CP + 88/2017/NĐ-CP",
    module="state_nd56",
    first_year=2015,
    last_year=2019,
    kinds=STATE_KINDS,
    build=build,
)

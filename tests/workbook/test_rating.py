"""The adapter to the rules: subjects, relations and the per-layer progress callback."""

from __future__ import annotations

from pathlib import Path

from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.workbook.rating import run_review
from kiemdiem.workbook.reader import read_workbook
from tests.workbook.small import write_small


def test_small_cycle_rated_layer_by_layer(tmp_path: Path) -> None:
    # given
    book = read_workbook(write_small(tmp_path / "an-phu.xlsx"))
    layers: list[int] = []
    # when
    run = run_review(book, book.period, on_layer=layers.append)
    # then
    chairman = next(subject for subject in run.subjects if subject.id == "AP001@state")
    assert layers == [1, 1]
    assert run.result.layers == [["TT-UBND-AP"], ["AP001@state"]]
    assert (chairman.kind, chairman.heads, chairman.member_of) == (SubjectKind.CADRE, "TT-UBND-AP", ())
    assert run.result.outcomes["TT-UBND-AP"].final_rating is Level.HTTNV
    assert run.engine["AP001@state"].status == "needs_facts"
    assert run.engine["AP001@state"].missing == (
        "led_units.targets_completed_share",
        "led_units.on_time_share",
        "led_units.ratings.KHTNV",
        "led_units.total",
        "led_units.ratings.HTNV",
    )

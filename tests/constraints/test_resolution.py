"""Applying a confirmed quota resolution; nothing applied without confirmation."""

from __future__ import annotations

import pytest

from kiemdiem.rules.constraints import QuotaResolution, QuotaResolutionError, apply_quota_resolution, rate_cycle
from kiemdiem.rules.levels import Level, SubjectKind
from tests.constraints.conftest import FakeEngine, person

K = SubjectKind
BOOK = "party-132-21hd"
KEY = "party-132-21hd/r132.c.q||UBND xã"


def communes_cycle(engine: FakeEngine):
    """Seven commune people's committees of one type (21-HD: collectives per type): 5 HTTNV allow
    1 HTXSNV, 2 are HTXSNV; the chairman of the second one is HTXSNV too and proposed HTXSNV."""
    units = [
        person(f"ub-{i}", f"UBND xã {i}", K.COLLECTIVE, "HTTNV", side="party", rulebook=BOOK, quota_group="UBND xã")
        for i in range(5)
    ]
    units.append(
        person(
            "ub-an-phu",
            "UBND xã An Phú",
            K.COLLECTIVE,
            "HTXSNV",
            side="party",
            rulebook=BOOK,
            quota_group="UBND xã",
            score=90,
        )
    )
    units.append(
        person(
            "ub-binh-my",
            "UBND xã Bình Mỹ",
            K.COLLECTIVE,
            "HTXSNV",
            side="party",
            rulebook=BOOK,
            quota_group="UBND xã",
            score=88,
        )
    )
    head = person(
        "ct-binh-my",
        "Bùi Văn Thịnh (Chủ tịch UBND xã Bình Mỹ)",
        K.CADRE,
        "HTXSNV",
        rulebook=BOOK,
        side="party",
        heads="ub-binh-my",
        self_level=Level.HTXSNV,
    )
    return rate_cycle([*units, head], engine, "2021")


def test_the_report_alone_lowers_nobody_and_an_unconfirmed_resolution_is_refused(engine: FakeEngine) -> None:
    # given
    result = communes_cycle(engine)
    (group,) = [c.quota for c in result.conflicts if c.quota is not None]
    unconfirmed = QuotaResolution(group.key, ("ub-binh-my",), confirmed_by="", reason="điểm thấp hơn")

    # when
    with pytest.raises(QuotaResolutionError) as caught:
        apply_quota_resolution(result, [unconfirmed])

    # then
    assert str(caught.value) == (
        "Phương án xử lý tỷ lệ cho nhóm 'party-132-21hd/r132.c.q||UBND xã' chưa được xác nhận: cần người/cấp có thẩm "
        "quyền xác nhận (confirmed_by) và lý do (reason). Chưa thay đổi kết quả nào."
    )
    assert [result.outcomes[i].final_rating for i in ("ub-an-phu", "ub-binh-my", "ct-binh-my")] == [Level.HTXSNV] * 3


def test_a_confirmed_resolution_lowers_the_dropped_unit_and_recaps_its_head(engine: FakeEngine) -> None:
    # given
    result = communes_cycle(engine)
    (group,) = [c.quota for c in result.conflicts if c.quota is not None]
    assert (group.key, group.proposed_drop) == (KEY, ("ub-binh-my",))
    decision = QuotaResolution(group.key, ("ub-binh-my",), "Ban Thường vụ Huyện ủy", "điểm thấp hơn UBND xã An Phú")

    # when
    resolved = apply_quota_resolution(result, [decision])

    # then
    assert [resolved.outcomes[i].final_rating for i in ("ub-an-phu", "ub-binh-my", "ct-binh-my")] == [
        Level.HTXSNV,
        Level.HTTNV,
        Level.HTTNV,
    ]
    assert resolved.outcomes["ub-binh-my"].adjustments[-1].text == (
        "Chuyển từ HTXSNV xuống HTTNV do nhóm vượt tỷ lệ (tối đa 1/5 HTTNV); Ban Thường vụ Huyện ủy xác nhận: "
        "điểm thấp hơn UBND xã An Phú"
    )
    assert resolved.outcomes["ct-binh-my"].adjustments[-1].rule == "r132.h.cap"
    assert [(c.kind, c.subject_ids) for c in resolved.conflicts] == [("self_level_above_final", ("ct-binh-my",))]
    assert result.outcomes["ub-binh-my"].final_rating == Level.HTXSNV  # the input result is unchanged


def test_the_quota_report_follows_the_resolution(engine: FakeEngine) -> None:
    # given the 5 HTTNV + 2 HTXSNV group, over quota by one
    result = communes_cycle(engine)
    decision = QuotaResolution(KEY, ("ub-binh-my",), "Ban Thường vụ Huyện ủy", "điểm thấp hơn UBND xã An Phú")

    # when
    resolved = apply_quota_resolution(result, [decision])

    # then the report counts the final levels: 6 HTTNV, 1 HTXSNV, within quota; the input keeps its own
    columns = ("rule", "group", "base", "htxsnv", "allowed", "excess")
    assert resolved.quotas.groups.select(columns).rows() == [("r132.c.q", "UBND xã", 6, 1, 1, 0)]
    assert resolved.quotas.excesses == ()
    assert result.quotas.groups.select(columns).rows() == [("r132.c.q", "UBND xã", 5, 2, 1, 1)]


def test_a_resolution_that_leaves_the_group_over_quota_is_refused(engine: FakeEngine) -> None:
    # given
    result = communes_cycle(engine)
    (group,) = [c.quota for c in result.conflicts if c.quota is not None]

    # when
    with pytest.raises(QuotaResolutionError) as caught:
        apply_quota_resolution(result, [QuotaResolution(group.key, (), "Ban Thường vụ Huyện ủy", "giữ nguyên")])

    # then
    assert str(caught.value) == (
        "Nhóm 'party-132-21hd/r132.c.q||UBND xã': sau khi chuyển 0 chủ thể còn 2 HTXSNV so với 5 HTTNV, vẫn vượt mức "
        "tối đa 1; cần chuyển ít nhất 1. Chưa thay đổi kết quả nào."
    )


def test_dropping_a_subject_outside_the_group_is_refused(engine: FakeEngine) -> None:
    # given
    result = communes_cycle(engine)
    (group,) = [c.quota for c in result.conflicts if c.quota is not None]

    # when
    with pytest.raises(QuotaResolutionError) as caught:
        apply_quota_resolution(result, [QuotaResolution(group.key, ("ub-0",), "Ban Thường vụ Huyện ủy", "nhầm")])

    # then
    assert str(caught.value) == (
        "Nhóm 'party-132-21hd/r132.c.q||UBND xã': ub-0 không phải chủ thể xếp loại HTXSNV của nhóm. "
        "Chưa thay đổi kết quả nào."
    )

"""Order graph: layers on a small district, the cycle error, bad references."""

from __future__ import annotations

import dataclasses

import pytest

from kiemdiem.rules.constraints import OrderCycleError, Subject, SubjectError, order_layers
from kiemdiem.rules.levels import SubjectKind
from tests.constraints.conftest import district


def test_district_layers_put_state_side_units_and_collectives_before_people_and_party_organisations() -> None:
    # given
    subjects = district()

    # when
    layers = order_layers(subjects)

    # then
    assert layers == [
        ["btv", "ubnd", "dv-an"],
        ["bch", "ubnd-ct", "cc-hoa", "cb-ap1"],
        ["dv-dung", "dv-hoa", "db-xa"],
        ["cb-vp"],
        ["db-cq"],
        ["hu"],
    ]


def test_a_person_holding_posts_in_two_places_is_ordered_after_both_collectives() -> None:
    # given: Phạm Văn Dũng heads UBND and sits in BTV; his party-member subject follows his state one
    subjects = district()

    # when
    layers = order_layers(subjects)

    # then
    where = {sid: n for n, layer in enumerate(layers) for sid in layer}
    assert (where["ubnd"], where["btv"], where["ubnd-ct"], where["dv-dung"], where["cb-vp"]) == (0, 0, 1, 2, 3)


def test_a_cycle_is_refused_with_the_names_and_ids_on_it() -> None:
    # given: the commune party committee is wrongly declared to depend on its own cell
    subjects = [dataclasses.replace(s, party_organization="cb-ap1") if s.id == "db-xa" else s for s in district()]

    # when
    with pytest.raises(OrderCycleError) as caught:
        order_layers(subjects)

    # then
    assert str(caught.value) == (
        "Không xác định được thứ tự đánh giá: các chủ thể sau phụ thuộc vòng tròn vào nhau "
        "(mỗi chủ thể phải được đánh giá trước chủ thể đứng sau nó): "
        "Đảng bộ xã Tân Lập (db-xa) → Chi bộ ấp 1 (cb-ap1) → Đảng bộ xã Tân Lập (db-xa). "
        "Hãy sửa quan hệ heads/member_of/party_organization/parent_unit/state_counterpart."
    )
    assert [s.id for s in caught.value.cycle] == ["db-xa", "cb-ap1", "db-xa"]


def test_a_reference_to_an_unknown_subject_names_the_subject_and_the_key() -> None:
    # given
    subjects = [Subject("dv-1", "Trần Thị Lan", SubjectKind.PARTY_MEMBER, "party", party_organization="cb-9")]

    # when
    with pytest.raises(SubjectError) as caught:
        order_layers(subjects)

    # then
    assert str(caught.value) == (
        "Trần Thị Lan (dv-1): khóa 'party_organization' trỏ đến 'cb-9', không có trong danh sách chủ thể "
        "(cần mã của tổ chức đảng mà kết quả phụ thuộc vào chủ thể này)."
    )


def test_duplicate_ids_are_refused_even_with_different_names() -> None:
    # given: two people, one id (pitfalls.md #12: never link by name, never merge by id either)
    subjects = [
        Subject("dv-1", "Trần Thị Lan", SubjectKind.PARTY_MEMBER, "party"),
        Subject("dv-1", "Trần Thị Lan (xã khác)", SubjectKind.PARTY_MEMBER, "party"),
    ]

    # when
    with pytest.raises(SubjectError) as caught:
        order_layers(subjects)

    # then
    assert str(caught.value) == "Mã định danh 'dv-1' bị trùng: Trần Thị Lan và Trần Thị Lan (xã khác) (chủ thể thứ 2)."


def test_facts_that_are_not_a_mapping_are_refused_by_name() -> None:
    # given
    subjects = [Subject("dv-1", "Trần Thị Lan", SubjectKind.PARTY_MEMBER, "party", facts=[1])]  # type: ignore[arg-type]

    # when
    with pytest.raises(SubjectError) as caught:
        order_layers(subjects)

    # then
    assert str(caught.value) == "Trần Thị Lan (dv-1): khóa 'facts' cần một bảng khóa–giá trị, nhận [1]."


def test_no_subjects_give_no_layers() -> None:
    # given / when
    layers = order_layers([])

    # then
    assert layers == []

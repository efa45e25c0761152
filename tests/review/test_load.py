"""Loading a rated workbook into the database (``--db``) and building its documents from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from kiemdiem.org.models import Person, Position
from kiemdiem.reviews.models import AuditEntry, Review, ReviewCycle, ReviewStatus
from kiemdiem.reviews.workbook_import import DocumentsFailed, load_and_render, workbook_cycle_load
from kiemdiem.workbook.flow import Prepared, prepare
from tests.workbook.small import write_small

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "review2021" / "thanh-van-2021.xlsx"


@pytest.fixture(scope="module")
def example() -> Prepared:
    return prepare(EXAMPLE, "2021")


@pytest.mark.django_db
def test_example_is_stored_once_per_subject_and_reloading_changes_nothing(example: Prepared) -> None:
    # given
    first = workbook_cycle_load(prepared=example, actor=None)
    # when
    second = workbook_cycle_load(prepared=example, actor=None)
    # then
    assert first.cycle.pk == second.cycle.pk
    assert ReviewCycle.objects.count() == 1
    assert Review.objects.count() == len(first.reviews) == 282
    assert first.notes == []
    assert Person.objects.count() == 132
    assert AuditEntry.objects.filter(action="workbook_cycle_load").count() == 2


@pytest.mark.django_db
def test_levels_and_places_are_stored(example: Prepared) -> None:
    # given
    loaded = workbook_cycle_load(prepared=example, actor=None)
    # when
    head = loaded.reviews["H038@state"]
    capped = loaded.reviews["H038@party"]
    decided = loaded.reviews["TT-BTV-HU"]
    # then
    assert (head.place, head.proposed_level) == (Position.objects.get(external_code="CV091"), "HTTNV")
    assert (capped.place, capped.self_level, capped.proposed_level) == (None, "HTXSNV", "HTTNV")
    assert (decided.status, decided.proposed_level, decided.decided_level) == (ReviewStatus.DECIDED, "HTXSNV", "HTTNV")
    assert loaded.reviews["VC027@party"].proposed_level is None
    assert capped.outcome.final_level == "HTTNV"
    assert capped.outcome.main_reason == (
        "Người đứng đầu không được xếp loại cao hơn mức của tập thể, đơn vị do mình đứng đầu."
    )
    assert capped.outcome.main_cites == "21-HD/BTCTW, tiết 4 điểm B mục II"
    assert [item["kind"] for item in capped.outcome.items] == ["self_level_above_final"]
    assert loaded.reviews["VC027@party"].outcome.status == "review_only"


@pytest.mark.django_db
def test_documents_of_the_stored_cycle(tmp_path: Path) -> None:
    # given: the small An Phú workbook (one collective, one chairman)
    prepared = prepare(write_small(tmp_path / "an-phu.xlsx"), None)
    # when
    rendered = load_and_render(prepared, use_db=True, documents=True)
    # then
    assert rendered.cycle_label == "kỳ 2021 của Đảng bộ xã An Phú (2 bản kiểm điểm)"
    assert "10-bieu-tong-hop-ket-qua.xlsx" in rendered.files
    assert all(data[:2] == b"PK" for data in rendered.files.values())


@pytest.mark.django_db
def test_a_refused_load_writes_nothing(example: Prepared) -> None:
    # given: the 2021 cycle of the district already closed
    loaded = workbook_cycle_load(prepared=example, actor=None)
    ReviewCycle.objects.filter(pk=loaded.cycle.pk).update(status="closed", closed_on=dt.date(2022, 2, 1))
    reviews, people = Review.objects.count(), Person.objects.count()
    # when
    with pytest.raises(DocumentsFailed) as caught:
        load_and_render(example, use_db=True, documents=False)
    # then
    assert str(caught.value) == (
        "Không nạp được kỳ kiểm điểm: kỳ 2021 của Đảng bộ huyện Thanh Vân đã kết thúc ngày 01/02/2022; "
        "không nạp lại kết quả."
    )
    assert (Review.objects.count(), Person.objects.count()) == (reviews, people)


@pytest.mark.django_db
def test_a_user_without_permission_is_refused_and_nothing_is_written(example: Prepared) -> None:
    # given
    clerk = User.objects.create_user("van-thu", password="mat-khau-van-thu-1")
    # when
    with pytest.raises(PermissionDenied) as caught:
        workbook_cycle_load(prepared=example, actor=clerk)
    # then
    assert str(caught.value) == "Tài khoản van-thu không có quyền nạp kết quả kiểm điểm từ sổ."
    assert (Review.objects.count(), Person.objects.count(), ReviewCycle.objects.count()) == (0, 0, 0)

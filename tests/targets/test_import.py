import datetime as dt

import pytest

from kiemdiem.cli import main
from kiemdiem.org.models import Organisation, OrgKind, OrgLevel
from kiemdiem.reviews.models import AuditEntry
from kiemdiem.targets import read_target_sheet, results_paragraph, subject_facts
from kiemdiem.targets.status import classify_all
from kiemdiem.unit_targets.models import TargetYear, UnitTarget
from kiemdiem.unit_targets.selectors import unit_assigner_labels, unit_targets
from kiemdiem.unit_targets.services import TargetImportError, target_sheet_import

from .conftest import GOOD_ROW


def district(code: str = "TV", **fields) -> Organisation:
    values = {
        "name": "UBND huyện Thanh Vân",
        "level": OrgLevel.DISTRICT,
        "kind": OrgKind.PEOPLES_COMMITTEE,
        "external_code": code,
        "valid_to": dt.date(2025, 6, 30),
    }
    values.update(fields)
    return Organisation.objects.create(**values)


@pytest.mark.django_db
def test_both_example_sheets_import_and_read_back_the_same(thanh_van_sheet, thuong_tin_sheet):
    # given
    thanh_van = district("TV")
    thuong_tin = district("TT", name="UBND huyện Thường Tín")
    # when
    first = target_sheet_import(path=thanh_van_sheet, unit_code="TV")
    second = target_sheet_import(path=thuong_tin_sheet, unit_code="TT")
    # then
    assert str(first) == "Đã nhập 34 chỉ tiêu cho UBND huyện Thanh Vân (34 mới, 0 cập nhật), 38 dòng số liệu theo năm."
    assert str(second) == "Đã nhập 5 chỉ tiêu cho UBND huyện Thường Tín (5 mới, 0 cập nhật), 14 dòng số liệu theo năm."
    for organisation, path, year in ((thanh_van, thanh_van_sheet, 2021), (thuong_tin, thuong_tin_sheet, 2023)):
        sheet = read_target_sheet(path)
        stored = unit_targets(organisation=organisation)
        labels = unit_assigner_labels(organisation=organisation)
        assert results_paragraph(stored, year, assigner_labels=labels) == results_paragraph(
            sheet.targets, year, assigner_labels=sheet.assigner_labels
        )
        assert subject_facts(classify_all(stored, year)) == subject_facts(classify_all(sheet.targets, year))
    assert AuditEntry.objects.filter(action="unit_targets.import").count() == 2


@pytest.mark.django_db
def test_importing_again_updates_instead_of_duplicating(thanh_van_sheet):
    # given
    district("TV")
    target_sheet_import(path=thanh_van_sheet, unit_code="TV")
    # when
    summary = target_sheet_import(path=thanh_van_sheet, unit_code="TV")
    # then
    assert (summary.created, summary.updated, summary.years) == (0, 34, 38)
    assert (UnitTarget.objects.count(), TargetYear.objects.count()) == (34, 38)


@pytest.mark.django_db
def test_a_malformed_sheet_writes_nothing(write_sheet):
    # given
    district("TV")
    path = write_sheet([GOOD_ROW, [*GOOD_ROW[:1], "A02", *GOOD_ROW[2:7], "1.05O", "1"]])
    # when / then
    with pytest.raises(TargetImportError) as caught:
        target_sheet_import(path=path, unit_code="TV")
    assert str(caught.value).endswith(
        "trang “Chỉ tiêu”, dòng 5, cột H (“Kế hoạch 2021”): cần một số viết kiểu Việt Nam (ví dụ 1.756,292), "
        "gặp '1.05O'"
    )
    assert (UnitTarget.objects.count(), TargetYear.objects.count(), AuditEntry.objects.count()) == (0, 0, 0)


@pytest.mark.django_db
def test_an_unknown_unit_is_refused(thanh_van_sheet):
    # when / then
    with pytest.raises(TargetImportError) as caught:
        target_sheet_import(path=thanh_van_sheet, unit_code="KHONG-CO")
    assert str(caught.value) == (
        "không có đơn vị nào có mã “KHONG-CO” (mã định danh của tổ chức, đơn vị trong cơ sở dữ liệu)"
    )
    assert UnitTarget.objects.count() == 0


@pytest.mark.django_db
def test_a_year_after_the_unit_ended_rolls_back_the_whole_import(thuong_tin_sheet):
    # given: the unit ended on 31/12/2023 but the sheet has 2024 figures (first on row 7, TT-01)
    district("TT", name="UBND huyện Thường Tín", valid_to=dt.date(2023, 12, 31))
    # when / then
    with pytest.raises(TargetImportError) as caught:
        target_sheet_import(path=thuong_tin_sheet, unit_code="TT")
    assert str(caught.value) == (
        "UBND huyện Thường Tín không tồn tại trong năm 2024 nhưng bảng có số liệu năm đó (dòng 7, mã TT-01)"
    )
    assert (UnitTarget.objects.count(), TargetYear.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_a_value_the_database_cannot_hold_is_refused_with_its_row(write_sheet):
    # given: seven decimals, the column keeps six
    district("TV")
    path = write_sheet([GOOD_ROW, [2, "A02", "Tỷ lệ", "%", "Tự giao", "Càng cao càng tốt", None, "1,1234567", "1"]])
    # when / then
    with pytest.raises(TargetImportError) as caught:
        target_sheet_import(path=path, unit_code="TV")
    assert str(caught.value).startswith("chi-tieu.xlsx, trang “Chỉ tiêu”, dòng 5 (mã A02): cột “Kế hoạch 2021”: ")
    assert UnitTarget.objects.count() == 0


@pytest.mark.django_db
def test_the_import_command_reports_and_refuses(thanh_van_sheet, capsys):
    # given
    district("TV")
    # when
    done = main(["targets", "import", str(thanh_van_sheet), "--unit", "TV"])
    refused = main(["targets", "import", str(thanh_van_sheet), "--unit", "XX"])
    # then
    captured = capsys.readouterr()
    assert (done, refused) == (0, 2)
    assert (
        captured.out == "Đã nhập 34 chỉ tiêu cho UBND huyện Thanh Vân (34 mới, 0 cập nhật), 38 dòng số liệu theo năm.\n"
    )
    assert captured.err == "không có đơn vị nào có mã “XX” (mã định danh của tổ chức, đơn vị trong cơ sở dữ liệu)\n"

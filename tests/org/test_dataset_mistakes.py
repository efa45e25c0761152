"""Mistakes a clerk makes in the data files: each refused by file, row and key, without a traceback."""

import csv
import shutil

import pytest

from kiemdiem.cli import main
from kiemdiem.cli.example import DEFAULT_FOLDER
from kiemdiem.org.dataset import DatasetError
from kiemdiem.org.models import Leave, Organisation, Person, StateEmployment
from kiemdiem.reviews.loading import example_load


def _copy(tmp_path):
    folder = tmp_path / "district"
    shutil.copytree(DEFAULT_FOLDER, folder)
    return folder


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.mark.django_db
def test_a_unit_that_is_its_own_superior_is_refused_by_row(tmp_path):
    # given: the district party committee placed under itself
    folder = _copy(tmp_path)
    _edit(folder / "organisations.yaml", "  parent: TP-HN\n", "  parent: H-TV\n")
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "organisations.yaml, organisations, mục 2 (id H-TV), khóa parent: cấp trên lặp vòng: H-TV → H-TV"
    ]
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_a_loop_of_superiors_is_refused_once_on_the_command_line(tmp_path, capsys):
    # given: the city under a commune of the district, which is under the city
    folder = _copy(tmp_path)
    _edit(folder / "organisations.yaml", "  parent: ''\n", "  parent: X-VC-DB\n")
    # when
    status = main(["example", "load", "--folder", str(folder)])
    # then
    err = capsys.readouterr().err
    assert status == 1
    assert err.splitlines()[1:] == [
        "Dữ liệu không hợp lệ, không nạp gì (1 lỗi):",
        "  - organisations.yaml, organisations, mục 1 (id TP-HN), khóa parent: "
        "cấp trên lặp vòng: TP-HN → X-VC-DB → H-TV → TP-HN",
    ]
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_an_impossible_iso_date_in_yaml_is_refused_by_row_and_key(tmp_path):
    # given: YAML would read an unquoted 2025-02-31 as a date and fail outside any row
    folder = _copy(tmp_path)
    _edit(folder / "organisations.yaml", "valid_to: 30/06/2025", "valid_to: 2025-02-31")
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "organisations.yaml, organisations, mục 2 (id H-TV), khóa valid_to: "
        "“2025-02-31” không phải ngày hợp lệ (cần dạng 24/12/2021)"
    ]
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_yaml_values_are_read_as_written_not_as_numbers_or_booleans(tmp_path):
    # given: an id with a leading zero (YAML 1.1 reads 0123 as the octal 83), a name "No", an ISO date
    folder = _copy(tmp_path)
    _edit(folder / "organisations.yaml", "- id: TP-HN\n  name: Đảng bộ thành phố Hà Nội\n", "- id: 0123\n  name: No\n")
    _edit(folder / "organisations.yaml", "parent: TP-HN\n", "parent: 0123\n", count=2)
    _edit(folder / "organisations.yaml", "valid_to: 30/06/2025", "valid_to: 2025-06-30")
    # when
    example_load(folder=folder, actor=None)
    # then
    city = Organisation.objects.get(external_code="0123")
    assert city.name == "No"
    assert str(Organisation.objects.get(external_code="H-TV").valid_to) == "2025-06-30"
    assert Person.objects.count() == 132


@pytest.mark.django_db
def test_a_missing_required_column_is_reported_once_not_on_every_row(tmp_path):
    # given: people.csv without its gender column
    folder = _copy(tmp_path)
    people = folder / "people.csv"
    lines = [",".join(line.split(",")[:3] + line.split(",")[4:]) for line in people.read_text("utf-8").splitlines()]
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == ["people.csv, dòng 1: thiếu cột bắt buộc “gender”"]
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_a_file_in_another_encoding_is_named_without_a_flood_of_unknown_ids(tmp_path, capsys):
    # given: people.csv saved in Windows-1258 instead of UTF-8
    folder = _copy(tmp_path)
    people = folder / "people.csv"
    people.write_bytes(people.read_text("utf-8").replace("Bùi", "Bui").encode("utf-8").replace(b"\xc3\xb9", b"\xf9"))
    people.write_bytes(people.read_bytes().replace("Đức".encode(), b"\xd0\xf9c"))
    # when
    status = main(["example", "load", "--folder", str(folder)])
    # then
    assert status == 1
    assert capsys.readouterr().err.splitlines()[1:] == [
        "Dữ liệu không hợp lệ, không nạp gì (1 lỗi):",
        "  - people.csv: không đọc được: cần lưu tệp theo mã UTF-8 (trong Excel: Lưu thành, chọn “CSV UTF-8”)",
    ]
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_a_broken_organisations_file_is_the_only_problem_shown(tmp_path):
    # given: a tab where YAML wants spaces
    folder = _copy(tmp_path)
    _edit(folder / "organisations.yaml", "  name: Đảng bộ thành phố Hà Nội", "\tname: Đảng bộ thành phố Hà Nội")
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "organisations.yaml, dòng 4: không phải YAML hợp lệ (found character '\\t' that cannot start any token)"
    ]


@pytest.mark.django_db
def test_a_csv_saved_by_excel_in_vietnamese_with_semicolons_is_read(tmp_path):
    # given: Excel set to Vietnamese separates with ";" (the comma is the decimal mark)
    folder = _copy(tmp_path)
    for name in ("people.csv", "state_employment.csv"):
        path = folder / name
        rows = list(csv.reader(path.read_text("utf-8").splitlines()))
        path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8-sig")
    # when
    example_load(folder=folder, actor=None)
    # then
    assert Person.objects.get(external_code="H001").full_name == "Bùi Đức Chiến"
    assert str(StateEmployment.objects.get(person__external_code="H001").salary_coefficient) == "6.10"


@pytest.mark.django_db
def test_a_header_without_the_id_column_hides_no_other_problem_and_adds_none(tmp_path):
    # given: the id column renamed
    folder = _copy(tmp_path)
    _edit(folder / "people.csv", "id,full_name", "ma,full_name")
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "people.csv, dòng 1: cột lạ “ma”; các cột dùng được: id, full_name, birth_date, gender, ethnicity",
        "people.csv, dòng 1: thiếu cột bắt buộc “id”",
    ]


@pytest.mark.django_db
def test_the_same_fact_written_twice_is_refused_instead_of_merged(tmp_path):
    # given: the maternity leave entered again with another end date
    folder = _copy(tmp_path)
    _edit(
        folder / "events.yaml",
        "    end_date: 31/08/2021\n",
        "    end_date: 31/08/2021\n  - person: VC008\n    kind: maternity\n    start_date: 01/03/2021\n"
        "    end_date: 30/09/2021\n",
    )
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "events.yaml, leaves, mục 2: trùng với leaves, mục 1 (cùng person VC008, kind maternity, "
        "start_date 01/03/2021); mỗi việc chỉ ghi một lần"
    ]
    assert Leave.objects.count() == 0


@pytest.mark.django_db
def test_a_nested_value_from_an_indentation_slip_is_refused_not_stored_as_text(tmp_path):
    # given: the name written as a list item
    folder = _copy(tmp_path)
    _edit(
        folder / "organisations.yaml", "  name: Đảng bộ thành phố Hà Nội\n", "  name:\n  - Đảng bộ thành phố Hà Nội\n"
    )
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "organisations.yaml, organisations, mục 1 (id TP-HN), khóa name: "
        "cần một giá trị trên cùng dòng với khóa, gặp một danh sách hoặc nhóm khóa lồng nhau"
    ]

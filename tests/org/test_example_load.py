import datetime as dt
import shutil
from collections import Counter

import pytest

from kiemdiem.cli import main
from kiemdiem.cli.example import DEFAULT_FOLDER
from kiemdiem.org.dataset import DatasetError
from kiemdiem.org.models import (
    Collective,
    Discipline,
    Leave,
    Organisation,
    PartyMembership,
    PartyStatusChange,
    PartyTransfer,
    Person,
    Position,
    StateEmployment,
)
from kiemdiem.reviews.loading import example_load
from kiemdiem.reviews.models import Review, ReviewCycle

END_2021 = dt.date(2021, 12, 31)


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Organisation,
            Collective,
            Person,
            Position,
            PartyMembership,
            StateEmployment,
            Leave,
            Discipline,
            PartyStatusChange,
            PartyTransfer,
            ReviewCycle,
            Review,
        )
    }


EXPECTED = {
    "Organisation": 57,
    "Collective": 25,
    "Person": 132,
    "Position": 214,
    "PartyMembership": 132,
    "StateEmployment": 99,
    "Leave": 1,
    "Discipline": 1,
    "PartyStatusChange": 1,
    "PartyTransfer": 1,
    "ReviewCycle": 1,
    "Review": 290,
}


@pytest.mark.django_db
def test_example_load_gives_the_district_its_bodies_and_sizes():
    # when
    summary = example_load(folder=DEFAULT_FOLDER, actor=None)
    # then
    assert _counts() == EXPECTED
    assert (summary.cycles_opened, summary.reviews_created) == (1, 290)
    sizes = {c.external_code: c.positions.count() for c in Collective.objects.filter(external_code__startswith="TT-")}
    assert (sizes["TT-BCH-HU"], sizes["TT-BTV-HU"], sizes["TT-TTHDND"], sizes["TT-UBND"]) == (41, 12, 5, 14)
    members = Counter(
        m.party_cell.parent.external_code
        for m in PartyMembership.objects.select_related("party_cell__parent")
        if m.party_cell.parent.external_code.startswith("X-")
    )
    assert members == {"X-VC-DB": 28, "X-TH-DB": 16, "X-DL-DB": 37}
    cells = Counter(
        o.parent.external_code
        for o in Organisation.objects.filter(kind="party_cell", parent__kind="party_committee", parent__level="commune")
    )
    assert cells == {"X-VC-DB": 5, "X-TH-DB": 4, "X-DL-DB": 6}
    cycle = ReviewCycle.objects.get()
    assert (cycle.scope.external_code, cycle.period, cycle.party_rulebook, cycle.opened_on) == (
        "H-TV",
        "2021",
        "party-132-21hd",
        dt.date(2021, 11, 15),
    )


@pytest.mark.django_db
def test_example_holds_the_special_cases_of_2021():
    # when
    example_load(folder=DEFAULT_FOLDER, actor=None)
    # then: the deputy secretary who chairs the council is reviewed in each of his two places
    deputy = Person.objects.get(external_code="H002")
    places = Review.objects.filter(subject_person=deputy).values_list("place__title", "place__is_concurrent")
    assert sorted(places, key=str) == sorted(
        [(None, None), ("Phó Bí thư Thường trực Huyện ủy", False), ("Chủ tịch HĐND huyện", True)], key=str
    )
    # a probationary member admitted under 6 months before the year end
    newcomer = PartyMembership.objects.get(person__external_code="VC027")
    assert newcomer.status_on(END_2021) == "probationary"
    assert (END_2021 - newcomer.admission_date).days < 183
    # maternity leave, a reprimand in 2021, a mid-year transfer, an exemption
    assert Leave.objects.filter(person__external_code="VC008", kind="maternity").get().start_date.year == 2021
    assert Discipline.objects.get().decided_on == dt.date(2021, 7, 20)
    transfer = PartyTransfer.objects.get()
    assert (transfer.from_cell.external_code, transfer.to_cell.external_code) == ("CB-TH-4", "CB-DL-1")
    assert PartyStatusChange.objects.get().kind == "exempt_work_and_activity"
    # two different people share a name: they stay two records with their own ids
    assert list(
        Person.objects.filter(full_name=Person.objects.get(external_code="VC015").full_name).values_list(
            "external_code", flat=True
        )
    ) == ["DL020", "VC015"]


@pytest.mark.django_db
def test_example_load_twice_changes_nothing():
    # given
    example_load(folder=DEFAULT_FOLDER, actor=None)
    # when
    again = example_load(folder=DEFAULT_FOLDER, actor=None)
    # then
    assert (again.dataset.changed, again.cycles_opened, again.reviews_created) == (0, 0, 0)
    assert _counts() == EXPECTED


@pytest.mark.django_db
def test_edited_row_is_updated_in_place(tmp_path):
    # given
    folder = tmp_path / "district"
    shutil.copytree(DEFAULT_FOLDER, folder)
    example_load(folder=folder, actor=None)
    people = folder / "people.csv"
    lines = [
        "H001,Lò Văn Đổi,01/01/1970,Nam,Thái" if line.startswith("H001,") else line
        for line in people.read_text(encoding="utf-8").splitlines()
    ]
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # when
    summary = example_load(folder=folder, actor=None)
    # then
    assert summary.dataset.counts["cá nhân"] == Counter({"unchanged": 131, "updated": 1})
    assert Person.objects.get(external_code="H001").full_name == "Lò Văn Đổi"
    assert Person.objects.count() == 132


@pytest.mark.django_db
def test_broken_file_is_refused_naming_file_row_and_column_and_nothing_is_written(tmp_path):
    # given
    folder = tmp_path / "district"
    shutil.copytree(DEFAULT_FOLDER, folder)
    positions = folder / "positions.csv"
    lines = positions.read_text(encoding="utf-8").splitlines()
    fields = lines[6].split(",")
    fields[6] = "31/02/2021"
    lines[6] = ",".join(fields)
    positions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "positions.csv, dòng 7, cột start_date: “31/02/2021” không phải ngày hợp lệ (cần dạng 24/12/2021)"
    ]
    assert set(_counts().values()) == {0}


@pytest.mark.django_db
def test_bad_cycle_refuses_the_whole_load(tmp_path):
    # given
    folder = tmp_path / "district"
    shutil.copytree(DEFAULT_FOLDER, folder)
    (folder / "cycles.yaml").write_text('cycles:\n  - scope: H-TV\n    period: "2026"\n', encoding="utf-8")
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "cycles.yaml, cycles, mục 1: Đảng bộ huyện Thanh Vân không tồn tại trong kỳ 2026 "
        "(tồn tại từ trước đến 30/06/2025); không thể mở kỳ kiểm điểm."
    ]
    assert set(_counts().values()) == {0}


@pytest.mark.django_db
def test_command_line_reports_a_refusal_without_traceback(tmp_path, capsys):
    # given
    folder = tmp_path / "district"
    shutil.copytree(DEFAULT_FOLDER, folder)
    (folder / "organisations.yaml").write_text("organisations:\n  - id: A\n    name: Chi bộ A\n", encoding="utf-8")
    # when
    status = main(["example", "load", "--folder", str(folder)])
    # then
    err = capsys.readouterr().err
    assert status == 1
    assert "organisations.yaml, organisations, mục 1 (id A), khóa level: bắt buộc, đang để trống" in err
    assert "Traceback" not in err
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_duplicate_id_unknown_column_and_wrong_cell_kind_are_all_reported(tmp_path):
    # given
    folder = tmp_path / "district"
    shutil.copytree(DEFAULT_FOLDER, folder)
    people = folder / "people.csv"
    lines = people.read_text(encoding="utf-8").splitlines()
    lines[0] += ",ghi_chu"
    lines[1:] = [line + "," for line in lines[1:]]
    lines.append("H001,Lò Thị Trùng,01/01/1980,Nữ,Thái,")
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    members = folder / "party_members.csv"
    members.write_text(members.read_text(encoding="utf-8").replace(",CB-VC-1,", ",X-VC-UBND,", 1), encoding="utf-8")
    # when
    with pytest.raises(DatasetError) as refused:
        example_load(folder=folder, actor=None)
    # then
    problems = [str(p) for p in refused.value.problems]
    assert problems[0] == (
        "people.csv, dòng 1: cột lạ “ghi_chu”; các cột dùng được: id, full_name, birth_date, gender, ethnicity"
    )
    assert "people.csv, dòng 134, cột id: “H001” trùng với dòng 2" in problems
    assert any(
        p.startswith("party_members.csv, dòng ") and p.endswith("cột party_cell: “X-VC-UBND” không phải chi bộ")
        for p in problems
    )
    assert len(problems) == 3
    assert Person.objects.count() == 0


def test_loading_into_a_database_not_yet_migrated_says_what_to_do(tmp_path):
    # given
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["KIEMDIEM_DATA_DIR"] = str(tmp_path)
    # when
    done = subprocess.run(
        [sys.executable, "-m", "kiemdiem", "example", "load"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # then
    assert done.returncode == 1
    assert done.stderr == (
        "Cơ sở dữ liệu chưa sẵn sàng (no such table: org_organisation); "
        "chạy “kiemdiem migrate” trước rồi nạp lại. Không nạp gì.\n"
    )

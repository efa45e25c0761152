import datetime as dt
import types

import openpyxl
import pytest

from kiemdiem.documents.builders import BuildError, BuildOptions, Outcome, build_cycle_documents
from kiemdiem.documents.bundle import SUMMARY_NAME, write_documents
from kiemdiem.documents.models import IssuedNumber
from kiemdiem.org.models import Collective, PartyStatusChange, PartyStatusChangeKind, Person, PositionRole
from kiemdiem.reviews.services import review_cycle_populate
from kiemdiem.rules.levels import Level
from kiemdiem.rules.reasons import Reason
from tests.documents.district import district_2021
from tests.documents.docx_helpers import all_text, open_docx
from tests.org import builders as b


@pytest.mark.django_db
def test_a_stored_cycle_gives_one_of_each_form(tmp_path):
    # given
    cycle = district_2021()
    # when
    docs = build_cycle_documents(cycle, BuildOptions(issue_date=dt.date(2022, 1, 5), issue=True))
    written = write_documents(docs, tmp_path)
    # then
    assert [p.name for p in written.files] == [
        "01-bao-cao-kiem-diem-tap-the.docx",
        "02-ban-kiem-diem-ca-nhan-lanh-dao.docx",
        "03-ban-kiem-diem-ca-nhan-dang-vien.docx",
        "04-phieu-danh-gia-can-bo.docx",
        "05-bien-ban-hoi-nghi-kiem-diem.docx",
        "06-phieu-danh-gia-xep-loai.docx",
        "07-bien-ban-kiem-phieu.docx",
        "08-quyet-dinh-cong-nhan-dang.docx",
        "09-quyet-dinh-cong-nhan-ubnd.docx",
        SUMMARY_NAME,
    ]
    assert [spec.key for spec in (p.spec for p in docs.planned)][:3] == [
        "collective_report.hd21",
        "self_review_leader.hd21",
        "self_review_member.hd21",
    ]


@pytest.mark.django_db
def test_report_header_numbers_and_signature_come_from_the_data(tmp_path):
    # given
    cycle = district_2021()
    # when
    docs = build_cycle_documents(cycle, BuildOptions(issue_date=dt.date(2022, 1, 5), issue=True))
    write_documents(docs, tmp_path)
    # then
    report = all_text(open_docx((tmp_path / "01-bao-cao-kiem-diem-tap-the.docx").read_bytes()))
    expected = (
        "ĐẢNG BỘ TỈNH HÒA LÂM",
        "HUYỆN ỦY THANH VÂN",
        "Số 01-BC/HU",
        "Thanh Vân, ngày 05 tháng 01 năm 2022",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Văn An",
        "- Ban Thường vụ Tỉnh ủy Hòa Lâm (báo cáo),",
    )
    for text in expected:
        assert text in report
    decision = all_text(open_docx((tmp_path / "09-quyet-dinh-cong-nhan-ubnd.docx").read_bytes()))
    assert "Số: 01/QĐ-UBND" in decision
    assert "TM. ỦY BAN NHÂN DÂN" in decision
    assert "Bùi Văn Long" in decision
    assert "Căn cứ Nghị định số 90/2020/NĐ-CP ngày 13/8/2020" in decision
    assert set(IssuedNumber.objects.values_list("formatted", flat=True)) == {
        "Số 01-BC/HU", "Số 01-BB/HU", "Số 02-BB/HU", "Số 01-QĐ/HU", "Số: 01/QĐ-UBND",
    }  # fmt: skip
    assert docs.notes == [
        "Số văn bản Đảng đánh theo nhiệm kỳ 2020–2025 suy ra từ năm (chưa xác nhận); dùng --term để chỉ định."
    ]


@pytest.mark.django_db
def test_a_draft_allocates_no_number_and_prints_blanks(tmp_path):
    # given
    cycle = district_2021()
    # when
    docs = build_cycle_documents(cycle, BuildOptions())
    write_documents(docs, tmp_path)
    # then
    report = all_text(open_docx((tmp_path / "01-bao-cao-kiem-diem-tap-the.docx").read_bytes()))
    assert "Số ……-BC/HU" in report
    assert "Thanh Vân, ngày …… tháng …… năm ……" in report
    assert "None" not in report
    assert IssuedNumber.objects.count() == 0


@pytest.mark.django_db
def test_decision_bases_list_the_instruments_the_rules_cited(tmp_path):
    # given
    cycle = district_2021()
    member_review = cycle.reviews.get(subject_person__full_name="Lê Văn Cường", place__isnull=True)
    reasons = (Reason("r132.m.level", "124-QĐ/TW, Điều 7", "…"), Reason("r.x", "21-HD/BTCTW, mục II", "…"))
    # when
    docs = build_cycle_documents(
        cycle, BuildOptions(outcomes={member_review.pk: Outcome(Level.HTTNV, "rated", reasons)})
    )
    write_documents(docs, tmp_path)
    # then
    decision = all_text(open_docx((tmp_path / "08-quyet-dinh-cong-nhan-dang.docx").read_bytes()))
    assert "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;" in decision
    assert "- Căn cứ Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019" in decision
    assert "- Căn cứ Quy định số 124-QĐ/TW ngày 04/10/2023" in decision
    assert "132-QĐ/TW" not in decision


@pytest.mark.django_db
def test_summary_counts_party_organisations_cells_and_members(tmp_path):
    # given
    cycle = district_2021()
    # when
    docs = build_cycle_documents(cycle, BuildOptions())
    write_documents(docs, tmp_path)
    # then
    rows = {(r.name, r.group, r.level) for r in docs.summary}
    assert rows == {
        ("Đảng bộ xã Tân An", "Tổ chức cơ sở đảng", Level.HTXSNV),
        ("Chi bộ thôn Đông", "Chi bộ trực thuộc đảng ủy cơ sở", None),
        ("Nguyễn Văn An", "Đảng viên", None),
        ("Trần Thị Bích", "Đảng viên", None),
        ("Lê Văn Cường", "Đảng viên", Level.HTTNV),
        ("Bùi Văn Long", "Đảng viên", None),
    }
    assert {r.name for r in docs.summary if r.pending} == {
        "Chi bộ thôn Đông",
        "Nguyễn Văn An",
        "Trần Thị Bích",
        "Bùi Văn Long",
    }
    detail = openpyxl.load_workbook(tmp_path / SUMMARY_NAME)["Chi tiết"]
    assert [row[4] for row in detail.iter_rows(min_row=2, values_only=True)].count("Chưa có kết quả") == 4


@pytest.mark.django_db
def test_an_exempt_member_is_listed_as_not_rated_with_the_reason(tmp_path):
    # given
    cycle = district_2021()
    person = Person.objects.get(full_name="Trần Thị Bích")
    PartyStatusChange.objects.create(
        person=person, kind=PartyStatusChangeKind.EXEMPT_WORK_AND_ACTIVITY, start_date=dt.date(2021, 3, 1)
    )
    # when
    docs = build_cycle_documents(cycle, BuildOptions())
    write_documents(docs, tmp_path)
    # then
    sheet = openpyxl.load_workbook(tmp_path / SUMMARY_NAME)["Không xếp loại"]
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [
        (1, "Trần Thị Bích", "Đảng viên", "Chi bộ thôn Đông", "Miễn công tác và sinh hoạt đảng")
    ]


def test_outcome_from_a_rules_engine_result():
    # given: the shape of kiemdiem.rules.SubjectResult
    reason = Reason("r132.m.exempt", "21-HD/BTCTW, mục II.B.1", "Miễn sinh hoạt đảng: không xếp loại.")
    result = types.SimpleNamespace(status="not_rated", rating=None, reasons=[reason])
    # when
    outcome = Outcome.from_result(result)
    # then
    assert outcome == Outcome(None, "not_rated", (reason,))


@pytest.mark.django_db
def test_a_rulebook_without_templates_is_refused_by_name():
    # given
    cycle = district_2021()
    cycle.party_rulebook = "party-132-16hd"
    # when
    with pytest.raises(BuildError) as error:
        build_cycle_documents(cycle, BuildOptions(issue=True))
    # then
    assert str(error.value) == f"kỳ {cycle}: chưa có mẫu văn bản cho bộ quy tắc party-132-16hd"
    assert IssuedNumber.objects.count() == 0


@pytest.mark.django_db
def test_state_decision_cites_the_dated_local_government_law_and_the_proposing_head(tmp_path):
    # given
    cycle = district_2021()
    # when
    docs = build_cycle_documents(cycle, BuildOptions(issue_date=dt.date(2022, 1, 5)))
    write_documents(docs, tmp_path)
    # then
    decision = all_text(open_docx((tmp_path / "09-quyet-dinh-cong-nhan-ubnd.docx").read_bytes()))
    assert (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của "
        "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;"
    ) in decision
    assert [note for note in docs.notes if "Luật Tổ chức" in note] == []


@pytest.mark.django_db
def test_a_decision_under_an_unconfirmed_law_version_says_so():
    # given: dated after 01/7/2025, when the 2025 law (in-force date not confirmed) applies
    cycle = district_2021()
    # when
    docs = build_cycle_documents(cycle, BuildOptions(issue_date=dt.date(2025, 8, 1)))
    # then
    assert [note for note in docs.notes if "Luật Tổ chức" in note] == [
        "Căn cứ 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025' (áp dụng từ 01/07/2025): ngày có "
        "hiệu lực chưa đối chiếu văn bản gốc (chưa xác nhận)."
    ]


@pytest.mark.django_db
def test_a_committee_chairman_who_also_sits_on_the_standing_committee_is_listed_once_by_the_ubnd(tmp_path):
    # given: the chairman also holds a seat in the Ban Thường vụ, so he has a review there too
    cycle = district_2021()
    chairman = Person.objects.get(full_name="Bùi Văn Long")
    btv = Collective.objects.get(name="Ban Thường vụ Huyện ủy Thanh Vân")
    b.position(chairman, collective=btv, role=PositionRole.MEMBER, title="Phó Bí thư Huyện ủy, Chủ tịch UBND huyện")
    review_cycle_populate(cycle=cycle, actor=None)
    assert cycle.reviews.filter(subject_person=chairman, place__isnull=False).count() == 2
    # when
    docs = build_cycle_documents(cycle, BuildOptions())
    write_documents(docs, tmp_path)
    # then
    table = max(
        open_docx((tmp_path / "09-quyet-dinh-cong-nhan-ubnd.docx").read_bytes()).tables, key=lambda t: len(t.rows)
    )
    names = [row.cells[1].text for row in table.rows[1:]]
    assert names == ["Bùi Văn Long"]


@pytest.mark.django_db
def test_the_standing_committee_conference_counts_its_members_as_uy_vien(tmp_path):
    # given: the Ban Thường vụ has two members in the fixture
    cycle = district_2021()
    # when
    write_documents(build_cycle_documents(cycle, BuildOptions()), tmp_path)
    # then
    minutes = all_text(open_docx((tmp_path / "05-bien-ban-hoi-nghi-kiem-diem.docx").read_bytes()))
    tally = all_text(open_docx((tmp_path / "07-bien-ban-kiem-phieu.docx").read_bytes()))
    assert "Tổng số ủy viên: 2; có mặt: …………………; vắng mặt: …………………." in minutes
    assert "Số ủy viên được triệu tập: 2;" in tally
    assert "đảng viên được triệu tập" not in tally

"""The documents of the reviewed example cycle carry its levels and votes (``kiemdiem review``,
then ``kiemdiem documents render --cycle`` on the stored cycle)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument

from kiemdiem.cli import main
from kiemdiem.documents.selectors import cycle_reviews
from kiemdiem.reviews.models import Review
from kiemdiem.reviews.workbook_import import load_and_render, workbook_cycle_load
from kiemdiem.rules.levels import Level
from kiemdiem.workbook.flow import Prepared, prepare
from tests.documents.docx_helpers import all_text, open_docx
from tests.workbook.small import set_cell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "review2021" / "thanh-van-2021.xlsx"
PARTY_DECISION = "08-quyet-dinh-cong-nhan-dang.docx"
STATE_DECISION = "09-quyet-dinh-cong-nhan-ubnd.docx"
SCOPE = "H-TV"  # the district committee: rated by its superior, not in its own decision
NOT_RATED = "……"


@pytest.fixture(scope="module")
def example() -> Prepared:
    return prepare(EXAMPLE, "2021")


def decision_rows(doc: DocxDocument) -> list[tuple[str, str, str]]:
    """(name, level, note) of each row of the decision's list (the table after the header)."""
    table = doc.tables[1]
    assert [cell.text for cell in table.rows[0].cells] == [
        "STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Mức xếp loại", "Ghi chú",
    ]  # fmt: skip
    return [(row.cells[1].text, row.cells[3].text, row.cells[4].text) for row in table.rows[1:]]


def expected_party_levels(prepared: Prepared) -> Counter[str]:
    """Per printed level, the party organisations (but the scope) and members of the results: the
    decided level, else the final level of the rules; the dotted blank when not rated."""
    arrived = (
        line.decided_level or line.final_level
        for line in prepared.lines
        if line.side == "party" and line.table in ("units", "people") and line.code != SCOPE
    )
    return Counter(level.label if level else NOT_RATED for level in arrived)


def levels_by_name(rows: list[tuple[str, str, str]]) -> dict[str, str]:
    return {name: level for name, level, _ in rows}


@pytest.mark.django_db
def test_the_decisions_print_the_level_each_review_arrived_at(example: Prepared) -> None:
    # given
    expected = expected_party_levels(example)
    # when
    rendered = load_and_render(example, use_db=False, documents=True)
    # then
    party = decision_rows(open_docx(rendered.files[PARTY_DECISION]))
    state = levels_by_name(decision_rows(open_docx(rendered.files[STATE_DECISION])))
    assert expected == Counter(
        {"Hoàn thành tốt nhiệm vụ": 126, "Hoàn thành xuất sắc nhiệm vụ": 20, "Hoàn thành nhiệm vụ": 9,
         NOT_RATED: 2, "Không hoàn thành nhiệm vụ": 1}
    )  # fmt: skip
    assert Counter(level for _, level, _ in party) == expected
    assert len(party) == 158
    assert levels_by_name(party)["Chi bộ các Ban xây dựng Đảng"] == "Hoàn thành xuất sắc nhiệm vụ"
    assert levels_by_name(party)["Chi bộ thôn Ao Sen"] == "Hoàn thành tốt nhiệm vụ"
    assert (state["Phạm Bá Dũng"], state["Quách Văn Duy"], state["Hoàng Đình Cường"]) == (
        "Hoàn thành nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
    )  # fmt: skip
    assert Counter(state.values()) == Counter(
        {"Hoàn thành tốt nhiệm vụ": 10, "Hoàn thành nhiệm vụ": 3, "Hoàn thành xuất sắc nhiệm vụ": 3}
    )


@pytest.mark.django_db
def test_members_left_unrated_get_the_reason_instead_of_a_level(example: Prepared) -> None:
    # given
    rendered = load_and_render(example, use_db=False, documents=True)
    # when
    party = decision_rows(open_docx(rendered.files[PARTY_DECISION]))
    # then
    assert [row for row in party if row[1] == NOT_RATED] == [
        (
            "Nguyễn Minh Dung",
            NOT_RATED,
            "Chỉ kiểm điểm, không xếp loại (đảng viên mới kết nạp chưa đủ 6 tháng)",
        ),
        (
            "Đào Văn Thịnh",
            NOT_RATED,
            "Không xếp loại (đảng viên được miễn công tác và sinh hoạt đảng)",
        ),
    ]
    assert all(note == "" for _, level, note in party if level != NOT_RATED)


@pytest.mark.django_db
def test_the_tally_and_the_minutes_print_the_votes_of_the_phieu_sheet(tmp_path: Path) -> None:
    # given: the standing committee's own ballot split 8 / 4 among its 12 members present
    shutil.copytree(EXAMPLE.parents[1] / "targets", tmp_path / "targets")  # the sheet "Chỉ tiêu" points there
    (tmp_path / "review2021").mkdir()
    path = Path(shutil.copy(EXAMPLE, tmp_path / "review2021" / EXAMPLE.name))
    set_cell(path, "Phiếu", "D3", 8)
    set_cell(path, "Phiếu", "E3", 4)
    prepared = prepare(path, "2021")
    # when
    rendered = load_and_render(prepared, use_db=False, documents=True)
    # then
    tally = open_docx(rendered.files["07-bien-ban-kiem-phieu.docx"])
    rows = [[cell.text for cell in row.cells] for row in tally.tables[1].rows]
    assert rows[1] == ["1", "Ban Thường vụ Huyện ủy Thanh Vân", "8 (66,67%)", "4 (33,33%)", "0 (0%)", "0 (0%)"]
    assert rows[2] == ["2", "Bùi Đức Chiến", "……", "……", "……", "……"]  # no row of his in the sheet
    assert len(rows) == 1 + 13  # the committee and its 12 members
    assert "Số ủy viên được triệu tập: 12; số phiếu phát ra: …………………; số phiếu thu về: …………………; " in all_text(tally)
    assert "số phiếu hợp lệ: 12;" in all_text(tally)
    minutes = all_text(open_docx(rendered.files["05-bien-ban-hoi-nghi-kiem-diem.docx"]))
    assert "Tổng số ủy viên: 12; có mặt: 12; vắng mặt: 0." in minutes
    assert (
        "Kết quả biểu quyết: Hoàn thành xuất sắc nhiệm vụ: 8/12 phiếu (66,67%); "
        "Hoàn thành tốt nhiệm vụ: 4/12 phiếu (33,33%)." in minutes
    )
    assert rendered.notes[-1] == (
        "Biên bản kiểm phiếu Ban Thường vụ Huyện ủy Thanh Vân: sổ không có phiếu của 12 cá nhân "
        "(Bùi Đức Chiến, Nguyễn Hữu Long, Trần Đức Vượng…); để trống cho thư ký ghi."
    )


@pytest.mark.django_db
def test_the_votes_are_stored_with_the_outcome(example: Prepared) -> None:
    # given
    loaded = workbook_cycle_load(prepared=example, actor=None)
    # when
    standing = Review.objects.get(pk=loaded.reviews["TT-BTV-HU"].pk).outcome
    commune = Review.objects.get(pk=loaded.reviews["TT-UBND-DL"].pk).outcome
    member = Review.objects.get(pk=loaded.reviews["H038@party"].pk).outcome
    # then
    assert (standing.votes, standing.voters_present, standing.ballots_valid) == (
        {"HTXSNV": 12, "HTTNV": 0, "HTNV": 0, "KHTNV": 0}, 12, 12,
    )  # fmt: skip
    assert (commune.votes, commune.voters_present, commune.ballots_valid) == (
        {"HTXSNV": 0, "HTTNV": 2, "HTNV": 3, "KHTNV": 0}, 5, 5,
    )  # fmt: skip
    assert (member.votes, member.voters_present, member.ballots_valid) == (None, None, None)


@pytest.mark.django_db
def test_the_stored_outcomes_are_read_with_the_reviews(example: Prepared, django_assert_num_queries) -> None:
    # given
    loaded = workbook_cycle_load(prepared=example, actor=None)
    reviews = cycle_reviews(loaded.cycle)
    # when
    with django_assert_num_queries(0):
        levels = Counter(review.outcome.final_level for review in reviews)
    # then
    assert sum(levels.values()) == 282
    assert levels[Level.HTXSNV.value] == sum(1 for line in example.lines if line.final_level is Level.HTXSNV)


@pytest.mark.django_db
def test_documents_render_of_the_stored_cycle_prints_the_same_levels(example: Prepared, tmp_path: Path) -> None:
    # given: the cycle loaded as `kiemdiem review … --db` does
    loaded = workbook_cycle_load(prepared=example, actor=None)
    # when
    status = main(["documents", "render", "--cycle", str(loaded.cycle.pk), "--out", str(tmp_path)])
    # then
    assert status == 0
    party = decision_rows(open_docx((tmp_path / PARTY_DECISION).read_bytes()))
    assert Counter(level for _, level, _ in party) == expected_party_levels(example)
    assert dict((name, note) for name, _, note in party)["Nguyễn Minh Dung"] == (
        "Chỉ kiểm điểm, không xếp loại (đảng viên mới kết nạp chưa đủ 6 tháng)"
    )
    sheet = all_text(open_docx((tmp_path / "04-phieu-danh-gia-can-bo.docx").read_bytes()))
    ticked = [text for text in sheet.split("\n") if text.startswith("☒")]
    assert "Họ và tên: Bùi Đức Chiến" in sheet  # H001@state: self HTTNV, rules HTXSNV, not decided
    assert ticked == ["☒ Hoàn thành tốt nhiệm vụ", "☒ Hoàn thành xuất sắc nhiệm vụ"]
    tally = open_docx((tmp_path / "07-bien-ban-kiem-phieu.docx").read_bytes())
    assert [cell.text for cell in tally.tables[1].rows[1].cells] == [
        "1", "Ban Thường vụ Huyện ủy Thanh Vân", "12 (100%)", "0 (0%)", "0 (0%)", "0 (0%)",
    ]  # fmt: skip

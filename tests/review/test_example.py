"""The example 2021 workbook of the fictitious district Thanh Vân, rated end to end (no database)."""

from __future__ import annotations

import csv
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiemdiem.rules.levels import Level
from kiemdiem.workbook.flow import Prepared, prepare
from kiemdiem.workbook.outcome import SubjectLine

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "review2021" / "thanh-van-2021.xlsx"
EXPECTED = Path(__file__).with_name("expected_2021.csv")


@pytest.fixture(scope="module")
def example() -> Prepared:
    return prepare(EXAMPLE, "2021")


def line(prepared: Prepared, subject_id: str) -> SubjectLine:
    return next(found for found in prepared.lines if found.id == subject_id)


def test_every_subject_gets_its_expected_level_and_main_reason(example: Prepared) -> None:
    # given
    with EXPECTED.open(encoding="utf-8") as handle:
        expected = [tuple(row.values()) for row in csv.DictReader(handle)]
    # when
    got = [
        (
            found.id,
            found.status,
            found.final_level.value if found.final_level else "",
            found.main_reason.rule if found.main_reason else "",
            found.main_reason.cites if found.main_reason else "",
        )
        for found in example.lines
    ]
    # then
    assert len(got) == 282
    assert got == expected


def test_collectives_are_rated_before_their_members(example: Prepared) -> None:
    # given
    layer = {found.id: found.layer for found in example.lines}
    # when / then
    assert layer["TT-BTV-HU"] < layer["H001@party"]
    assert layer["TT-LD-TNMT"] < layer["H038@party"]
    assert layer["H038@state"] < layer["H038@party"]  # the state side first
    assert layer["CB-DL-1"] > layer["TH004@party"]  # members before their chi bộ


def test_head_capped_by_his_collective(example: Prepared) -> None:
    # given
    head, collective = line(example, "H038@party"), line(example, "TT-LD-TNMT")
    # when
    reason = head.main_reason
    # then
    assert collective.final_level is Level.HTTNV
    assert (head.self_level, head.final_level) == (Level.HTXSNV, Level.HTTNV)
    assert reason is not None
    assert reason.text == "Người đứng đầu không được xếp loại cao hơn mức của tập thể, đơn vị do mình đứng đầu."
    assert reason.cites == "21-HD/BTCTW, tiết 4 điểm B mục II"
    assert [item.kind for item in head.items] == ["self_level_above_final"]


def test_head_cap_on_the_state_side_is_shown_unconfirmed(example: Prepared) -> None:
    # given
    head = line(example, "H038@state")
    # when
    reason = head.main_reason
    # then
    assert (head.engine_level, head.final_level) == (Level.HTXSNV, Level.HTTNV)
    assert reason is not None
    assert (reason.rule, reason.cites, reason.confirmed) == ("rnd90.h.cap", "NĐ 90/2020/NĐ-CP", False)
    assert head.unconfirmed is True


def test_quota_excess_with_its_proposed_resolution(example: Prepared) -> None:
    # given
    excesses = [item for item in example.items if item.kind == "quota_excess"]
    # when
    dong_luong = next(item for item in excesses if "Đông Lương" in item.text)
    # then
    assert len(excesses) == 5
    assert dong_luong.text == (
        "Nhóm Đảng bộ xã Đông Lương (21-HD/BTCTW, mục 2.3): 10 HTXSNV so với 25 HTTNV; tối đa 5 (không vượt quá 20% "
        "số HTTNV, làm tròn xuống); vượt 5. Đề nghị chuyển xuống HTTNV 5 người/tập thể: Trịnh Công Vượng "
        "(DL007@party), Vũ Xuân Khải (DL019@party), Phan Công Thịnh (DL022@party), Mai Ngọc Thảo (DL024@party), "
        "Dương Hữu Toàn (DL025@party). Cần cấp có thẩm quyền xác nhận."
    )
    assert dong_luong.cites == "21-HD/BTCTW, mục 2.3"
    assert line(example, "DL007@party").final_level is Level.HTXSNV  # proposed, never applied silently


def test_special_people_of_2021(example: Prepared) -> None:
    # given
    probationary, maternity = line(example, "VC027@party"), line(example, "VC008@party")
    reprimanded, exempt, moved = (
        line(example, "VC009@party"),
        line(example, "VC020@party"),
        line(example, "TH004@party"),
    )
    # when / then
    assert (probationary.status, probationary.final_level) == ("review_only", None)
    assert probationary.main_reason is not None
    assert probationary.main_reason.text.startswith("Đảng viên mới kết nạp chưa đủ 6 tháng")
    assert maternity.final_level is Level.HTTNV
    assert "r132.m.note.maternity" in [reason.rule for reason in maternity.reasons]
    assert reprimanded.final_level is Level.KHTNV
    assert reprimanded.main_reason is not None
    assert reprimanded.main_reason.text == "Bị kỷ luật trong năm (một vi phạm chỉ tính một lần)."
    assert (exempt.status, exempt.final_level) == ("not_rated", None)
    assert moved.final_level is Level.HTTNV
    assert moved.note == "Điều động từ xã Thịnh Hòa sang xã Đông Lương từ 15/06/2021; có nhận xét của nơi công tác cũ."
    assert example.run.subjects[[s.id for s in example.run.subjects].index("TH004@party")].party_organization == (
        "CB-DL-1"
    )


def test_state_side_bounds_the_party_rating(example: Prepared) -> None:
    # given
    state, party = line(example, "DL005@state"), line(example, "DL005@party")
    # when
    reason = party.main_reason
    # then
    assert (state.final_level, party.final_level) == (Level.HTNV, Level.HTTNV)
    assert reason is not None
    assert reason.rule == "r132.m.cap.state"
    assert reason.cites == "21-HD/BTCTW, mục II.B.2.3"


def test_vote_and_decision_conflicts_are_reported(example: Prepared) -> None:
    # given
    kinds = {item.kind: item for item in example.items}
    # when / then
    assert kinds["final_above_voted_level"].text == (
        "Ủy ban nhân dân xã Đông Lương (TT-UBND-DL): mức HTTNV cao hơn mức được quá nửa số phiếu ủng hộ "
        "(HTNV; HTXSNV: 0, HTTNV: 2, HTNV: 3, KHTNV: 0); cần giải trình."
    )
    assert kinds["decision_differs"].text == (
        "Ban Thường vụ Huyện ủy Thanh Vân (TT-BTV-HU): cấp trên đã quyết định HTTNV (125-QĐ/TU) nhưng theo quy "
        "định là HTXSNV."
    )


def test_summary_counts_and_shares(example: Prepared) -> None:
    # given / when
    text = example.summary().splitlines()
    # then
    assert text[0] == "Kết quả xếp loại — 282 chủ thể"
    assert text[2] == "Tập thể               6         19          0          0          0          0          0     25"
    assert text[7] == "Đảng viên            15        105          9          1          1          1          0    132"
    assert text[8] == "Cộng                 43        217         19          1          1          1          0    282"
    assert text[9] == "Tỷ lệ trên 280 chủ thể được xếp loại: HTXSNV 15,4%, HTTNV 77,5%, HTNV 6,8%, KHTNV 0,4%."


def test_district_committee_judged_on_the_district_targets_workbook(example: Prepared) -> None:
    # given
    committee = next(subject for subject in example.run.subjects if subject.id == "TT-BCH-HU")
    # when
    led = committee.facts["led_units"]
    # then: 28 of the 34 targets of examples/targets/thanh-van-2021.xlsx met, 27 on time, 19 exceeded
    assert led["targets_completed_share"] == pytest.approx(28 / 34)
    assert led["on_time_share"] == pytest.approx(27 / 34)
    assert led["exceeded_share"] == pytest.approx(19 / 34)
    assert led["key_targets_missed"] is True
    assert line(example, "TT-BCH-HU").final_level is Level.HTTNV


def test_results_workbook_of_the_example(example: Prepared) -> None:
    # given
    results = BytesIO(example.results)
    # when
    book = load_workbook(results)
    rows = {row[1]: row for row in book["Kết quả"].iter_rows(min_row=2, values_only=True)}
    items = list(book["Cần quyết định"].iter_rows(min_row=2, values_only=True))
    # then
    assert len(rows) == 282
    assert rows["H038@party"][8:16] == (
        "HTXSNV",
        "HTTNV",
        "HTTNV",
        None,
        "Người đứng đầu không được xếp loại cao hơn mức của tập thể, đơn vị do mình đứng đầu.",
        "21-HD/BTCTW, tiết 4 điểm B mục II",
        "có",
        "Tự xếp loại cao hơn kết quả: Phan Văn Tùng (H038@party) tự đề xuất HTXSNV nhưng mức xếp loại cuối cùng là "
        "HTTNV: cần giải thích cho chủ thể.",
    )
    assert rows["TT-BTV-HU"][11] == "HTTNV"
    assert len(items) == 27
    assert [row[0] for row in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)] == [
        "Tập thể",
        "Tổ chức đảng",
        "Cán bộ",
        "Công chức",
        "Viên chức",
        "Đảng viên",
    ]

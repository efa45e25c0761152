"""Fictitious contexts of every form (invented district "Thanh Vân", invented people), built in code."""

from __future__ import annotations

import datetime as dt

from kiemdiem.documents.contexts import (
    CollectiveReport,
    Header,
    Issuer,
    RatingSheet,
    ReviewBody,
    Scores,
    SelfReview,
    Signature,
    Votes,
)
from kiemdiem.documents.contexts_meeting import (
    Absentee,
    Ballot,
    Comment,
    Decision,
    DecisionRow,
    Minutes,
    SubjectProceedings,
    Tally,
)
from kiemdiem.documents.forms import FormSpec
from kiemdiem.rules.levels import Level

HU = Issuer("Huyện ủy Thanh Vân", "Đảng bộ tỉnh Hòa Lâm", "HU", "Thanh Vân")
CELL = Issuer("Chi bộ Văn phòng Huyện ủy", "Đảng bộ Cơ quan Huyện ủy", "CB", "Thanh Vân")
UBND = Issuer("Ủy ban nhân dân huyện Thanh Vân", None, "UBND", "Thanh Vân")
OFFICE = Issuer("Phòng Nội vụ", "Ủy ban nhân dân huyện Thanh Vân", "PNV", "Thanh Vân")
DATE = dt.date(2022, 1, 5)
SECRETARY = Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An")
VOTES = (
    Votes("Nguyễn Văn An", "Bí thư Huyện ủy", {Level.HTXSNV: 8, Level.HTTNV: 2}),
    Votes("Trần Thị Bích", "Phó Bí thư Huyện ủy", {Level.HTTNV: 9, Level.HTNV: 1}),
)


def contexts(year: int = 2021) -> dict[str, object]:
    """One context per form kind (collective report, self-review, sheet, minutes, ballot, tally, decision)."""
    header = Header(HU, year, DATE, "Số 12-BC/HU")
    body = ReviewBody(
        criteria_lines=(("Duy trì nghiêm nguyên tắc tập trung dân chủ & quy chế làm việc.",),),
        criteria_grades=("Tốt", "Xuất sắc"),
        shortcomings=("Một số chỉ tiêu thu ngân sách đạt thấp.",),
    )
    return {
        "collective_report": CollectiveReport(
            header, "Ban Thường vụ Huyện ủy Thanh Vân", SECRETARY, body, Level.HTTNV, Scores(27, 61.5),
            ("14/15 chỉ tiêu hoàn thành và hoàn thành vượt kế hoạch.",), None,
            ("Ban Thường vụ Tỉnh ủy (báo cáo),", "Lưu Văn phòng Huyện ủy."),
        ),
        "self_review": SelfReview(
            Header(CELL, year, DATE), "Lê Văn Cường", is_leader=True, birth_date=dt.date(1975, 3, 9),
            party_position="Bí thư Chi bộ", workplace="Văn phòng Huyện ủy", party_cell="Chi bộ Văn phòng Huyện ủy",
            body=body, state_level=Level.HTTNV, party_level=Level.HTTNV, scores=Scores(26, 62),
        ),
        "rating_sheet": RatingSheet(
            Header(OFFICE, year, DATE), "Phạm Thị Dung", is_leader=False, position="Chuyên viên",
            unit="Phòng Nội vụ huyện Thanh Vân", rank="Chuyên viên", salary_step=4, salary_coefficient=3.33,
            self_level=Level.HTTNV, scores=Scores(25.5, 60),
        ),
        "minutes": Minutes(
            Header(HU, year, dt.date(2021, 12, 20), "Số 05-BB/HU"),
            "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2021",
            start=dt.datetime(2021, 12, 20, 8, 0), end=dt.datetime(2021, 12, 20, 11, 30),
            meeting_place="Hội trường Huyện ủy", total_members=11, present=10,
            absentees=(Absentee("Hoàng Văn Em", "đi học"),),
            chair=("Nguyễn Văn An", "Bí thư Huyện ủy"), secretary="Võ Thị Giang",
            superior_rep=("Đặng Văn Hải", "Ủy viên Ban Thường vụ Tỉnh ủy"),
            superior_directions=("Tập trung khắc phục hạn chế về thu ngân sách.",),
            subjects=(SubjectProceedings(VOTES[0], comments=(Comment("Trần Thị Bích", "Nhất trí."),),
                                         self_level=Level.HTXSNV),),
            conclusion=("Hội nghị nhất trí đề nghị mức xếp loại như kết quả biểu quyết.",),
        ),
        "ballot": Ballot(Header(HU, year, dt.date(2021, 12, 20)), "Hội nghị kiểm điểm năm 2021",
                         (("Nguyễn Văn An", "Bí thư"), ("Trần Thị Bích", None))),
        "tally": Tally(Header(HU, year, dt.date(2021, 12, 20), "Số 06-BB/HU"), "Hội nghị kiểm điểm năm 2021",
                       ("Võ Thị Giang", "Đỗ Văn Khoa"), 11, 10, 10, 0, VOTES, dt.datetime(2021, 12, 20, 11, 0)),
        "decision": Decision(
            Header(HU, year, DATE, "Số 15-QĐ/HU"), "Ban Thường vụ Huyện ủy Thanh Vân",
            "công nhận kết quả đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2021", SECRETARY,
            ("- Căn cứ Quy định 132-QĐ/TW;",), "Ban Tổ chức Huyện ủy",
            (DecisionRow("Đảng bộ xã Tân An", "Đảng bộ huyện", Level.HTTNV),),
            ("Ban Tổ chức Huyện ủy", "các tổ chức đảng có tên tại Điều 1"),
            ("Như Điều 3,", "Lưu Văn phòng Huyện ủy."),
        ),
        "decision_state": Decision(
            Header(UBND, year, DATE, "Số: 15/QĐ-UBND"), "Chủ tịch Ủy ban nhân dân huyện Thanh Vân",
            "Về việc công nhận kết quả đánh giá, xếp loại chất lượng công chức năm 2021",
            Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Bùi Văn Long"),
            ("Căn cứ Nghị định 90/2020/NĐ-CP;",), "Trưởng phòng Nội vụ",
            (DecisionRow("Phạm Thị Dung", "Phòng Nội vụ", Level.HTTNV),), ("Trưởng phòng Nội vụ",),
            ("Như Điều 3;", "Lưu: VT, NV."), state=True,
        ),
    }  # fmt: skip


_KIND = {
    "collective_report": "collective_report",
    "self_review_leader": "self_review",
    "self_review_member": "self_review",
    "rating_sheet_cadre": "rating_sheet",
    "rating_sheet_civil_servant": "rating_sheet",
    "rating_sheet_public_employee": "rating_sheet",
    "minutes": "minutes",
    "ballot": "ballot",
    "tally": "tally",
    "decision": "decision",
}


def context_for(spec: FormSpec) -> dict[str, object]:
    """The flat template context of the sample for ``spec``."""
    kind = "decision_state" if spec.key == "decision.state" else _KIND[spec.code]
    return contexts()[kind].to_context()  # type: ignore[attr-defined]

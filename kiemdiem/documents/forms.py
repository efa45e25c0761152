"""The forms kiemdiem prints, per regime, with their source and the fields each template needs.

A regime is the set of instruments in force for a period (../shared/domain/documents.md §0):
``hd21`` Quy định 132-QĐ/TW + Hướng dẫn 21-HD/BTCTW (2019–2022), ``hd25`` Quy định 124-QĐ/TW +
Hướng dẫn 25-HD/BTCTW (2023–2024), ``hd43`` Quy định 366-QĐ/TW + Hướng dẫn 43-HD/BTCTW (from
2025); state side ``nd90`` Nghị định 90/2020/NĐ-CP (amended by 48/2023) and ``nd335`` Nghị định
335/2025/NĐ-CP (công chức, from 2026).

``confirmed`` is False where the form's wording was reconstructed from secondary sources and not
read from the official form; the command line lists such forms so the user knows.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiemdiem.documents.layout import Family
from kiemdiem.rules.levels import SubjectKind


@dataclass(frozen=True, slots=True)
class Regime:
    code: str
    name: str
    first_year: int
    last_year: int | None


REGIMES = {
    "hd21": Regime("hd21", "Quy định 132-QĐ/TW; Hướng dẫn 21-HD/BTCTW", 2019, 2022),
    "hd25": Regime("hd25", "Quy định 124-QĐ/TW; Hướng dẫn 25-HD/BTCTW", 2023, 2024),
    "hd43": Regime("hd43", "Quy định 366-QĐ/TW; Hướng dẫn 43-HD/BTCTW", 2025, None),
    "nd90": Regime("nd90", "Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP)", 2020, None),
    "nd335": Regime("nd335", "Nghị định 335/2025/NĐ-CP", 2026, None),
}


def party_regime(year: int) -> str:
    """The Party regime code for a review year; raises ``ValueError`` before 2019 (no rulebook)."""
    if year < 2019:
        raise ValueError(f"năm {year}: chưa có mẫu văn bản cho kỳ trước năm 2019")
    if year <= 2022:
        return "hd21"
    return "hd25" if year <= 2024 else "hd43"


def state_regime(kind: SubjectKind, year: int) -> str:
    """``nd335`` for công chức from 2026, ``nd90`` otherwise (NĐ 90 still governs cán bộ, viên chức)."""
    if year < 2020:
        raise ValueError(f"năm {year}: chưa có mẫu phiếu theo Nghị định 90/2020/NĐ-CP")
    return "nd335" if kind == SubjectKind.CIVIL_SERVANT and year >= 2026 else "nd90"


HEADER_BASE = ("superior_name", "issuer_name", "place_date")
HEADER = (*HEADER_BASE, "year")
SIGNED = ("signature_authority", "signature_position", "signer_name", "recipients")
REVIEW_BODY = ("criteria", "shortcomings", "causes", "remedy_results", "explanations", "responsibility", "directions")


@dataclass(frozen=True, slots=True)
class FormSpec:
    """One printable form: its template file, layout family, number type and required fields."""

    code: str
    regime: str
    title: str
    family: Family
    source: str
    confirmed: bool
    required: tuple[str, ...]
    doc_type: str | None = None  # number type abbreviation (BC, BB, QĐ); None when not numbered
    # Fields our template uses that a replacement may leave out (a word it can print as it likes).
    optional: tuple[str, ...] = ()

    @property
    def allowed(self) -> frozenset[str]:
        """Variables a replacement template may use: the required and optional ones, the number and year."""
        return frozenset((*self.required, *self.optional, "doc_number", "year"))

    @property
    def key(self) -> str:
        return f"{self.code}.{self.regime}"

    @property
    def template_name(self) -> str:
        return f"{self.key}.docx"


def _specs() -> list[FormSpec]:
    specs: list[FormSpec] = []
    for regime, confirmed in (("hd21", False), ("hd25", False), ("hd43", False)):
        scored = ("score_common", "score_results", "score_total") if regime == "hd43" else ("remedy_grade",)
        source = REGIMES[regime].name
        specs.append(
            FormSpec(
                "collective_report",
                regime,
                "Báo cáo kiểm điểm tập thể",
                Family.PARTY,
                f"{source}, mẫu 01",
                confirmed,
                (
                    *HEADER,
                    "doc_number",
                    *SIGNED,
                    "collective_name",
                    *REVIEW_BODY,
                    "results_paragraph",
                    "chart",
                    *scored,
                    "proposed_level_boxes",
                ),
                doc_type="BC",
            )
        )
        for code, title, form_no in (
            ("self_review_leader", "Bản kiểm điểm cá nhân (giữ chức vụ lãnh đạo, quản lý)", "02B"),
            ("self_review_member", "Bản kiểm điểm cá nhân (không giữ chức vụ lãnh đạo, quản lý)", "02A"),
        ):
            levels = ("party_level_boxes",) if regime == "hd43" else ("state_level_boxes", "party_level_boxes")
            specs.append(
                FormSpec(
                    code,
                    regime,
                    title,
                    Family.PARTY,
                    f"{source}, mẫu {form_no}",
                    confirmed or regime == "hd25",
                    (
                        *HEADER,
                        "full_name",
                        "birth_date",
                        "party_position",
                        "government_position",
                        "mass_org_position",
                        "workplace",
                        "party_cell",
                        "signer_name",
                        *REVIEW_BODY,
                        *scored,
                        *levels,
                        "cell_comment",
                        "decided_level_boxes",
                    ),
                )
            )
    sheet = (*HEADER, "full_name", "position", "unit", "items", "manager_items", "self_comment")
    sheet_end = ("self_level_boxes", "manager_comment", "decided_level_boxes", "signer_name")
    pay = ("rank", "salary_step", "salary_coefficient")
    nd90 = REGIMES["nd90"].name
    specs += [
        FormSpec("rating_sheet_cadre", "nd90", "Phiếu đánh giá, xếp loại chất lượng cán bộ", Family.STATE,
                 f"{nd90}, mẫu 01", True, sheet + sheet_end),
        FormSpec("rating_sheet_civil_servant", "nd90", "Phiếu đánh giá, xếp loại chất lượng công chức", Family.STATE,
                 f"{nd90}, mẫu 02", True, sheet + pay + sheet_end),
        FormSpec("rating_sheet_public_employee", "nd90", "Phiếu đánh giá, xếp loại chất lượng viên chức",
                 Family.STATE, f"{nd90}, mẫu 03", True, sheet + pay + sheet_end),
        FormSpec("rating_sheet_civil_servant", "nd335", "Phiếu đánh giá, xếp loại chất lượng công chức",
                 Family.STATE, "Nghị định 335/2025/NĐ-CP (thang điểm 30 + 70)", False,
                 sheet + pay + ("score_common", "score_results", "score_total") + sheet_end),
        FormSpec("minutes", "party", "Biên bản hội nghị kiểm điểm", Family.PARTY,
                 "Thực tiễn ghi biên bản sinh hoạt chi bộ; Hướng dẫn 36-HD/VPTW (thể thức)", False,
                 (*HEADER_BASE, "doc_number", "meeting_title", "start_time", "meeting_place", "total_members",
                  "present", "absent", "absentees", "chair_name", "chair_position", "secretary_name",
                  "superior_rep_name", "superior_rep_position", "superior_directions", "subjects",
                  "conclusion", "end_time"), doc_type="BB", optional=("member_word",)),
        FormSpec("ballot", "party", "Phiếu đánh giá, xếp loại chất lượng (bỏ phiếu kín)", Family.PARTY,
                 "Thực tiễn bỏ phiếu kín đề xuất mức xếp loại", False, (*HEADER_BASE, "meeting_title", "rows")),
        FormSpec("tally", "party", "Biên bản kiểm phiếu", Family.PARTY,
                 "Thực tiễn kiểm phiếu đánh giá, xếp loại chất lượng", False,
                 (*HEADER_BASE, "doc_number", "meeting_title", "counters", "total_voters", "ballots_issued",
                  "ballots_collected", "ballots_valid", "ballots_invalid", "rows", "end_time", "signer_name"),
                 doc_type="BB", optional=("member_word",)),
        FormSpec("decision", "party", "Quyết định công nhận kết quả đánh giá, xếp loại chất lượng", Family.PARTY,
                 "Hướng dẫn 36-HD/VPTW (thể thức); căn cứ theo các văn bản quy tắc xếp loại đã viện dẫn", True,
                 (*HEADER, "doc_number", *SIGNED, "decider_name", "subject_title", "bases", "proposer", "rows",
                  "executors"), doc_type="QĐ"),
        FormSpec("decision", "state", "Quyết định công nhận kết quả đánh giá, xếp loại chất lượng", Family.STATE,
                 "Nghị định 30/2020/NĐ-CP (thể thức); căn cứ theo các văn bản quy tắc xếp loại đã viện dẫn", True,
                 (*HEADER, "doc_number", *SIGNED, "decider_name", "subject_title", "bases", "proposer", "rows",
                  "executors"), doc_type="QĐ"),
    ]  # fmt: skip
    return specs


FORMS: dict[str, FormSpec] = {spec.key: spec for spec in _specs()}


def form(key: str) -> FormSpec:
    """The form ``code.regime``; raises ``KeyError`` listing the known keys."""
    try:
        return FORMS[key]
    except KeyError:
        raise KeyError(f"không có mẫu '{key}'; các mẫu: {', '.join(sorted(FORMS))}") from None


# Criteria headings of section I, worded after the forms of Hướng dẫn 25-HD/BTCTW (mẫu 01, 02A, 02B);
# 21-HD and 43-HD keep the same spine (documents.md §3.2–3.3).
COLLECTIVE_CRITERIA = (
    "Việc thực hiện các nguyên tắc tổ chức, hoạt động của Đảng, nhất là nguyên tắc tập trung dân chủ, "
    "và quy chế làm việc",
    "Kết quả thực hiện các mục tiêu, nhiệm vụ, chỉ tiêu theo nghị quyết đại hội và kế hoạch năm",
    "Công tác xây dựng, chỉnh đốn Đảng; nêu gương; trách nhiệm giải trình; phòng, chống tham nhũng, lãng phí, "
    'tiêu cực, "tự diễn biến", "tự chuyển hóa"; kiểm tra, giám sát, kỷ luật đảng',
    "Trách nhiệm của tập thể lãnh đạo, quản lý trong thực hiện nhiệm vụ chính trị của địa phương, cơ quan, đơn vị",
)
MEMBER_CRITERIA = (
    "Về phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc",
    "Về thực hiện chức trách, nhiệm vụ được giao",
)
LEADER_EXTRA_CRITERIA = (
    "Kết quả lãnh đạo, quản lý; mức độ hoàn thành nhiệm vụ của cơ quan, đơn vị được giao quản lý; "
    "khả năng quy tụ, đoàn kết nội bộ",
    "Tinh thần trách nhiệm, năng động, đổi mới, sáng tạo, dám nghĩ, dám làm; xử lý các vấn đề khó khăn, "
    "phức tạp, nhạy cảm",
    "Việc nêu gương của bản thân và gia đình; phòng, chống tham nhũng, lãng phí, tiêu cực; mức độ tín nhiệm",
)
COMMITMENT_CRITERION = "Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm"
STATE_ITEMS = (
    "Chính trị tư tưởng",
    "Đạo đức, lối sống",
    "Tác phong, lề lối làm việc",
    "Ý thức tổ chức kỷ luật",
    "Kết quả thực hiện chức trách, nhiệm vụ được giao",
    "Thái độ phục vụ nhân dân, doanh nghiệp",
)
STATE_MANAGER_ITEMS = (
    "Kết quả hoạt động của cơ quan, tổ chức, đơn vị được giao lãnh đạo, quản lý, phụ trách",
    "Năng lực lãnh đạo, quản lý",
    "Năng lực tập hợp, đoàn kết",
)

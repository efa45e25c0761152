"""Build the .docx templates of every form, reproducibly (python-docx, docxtpl Jinja tags inside).

Run ``python -m kiemdiem.documents.template_build`` after changing a form; the generated files in
``kiemdiem/documents/templates/documents/`` are committed, and a test checks they match this script.
Wording of the forms: ../shared/domain/documents.md §3 (Hướng dẫn 21-HD, 25-HD, 43-HD/BTCTW;
Nghị định 90/2020/NĐ-CP mẫu 01–03; Nghị định 335/2025/NĐ-CP); layout: :mod:`.layout`.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocxDocument

from kiemdiem.documents.docx_parts import (
    CENTER,
    LEFT,
    article,
    body,
    grid,
    header_block,
    lines,
    loop_table,
    new_document,
    para,
    signature_block,
    signer,
    tag,
    title_block,
    two_signers,
)
from kiemdiem.documents.forms import FORMS, FormSpec
from kiemdiem.documents.layout import LAYOUTS, Family, PageLayout

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates" / "documents"
LEVEL_SUFFIXES = ("htxsnv", "httnv", "htnv", "khtnv")


def _heading(doc: DocxDocument, text: str, layout: PageLayout) -> None:
    para(doc, text, layout, "heading", LEFT, after=3, before=3)


def _review_sections(doc: DocxDocument, layout: PageLayout, spec: FormSpec, collective: bool) -> None:
    """Sections I–VI of the review (21-HD/25-HD/43-HD share this spine)."""
    graded = spec.regime != "hd43"
    _heading(doc, "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC", layout)
    tag(doc, "{%p for c in criteria %}")
    para(doc, "{{ c.number }}. {{ c.title }}", layout, "heading", LEFT, after=3)
    tag(doc, "{%p for line in c.lines %}")
    body(doc, "{{ line }}", layout)
    tag(doc, "{%p endfor %}")
    if collective:
        tag(doc, "{%p if c.number == 2 %}")
        body(doc, "Kết quả thực hiện các chỉ tiêu:", layout)
        tag(doc, "{%p for line in results_paragraph %}")
        body(doc, "{{ line }}", layout)
        tag(doc, "{%p endfor %}")
        para(doc, "{{ chart }}", layout, "body", CENTER, after=6)
        tag(doc, "{%p endif %}")
    if graded:
        body(doc, "Tự đánh giá:  {{ c.grade }}", layout)
    tag(doc, "{%p endfor %}")
    _heading(doc, "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", layout)
    para(doc, "1. Hạn chế, khuyết điểm", layout, "heading", LEFT)
    lines(doc, "shortcomings", layout)
    para(doc, "2. Nguyên nhân", layout, "heading", LEFT)
    lines(doc, "causes", layout)
    _heading(doc, "III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CẤP CÓ THẨM QUYỀN KẾT LUẬN "
             "HOẶC ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC", layout)  # fmt: skip
    lines(doc, "remedy_results", layout)
    if graded:
        body(doc, "Tự đánh giá:  {{ remedy_grade }}", layout)
    _heading(doc, "IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)", layout)
    lines(doc, "explanations", layout)
    who = "CỦA TẬP THỂ, CÁ NHÂN" if collective else "CÁ NHÂN ĐỐI VỚI HẠN CHẾ, KHUYẾT ĐIỂM CỦA TẬP THỂ (NẾU CÓ)"
    _heading(doc, f"V. LÀM RÕ TRÁCH NHIỆM {who}", layout)
    lines(doc, "responsibility", layout)
    _heading(doc, "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM", layout)
    lines(doc, "directions", layout)


def _score_sheet(doc: DocxDocument, layout: PageLayout, level_var: str, heading: str) -> None:
    """The 100-point self-score (30 common + 70 results) of Quy định 366 / NĐ 335, then the level."""
    _heading(doc, heading, layout)
    body(doc, "1. Tự chấm điểm theo nhóm tiêu chí:", layout)
    body(doc, "- Nhóm tiêu chí chung: {{ score_common }}/30 điểm;", layout)
    body(doc, "- Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: {{ score_results }}/70 điểm;", layout)
    body(doc, "- Tổng điểm: {{ score_total }}/100 điểm.", layout)
    body(doc, "2. Đề xuất mức xếp loại chất lượng:", layout)
    lines(doc, level_var, layout)


def collective_report(spec: FormSpec, layout: PageLayout) -> DocxDocument:
    doc = new_document(layout)
    header_block(doc, layout, numbered=True)
    summary = (
        "kiểm điểm tập thể {{ collective_name }} năm {{ year }}"
        if spec.regime != "hd43"
        else "kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể {{ collective_name }} năm {{ year }}"
    )
    title_block(doc, layout, "BÁO CÁO", summary)
    body(doc, "Căn cứ kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ năm {{ year }}, tập thể {{ collective_name }} "
         "tự kiểm điểm như sau:", layout)  # fmt: skip
    if spec.regime == "hd43":
        _heading(doc, "A. NỘI DUNG KIỂM ĐIỂM", layout)
    _review_sections(doc, layout, spec, collective=True)
    if spec.regime == "hd43":
        _score_sheet(doc, layout, "proposed_level_boxes", "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI")
    else:
        _heading(doc, "VII. ĐỀ NGHỊ MỨC XẾP LOẠI CHẤT LƯỢNG", layout)
        lines(doc, "proposed_level_boxes", layout)
    signature_block(doc, layout)
    return doc


def self_review(spec: FormSpec, layout: PageLayout) -> DocxDocument:
    doc = new_document(layout)
    header_block(doc, layout, numbered=False)
    leader = spec.code.endswith("leader")
    variant = "(Dùng cho cá nhân giữ chức vụ lãnh đạo, quản lý)" if leader else (
        "(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)")  # fmt: skip
    kind = "BẢN KIỂM ĐIỂM CÁ NHÂN" if spec.regime != "hd43" else "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN"
    title_block(doc, layout, kind, "Năm {{ year }}", variant)
    for label, var in (("Họ và tên", "full_name"), ("Ngày sinh", "birth_date"), ("Chức vụ Đảng", "party_position"),
                       ("Chức vụ chính quyền", "government_position"), ("Chức vụ đoàn thể", "mass_org_position"),
                       ("Đơn vị công tác", "workplace"), ("Chi bộ", "party_cell")):  # fmt: skip
        para(doc, f"{label}: {{{{ {var} }}}}", layout, "body", LEFT, after=3)
    if spec.regime == "hd43":
        _heading(doc, "A. NỘI DUNG KIỂM ĐIỂM", layout)
    _review_sections(doc, layout, spec, collective=False)
    if spec.regime == "hd43":
        _score_sheet(doc, layout, "party_level_boxes", "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI")
    else:
        _heading(doc, "VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG", layout)
        body(doc, "1. Xếp loại cán bộ, công chức, viên chức (nếu có):", layout)
        lines(doc, "state_level_boxes", layout)
        body(doc, "2. Xếp loại đảng viên:", layout)
        lines(doc, "party_level_boxes", layout)
    table = grid(doc, (layout.text_width_mm / 2, layout.text_width_mm / 2))
    para(table.rows[0].cells[0], "", layout)
    signer(table.rows[0].cells[1], layout, "", "NGƯỜI TỰ KIỂM ĐIỂM", "{{ signer_name }}", "(Ký, ghi rõ họ tên)")
    para(doc, "", layout)
    _heading(doc, "NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY (CHI BỘ)", layout)
    lines(doc, "cell_comment", layout)
    _heading(doc, "ĐẢNG ỦY (CHI ỦY) QUYẾT ĐỊNH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN", layout)
    lines(doc, "decided_level_boxes", layout)
    return doc


_SHEET_TITLES = {
    "rating_sheet_cadre": "CÁN BỘ",
    "rating_sheet_civil_servant": "CÔNG CHỨC",
    "rating_sheet_public_employee": "VIÊN CHỨC",
}


def rating_sheet(spec: FormSpec, layout: PageLayout) -> DocxDocument:
    doc = new_document(layout)
    header_block(doc, layout, numbered=False)
    title_block(doc, layout, f"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG {_SHEET_TITLES[spec.code]}", "Năm {{ year }}")
    fields = [
        ("Họ và tên", "full_name"),
        ("Chức vụ, chức danh", "position"),
        ("Cơ quan, tổ chức, đơn vị công tác", "unit"),
    ]
    if "rank" in spec.required:
        fields += [("Ngạch (hạng)", "rank"), ("Bậc lương", "salary_step"), ("Hệ số lương", "salary_coefficient")]
    for label, var in fields:
        para(doc, f"{label}: {{{{ {var} }}}}", layout, "body", LEFT, after=3)
    _heading(doc, "I. KẾT QUẢ TỰ ĐÁNH GIÁ", layout)
    for loop in ("items", "manager_items"):
        if loop == "manager_items":
            tag(doc, "{%p if manager_items %}")
            para(doc, "PHẦN DÀNH RIÊNG CHO CÁN BỘ LÃNH ĐẠO, QUẢN LÝ", layout, "heading", CENTER, after=3)
        tag(doc, f"{{%p for c in {loop} %}}")
        para(doc, "{{ c.number }}. {{ c.title }}:", layout, "heading", LEFT)
        tag(doc, "{%p for line in c.lines %}")
        body(doc, "{{ line }}", layout)
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p endfor %}")
        if loop == "manager_items":
            tag(doc, "{%p endif %}")
    if spec.regime == "nd335":
        _score_sheet(doc, layout, "self_level_boxes", "II. TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG (THANG ĐIỂM 100)")
        body(doc, "Tự nhận xét ưu, nhược điểm:", layout)
        lines(doc, "self_comment", layout)
    else:
        _heading(doc, "II. TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG", layout)
        body(doc, "1. Tự nhận xét ưu, nhược điểm:", layout)
        lines(doc, "self_comment", layout)
        body(doc, "2. Tự xếp loại chất lượng:", layout)
        lines(doc, "self_level_boxes", layout)
    table = grid(doc, (65, layout.text_width_mm - 65))
    para(table.rows[0].cells[0], "", layout)
    para(table.rows[0].cells[1], "{{ place_date }}", layout, "place_date", CENTER, before=6)
    signer(table.rows[0].cells[1], layout, "", "NGƯỜI TỰ ĐÁNH GIÁ", "{{ signer_name }}", "(Ký, ghi rõ họ tên)")
    para(doc, "", layout)
    _heading(doc, "III. Ý KIẾN NHẬN XÉT, ĐÁNH GIÁ CỦA NGƯỜI QUẢN LÝ TRỰC TIẾP", layout)
    lines(doc, "manager_comment", layout)
    _heading(doc, "IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG (PHẦN DÀNH CHO CẤP CÓ THẨM QUYỀN)", layout)
    lines(doc, "decided_level_boxes", layout)
    return doc


def minutes(spec: FormSpec, layout: PageLayout) -> DocxDocument:
    doc = new_document(layout)
    header_block(doc, layout, numbered=True)
    title_block(doc, layout, "BIÊN BẢN", "{{ meeting_title }}")
    body(doc, "Hồi {{ start_time }}, tại {{ meeting_place }}, {{ issuer_name }} tổ chức "
         "{{ meeting_title[:1]|lower }}{{ meeting_title[1:] }}.", layout)  # fmt: skip
    body(doc, "Tổng số {{ member_word }}: {{ total_members }}; có mặt: {{ present }}; vắng mặt: {{ absent }}.", layout)
    body(doc, "Vắng mặt:", layout)
    lines(doc, "absentees", layout, prefix="- ")
    body(doc, "Chủ trì hội nghị: đồng chí {{ chair_name }}, {{ chair_position }}.", layout)
    body(doc, "Thư ký hội nghị: đồng chí {{ secretary_name }}.", layout)
    body(doc, "Đại diện cấp ủy cấp trên dự và chỉ đạo: đồng chí {{ superior_rep_name }}, {{ superior_rep_position }}.",
         layout)  # fmt: skip
    _heading(doc, "NỘI DUNG HỘI NGHỊ", layout)
    tag(doc, "{%p for s in subjects %}")
    para(doc, "{{ s.index }}. {{ s.title }}", layout, "heading", LEFT, before=6)
    tag(doc, "{%p for line in s.report_lines %}")
    body(doc, "{{ line }}", layout)
    tag(doc, "{%p endfor %}")
    body(doc, "Ý kiến góp ý:", layout)
    tag(doc, "{%p for line in s.comments %}")
    body(doc, "- {{ line }}", layout)
    tag(doc, "{%p endfor %}")
    body(doc, "Tự nhận mức xếp loại: {{ s.self_level }}.", layout)
    body(doc, "Kết quả biểu quyết: {{ s.votes }}.", layout)
    tag(doc, "{%p endfor %}")
    _heading(doc, "Ý KIẾN CHỈ ĐẠO CỦA ĐẠI DIỆN CẤP ỦY CẤP TRÊN", layout)
    lines(doc, "superior_directions", layout)
    _heading(doc, "KẾT LUẬN CỦA CHỦ TRÌ HỘI NGHỊ", layout)
    lines(doc, "conclusion", layout)
    body(doc, "Hội nghị kết thúc hồi {{ end_time }}. Biên bản đã được thông qua trước hội nghị.", layout)
    two_signers(doc, layout, ("THƯ KÝ HỘI NGHỊ", "{{ secretary_name }}"), ("CHỦ TRÌ HỘI NGHỊ", "{{ chair_name }}"))
    return doc


def ballot(spec: FormSpec, layout: PageLayout) -> DocxDocument:
    doc = new_document(layout)
    header_block(doc, layout, numbered=False)
    title_block(doc, layout, "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG", "{{ meeting_title }}")
    body(doc, "Đánh dấu (X) vào một ô mức xếp loại đề xuất cho mỗi người. Phiếu đánh dấu từ hai ô trở lên ở "
         "cùng một dòng không hợp lệ cho dòng đó.", layout, "signature_note")  # fmt: skip
    loop_table(doc, layout, ("STT", "Họ và tên", "Chức vụ", "HTXSNV", "HTTNV", "HTNV", "KHTNV"),
               ("{{ row.index }}", "{{ row.name }}", "{{ row.position }}", "", "", "", ""),
               (13, 36, 36, 20, 20, 20, 20), "rows")  # fmt: skip
    return doc


def tally(spec: FormSpec, layout: PageLayout) -> DocxDocument:
    doc = new_document(layout)
    header_block(doc, layout, numbered=True)
    title_block(doc, layout, "BIÊN BẢN KIỂM PHIẾU", "{{ meeting_title }}")
    body(doc, "Ban kiểm phiếu gồm:", layout)
    lines(doc, "counters", layout, prefix="- ")
    body(doc, "Số {{ member_word }} được triệu tập: {{ total_voters }}; số phiếu phát ra: {{ ballots_issued }}; "
         "số phiếu thu về: {{ ballots_collected }}; số phiếu hợp lệ: {{ ballots_valid }}; "
         "số phiếu không hợp lệ: {{ ballots_invalid }}.", layout)  # fmt: skip
    body(doc, "Kết quả kiểm phiếu (tỷ lệ tính trên số phiếu hợp lệ):", layout)
    cells = ["{{ row.index }}", "{{ row.name }}"]
    cells += [f"{{{{ row.{suffix} }}}}" for suffix in LEVEL_SUFFIXES]
    heads = ("STT", "Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV")
    loop_table(doc, layout, heads, tuple(cells), (12, 53, 25, 25, 25, 25), "rows")
    body(doc, "Việc kiểm phiếu kết thúc hồi {{ end_time }}.", layout)
    table = grid(doc, (layout.text_width_mm / 2, layout.text_width_mm / 2))
    para(table.rows[0].cells[0], "", layout)
    signer(table.rows[0].cells[1], layout, "T/M BAN KIỂM PHIẾU", "TRƯỞNG BAN", "{{ signer_name }}")
    return doc


def decision(spec: FormSpec, layout: PageLayout) -> DocxDocument:
    doc = new_document(layout)
    header_block(doc, layout, numbered=True)
    title_block(doc, layout, "QUYẾT ĐỊNH", "{{ subject_title }}")
    para(doc, "{{ decider_name|upper }}", layout, "heading", CENTER, after=6)
    # NĐ 30/2020 sets the căn cứ and the proposal in italics ("Theo đề nghị của …"); 36-HD upright ("Xét …").
    tag(doc, "{%p for line in bases %}")
    body(doc, "{{ line }}", layout, "basis")
    tag(doc, "{%p endfor %}")
    proposal = (
        "Theo đề nghị của {{ proposer }}." if layout.family == Family.STATE else "Xét đề nghị của {{ proposer }},"
    )
    body(doc, proposal, layout, "basis")
    para(doc, "QUYẾT ĐỊNH:", layout, "heading", CENTER, after=6, before=6)
    article(doc, 1, "Công nhận kết quả đánh giá, xếp loại chất lượng năm {{ year }} như sau:", layout)
    loop_table(doc, layout, ("STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Mức xếp loại", "Ghi chú"),
               ("{{ row.index }}", "{{ row.name }}", "{{ row.unit }}", "{{ row.level }}", "{{ row.note }}"),
               (13, 48, 40, 42, layout.text_width_mm - 143), "rows")  # fmt: skip
    article(doc, 2, "Quyết định có hiệu lực kể từ ngày ký.", layout)
    carry_out = (
        "chịu trách nhiệm thi hành Quyết định này" if layout.family == Family.STATE else "căn cứ Quyết định thi hành"
    )
    article(doc, 3, f"{{{{ executors }}}} {carry_out}.", layout)
    signature_block(doc, layout)
    return doc


BUILDERS: dict[str, Callable[[FormSpec, PageLayout], DocxDocument]] = {
    "collective_report": collective_report,
    "self_review_leader": self_review,
    "self_review_member": self_review,
    "rating_sheet_cadre": rating_sheet,
    "rating_sheet_civil_servant": rating_sheet,
    "rating_sheet_public_employee": rating_sheet,
    "minutes": minutes,
    "ballot": ballot,
    "tally": tally,
    "decision": decision,
}


def build(spec: FormSpec) -> bytes:
    """The .docx bytes of ``spec``'s template."""
    doc = BUILDERS[spec.code](spec, LAYOUTS[spec.family])
    core = doc.core_properties
    core.author, core.title = "kiemdiem", spec.title
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same archive with fixed entry dates, so that an unchanged form rebuilds byte for byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def main(out_dir: Path = TEMPLATE_DIR) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for spec in FORMS.values():
        (out_dir / spec.template_name).write_bytes(build(spec))
        print(f"{spec.template_name}: {spec.title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

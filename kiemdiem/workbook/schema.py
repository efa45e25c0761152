"""The cycle workbook's sheets and columns (Vietnamese headers), and the code tables its cells use.

One :class:`Sheet` per worksheet: its Vietnamese name, its columns in order (header, key, type,
required). The reader checks the headers of row 1 against this list exactly; the template writer
writes them. The code tables mirror the choices of ``kiemdiem.org.models`` (a test keeps them
equal) so that this package stays free of Django. See docs/workbook.md.
"""

from __future__ import annotations

from dataclasses import dataclass

# Column types: how a cell is read (see kiemdiem.workbook.cells).
TEXT, CODE, DATE, BOOL, INT, NUMBER, PERCENT, LEVEL, GRADE, SIDE = (
    "text",
    "code",
    "date",
    "bool",
    "int",
    "number",
    "percent",
    "level",
    "grade",
    "side",
)


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    type: str = TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (code, Vietnamese label) for type "code" with a fixed table
    note: str = ""  # what the template's instructions say about the column


@dataclass(frozen=True)
class Sheet:
    name: str
    key: str
    columns: tuple[Column, ...]
    about: str

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns)


ORG_LEVELS = (
    ("central", "Trung ương"),
    ("province", "Tỉnh, thành phố"),
    ("district", "Huyện, quận, thị xã"),
    ("commune", "Xã, phường, thị trấn"),
    ("grassroots", "Cơ sở"),
)
ORG_KINDS = (
    ("party_committee", "Đảng bộ"),
    ("party_cell", "Chi bộ"),
    ("party_advisory", "Cơ quan tham mưu, giúp việc cấp ủy"),
    ("peoples_council", "Hội đồng nhân dân"),
    ("peoples_committee", "Ủy ban nhân dân"),
    ("specialist_agency", "Cơ quan chuyên môn"),
    ("front_and_mass", "Mặt trận Tổ quốc và đoàn thể"),
    ("public_service_unit", "Đơn vị sự nghiệp công lập"),
    ("enterprise", "Doanh nghiệp"),
    ("other", "Khác"),
)
PARTY_ORG_KINDS = frozenset({"party_committee", "party_cell"})
PARTY_SIDE_ORG_KINDS = frozenset({"party_committee", "party_cell", "party_advisory"})
COLLECTIVE_KINDS = (
    ("bch", "Ban Chấp hành"),
    ("btv", "Ban Thường vụ"),
    ("thuong_truc_cap_uy", "Thường trực cấp ủy"),
    ("uy_ban_kiem_tra", "Ủy ban Kiểm tra"),
    ("thuong_truc_hdnd", "Thường trực HĐND"),
    ("ubnd", "Ủy ban nhân dân"),
    ("tap_the_lanh_dao", "Tập thể lãnh đạo, quản lý"),
    ("dang_uy", "Đảng ủy"),
    ("chi_uy", "Chi ủy"),
    ("dang_doan_ban_can_su", "Đảng đoàn, Ban cán sự đảng"),
    ("other", "Khác"),
)
PARTY_COLLECTIVE_KINDS = frozenset(
    {"bch", "btv", "thuong_truc_cap_uy", "uy_ban_kiem_tra", "dang_uy", "chi_uy", "dang_doan_ban_can_su"}
)
GENDERS = (("male", "Nam"), ("female", "Nữ"))
PARTY_STATUSES = (("official", "Chính thức"), ("probationary", "Dự bị"))
STATE_CATEGORIES = (("can_bo", "Cán bộ"), ("cong_chuc", "Công chức"), ("vien_chuc", "Viên chức"))
ROLES = (("head", "Người đứng đầu"), ("deputy", "Cấp phó"), ("member", "Thành viên"))
DISCIPLINE_FORMS = (
    ("khien_trach", "Khiển trách"),
    ("canh_cao", "Cảnh cáo"),
    ("cach_chuc", "Cách chức"),
    ("ha_bac_luong", "Hạ bậc lương"),
    ("giang_chuc", "Giáng chức"),
    ("buoc_thoi_viec", "Buộc thôi việc"),
    ("khai_tru", "Khai trừ"),
)
EXEMPTIONS = (
    ("none", "Không"),
    ("exempt_work_and_activity", "Miễn công tác và sinh hoạt đảng"),
    ("suspended_party_activity", "Đình chỉ sinh hoạt đảng"),
    ("suspended_committee_activity", "Đình chỉ sinh hoạt cấp ủy"),
)
SIDES = (("party", "Đảng"), ("state", "Chính quyền"))
GRADES = (("xuat_sac", "Xuất sắc"), ("tot", "Tốt"), ("trung_binh", "Trung bình"), ("kem", "Kém"))

PERIOD = Sheet(
    "Kỳ kiểm điểm",
    "cycle",
    (
        Column("Mã phạm vi", "scope", CODE, True, note="mã tổ chức cao nhất của kỳ (trong sheet Đơn vị)"),
        Column("Kỳ", "period", TEXT, True, note="năm (2021), quý (2025-Q2) hoặc nhiệm kỳ (2020-2025)"),
        Column("Ngày mở kỳ", "opened_on", DATE, note="dd/mm/yyyy"),
    ),
    "Một dòng: phạm vi và kỳ kiểm điểm.",
)
UNITS = Sheet(
    "Đơn vị",
    "units",
    (
        Column("Mã", "id", TEXT, True),
        Column("Tên", "name", TEXT, True),
        Column("Tên ngắn", "short_name"),
        Column("Ký hiệu", "symbol", note="ký hiệu trên số văn bản (HU, UBND, ĐU, CB …)"),
        Column("Cấp", "level", CODE, True, ORG_LEVELS),
        Column("Loại", "kind", CODE, True, ORG_KINDS),
        Column("Mã cấp trên", "parent", CODE),
        Column("Địa danh", "place_name"),
        Column("Được kiểm điểm", "reviewed", BOOL, note="có: đơn vị (tổ chức đảng) được xếp loại trong kỳ"),
    ),
    "Tổ chức, đơn vị trong phạm vi kỳ kiểm điểm.",
)
COLLECTIVES = Sheet(
    "Tập thể",
    "collectives",
    (
        Column("Mã", "id", TEXT, True),
        Column("Tên", "name", TEXT, True),
        Column("Loại", "kind", CODE, True, COLLECTIVE_KINDS),
        Column("Mã đơn vị", "organisation", CODE, True),
        Column("Lãnh đạo, quản lý", "is_leadership", BOOL),
    ),
    "Tập thể lãnh đạo, quản lý được kiểm điểm (Ban Thường vụ, UBND, tập thể lãnh đạo phòng …).",
)
PEOPLE = Sheet(
    "Cá nhân",
    "people",
    (
        Column("Mã", "id", TEXT, True),
        Column("Họ và tên", "full_name", TEXT, True),
        Column("Ngày sinh", "birth_date", DATE),
        Column("Giới tính", "gender", CODE, True, GENDERS),
        Column("Dân tộc", "ethnicity"),
        Column("Đảng viên", "party_status", CODE, False, PARTY_STATUSES, "chính thức, dự bị; để trống nếu không"),
        Column("Ngày kết nạp", "admission_date", DATE),
        Column("Ngày chính thức", "official_date", DATE),
        Column("Mã chi bộ", "party_cell", CODE),
        Column("Cán bộ, công chức, viên chức", "state_category", CODE, False, STATE_CATEGORIES),
        Column("Mã đơn vị công tác", "work_unit", CODE),
    ),
    "Mỗi người một dòng; người được nhắc ở các sheet khác bằng mã, không bằng tên.",
)
POSITIONS = Sheet(
    "Chức vụ",
    "positions",
    (
        Column("Mã", "id", TEXT, True),
        Column("Mã cá nhân", "person", CODE, True),
        Column("Chức danh", "title", TEXT, True),
        Column("Vai trò", "role", CODE, True, ROLES),
        Column("Mã đơn vị", "organisation", CODE),
        Column("Mã tập thể", "collective", CODE),
        Column("Từ ngày", "start_date", DATE, True),
        Column("Đến ngày", "end_date", DATE),
        Column("Kiêm nhiệm", "is_concurrent", BOOL, note="có: chức vụ kiêm nhiệm (phải ghi rõ khi giữ nhiều chức vụ)"),
        Column("Nơi kiểm điểm", "is_review_place", BOOL),
    ),
    "Mỗi chức vụ một dòng; người giữ nhiều chức vụ cùng lúc phải ghi 'có' ở cột Kiêm nhiệm cho chức vụ thêm.",
)
TARGETS = Sheet(
    "Chỉ tiêu",
    "targets",
    (
        Column("Mã tập thể hoặc đơn vị", "subject", CODE, True),
        Column(
            "Tệp bảng chỉ tiêu",
            "targets_file",
            note="tệp .xlsx có trang “Chỉ tiêu” (mẫu của kiemdiem targets), đường dẫn tính từ thư mục của sổ này; "
            "khi có tệp, các tỷ lệ được tính từ tệp và để trống ở đây",
        ),
        Column("Tỷ lệ chỉ tiêu hoàn thành (%)", "targets_completed_share", PERCENT),
        Column("Có chỉ tiêu chủ yếu không hoàn thành", "key_targets_missed", BOOL),
        Column("Tỷ lệ đúng hạn (%)", "on_time_share", PERCENT),
        Column("Tỷ lệ vượt kế hoạch (%)", "exceeded_share", PERCENT),
        Column("Nguyên nhân bất khả kháng", "force_majeure", BOOL),
        Column("Đơn vị thuộc quyền: tổng số", "units.total", INT),
        *(Column(f"Đơn vị thuộc quyền: {code}", f"units.{code}", INT) for code in ("HTXSNV", "HTTNV", "HTNV", "KHTNV")),
    ),
    "Kết quả chỉ tiêu của tập thể, đơn vị (ghi tỷ lệ, hoặc chỉ đến tệp bảng chỉ tiêu) và mức xếp loại của các "
    "đơn vị thuộc quyền; "
    "dùng cho tập thể, đơn vị và người lãnh đạo, quản lý ở đó.",
)
_CRITERIA = (
    ("political_ideology", "Tiêu chí chính trị tư tưởng"),
    ("ethics_lifestyle", "Tiêu chí đạo đức, lối sống"),
    ("discipline", "Tiêu chí ý thức tổ chức kỷ luật"),
    ("working_style", "Tiêu chí tác phong, lề lối làm việc"),
    ("task_results", "Tiêu chí kết quả thực hiện nhiệm vụ"),
    ("organization_building", "Tiêu chí xây dựng tổ chức (tập thể)"),
)
CRITERIA_KEYS = tuple(key for key, _ in _CRITERIA)
SELF = Sheet(
    "Tự đánh giá",
    "self",
    (
        Column("Mã chủ thể", "subject", CODE, True, note="mã đơn vị, tập thể hoặc cá nhân"),
        Column("Bên", "side", SIDE, note="Đảng hoặc Chính quyền (cá nhân: nơi được xếp loại)"),
        Column("Tự xếp loại", "self_level", LEVEL),
        Column(
            "Nhóm so sánh (tỷ lệ)",
            "quota_group",
            note="nhóm tính tỷ lệ HTXSNV; để trống: tổ chức đảng theo cấp ủy cấp trên trực tiếp, "
            "tập thể theo phạm vi kỳ",
        ),
        *(Column(header, f"criteria.{key}", GRADE) for key, header in _CRITERIA),
        Column("Điểm nhóm tiêu chí chung (0–30)", "score.common", NUMBER),
        Column("Điểm kết quả thực hiện nhiệm vụ (0–70)", "score.results", NUMBER),
        Column("Nhiệm vụ được giao", "tasks.assigned", INT),
        Column("Nhiệm vụ hoàn thành", "tasks.completed", INT),
        Column("Hoàn thành đúng hạn", "tasks.on_time", INT),
        Column("Hoàn thành vượt", "tasks.exceeded", INT),
        Column("Chậm hoặc chất lượng thấp", "tasks.late_or_low_quality", INT),
        Column("Số tháng công tác", "months_worked", NUMBER),
        Column("Nghỉ ốm (tháng)", "leave.sick", NUMBER),
        Column("Nghỉ thai sản (tháng)", "leave.maternity", NUMBER),
        Column("Kỷ luật trong kỳ", "discipline.form", CODE, False, DISCIPLINE_FORMS),
        Column("Kỷ luật về", "discipline.track", SIDE, note="Đảng hoặc Chính quyền"),
        Column("Vi phạm khi thực thi công vụ", "discipline.in_public_duty", BOOL),
        Column("Miễn, đình chỉ sinh hoạt", "exemption", CODE, False, EXEMPTIONS),
        Column("Mất đoàn kết", "disunity", BOOL),
        Column("Suy thoái, tự diễn biến, tự chuyển hóa", "degradation", BOOL),
        Column("Ghi chú", "note"),
    ),
    "Mỗi chủ thể được xếp loại một dòng (cá nhân vừa là đảng viên vừa là CBCCVC: một dòng mỗi bên).",
)
BALLOTS = Sheet(
    "Phiếu",
    "ballots",
    (
        Column("Mã chủ thể", "subject", CODE, True),
        Column("Bên", "side", SIDE),
        Column("Số người dự", "present", INT, True),
        Column("Phiếu HTXSNV", "HTXSNV", INT, True),
        Column("Phiếu HTTNV", "HTTNV", INT, True),
        Column("Phiếu HTNV", "HTNV", INT, True),
        Column("Phiếu KHTNV", "KHTNV", INT, True),
    ),
    "Kết quả kiểm phiếu đề xuất mức xếp loại tại hội nghị kiểm điểm.",
)
DECISIONS = Sheet(
    "Quyết định cấp trên",
    "decisions",
    (
        Column("Mã chủ thể", "subject", CODE, True),
        Column("Bên", "side", SIDE),
        Column("Mức đã quyết định", "level", LEVEL, True),
        Column("Số quyết định", "number"),
        Column("Ngày quyết định", "date", DATE),
    ),
    "Mức cấp có thẩm quyền đã quyết định (nếu có); được đối chiếu với mức tính theo quy định.",
)

SHEETS: tuple[Sheet, ...] = (PERIOD, UNITS, COLLECTIVES, PEOPLE, POSITIONS, TARGETS, SELF, BALLOTS, DECISIONS)
REQUIRED_SHEETS = (PERIOD, UNITS, COLLECTIVES, PEOPLE, POSITIONS, SELF)
INSTRUCTIONS_SHEET = "Hướng dẫn"

"""Build the example target sheets of examples/targets/ (run: ``.venv/bin/python examples/targets/build.py``).

- ``thuong-tin-2022-2024.xlsx``: public figures of Thường Tín district (Hà Nội) for 2022–2024, as
  published by the press (see the ``Nguồn`` column). Plans are not published; where a "% of plan"
  is, the plan is derived from it (actual ÷ %) and the ``Ghi chú`` column says so. Published growth
  rates are kept as published, even where they differ from the ratio of the published actuals.
- ``thanh-van-2021.xlsx``: the fictitious district of Thanh Vân, 2019–2021: 15 targets assigned
  by the city and 19 by the district itself, with a realistic mix of statuses.

Numbers are written as text the Vietnamese way (1.756,292), as district offices type them. The
workbook's timestamps are fixed so that rebuilding gives the same content.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from kiemdiem.targets.numbers import format_vn_number

HERE = Path(__file__).resolve().parent
FIXED = ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Cấp giao", "Chiều đánh giá", "Trọng tâm", "Chỉ tiêu cơ bản (366)"]
TAIL = ["Ghi chú", "Nguồn"]
HIGHER, LOWER, YES_NO, CRITERIA = "Càng cao càng tốt", "Càng thấp càng tốt", "Đạt/Không đạt", "Bộ tiêu chí"
SUP, OWN = "Cấp trên giao", "Tự giao"
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)  # noqa: DTZ001 (openpyxl stores naive UTC times)


def vn(value: str | None) -> str | None:
    """'1756.292' → '1.756,292' (text as typed in the office); None stays empty."""
    return None if value is None else format_vn_number(Decimal(value))


def pct(value: str | None) -> str | None:
    """'151.85' → '151,85%'."""
    return None if value is None else format_vn_number(Decimal(value)) + "%"


def derived_plan(actual: str, percent: str) -> str:
    """The plan implied by a published actual and "% of plan", to 3 decimals (as the sheet keeps it)."""
    plan = Decimal(actual) / (Decimal(percent) / 100)
    return str(plan.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP).normalize())


def write(path: Path, title: str, meta: list[tuple[str, str]], years: list[int], columns: list[str], rows: list[dict]):
    """Write one sheet ``Chỉ tiêu``: title, metadata pairs, header, one row per target."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Chỉ tiêu"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    for key, value in meta:
        sheet.append([key, value])
    sheet.append([])
    header = FIXED + [f"{name} {year}" for year in years for name in columns] + TAIL
    sheet.append(header)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for number, row in enumerate(rows, start=1):
        values = [number, row["code"], row["indicator"], row["unit"], row["assigner"], row["direction"]]
        values += ["x" if row.get("key") else None, row.get("basic")]
        for year in years:
            figures = row.get("years", {}).get(year, {})
            values += [figures.get(name) for name in columns]
        values += [row.get("note"), row.get("source")]
        sheet.append(values)
    widths = {"A": 5, "B": 8, "C": 46, "D": 12, "E": 14, "F": 18, "G": 9, "H": 16}
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = "kiemdiem examples/targets/build.py"
    workbook.save(path)


# --- Thường Tín, 2022–2024 (public figures; ../shared/domain/scale.md §5.3) -----------------------

SRC_2022 = "nhipsonghanoi.hanoimoi.com.vn/tin-tuc/co-so/828115 (2022)"
SRC_2023 = "vtc.vn/huyen-thuong-tin-tong-thu-ngan-sach-nha-nuoc-nam-2023-dat-tren-1-756-ty-dong-ar849742.html (2023)"
SRC_2024 = "lite.baomoi.com/huyen-thuong-tin-thu-ngan-sach-nam-2024-dat-1-436-ty-dong-vuot-du-toan-c50995611.epi (2024)"
SRC_2024_H1 = "beta.kinhtedothi.vn/huyen-thuong-tin-tong-thu-ngan-sach-6-thang-dau-nam-2024-dat-868-000-trieu-dong"
TT_COLUMNS = ["Kế hoạch", "Thực hiện", "% kế hoạch (công bố)", "Tăng so với cùng kỳ (công bố)"]
ASSUMED_OWN = "Cấp giao không nêu trong nguồn: ghi là huyện giao (giả định)."


def tt_year(actual: str | None, growth: str | None = None, percent: str | None = None, plan: str | None = None):
    """One year of a Thường Tín target: plan derived from the published % when only that is given."""
    if plan is None and percent is not None and actual is not None:
        plan = derived_plan(actual, percent)
    return {
        "Kế hoạch": vn(plan),
        "Thực hiện": vn(actual),
        "% kế hoạch (công bố)": pct(percent),
        "Tăng so với cùng kỳ (công bố)": pct(growth),
    }


def thuong_tin() -> None:
    budget = {
        2022: tt_year("1132.668", percent="147.38"),
        2023: tt_year("1756.292", growth="57.77", percent="151.85"),
        2024: tt_year("1436", percent="116.63"),
    }
    rows = [
        {
            "code": "TT-01",
            "indicator": "Giá trị sản xuất công nghiệp – xây dựng",
            "unit": "tỷ đồng",
            "assigner": OWN,
            "direction": HIGHER,
            "years": {
                2022: tt_year("22543", growth="16.2", percent="100"),
                2023: tt_year("26465", growth="17.4"),
                2024: tt_year("31467", growth="18.9", percent="100"),
            },
            "note": "Kế hoạch 2022, 2024 suy ra từ “đạt 100% kế hoạch”; kế hoạch 2023 không công bố. " + ASSUMED_OWN,
            "source": f"{SRC_2022}; {SRC_2023}; {SRC_2024}",
        },
        {
            "code": "TT-02",
            "indicator": "Giá trị thương mại – dịch vụ",
            "unit": "tỷ đồng",
            "assigner": OWN,
            "direction": HIGHER,
            "years": {
                2022: tt_year("15916", growth="16.6"),
                2023: tt_year("18653", growth="17.2"),
                2024: tt_year("22115", growth="18.6", percent="100"),
            },
            "note": "Kế hoạch 2024 suy ra từ “đạt 100% kế hoạch”; kế hoạch 2022, 2023 không công bố. " + ASSUMED_OWN,
            "source": f"{SRC_2022}; {SRC_2023}; {SRC_2024}",
        },
        {
            "code": "TT-03",
            "indicator": "Giá trị sản xuất nông nghiệp",
            "unit": "tỷ đồng",
            "assigner": OWN,
            "direction": HIGHER,
            "years": {
                2022: tt_year("1723", growth="2.7"),
                2023: tt_year("1764", growth="2.4"),
                2024: tt_year(None, plan=derived_plan("992", "54.9")),
            },
            "note": "2024: chỉ có số 6 tháng (992 tỷ đồng, bằng 54,9% kế hoạch), kế hoạch suy ra từ đó; "
            "chưa có số cả năm. " + ASSUMED_OWN,
            "source": f"{SRC_2022}; {SRC_2023}; {SRC_2024_H1}",
        },
        {
            "code": "TT-04",
            "indicator": "Thu ngân sách nhà nước trên địa bàn",
            "unit": "tỷ đồng",
            "assigner": SUP,
            "direction": HIGHER,
            "key": True,
            "basic": "Thu ngân sách",
            "years": budget,
            "note": "Kế hoạch (dự toán) suy ra từ tỷ lệ so với dự toán công bố. Mức tăng 2023 giữ số công bố "
            "(57,77%), khác tỷ số thực hiện 2023/2022 trong bảng. 2024 công bố “trên 1.436 tỷ đồng” "
            "(trong đó tiền sử dụng đất 737 tỷ đồng). Dự toán do thành phố giao (giả định theo phân cấp ngân sách).",
            "source": f"{SRC_2022}; {SRC_2023}; {SRC_2024}",
        },
        {
            "code": "TT-05",
            "indicator": "Thu ngân sách địa phương",
            "unit": "tỷ đồng",
            "assigner": SUP,
            "direction": HIGHER,
            "years": {
                2022: tt_year("3231.156"),
                2023: tt_year("4254.591", percent="178.83"),
            },
            "note": "Kế hoạch 2023 suy ra từ tỷ lệ so với dự toán công bố; 2024 chỉ có số 6 tháng (4.970,374 tỷ đồng), "
            "không ghi. Dự toán do thành phố giao (giả định theo phân cấp ngân sách).",
            "source": f"{SRC_2022}; {SRC_2023}; {SRC_2024_H1}",
        },
    ]
    write(
        HERE / "thuong-tin-2022-2024.xlsx",
        "Số liệu công bố: chỉ tiêu kinh tế – xã hội huyện Thường Tín, 2022–2024",
        [("Đơn vị", "Huyện Thường Tín"), ("Cấp trên giao", "thành phố giao"), ("Tự giao", "huyện giao")],
        [2022, 2023, 2024],
        TT_COLUMNS,
        rows,
    )


# --- Thanh Vân (fictitious), 2019–2021 -------------------------------------------------------------

TV_COLUMNS = ["Kế hoạch", "Ước thực hiện", "Thực hiện", "Hạn", "Ngày đạt", "Tăng so với cùng kỳ (công bố)"]


def tv(plan: str, actual: str | None = None, *, estimate: str | None = None, **extra: str | None) -> dict:
    """One year of a Thanh Vân target (Vietnamese-written text)."""
    figures: dict[str, str | None] = {"Kế hoạch": vn(plan) if plan[0].isdigit() else plan}
    figures["Thực hiện"] = vn(actual) if actual and actual[0].isdigit() else actual
    figures["Ước thực hiện"] = vn(estimate)
    figures["Hạn"] = extra.get("deadline")
    figures["Ngày đạt"] = extra.get("achieved")
    figures["Tăng so với cùng kỳ (công bố)"] = pct(extra.get("growth"))
    return figures


def target(code: str, indicator: str, unit: str, assigner: str, direction: str, years: dict, **more) -> dict:
    return {"code": code, "indicator": indicator, "unit": unit, "assigner": assigner, "direction": direction,
            "years": years, **more}  # fmt: skip


def thanh_van() -> None:
    c, d = SUP, OWN
    rows = [
        target("C01", "Tốc độ tăng giá trị sản xuất", "%", c, HIGHER, {2021: tv("8.5", "9.2")}, key=True,
               basic="Tăng trưởng kinh tế"),
        target("C02", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", c, HIGHER,
               {2019: tv("820", "968.2"), 2020: tv("900", "1102.735", growth="13.9"),
                2021: tv("1050", "1386.45", growth="25.73")}, key=True, basic="Thu ngân sách"),
        target("C03", "Tỷ lệ giải ngân vốn đầu tư công", "%", c, HIGHER, {2021: tv("95", "96.4")}, key=True,
               basic="Giải ngân đầu tư công"),
        target("C04", "Thu nhập bình quân đầu người", "triệu đồng", c, HIGHER, {2021: tv("62", "60.1")},
               basic="Thu nhập bình quân đầu người"),
        target("C05", "Tỷ lệ hộ nghèo", "%", c, LOWER, {2021: tv("1.2", "0.98")}, basic="Giảm nghèo"),
        target("C06", "Tỷ lệ lao động qua đào tạo", "%", c, HIGHER, {2021: tv("72", "72.5")}),
        target("C07", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", c, HIGHER, {2021: tv("92", "92")}),
        target("C08", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân", "%", c, LOWER, {2021: tv("6.5", "6.2")}),
        target("C09", "Tỷ lệ sinh con thứ ba trở lên", "%", c, LOWER, {2021: tv("3.1", "3.45")}),
        target("C10", "Số xã đạt chuẩn nông thôn mới nâng cao", "xã", c, HIGHER, {2021: tv("6", "6")}, key=True),
        target("C11", "Tỷ lệ trường công lập đạt chuẩn quốc gia", "%", c, HIGHER, {2021: tv("80", "81.3")}),
        target("C12", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”", "%", c, HIGHER, {2021: tv("88", "89.1")}),
        target("C13", "Tỷ lệ hộ dân được dùng nước sạch", "%", c, HIGHER, {2021: tv("100", "100")}),
        target("C14", "Tỷ lệ rác thải sinh hoạt được thu gom, xử lý trong ngày", "%", c, HIGHER,
               {2021: tv("100", "100")}),
        target("C15", "Tỷ lệ lao động tham gia bảo hiểm xã hội bắt buộc", "%", c, HIGHER, {2021: tv("40", "41.2")}),
        target("D01", "Giá trị sản xuất công nghiệp – xây dựng", "tỷ đồng", d, HIGHER,
               {2019: tv("12800", "13105"), 2020: tv("14000", "14230"), 2021: tv("15200", estimate="15684")}),
        target("D02", "Giá trị thương mại – dịch vụ", "tỷ đồng", d, HIGHER, {2021: tv("10500", estimate="10212")}),
        target("D03", "Giá trị sản xuất nông nghiệp", "tỷ đồng", d, HIGHER, {2021: tv("1650", "1661")}),
        target("D04", "Tổng vốn đầu tư phát triển trên địa bàn", "tỷ đồng", d, HIGHER, {2021: tv("6800", "7015")}),
        target("D05", "Số doanh nghiệp thành lập mới", "doanh nghiệp", d, HIGHER, {2021: tv("250", "212")}, key=True),
        target("D06", "Thu tiền sử dụng đất", "tỷ đồng", d, HIGHER, {2021: tv("600", "702.3")}),
        target("D07", "Đường giao thông nông thôn được cải tạo, nâng cấp", "km", d, HIGHER,
               {2021: tv("35", "35", deadline="30/09/2021", achieved="20/09/2021")}),
        target("D08", "Phòng học xây mới đưa vào sử dụng", "phòng", d, HIGHER,
               {2021: tv("60", "60", deadline="30/06/2021", achieved="15/08/2021")}),
        target("D09", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", d, HIGHER, {2021: tv("98", "99.1")}),
        target("D10", "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo thuộc thẩm quyền", "%", d, HIGHER,
               {2021: tv("90", "93.5")}),
        target("D11", "Số hộ thoát nghèo", "hộ", d, HIGHER, {2021: tv("120", "131")}),
        target("D12", "Tỷ lệ làng, cụm dân cư đạt danh hiệu văn hóa", "%", d, HIGHER, {2021: tv("65", "66.4")}),
        target("D13", "Số xã đạt chuẩn nông thôn mới kiểu mẫu", "xã", d, HIGHER, {2021: tv("2", "1")}, key=True),
        target("D14", "Tổ chức thành công bầu cử đại biểu Quốc hội và HĐND các cấp", "", d, YES_NO,
               {2021: tv("Đạt", "Đạt", deadline="23/05/2021", achieved="23/05/2021")}, key=True),
        target("D15", "Tiêu chí huyện nông thôn mới nâng cao đạt chuẩn", "tiêu chí", d, CRITERIA,
               {2021: tv("9", "9")}),
        target("D16", "Tỷ lệ cơ quan, đơn vị đạt chuẩn văn hóa", "%", d, HIGHER, {2021: tv("95", "93.1")}),
        target("D17", "Số vụ tai nạn giao thông", "vụ", d, LOWER, {2021: tv("40", "36")}),
        target("D18", "Tỷ lệ người cao tuổi có thẻ bảo hiểm y tế", "%", d, HIGHER, {2021: tv("100", "100")}),
        target("D19", "Số lao động được giải quyết việc làm mới", "người", d, HIGHER, {2021: tv("4500", "4726")}),
    ]  # fmt: skip
    for row in rows:
        row["note"] = "Số liệu hư cấu (huyện mẫu)."
    write(
        HERE / "thanh-van-2021.xlsx",
        "Chỉ tiêu kinh tế – xã hội huyện Thanh Vân (hư cấu), 2019–2021",
        [("Đơn vị", "Huyện Thanh Vân"), ("Cấp trên giao", "thành phố giao"), ("Tự giao", "huyện giao")],
        [2019, 2020, 2021],
        TV_COLUMNS,
        rows,
    )


if __name__ == "__main__":
    thuong_tin()
    thanh_van()
    print("Đã ghi:", ", ".join(sorted(p.name for p in HERE.glob("*.xlsx"))))

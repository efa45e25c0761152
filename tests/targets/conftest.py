"""Fixtures for target tests: the example sheets and a writer of small sheets."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "targets"
HEADER = [
    "STT",
    "Mã",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Cấp giao",
    "Chiều đánh giá",
    "Trọng tâm",
    "Kế hoạch 2021",
    "Thực hiện 2021",
]
GOOD_ROW = [1, "A01", "Thu ngân sách", "tỷ đồng", "Cấp trên giao", "Càng cao càng tốt", "x", "1.050", "1.386,45"]


@pytest.fixture
def thuong_tin_sheet() -> Path:
    return EXAMPLES / "thuong-tin-2022-2024.xlsx"


@pytest.fixture
def thanh_van_sheet() -> Path:
    return EXAMPLES / "thanh-van-2021.xlsx"


@pytest.fixture
def write_sheet(tmp_path):
    """``write_sheet(rows, header=HEADER, sheet="Chỉ tiêu")`` → workbook path: title, one meta row, header, rows."""

    def write(rows: list[list[object]], header: list[str] | None = None, sheet: str = "Chỉ tiêu") -> Path:
        workbook = Workbook()
        ws = workbook.active
        ws.title = sheet
        ws.append(["Bảng chỉ tiêu thử"])
        ws.append(["Cấp trên giao", "thành phố giao"])
        ws.append(header or HEADER)
        for row in rows:
            ws.append(row)
        path = tmp_path / "chi-tieu.xlsx"
        workbook.save(path)
        return path

    return write

"""The issue's done-when: the example district's 2021 documents, one of each form, from the command line."""

import os
import subprocess
import sys

import openpyxl

from tests.documents.docx_helpers import all_text, open_docx


def test_render_example_writes_one_of_each_form(tmp_path):
    # given: a fresh process, as a clerk would run it (its own throwaway database)
    env = {**os.environ, "KIEMDIEM_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)
    out = tmp_path / "out"
    # when
    command = [sys.executable, "-m", "kiemdiem", "documents", "render", "--example"]
    command += ["--out", str(out), "--date", "05/01/2022"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    # then
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "01-bao-cao-kiem-diem-tap-the.docx",
        "02-ban-kiem-diem-ca-nhan-lanh-dao.docx",
        "03-ban-kiem-diem-ca-nhan-dang-vien.docx",
        "04-phieu-danh-gia-can-bo.docx",
        "04-phieu-danh-gia-cong-chuc.docx",
        "04-phieu-danh-gia-vien-chuc.docx",
        "05-bien-ban-hoi-nghi-kiem-diem.docx",
        "06-phieu-danh-gia-xep-loai.docx",
        "07-bien-ban-kiem-phieu.docx",
        "08-quyet-dinh-cong-nhan-dang.docx",
        "09-quyet-dinh-cong-nhan-ubnd.docx",
        "10-bieu-tong-hop-ket-qua.xlsx",
    ]
    report = all_text(open_docx((out / "01-bao-cao-kiem-diem-tap-the.docx").read_bytes()))
    assert "HUYỆN ỦY THANH VÂN" in report
    assert "Số 01-BC/HU" in report
    assert "Thanh Vân, ngày 05 tháng 01 năm 2022" in report
    assert "Năm 2021, 13/15 chỉ tiêu thành phố giao hoàn thành và hoàn thành vượt kế hoạch" in report
    assert len(open_docx((out / "01-bao-cao-kiem-diem-tap-the.docx").read_bytes()).inline_shapes) == 1  # the chart
    summary = openpyxl.load_workbook(out / "10-bieu-tong-hop-ket-qua.xlsx")["Chi tiết"]
    assert summary.max_row > 100
    decision = all_text(open_docx((out / "09-quyet-dinh-cong-nhan-ubnd.docx").read_bytes()))
    assert "Theo đề nghị của Trưởng phòng Nội vụ huyện Thanh Vân." in decision

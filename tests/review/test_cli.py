"""``kiemdiem review``: refusals write nothing; a valid workbook gives the results workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiemdiem.cli import main
from kiemdiem.reviews.models import Review, ReviewOutcome
from tests.workbook.small import set_cell, write_small


def test_invalid_workbook_is_refused_and_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # given
    path = write_small(tmp_path / "an-phu.xlsx")
    set_cell(path, "Tự đánh giá", "C2", "Tốt")
    out = tmp_path / "ket-qua"
    # when
    status = main(["review", str(path), "--out", str(out)])
    # then
    assert status == 2
    assert not out.exists()
    assert capsys.readouterr().err == (
        "Sổ an-phu.xlsx không hợp lệ, không xử lý gì (1 lỗi):\n"
        "  - sheet “Tự đánh giá”, dòng 2, cột “Tự xếp loại”: mức xếp loại không có: “Tốt”; "
        "cần một trong HTXSNV, HTTNV, HTNV, KHTNV\n"
    )


def test_period_must_match_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # given
    path = write_small(tmp_path / "an-phu.xlsx")
    out = tmp_path / "ket-qua"
    # when
    status = main(["review", str(path), "--out", str(out), "--period", "2022"])
    # then
    assert status == 2
    assert not out.exists()
    assert capsys.readouterr().err == (
        "--period 2022 khác kỳ ghi trong sổ an-phu.xlsx (sheet “Kỳ kiểm điểm”: 2021); không xử lý gì.\n"
    )


def test_results_workbook_without_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # given
    path = write_small(tmp_path / "an-phu.xlsx")
    out = tmp_path / "ket-qua"
    # when
    status = main(["review", str(path), "--out", str(out), "--period", "2021", "--no-documents"])
    # then
    printed = capsys.readouterr().out
    book = load_workbook(out / "ket-qua-xep-loai.xlsx")
    rows = list(book["Kết quả"].iter_rows(min_row=2, values_only=True))
    assert status == 0
    assert sorted(path.name for path in out.iterdir()) == ["ket-qua-xep-loai.xlsx"]
    assert book.sheetnames == ["Kết quả", "Lý do", "Cần quyết định", "Tỷ lệ", "Tổng hợp"]
    assert [(row[1], row[7], row[10]) for row in rows] == [
        ("TT-UBND-AP", "Đã xếp loại", "HTTNV"),
        ("AP001@state", "Thiếu dữ kiện, chưa xếp loại", None),
    ]
    assert "Cần cấp có thẩm quyền xem xét: 1 việc (Thiếu dữ kiện: 1)" in printed


def test_template_is_written_and_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # given
    target = tmp_path / "mau.xlsx"
    # when
    first = main(["review", "--template", str(target)])
    second = main(["review", "--template", str(target)])
    # then
    assert (first, second) == (0, 2)
    assert load_workbook(target).sheetnames[0] == "Hướng dẫn"
    assert capsys.readouterr().err == f"--template: tệp {target} đã có; chọn tên khác để không ghi đè.\n"


@pytest.mark.django_db
def test_review_with_db_stores_the_cycle_and_writes_the_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # given
    path = write_small(tmp_path / "an-phu.xlsx")
    out = tmp_path / "ket-qua"
    # when
    status = main(["review", str(path), "--out", str(out), "--db"])
    # then
    printed = capsys.readouterr().out
    assert status == 0
    assert (Review.objects.count(), ReviewOutcome.objects.count()) == (2, 2)
    assert (out / "van-ban" / "10-bieu-tong-hop-ket-qua.xlsx").is_file()
    assert "Đã nạp vào cơ sở dữ liệu: kỳ 2021 của Đảng bộ xã An Phú (2 bản kiểm điểm)." in printed

from kiemdiem.cli import main


def test_report_on_thuong_tin_2023_prints_paragraph_checks_and_writes_charts(thuong_tin_sheet, tmp_path, capsys):
    # when
    status = main(["targets", "report", str(thuong_tin_sheet), "--year", "2023", "--chart", str(tmp_path)])
    # then
    out = capsys.readouterr().out
    assert status == 0
    assert "đạt 1.756,292 tỷ đồng, bằng 151,85% dự toán" in out
    assert "cao nhất trong 2 năm có số liệu (2022–2023)" in out
    assert "Kiểm tra số liệu:\n" in out
    assert "mức tăng công bố năm 2023 là 57,77%, nhưng tính từ số liệu 2022 và 2023 trong bảng là 55,06%" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"chi-tieu-2023.{ext}" for ext in ("svg", "png")]
        + [f"chuoi-TT-0{n}.{ext}" for n in (1, 2, 3, 4, 5) for ext in ("svg", "png")]
    )


def test_report_prints_the_facts_as_json(thanh_van_sheet, capsys):
    # when
    status = main(["targets", "report", str(thanh_van_sheet), "--year", "2021", "--facts", "--tolerance", "10"])
    # then
    out = capsys.readouterr().out
    assert status == 0
    assert '"key_targets_missed": true' in out
    assert "đạt từ 90% đến dưới 100% kế hoạch" in out


def test_a_malformed_sheet_is_refused_without_traceback(write_sheet, capsys):
    # given
    path = write_sheet([[1, "A01", "Thu ngân sách", "tỷ đồng", "Cấp trên giao", "Càng cao càng tốt", None, "abc", "1"]])
    # when
    status = main(["targets", "report", str(path), "--year", "2021"])
    # then
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err == (
        "chi-tieu.xlsx: bảng chỉ tiêu không hợp lệ, không nhập gì (1 lỗi)\n"
        "  - trang “Chỉ tiêu”, dòng 4, cột H (“Kế hoạch 2021”): cần một số viết kiểu Việt Nam "
        "(ví dụ 1.756,292), gặp 'abc'\n"
    )


def test_a_year_not_in_the_sheet_is_refused(thuong_tin_sheet, capsys):
    # when
    status = main(["targets", "report", str(thuong_tin_sheet), "--year", "2021"])
    # then
    assert status == 2
    assert capsys.readouterr().err == (
        "Lỗi: thuong-tin-2022-2024.xlsx: không có số liệu năm 2021 (bảng có các năm 2022, 2023, 2024)\n"
    )


def test_report_without_anything_to_draw_still_succeeds(write_sheet, tmp_path, capsys):
    # given: the only target has no plan
    path = write_sheet([[1, "A01", "Thu ngân sách", "tỷ đồng", "Cấp trên giao", "Càng cao càng tốt", None, None, "5"]])
    # when
    status = main(["targets", "report", str(path), "--year", "2021", "--chart", str(tmp_path / "bieu-do")])
    # then
    assert status == 0
    assert (
        "Không vẽ biểu đồ thực hiện so với kế hoạch: không có chỉ tiêu nào có kế hoạch và số thực hiện năm 2021 để vẽ"
        in capsys.readouterr().out
    )
    assert list((tmp_path / "bieu-do").iterdir()) == []

"""What the clerk reads when the database cannot hold a cell, or the chart folder cannot be written."""

import os
import subprocess
import sys

import pytest

from kiemdiem.cli import main
from kiemdiem.unit_targets.models import UnitTarget
from kiemdiem.unit_targets.services import TargetImportError, target_sheet_import

from .conftest import GOOD_ROW
from .test_import import district


@pytest.mark.django_db
def test_a_cell_the_database_cannot_hold_is_named_by_its_header(write_sheet):
    # given: seven decimals, one more than is stored
    district("TV")
    path = write_sheet([[*GOOD_ROW[:7], "1.050,1234567", "1.386,45"]])
    # when
    with pytest.raises(TargetImportError) as refused:
        target_sheet_import(path=path, unit_code="TV")
    # then
    assert str(refused.value) == (
        "chi-tieu.xlsx, trang “Chỉ tiêu”, dòng 4 (mã A01): cột “Kế hoạch 2021”: "
        "Hãy chắc chắn rằng không có nhiều hơn 6 chữ số thập phân."
    )
    assert UnitTarget.objects.count() == 0


def test_a_chart_folder_that_cannot_be_made_is_refused_without_traceback(thanh_van_sheet, tmp_path, capsys):
    # given: --chart names an existing file
    taken = tmp_path / "bieu-do"
    taken.write_text("", encoding="utf-8")
    # when
    status = main(["targets", "report", str(thanh_van_sheet), "--year", "2021", "--chart", str(taken)])
    # then
    assert status == 2
    assert capsys.readouterr().err == f"Lỗi: không ghi được “{taken}”: File exists\n"


def test_importing_into_a_database_not_yet_migrated_says_what_to_do(thanh_van_sheet, tmp_path):
    # given: a fresh data folder, no migration run
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["KIEMDIEM_DATA_DIR"] = str(tmp_path)
    # when
    done = subprocess.run(
        [sys.executable, "-m", "kiemdiem", "targets", "import", str(thanh_van_sheet), "--unit", "H-TV"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # then
    assert done.returncode == 2
    assert done.stderr == (
        "Cơ sở dữ liệu chưa sẵn sàng (no such table: org_organisation); "
        "chạy “kiemdiem migrate” trước rồi nạp lại. Không nạp gì.\n"
    )


def test_a_tolerance_written_with_the_percent_sign_is_accepted(thanh_van_sheet, capsys):
    # when
    status = main(["targets", "report", str(thanh_van_sheet), "--year", "2021", "--tolerance", "7,5%"])
    # then
    assert status == 0
    assert "đạt từ 92,50% đến dưới 100% kế hoạch" in capsys.readouterr().out

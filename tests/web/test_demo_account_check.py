import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User

from kiemdiem.org.checks import check_no_demo_account


@pytest.mark.django_db
def test_demo_account_is_an_error_where_it_is_forbidden(settings):
    # given
    settings.KIEMDIEM_FORBID_DEMO_ACCOUNT = True
    User.objects.create_user("demo", password="mat-khau-chay-thu-1")
    # when
    messages = check_no_demo_account()
    # then
    assert [(m.id, m.msg) for m in messages] == [
        (
            "kiemdiem.E001",
            "Tài khoản chạy thử “demo” có trong cơ sở dữ liệu “default”: không được chạy bản chính thức "
            "với tài khoản này (mật khẩu của nó đã được in ra màn hình).",
        )
    ]


@pytest.mark.django_db
def test_no_demo_account_passes_where_it_is_forbidden(settings):
    # given
    settings.KIEMDIEM_FORBID_DEMO_ACCOUNT = True
    User.objects.create_user("vanthu", password="mat-khau-van-thu-1")
    # when / then
    assert check_no_demo_account() == []


@pytest.mark.django_db
def test_demo_account_is_allowed_outside_production(settings):
    # given
    settings.KIEMDIEM_FORBID_DEMO_ACCOUNT = False
    User.objects.create_user("demo", password="mat-khau-chay-thu-1")
    # when / then
    assert check_no_demo_account() == []


@pytest.mark.slow
def test_demo_prepares_its_own_database_and_prints_the_login(tmp_path):
    # given: no DATABASE_URL, so the demo must use its own file in the data folder
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY"}}
    env["KIEMDIEM_DATA_DIR"] = str(tmp_path)
    # when
    done = subprocess.run(
        [sys.executable, "-m", "kiemdiem", "demo", "--no-serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # then
    lines = done.stdout.splitlines()
    assert (done.returncode, done.stderr) == (0, "")
    assert lines[0] == f"Chạy thử kiemdiem — dữ liệu: {tmp_path / 'demo.sqlite3'}"
    assert (
        lines[2]
        == "2. Nạp huyện mẫu Thanh Vân năm 2021 (hư cấu): 132 cá nhân; kỳ mở mới: 1; bản kiểm điểm tạo mới: 290"
    )
    assert "Trang web:     http://127.0.0.1:8000/" in lines
    login = next(line for line in lines if line.startswith("Đăng nhập:"))
    assert login.startswith("Đăng nhập:     demo / ")
    assert len(login.split(" / ")[1]) >= 16
    assert (tmp_path / "demo.sqlite3").exists()
    assert not (tmp_path / "kiemdiem.sqlite3").exists()

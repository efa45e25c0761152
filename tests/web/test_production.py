import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

PRODUCTION = "kiemdiem.config.settings.production"
GOOD_KEY = "k3Y-" + "x9Vq2mZ7bLw4Tn8Rf6Hs1Jd5Gc0Pa3Ue7Yi2Oo4Kl6Mn8Bv0Cx"


def _import_production(monkeypatch, **env):
    for name in ("DEBUG", "SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop(PRODUCTION, None)
    try:
        return importlib.import_module(PRODUCTION)
    finally:
        sys.modules.pop(PRODUCTION, None)


def test_production_settings_refuse_debug(monkeypatch):
    # when
    with pytest.raises(ImproperlyConfigured) as refused:
        _import_production(monkeypatch, DEBUG="1", SECRET_KEY=GOOD_KEY)
    # then
    assert str(refused.value) == "Production settings refuse to start with DEBUG on: unset DEBUG."


@pytest.mark.parametrize(
    ("_case", "key"),
    [("missing", None), ("development default", "dev-insecure-only-for-local-use"), ("short", "abc123XYZ")],
)
def test_production_settings_refuse_a_weak_secret_key(monkeypatch, _case, key):
    # when
    with pytest.raises(ImproperlyConfigured) as refused:
        _import_production(monkeypatch, **({"SECRET_KEY": key} if key else {}))
    # then
    assert str(refused.value).startswith("Production settings refuse to start without a real SECRET_KEY")


def test_production_settings_load_with_a_real_key(monkeypatch):
    # when
    settings = _import_production(monkeypatch, SECRET_KEY=GOOD_KEY)
    # then
    assert (settings.DEBUG, settings.KIEMDIEM_FORBID_DEMO_ACCOUNT, settings.SESSION_COOKIE_SECURE) == (
        False,
        True,
        True,
    )


def _kiemdiem(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "kiemdiem.example.invalid",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "KIEMDIEM_DATA_DIR": str(tmp_path),
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "kiemdiem", *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.slow
def test_check_deploy_is_clean_for_production_and_fails_once_the_demo_account_exists(tmp_path):
    # given
    assert _kiemdiem(tmp_path, "migrate", "-v0").returncode == 0
    # when
    clean = _kiemdiem(tmp_path, "check", "--deploy")
    made = _kiemdiem(
        tmp_path,
        "createsuperuser",
        "--noinput",
        "--username",
        "demo",
        "--email",
        "demo@example.invalid",
        DJANGO_SUPERUSER_PASSWORD="mat-khau-chay-thu-1",
    )
    refused = _kiemdiem(tmp_path, "check", "--deploy")
    # then
    assert (clean.returncode, clean.stdout.strip(), clean.stderr) == (
        0,
        "System check identified no issues (0 silenced).",
        "",
    )
    assert made.returncode == 0
    assert refused.returncode == 1
    assert "(kiemdiem.E001) Tài khoản chạy thử “demo” có trong cơ sở dữ liệu “default”" in refused.stderr

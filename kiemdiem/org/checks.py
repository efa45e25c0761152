"""System check ``kiemdiem.E001``: no demo account where it is forbidden (production settings).

The demo account (``settings.KIEMDIEM_DEMO_USERNAME``, password printed by ``kiemdiem demo``) may only
exist in the demo database. Production settings set ``KIEMDIEM_FORBID_DEMO_ACCOUNT``; the check is a
normal (not deploy-only) check, so it runs with ``kiemdiem check --deploy``, at ``runserver`` and
``migrate``, and the production WSGI entry point runs it before serving (``kiemdiem.config.wsgi``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.db import DatabaseError, connections

DEMO_ACCOUNT_PRESENT = (
    "Tài khoản chạy thử “{username}” có trong cơ sở dữ liệu “{alias}”: không được chạy bản chính thức "
    "với tài khoản này (mật khẩu của nó đã được in ra màn hình)."
)
DEMO_ACCOUNT_HINT = (
    'Xóa tài khoản (kiemdiem shell -c "from django.contrib.auth.models import User; '
    "User.objects.filter(username='{username}').delete()\") hoặc dùng một cơ sở dữ liệu khác."
)


def _demo_account_exists(alias: str, username: str) -> bool:
    connection = connections[alias]
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    if user_model._meta.db_table not in connection.introspection.table_names():
        return False  # not migrated yet: no account can exist
    return user_model._default_manager.using(alias).filter(**{user_model.USERNAME_FIELD: username}).exists()


@register(Tags.security)
def check_no_demo_account(
    app_configs: Sequence[AppConfig] | None = None, databases: Iterable[str] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """``kiemdiem.E001`` when the demo account exists and ``KIEMDIEM_FORBID_DEMO_ACCOUNT`` is set;
    ``kiemdiem.W001`` when the database cannot be read to tell."""
    if not getattr(settings, "KIEMDIEM_FORBID_DEMO_ACCOUNT", False):
        return []
    username = settings.KIEMDIEM_DEMO_USERNAME
    messages: list[CheckMessage] = []
    for alias in databases or ["default"]:
        try:
            present = _demo_account_exists(alias, username)
        except DatabaseError as error:
            messages.append(
                Warning(
                    f"Không kiểm tra được tài khoản chạy thử trong cơ sở dữ liệu “{alias}”: {error}",
                    id="kiemdiem.W001",
                )
            )
            continue
        if present:
            messages.append(
                Error(
                    DEMO_ACCOUNT_PRESENT.format(username=username, alias=alias),
                    hint=DEMO_ACCOUNT_HINT.format(username=username),
                    id="kiemdiem.E001",
                )
            )
    return messages

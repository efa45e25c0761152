"""WSGI entry point (production servers).

Before serving, the system checks run as at ``runserver``; an error among them (such as
``kiemdiem.E001``, the demo account in a production database) stops the server from starting.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiemdiem.config.settings.production")

application = get_wsgi_application()


def _refuse_unsafe_start() -> None:
    from django.core.checks import ERROR, run_checks
    from django.core.exceptions import ImproperlyConfigured

    errors = [message for message in run_checks() if message.level >= ERROR and not message.is_silenced()]
    if errors:
        raise ImproperlyConfigured("Không khởi động: " + "; ".join(f"{m.id}: {m.msg}" for m in errors))


_refuse_unsafe_start()

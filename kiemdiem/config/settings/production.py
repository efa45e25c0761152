"""Production settings: refuse to start on an unsafe configuration.

Refused: ``DEBUG`` on; ``SECRET_KEY`` missing, short or one of the development defaults. The demo
account is refused by the system check ``kiemdiem.E001`` (see ``kiemdiem.org.checks``), which
``kiemdiem check --deploy`` and every server start run.
"""

from django.core.exceptions import ImproperlyConfigured

from kiemdiem.config.env import env
from kiemdiem.config.settings.base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=False)
if DEBUG:
    raise ImproperlyConfigured("Production settings refuse to start with DEBUG on: unset DEBUG.")

SECRET_KEY = env.str("SECRET_KEY", default="")
_KNOWN_DEFAULTS = {"", "dev-insecure-only-for-local-use", "test-only-not-secret", "change-me"}
if SECRET_KEY in _KNOWN_DEFAULTS or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "Production settings refuse to start without a real SECRET_KEY: set SECRET_KEY to at least "
        "50 random characters (e.g. python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

KIEMDIEM_FORBID_DEMO_ACCOUNT = True

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

"""Language selection: Vietnamese unless the user chose another language.

Django's ``LocaleMiddleware`` follows the browser's Accept-Language header, so an office PC with
an English browser would get English pages. Here the header is ignored: the interface is
Vietnamese (``LANGUAGE_CODE``) until the user picks English with the selector, which stores the
choice in the language cookie (``django.views.i18n.set_language``).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen and translation.check_for_language(chosen):
            translation.activate(chosen)
        else:
            translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()

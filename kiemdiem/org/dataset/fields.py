"""Field converters for data files a clerk edits: dates as 24/12/2021, yes/no as có/không, numbers
the Vietnamese way (3,33), choices by code or by their Vietnamese label. Each converter raises
:class:`FieldError` with a message saying what was expected."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.utils import translation


class FieldError(ValueError):
    """A value that cannot be read; the message says what was expected."""


Converter = Callable[[Any], Any]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(max_length: int) -> Converter:
    def convert(value: Any) -> str:
        # Some Vietnamese keyboards write decomposed accents (Unicode tổ hợp); store one form.
        result = unicodedata.normalize("NFC", str(value).strip())
        if len(result) > max_length:
            raise FieldError(f"dài {len(result)} ký tự, tối đa {max_length}")
        return result

    return convert


def date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(raw, pattern).date()  # noqa: DTZ007 - a calendar date, no time zone
        except ValueError:
            continue
    raise FieldError(f"“{raw}” không phải ngày hợp lệ (cần dạng 24/12/2021)")


_TRUE = {"có", "co", "x", "yes", "true", "1"}
_FALSE = {"không", "khong", "no", "false", "0"}


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raw = unicodedata.normalize("NFC", str(value).strip().lower())
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise FieldError(f"“{value}” không đọc được (cần “có” hoặc “không”)")


def integer(value: Any) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise FieldError(f"“{value}” không phải số nguyên") from None


def decimal(value: Any) -> Decimal:
    raw = str(value).strip().replace(" ", "")
    if "," in raw:  # Vietnamese decimal comma; dots are thousands separators then
        raw = raw.replace(".", "").replace(",", ".")
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise FieldError(f"“{value}” không phải số (viết như 3,33)") from None


def choice(choices: type[models.TextChoices]) -> Converter:
    # Labels are read in Vietnamese whatever language is active: the data files are Vietnamese.
    with translation.override("vi"):
        labels = [str(label) for label in choices.labels]
    by_key = {str(value).lower(): str(value) for value in choices.values}
    by_key.update({label.lower(): str(value) for value, label in zip(choices.values, labels, strict=True)})
    options = ", ".join(f"{value} ({label})" for value, label in zip(choices.values, labels, strict=True))

    def convert(value: Any) -> str:
        raw = unicodedata.normalize("NFC", str(value).strip().lower())
        if raw in by_key:
            return by_key[raw]
        raise FieldError(f"“{value}” không có trong danh mục; cần một trong: {options}")

    return convert


@dataclass(frozen=True)
class Field:
    """One column or key: its converter, whether it is required, and the value when left blank."""

    name: str
    convert: Converter
    required: bool = False
    default: Any = None

    def read(self, raw: Any) -> Any:
        if _blank(raw):
            if self.required:
                raise FieldError("bắt buộc, đang để trống")
            return self.default
        return self.convert(raw)

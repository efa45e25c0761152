"""Reading one cell of the cycle workbook by its column type; a bad value raises :class:`CellError`
with the Vietnamese text of what was expected (the reader adds sheet, row and column)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from kiemdiem.rules.levels import Level
from kiemdiem.workbook import schema
from kiemdiem.workbook.schema import Column

LEVEL_CODES = tuple(level.value for level in Level)
_TRUE = {"có", "x", "1", "true", "yes"}
_FALSE = {"không", "0", "false", "no"}
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class CellError(ValueError):
    """A cell's value does not fit its column (message: what was expected, and what was found)."""


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


def shown(value: Any) -> str:
    """The value as a clerk would see it, for error messages."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return f"“{value}”"


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_cell(column: Column, value: Any) -> Any:
    """The typed value of ``value`` for ``column`` (None when blank). Raises :class:`CellError`."""
    if blank(value):
        return None
    reader = _READERS[column.type]
    return reader(column, value)


def _text(column: Column, value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _code(column: Column, value: Any) -> str:
    text = _text(column, value)
    if not column.choices:
        return text
    wanted = _norm(text)
    for code, label in column.choices:
        if wanted in (code.casefold(), _norm(label)):
            return code
    labels = ", ".join(label for _, label in column.choices)
    raise CellError(f"cần một trong: {labels}; nhận {shown(value)}")


def _date(column: Column, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(str(value).strip())
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise CellError(f"cần một ngày dạng 24/12/2021; nhận {shown(value)}")


def _bool(column: Column, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _norm(str(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(f"cần “có” hoặc “không”; nhận {shown(value)}")


def _number(column: Column, value: Any) -> float:
    if isinstance(value, bool):
        raise CellError(f"cần một số; nhận {shown(value)}")
    if isinstance(value, int | float):
        number = float(value)
    else:
        # Vietnamese writing: 1.756,3 — dots group thousands, the comma is the decimal mark.
        text = str(value).strip().replace(".", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise CellError(f"cần một số (viết kiểu 1.756,3); nhận {shown(value)}") from None
    if number < 0:
        raise CellError(f"cần một số không âm; nhận {shown(value)}")
    return number


def _int(column: Column, value: Any) -> int:
    number = _number(column, value)
    if not number.is_integer():
        raise CellError(f"cần một số nguyên không âm; nhận {shown(value)}")
    return int(number)


def _percent(column: Column, value: Any) -> float:
    text = str(value).strip().rstrip("%") if isinstance(value, str) else value
    number = _number(column, text)
    if number > 100:
        raise CellError(f"cần một tỷ lệ từ 0 đến 100 (%); nhận {shown(value)}")
    return number / 100


def _level(column: Column, value: Any) -> Level:
    text = _text(column, value).upper()
    if text in LEVEL_CODES:
        return Level(text)
    wanted = _norm(str(value))
    for level in Level:
        if _norm(level.label) == wanted:
            return level
    raise CellError(f"mức xếp loại không có: {shown(value)}; cần một trong {', '.join(LEVEL_CODES)}")


def _grade(column: Column, value: Any) -> str:
    return _code(Column(column.header, column.key, schema.CODE, choices=schema.GRADES), value)


def _side(column: Column, value: Any) -> str:
    return _code(Column(column.header, column.key, schema.CODE, choices=schema.SIDES), value)


_READERS = {
    schema.TEXT: _text,
    schema.CODE: _code,
    schema.DATE: _date,
    schema.BOOL: _bool,
    schema.INT: _int,
    schema.NUMBER: _number,
    schema.PERCENT: _percent,
    schema.LEVEL: _level,
    schema.GRADE: _grade,
    schema.SIDE: _side,
}

"""Numbers written and read the Vietnamese way: ``1.756,292`` (dot groups thousands, comma is decimal).

Quantities stay :class:`~decimal.Decimal` from the sheet to the paragraph so that a published
figure such as 1.756,292 tỷ đồng prints exactly as it was written. Shares are 0..1 internally and
become ``151,85%`` only when formatted.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Either digits grouped by dots in threes, or plain digits; then an optional comma and decimals.
_VN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


class NumberFormatError(ValueError):
    """A text is not a number written the Vietnamese way; the message says what was expected."""


def parse_vn_number(text: str) -> Decimal:
    """Read ``"1.756,292"`` as ``Decimal("1756.292")``; ``"22.543"`` is 22543, ``"2,7"`` is 2.7.

    Spaces (also non-breaking) are ignored. Raises :class:`NumberFormatError` for anything else,
    including the English form ``1,756.292``, which would otherwise be silently misread.
    """
    cleaned = text.replace("\u00a0", "").replace(" ", "").strip()
    if not _VN_NUMBER.match(cleaned):
        raise NumberFormatError(f"cần một số viết kiểu Việt Nam (ví dụ 1.756,292), gặp {text!r}")
    try:
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already excludes this
        raise NumberFormatError(f"cần một số viết kiểu Việt Nam (ví dụ 1.756,292), gặp {text!r}") from exc


def parse_vn_percent(text: str) -> Decimal:
    """Read ``"151,85%"`` (the % sign is required) as the share ``Decimal("1.5185")``.

    Raises :class:`NumberFormatError` when the sign is missing or the number is malformed.
    """
    cleaned = text.strip()
    if not cleaned.endswith("%"):
        raise NumberFormatError(f"cần một tỷ lệ phần trăm viết kiểu Việt Nam (ví dụ 151,85%), gặp {text!r}")
    return parse_vn_number(cleaned[:-1]) / 100


def format_vn_number(value: Decimal | int, places: int | None = None) -> str:
    """Write a number the Vietnamese way: ``Decimal("1756.292")`` → ``"1.756,292"``.

    With ``places`` the value is first rounded half-up to that many decimals; without it the
    decimals the value carries are kept (so a figure read from a sheet prints as it was written).
    """
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def format_vn_percent(share: Decimal, places: int | None = 2) -> str:
    """A share 0..1 (or above) as a Vietnamese percentage: ``Decimal("1.5185")`` → ``"151,85%"``.

    ``places=None`` keeps the digits the share was written with (a published ``17,4%`` stays so).
    """
    return f"{format_vn_number(share.scaleb(2), places)}%"


def half_unit(published: Decimal) -> Decimal:
    """Half a unit of the last digit a published share was written with: 0,5777 → 0,00005; 0,174 → 0,0005.

    A published 17,4% stands for anything from 17,35% to 17,45%; only a larger gap is a mismatch.
    """
    exponent = published.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite Decimal
    return Decimal(1).scaleb(exponent) / 2

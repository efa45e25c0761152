"""Vietnamese conventions for printed documents: dates, numbers, blanks and tick boxes.

Dates follow Nghị định 30/2020/NĐ-CP, Phụ lục I (and Hướng dẫn 36-HD/VPTW for Party documents):
days below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 01 năm 2022", but
"ngày 20 tháng 12 năm 2021" and "tháng 3"). Numbers use "." for thousands and "," for decimals
(1.756,3; 151,85%). A value the data does not give prints as the dotted blank of the paper form.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from kiemdiem.rules.levels import LEVELS_DESCENDING, Level

# The dotted blank of a paper form: short for a field inside a line, long for a whole line.
BLANK = "…………………"
BLANK_LINE = "…" * 30
CELL_BLANK = "……"  # inside a narrow table cell
CHECKED = "☒"
UNCHECKED = "☐"


def or_blank(value: object) -> str:
    """``str(value)``, or the dotted blank when the value is None or an empty string."""
    if value is None:
        return BLANK
    text = str(value).strip()
    return text if text else BLANK


def lines_or_blank(lines: Iterable[str] | None, count: int = 2) -> list[str]:
    """The non-empty lines, or ``count`` dotted lines for the clerk to write on."""
    kept = [line.strip() for line in (lines or []) if line and line.strip()]
    return kept if kept else [BLANK_LINE] * count


def day_month(date: dt.date) -> tuple[str, str]:
    """Day and month as printed: leading zero for days 1–9 and months 1–2 (NĐ 30/2020, Phụ lục I)."""
    day = f"{date.day:02d}" if date.day < 10 else str(date.day)
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return day, month


def date_words(date: dt.date | None) -> str:
    """``"ngày 05 tháng 01 năm 2022"``; with no date the blank form ``"ngày … tháng … năm …"``."""
    if date is None:
        return "ngày …… tháng …… năm ……"
    day, month = day_month(date)
    return f"ngày {day} tháng {month} năm {date.year}"


def place_date(place: str | None, date: dt.date | None) -> str:
    """The place-and-date line: ``"Thanh Vân, ngày 05 tháng 01 năm 2022"`` (blanks where missing)."""
    return f"{or_blank(place)}, {date_words(date)}"


def short_date(date: dt.date | None) -> str:
    """``24/12/2021``, the way dates are shown in tables and the căn cứ list; blank when missing."""
    return date.strftime("%d/%m/%Y") if date else BLANK


def time_words(moment: dt.datetime | None) -> str:
    """``"08 giờ 00 phút, ngày 20 tháng 12 năm 2021"`` for minutes; blank form when missing."""
    if moment is None:
        return "…… giờ …… phút, ngày …… tháng …… năm ……"
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {date_words(moment.date())}"


def number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """A number the Vietnamese way: ``1756.3`` → ``"1.756,3"`` (half-up rounding); blank when None."""
    if value is None:
        return BLANK
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(part: int, whole: int, decimals: int = 2) -> str:
    """``part/whole`` as ``"151,85%"`` (trailing decimal zeros dropped: ``"50%"``); blank when whole is 0."""
    if whole <= 0:
        return BLANK
    value = Decimal(part) * 100 / Decimal(whole)
    text = number(value, decimals)
    if decimals and "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}%"


def level_boxes(chosen: Level | None) -> list[str]:
    """One line per level, highest first, with the chosen one ticked: ``"☒ Hoàn thành tốt nhiệm vụ"``."""
    return [f"{CHECKED if level == chosen else UNCHECKED} {level.label}" for level in LEVELS_DESCENDING]


GRADES = ("Xuất sắc", "Tốt", "Trung bình", "Kém")


def grade_boxes(chosen: str | None) -> str:
    """The per-criterion grade row of Quy định 132/124 forms: ``"☐ Xuất sắc  ☒ Tốt  ☐ Trung bình  ☐ Kém"``.

    Raises ``ValueError`` for a grade that is not one of :data:`GRADES`.
    """
    if chosen is not None and chosen not in GRADES:
        raise ValueError(f"mức tự đánh giá '{chosen}' không hợp lệ; chỉ nhận: {', '.join(GRADES)}")
    return "    ".join(f"{CHECKED if grade == chosen else UNCHECKED} {grade}" for grade in GRADES)


# Vietnamese alphabetical order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), letters
# first and tone marks only to break ties, as in the dictionary; "Đ" after "D", not after "Z".
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Breve, circumflex and horn make letters of their own.
_MODIFIED = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng


def _letter_and_tone(char: str) -> tuple[int, int]:
    if char.isspace():
        return (-1, 0)  # "An Bình" before "Anh Đào"
    decomposed = unicodedata.normalize("NFD", char.lower())
    base, marks = decomposed[0], decomposed[1:]
    tone = next((_TONES[m] for m in marks if m in _TONES), 0)
    letter = next((_MODIFIED[base + m] for m in marks if base + m in _MODIFIED), base)
    rank = _ALPHABET.find(letter)
    return (rank if rank >= 0 else len(_ALPHABET) + ord(letter), tone)


def word_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key of ``text`` in Vietnamese alphabetical order: letters first, then tones."""
    pairs = [_letter_and_tone(char) for char in " ".join(text.split())]
    return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


def name_key(full_name: str) -> tuple[object, ...]:
    """Sort key of a person's name the way Vietnamese lists run: by given name (the last word), then
    the whole name from the family name ("Bùi Văn Hậu" before "Bùi Văn Hùng"; "Đào" after "Dương")."""
    words = full_name.split()
    return (word_key(words[-1]) if words else word_key(""), word_key(full_name))

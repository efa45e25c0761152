"""Page layout of Party and state documents as data: paper, margins, font, sizes per element.

Two families:

* ``PARTY`` — Hướng dẫn 36-HD/VPTW (03/4/2018) on the format of Party documents: A4, Times New
  Roman; "ĐẢNG CỘNG SẢN VIỆT NAM" 15 bold top right; superior body 14 upright, issuing body 14
  bold, then an asterisk; number 14; place and date 14 italic; type name 16 bold; body 14;
  "Nơi nhận:" 12 bold italic, its list 11. The margins 20/20/30/15 mm come from a repository's
  reading of 36-HD and were not checked against the official text, hence ``confirmed=False``.
* ``STATE`` — Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New Roman; Quốc hiệu 13 bold; Tiêu
  ngữ 14 bold with a rule; bodies 13 (superior regular, issuer bold with a short rule); "Số:" 13;
  place and date 14 italic; type 14 bold; căn cứ 14 italic; body 14; signature 14 bold; "Nơi nhận:" 12 bold italic,
  list 11. Margins are ranges (top and bottom 20–25, left 30–35, right 15–20 mm); we use the low
  end of each, which ``STATE.margin_ranges_mm`` lets tests check.

Sizes are in points, margins in millimetres.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Family(StrEnum):
    PARTY = "party"
    STATE = "state"


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How one element is printed: size in points, weight, slant, underline, capitals."""

    size_pt: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    upper: bool = False


@dataclass(frozen=True, slots=True)
class Margins:
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float


@dataclass(frozen=True, slots=True)
class PageLayout:
    """Paper, margins, font and element styles of one document family, with their source."""

    family: Family
    source: str
    confirmed: bool
    margins: Margins
    styles: dict[str, TextStyle]
    paper_mm: tuple[float, float] = (210.0, 297.0)
    font: str = "Times New Roman"
    # Allowed ranges where the instrument gives ranges (NĐ 30); empty when it gives fixed values.
    margin_ranges_mm: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def text_width_mm(self) -> float:
        """Width between the left and right margins, in millimetres."""
        return self.paper_mm[0] - self.margins.left_mm - self.margins.right_mm

    def style(self, element: str) -> TextStyle:
        """The style of ``element``; raises ``KeyError`` naming the element when the family has none."""
        try:
            return self.styles[element]
        except KeyError:
            raise KeyError(f"bố cục {self.family} không có thành phần '{element}'") from None


_COMMON = {
    "number": TextStyle(14),
    "place_date": TextStyle(14, italic=True),
    "doc_type": TextStyle(16, bold=True, upper=True),
    "summary": TextStyle(14, bold=True),
    "body": TextStyle(14),
    "heading": TextStyle(14, bold=True),
    "table": TextStyle(12),
    "table_head": TextStyle(11, bold=True),
    "recipients_label": TextStyle(12, bold=True, italic=True),
    "recipients_item": TextStyle(11),
    "signature_authority": TextStyle(14, bold=True, upper=True),
    "signature_position": TextStyle(14, bold=True, upper=True),
    "signature_name": TextStyle(14, bold=True),
    "signature_note": TextStyle(12, italic=True),
    "page_number": TextStyle(14),
}

PARTY = PageLayout(
    family=Family.PARTY,
    source="Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng (thể thức văn bản của Đảng)",
    confirmed=False,
    margins=Margins(top_mm=20, bottom_mm=20, left_mm=30, right_mm=15),
    styles={
        **_COMMON,
        "national_title": TextStyle(15, bold=True, underline=True, upper=True),
        "basis": TextStyle(14),
        "superior": TextStyle(14, upper=True),
        "issuer": TextStyle(14, bold=True, upper=True),
        "asterisk": TextStyle(14),
    },
)

STATE = PageLayout(
    family=Family.STATE,
    source="Nghị định 30/2020/NĐ-CP ngày 05/3/2020 về công tác văn thư, Phụ lục I",
    confirmed=True,
    margins=Margins(top_mm=20, bottom_mm=20, left_mm=30, right_mm=15),
    margin_ranges_mm={"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)},
    styles={
        **_COMMON,
        "number": TextStyle(13),
        "doc_type": TextStyle(14, bold=True, upper=True),
        "national_title": TextStyle(13, bold=True, upper=True),
        "basis": TextStyle(14, italic=True),
        "motto": TextStyle(14, bold=True, underline=True),
        "superior": TextStyle(13, upper=True),
        "issuer": TextStyle(13, bold=True, upper=True),
    },
)

LAYOUTS = {Family.PARTY: PARTY, Family.STATE: STATE}

PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

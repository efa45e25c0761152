"""The legal basis (căn cứ) of a decision, from the instruments the rules engine cited.

Each :class:`kiemdiem.rules.reasons.Reason` names its instrument first (``Reason.instrument``,
e.g. ``21-HD/BTCTW``). The decision lists each cited instrument once, by its full title, in the
order of this catalogue (regulations before their guidance, older before newer); a code not in
the catalogue is printed as cited. Dates and issuers from ../shared/domain/documents.md §0 and
rules.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kiemdiem.documents.layout import Family

_CATALOGUE: tuple[tuple[str, str], ...] = (
    ("132-QĐ/TW", "Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
                  "chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị"),
    ("16-HD/BTCTW", "Hướng dẫn số 16-HD/BTCTW ngày 24/9/2018 của Ban Tổ chức Trung ương"),
    # The summary of 21-HD was not read; the Quy định's own summary is not repeated for its guidance.
    ("21-HD/BTCTW", "Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương"),
    ("33-HD/BTCTW", "Hướng dẫn số 33-HD/BTCTW ngày 30/10/2020 của Ban Tổ chức Trung ương"),
    ("124-QĐ/TW", "Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
                  "chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị"),
    ("25-HD/BTCTW", "Hướng dẫn số 25-HD/BTCTW ngày 10/11/2023 của Ban Tổ chức Trung ương"),
    ("366-QĐ/TW", "Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại "
                  "chất lượng đối với tập thể, cá nhân trong hệ thống chính trị"),
    ("43-HD/BTCTW", "Hướng dẫn số 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương"),
    ("90/2020/NĐ-CP", "Nghị định số 90/2020/NĐ-CP ngày 13/8/2020 của Chính phủ về đánh giá, xếp loại chất lượng "
                      "cán bộ, công chức, viên chức"),
    ("48/2023/NĐ-CP", "Nghị định số 48/2023/NĐ-CP ngày 17/7/2023 của Chính phủ sửa đổi, bổ sung một số điều của "
                      "Nghị định số 90/2020/NĐ-CP"),
    ("335/2025/NĐ-CP", "Nghị định số 335/2025/NĐ-CP ngày 21/12/2025 của Chính phủ"),
)  # fmt: skip
TITLES = dict(_CATALOGUE)
_ORDER = {code: i for i, (code, _) in enumerate(_CATALOGUE)}

# The instruments of each rulebook code pinned by a review cycle (kiemdiem.reviews.periods), for a
# decision made without the rules engine's reasons at hand.
RULEBOOK_INSTRUMENTS: dict[str, tuple[str, ...]] = {
    "party-132-16hd": ("132-QĐ/TW", "16-HD/BTCTW"),
    "party-132-21hd": ("132-QĐ/TW", "21-HD/BTCTW"),
    "party-124-25hd": ("124-QĐ/TW", "25-HD/BTCTW"),
    "party-366-43hd": ("366-QĐ/TW", "43-HD/BTCTW"),
    "state-nd90": ("90/2020/NĐ-CP",),
    "state-nd90-48": ("90/2020/NĐ-CP", "48/2023/NĐ-CP"),
    "state-nd335": ("335/2025/NĐ-CP",),
}

# The first basis of every decision, whatever the rules cited: the charter (Party) or the law on
# local government in force on the decision's date (state: the people's committee decides under it).
PARTY_PREAMBLE = "Điều lệ Đảng Cộng sản Việt Nam"


@dataclass(frozen=True, slots=True)
class LawVersion:
    """The local-government law as cited from ``in_force`` on; ``confirmed`` False where the date it
    took effect was not read from the official text."""

    in_force: dt.date
    citation: str
    confirmed: bool


# Luật 77/2015/QH13 (19/6/2015, in force 01/01/2016), amended by Luật 47/2019/QH14 (22/11/2019, in
# force 01/7/2020): both read from the consolidated text (văn bản hợp nhất). Luật 65/2025/QH15
# (19/02/2025) and Luật 72/2025/QH15 (16/6/2025) replaced it; their in-force dates are unconfirmed.
LOCAL_GOVERNMENT_LAWS: tuple[LawVersion, ...] = (
    LawVersion(dt.date(2016, 1, 1), "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", True),
    LawVersion(dt.date(2020, 7, 1), "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, "
               "bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 "
               "tháng 11 năm 2019", True),
    LawVersion(dt.date(2025, 3, 1), "Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025", False),
    LawVersion(dt.date(2025, 7, 1), "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", False),
)  # fmt: skip


def local_government_law(on: dt.date) -> LawVersion:
    """The version of the local-government law in force on ``on``; ``ValueError`` before 2016."""
    found = [law for law in LOCAL_GOVERNMENT_LAWS if law.in_force <= on]
    if not found:
        raise ValueError(f"ngày {on:%d/%m/%Y}: chưa có Luật Tổ chức chính quyền địa phương 2015 để làm căn cứ")
    return found[-1]


def normalise(code: str) -> str:
    """``"Nghị định 90/2020/NĐ-CP"`` → ``"90/2020/NĐ-CP"``; ``"QĐ 132-QĐ/TW"`` → ``"132-QĐ/TW"``."""
    text = re.sub(r"^(Nghị định|Quy định|Hướng dẫn|NĐ|QĐ|HD)\s+(số\s+)?", "", code.strip(), flags=re.IGNORECASE)
    return text.strip()


def bases(instruments: Iterable[str], family: Family, on: dt.date) -> tuple[str, ...]:
    """The căn cứ lines: the preamble, then each cited instrument once, by title, in catalogue order.

    ``on`` is the decision's date (the state preamble is the local-government law then in force).
    Party lines read ``"- Căn cứ …;"``, state lines ``"Căn cứ …;"`` (36-HD/VPTW; NĐ 30/2020).
    """
    cited = {normalise(code) for code in instruments if code and code.strip()}
    ordered = sorted(cited, key=lambda code: (_ORDER.get(code, len(_ORDER)), code))
    preamble = PARTY_PREAMBLE if family == Family.PARTY else local_government_law(on).citation
    titles = [preamble, *(TITLES.get(code, code) for code in ordered)]
    prefix = "- " if family == Family.PARTY else ""
    return tuple(f"{prefix}Căn cứ {title};" for title in titles)

"""The legal basis (căn cứ) of a decision, from the instruments the rules engine cited.

Each :class:`kiemdiem.rules.reasons.Reason` names its instrument first (``Reason.instrument``,
e.g. ``21-HD/BTCTW``). The decision lists each cited instrument once, by its full title, in the
order of this catalogue (regulations before their guidance, older before newer); a code not in
the catalogue is printed as cited. Dates and issuers from ../shared/domain/documents.md §0 and
rules.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kiemdiem.documents.layout import Family

_CATALOGUE: tuple[tuple[str, str], ...] = (
    ("132-QĐ/TW", "Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
                  "chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị"),
    ("16-HD/BTCTW", "Hướng dẫn số 16-HD/BTCTW ngày 24/9/2018 của Ban Tổ chức Trung ương"),
    ("21-HD/BTCTW", "Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương về kiểm điểm và đánh "
                    "giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị"),
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
# local government (state: the chairman of a people's committee decides under it).
PREAMBLE = {
    Family.PARTY: ("Điều lệ Đảng Cộng sản Việt Nam",),
    Family.STATE: ("Luật Tổ chức chính quyền địa phương",),
}


def normalise(code: str) -> str:
    """``"Nghị định 90/2020/NĐ-CP"`` → ``"90/2020/NĐ-CP"``; ``"QĐ 132-QĐ/TW"`` → ``"132-QĐ/TW"``."""
    text = re.sub(r"^(Nghị định|Quy định|Hướng dẫn|NĐ|QĐ|HD)\s+(số\s+)?", "", code.strip(), flags=re.IGNORECASE)
    return text.strip()


def bases(instruments: Iterable[str], family: Family) -> tuple[str, ...]:
    """The căn cứ lines: the preamble, then each cited instrument once, by title, in catalogue order.

    Party lines read ``"- Căn cứ …;"``, state lines ``"Căn cứ …;"`` (36-HD/VPTW; NĐ 30/2020).
    """
    cited = {normalise(code) for code in instruments if code and code.strip()}
    ordered = sorted(cited, key=lambda code: (_ORDER.get(code, len(_ORDER)), code))
    titles = [*PREAMBLE[family], *(TITLES.get(code, code) for code in ordered)]
    prefix = "- " if family == Family.PARTY else ""
    return tuple(f"{prefix}Căn cứ {title};" for title in titles)

"""Names as printed on documents: the issuing Party body of an organisation, signature positions.

Hướng dẫn 36-HD/VPTW: the issuing body of a district party organisation's documents is its
committee ("HUYỆN ỦY ĐỊNH HÓA" under "ĐẢNG BỘ TỈNH THÁI NGUYÊN"); a chi bộ issues its own. The
signature block carries the bare position ("BÍ THƯ", "CHỦ TỊCH"), without the body's name. Lists
of people run in Vietnamese alphabetical order of the given name.
"""

from __future__ import annotations

from kiemdiem.documents import vn
from kiemdiem.org.models import Organisation, OrgKind
from kiemdiem.reviews.models import Review

# Organisation name prefix -> committee name prefix (the committee issues the documents).
_COMMITTEES = (
    ("Đảng bộ tỉnh ", "Tỉnh ủy "),
    ("Đảng bộ thành phố ", "Thành ủy "),
    ("Đảng bộ huyện ", "Huyện ủy "),
    ("Đảng bộ quận ", "Quận ủy "),
    ("Đảng bộ thị xã ", "Thị ủy "),
    ("Đảng bộ ", "Đảng ủy "),
)
# Positions printed in signature blocks, longest first so "Phó Bí thư" wins over "Bí thư".
_POSITIONS = (
    "Phó Chủ tịch",
    "Phó Bí thư",
    "Phó Trưởng ban",
    "Phó Trưởng phòng",
    "Phó Giám đốc",
    "Chủ tịch",
    "Bí thư",
    "Trưởng ban",
    "Trưởng phòng",
    "Giám đốc",
    "Chánh Văn phòng",
    "Hiệu trưởng",
)


def party_issuer_name(org: Organisation) -> str:
    """The Party body that issues ``org``'s documents: "Đảng bộ huyện Thanh Vân" → "Huyện ủy Thanh Vân".

    The organisation's ``short_name`` when the data gives one (the example district does), else
    derived from the name; other organisations (chi bộ, agencies) issue under their own name.
    """
    if org.kind == OrgKind.PARTY_COMMITTEE and org.short_name.strip():
        return org.short_name.strip()
    if org.kind == OrgKind.PARTY_COMMITTEE:
        for prefix, committee in _COMMITTEES:
            if org.name.lower().startswith(prefix.lower()):
                return committee + org.name[len(prefix) :]
    return org.name


def signature_position(title: str | None) -> str | None:
    """The position line of a signature block: "Bí thư Huyện ủy" → "BÍ THƯ"; None stays None."""
    if not title:
        return None
    for position in _POSITIONS:
        if title.lower().startswith(position.lower()):
            return position.upper()
    return title.upper()


def list_order(reviews: list[Review]) -> list[Review]:
    """Organisations first, as stored (the tree order); then people by given name (Vietnamese order)."""
    return sorted(reviews, key=lambda r: (1, vn.name_key(r.subject_person.full_name)) if r.subject_person else (0,))


def head_of_office(name: str) -> str:
    """The proposer named by a state decision: "Phòng Nội vụ huyện X" → "Trưởng phòng Nội vụ huyện X"."""
    return f"Trưởng {name[:1].lower()}{name[1:]}"


_COMMITTEE_KINDS = {"bch", "btv", "thuong_truc_cap_uy", "uy_ban_kiem_tra", "dang_uy", "chi_uy", "ubnd"}


def member_word(collective_kind: str) -> str:
    """Who a collective's conference counts: "ủy viên" of a committee, "thành viên" of a leadership
    collective (a chi bộ's own meeting counts "đảng viên", the minutes' default)."""
    return "ủy viên" if collective_kind in _COMMITTEE_KINDS else "thành viên"

"""Test doubles and a small fictitious district for the constraint tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from kiemdiem.rules.constraints import Subject
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.reasons import Reason

K = SubjectKind


@dataclass(frozen=True)
class FakeResult:
    status: str
    rating: Level | None
    max_rating: Level | None
    reasons: list[Reason] = field(default_factory=list)


@dataclass
class FakeEngine:
    """Test double of the per-subject engine: no rulebook logic at all. It rates each subject at the
    level the test put in the test-only fact ``fake_rating`` (or reports ``fake_status``), and
    records every call so tests can look at the facts the runner derived."""

    calls: list[tuple[list[dict[str, Any]], str]] = field(default_factory=list)

    def __call__(self, subjects: Sequence[Mapping[str, Any]], period: str) -> list[FakeResult]:
        self.calls.append(([dict(s) for s in subjects], period))
        results = []
        for facts in subjects:
            status = facts.get("fake_status", "rated")
            rating = Level(facts["fake_rating"]) if status == "rated" else None
            reason = Reason("fake.engine", "Bộ máy giả lập (kiểm thử)", f"mức do bài kiểm thử đặt: {rating}", False)
            results.append(FakeResult(status, rating, rating, [reason]))
        return results

    def facts_of(self, fake_id: str) -> dict[str, Any]:
        """The facts sent for the subject whose test-only ``fake_id`` fact is ``fake_id``."""
        for layer, _ in self.calls:
            for facts in layer:
                if facts.get("fake_id") == fake_id:
                    return facts
        raise KeyError(fake_id)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


def person(sid: str, name: str, kind: SubjectKind, level: str, **kwargs: Any) -> Subject:
    side = "state" if kind.is_state_side else "party"
    facts = {"fake_rating": level, "fake_id": sid, **kwargs.pop("facts", {})}
    return Subject(id=sid, name=name, kind=kind, side=kwargs.pop("side", side), facts=facts, **kwargs)


def district(levels: Mapping[str, str] | None = None, rulebook: str = "party-132-21hd") -> list[Subject]:
    """Huyện Hòa Bình (fictitious): BCH and BTV of the district committee, UBND with its chairman
    (Phạm Văn Dũng, also a BTV member and a party member: kiêm nhiệm, reviewed in three places), a
    grassroots party committee of the district government with one cell, a commune party committee
    with one cell and one member."""
    lv = {"default": "HTTNV", **(levels or {})}

    def at(sid: str) -> str:
        return lv.get(sid, lv["default"])

    state_book = "state-nd90"
    return [
        person("hu", "Đảng bộ huyện Hòa Bình", K.PARTY_ORGANIZATION, at("hu"), rulebook=rulebook),
        person(
            "bch",
            "Ban Chấp hành Đảng bộ huyện",
            K.COLLECTIVE,
            at("bch"),
            side="party",
            rulebook=rulebook,
            party_organization="hu",
        ),
        person(
            "btv", "Ban Thường vụ Huyện ủy", K.COLLECTIVE, at("btv"), side="party", rulebook=rulebook, parent_unit="bch"
        ),
        person(
            "ubnd",
            "UBND huyện Hòa Bình",
            K.COLLECTIVE,
            at("ubnd"),
            side="state",
            rulebook=state_book,
            party_organization="hu",
        ),
        person(
            "ubnd-ct",
            "Phạm Văn Dũng (Chủ tịch UBND huyện)",
            K.CADRE,
            at("ubnd-ct"),
            rulebook=state_book,
            heads="ubnd",
            member_of=("btv",),
        ),
        person(
            "db-cq",
            "Đảng bộ Cơ quan Chính quyền huyện",
            K.PARTY_ORGANIZATION,
            at("db-cq"),
            rulebook=rulebook,
            party_organization="hu",
            grassroots=True,
        ),
        person(
            "cb-vp",
            "Chi bộ Văn phòng HĐND và UBND",
            K.PARTY_ORGANIZATION,
            at("cb-vp"),
            rulebook=rulebook,
            party_organization="db-cq",
        ),
        person(
            "dv-dung",
            "Phạm Văn Dũng (đảng viên)",
            K.PARTY_MEMBER,
            at("dv-dung"),
            rulebook=rulebook,
            party_organization="cb-vp",
            state_counterpart="ubnd-ct",
        ),
        person(
            "cc-hoa",
            "Nguyễn Thị Hoa (chuyên viên)",
            K.CIVIL_SERVANT,
            at("cc-hoa"),
            rulebook=state_book,
            parent_unit="ubnd",
            quota_group="chuyên viên",
        ),
        person(
            "dv-hoa",
            "Nguyễn Thị Hoa (đảng viên)",
            K.PARTY_MEMBER,
            at("dv-hoa"),
            rulebook=rulebook,
            party_organization="cb-vp",
            state_counterpart="cc-hoa",
        ),
        person(
            "db-xa",
            "Đảng bộ xã Tân Lập",
            K.PARTY_ORGANIZATION,
            at("db-xa"),
            rulebook=rulebook,
            party_organization="hu",
            grassroots=True,
        ),
        person(
            "cb-ap1", "Chi bộ ấp 1", K.PARTY_ORGANIZATION, at("cb-ap1"), rulebook=rulebook, party_organization="db-xa"
        ),
        person("dv-an", "Võ Văn An", K.PARTY_MEMBER, at("dv-an"), rulebook=rulebook, party_organization="cb-ap1"),
    ]

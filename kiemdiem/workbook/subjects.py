"""Turn a validated :class:`~kiemdiem.workbook.reader.CycleBook` into the cycle's subjects.

Each row of the sheet "Tự đánh giá" is one subject (a person rated on both sides is two: one
``@party``, one ``@state``), with its facts in the case-format ``subject`` shape
(../shared/domain/case-format.md) and its relations by id, read from the structure sheets:

- a person heads the collective (or unit) where they hold a ``head`` post on the same side, and is
  a member of the other leadership collectives of that side where they hold a post;
- a party member's party organisation is their chi bộ; a party organisation's is the nearest
  assessed party organisation above it; a collective's is the nearest one at or above its unit;
- a party member who is also rated on the state side has that subject as ``state_counterpart``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiemdiem.rules.constraints import Subject
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.workbook import schema
from kiemdiem.workbook.periods import months_between, period_bounds
from kiemdiem.workbook.reader import CycleBook, Row

STATE_KINDS = {
    "can_bo": SubjectKind.CADRE,
    "cong_chuc": SubjectKind.CIVIL_SERVANT,
    "vien_chuc": SubjectKind.PUBLIC_EMPLOYEE,
}
SIDE_LABELS = dict(schema.SIDES)
KIND_LABELS = {  # in the order summaries list them: collectives first, as they are rated
    SubjectKind.COLLECTIVE: "Tập thể",
    SubjectKind.PARTY_ORGANIZATION: "Tổ chức đảng",
    SubjectKind.CADRE: "Cán bộ",
    SubjectKind.CIVIL_SERVANT: "Công chức",
    SubjectKind.PUBLIC_EMPLOYEE: "Viên chức",
    SubjectKind.PARTY_MEMBER: "Đảng viên",
}


@dataclass(frozen=True)
class SubjectInfo:
    """Display and storage details of one subject: the workbook code it came from (``code``,
    ``table``: units / collectives / people), its side, its row in "Tự đánh giá" and the note there."""

    id: str
    code: str
    table: str
    name: str
    kind: SubjectKind
    side: str
    row: int
    note: str = ""


def subject_id(code: str, side: str | None, table: str) -> str:
    """``H001@party`` for a person, the code itself for a unit or collective."""
    return f"{code}@{side}" if table == "people" else code


def build_subjects(book: CycleBook) -> tuple[list[Subject], dict[str, SubjectInfo]]:
    """The subjects of the cycle, in the order of the sheet "Tự đánh giá", and their details."""
    return _Builder(book).build()


class _Builder:
    def __init__(self, book: CycleBook) -> None:
        self.book = book
        self.start, self.end = period_bounds(book.period)
        self.info: dict[str, SubjectInfo] = {}
        self.rows = {row["_row"]: row for row in book.self_rows}
        # posts held in the period, per person (indexed once: a province has tens of thousands)
        self.held: dict[str, list[Row]] = {}
        for post in book.positions.values():
            if self._held(post):
                self.held.setdefault(post["person"], []).append(post)
        for row in book.self_rows:
            code = row["subject"]
            table = "people" if code in book.people else "units" if code in book.units else "collectives"
            side = row.get("side") if table == "people" else self._side_of(table, code)
            sid = subject_id(code, side, table)
            self.info[sid] = SubjectInfo(sid, code, table, self._name(table, code), self._kind(table, code, side),
                                         str(side), row["_row"], row.get("note") or "")  # fmt: skip

    def _side_of(self, table: str, code: str) -> str:
        if table == "units":
            return "party" if self.book.units[code]["kind"] in schema.PARTY_SIDE_ORG_KINDS else "state"
        return "party" if self.book.collectives[code]["kind"] in schema.PARTY_COLLECTIVE_KINDS else "state"

    def _name(self, table: str, code: str) -> str:
        return str(
            self.book.people[code]["full_name"] if table == "people" else getattr(self.book, table)[code]["name"]
        )

    def _kind(self, table: str, code: str, side: str | None) -> SubjectKind:
        if table == "people":
            if side == "party":
                return SubjectKind.PARTY_MEMBER
            return STATE_KINDS[self.book.people[code]["state_category"]]
        if table == "units" and self.book.units[code]["kind"] in schema.PARTY_ORG_KINDS:
            return SubjectKind.PARTY_ORGANIZATION
        return SubjectKind.COLLECTIVE

    # -- relations ---------------------------------------------------------------------------------
    def _held(self, post: Row) -> bool:
        return post["start_date"] <= self.end and (post.get("end_date") is None or post["end_date"] >= self.start)

    def _party_org_above(self, unit_code: str | None, *, include_self: bool) -> str | None:
        seen: set[str] = set()
        code = unit_code if include_self else (self.book.units[unit_code].get("parent") if unit_code else None)
        while code and code not in seen:
            seen.add(code)
            found = self.info.get(code)
            if found is not None and found.kind is SubjectKind.PARTY_ORGANIZATION:
                return code
            code = self.book.units[code].get("parent")
        return None

    def _posts(self, person: str, side: str) -> list[Row]:
        """Posts held in the period whose collective (or unit) is an assessed subject of ``side``.

        Party organisations are left out: a chi bộ's secretary is one of its members, rated before
        it (his standing is capped through the committee collectives he heads, such as the BTV)."""
        posts = []
        for post in self.held.get(person, ()):
            target = post.get("collective") or post.get("organisation")
            found = self.info.get(target or "")
            if found is not None and found.side == side and found.kind is SubjectKind.COLLECTIVE:
                posts.append(post)
        return sorted(posts, key=lambda p: (not p.get("is_review_place"), p["_row"]))

    def build(self) -> tuple[list[Subject], dict[str, SubjectInfo]]:
        subjects = [self._subject(info) for info in self.info.values()]
        return subjects, self.info

    def _subject(self, info: SubjectInfo) -> Subject:
        row = self.rows[info.row]
        facts = self._facts(info, row)
        relations: dict[str, Any] = {}
        if info.table == "people":
            posts = self._posts(info.code, info.side)
            # A party member is capped by any collective he heads, party side first (21-HD/BTCTW
            # tiết 4 điểm B mục II: the head of a leadership collective, of the Party or the State).
            headed = [p for p in posts if p["role"] == "head"]
            if info.side == "party" and not headed:
                headed = [p for p in self._posts(info.code, "state") if p["role"] == "head"]
            heads = (headed[0].get("collective") or headed[0].get("organisation")) if headed else None
            relations["heads"] = heads
            relations["member_of"] = tuple(
                dict.fromkeys(
                    str(p.get("collective") or p.get("organisation"))
                    for p in posts
                    if (p.get("collective") or p.get("organisation")) != heads
                )
            )
            if info.side == "party":
                cell = self.book.people[info.code].get("party_cell")
                relations["party_organization"] = self._party_org_above(cell, include_self=True)
                counterpart = subject_id(info.code, "state", "people")
                relations["state_counterpart"] = counterpart if counterpart in self.info else None
            if any(p["role"] in ("head", "deputy") for p in self.held.get(info.code, ())):
                facts["holds_leadership"] = True
        elif info.table == "units":
            relations["party_organization"] = self._party_org_above(info.code, include_self=False)
        else:
            unit = self.book.collectives[info.code]["organisation"]
            relations["party_organization"] = self._party_org_above(unit, include_self=True)
        ballot = self.book.ballots.get((info.code, info.side if info.table == "people" else None))
        votes = {level: int(ballot[level.value] or 0) for level in Level} if ballot else None
        score = row.get("score.common"), row.get("score.results")
        return Subject(
            id=info.id,
            name=info.name,
            kind=info.kind,
            side="party" if info.side == "party" else "state",
            facts=facts,
            score=None if None in score else float(score[0] + score[1]),  # type: ignore[operator]
            votes=votes,
            self_level=row.get("self_level"),
            grassroots=self._grassroots(info),
            quota_group=row.get("quota_group") or self._default_group(info),
            **relations,
        )

    def _default_group(self, info: SubjectInfo) -> str | None:
        """Party organisations are compared with those under the same superior committee; collectives
        within the cycle's scope; individuals are pooled by the rules (per grassroots organisation)."""
        if info.kind is SubjectKind.PARTY_ORGANIZATION:
            return f"{self.book.units[info.code].get('parent') or self.book.cycle['scope']}:tổ chức đảng"
        if info.kind is SubjectKind.COLLECTIVE:
            return f"{self.book.cycle['scope']}:tập thể"
        return None

    def _grassroots(self, info: SubjectInfo) -> bool:
        if info.kind is not SubjectKind.PARTY_ORGANIZATION:
            return False
        unit = self.book.units[info.code]
        if unit["kind"] == "party_committee":
            return unit["level"] in ("commune", "grassroots")
        parent = self.book.units.get(unit.get("parent") or "")
        return parent is None or parent["level"] not in ("commune", "grassroots")

    # -- facts -------------------------------------------------------------------------------------
    def _facts(self, info: SubjectInfo, row: Row) -> dict[str, Any]:
        facts: dict[str, Any] = {}
        for key, value in row.items():
            if value is None or key.startswith("_") or key in ("subject", "side", "note", "self_level", "exemption"):
                continue
            head, _, tail = key.partition(".")
            if head in ("criteria", "score", "tasks") and tail:
                facts.setdefault(head, {})[tail] = value
            elif head in ("months_worked", "disunity", "degradation"):
                facts[head] = value
        leave = [{"kind": k, "months": row[f"leave.{k}"]} for k in ("sick", "maternity") if row.get(f"leave.{k}")]
        if leave:
            facts["leave"] = leave
        if row.get("discipline.form"):
            facts["discipline"] = [
                {
                    "form": row["discipline.form"],
                    "track": row["discipline.track"],
                    "decided_in_period": True,
                    "in_public_duty": bool(row.get("discipline.in_public_duty")),
                }
            ]
        if row.get("self_level") is not None:
            facts["self_rating"] = row["self_level"].value
        if info.kind is SubjectKind.PARTY_MEMBER:
            person = self.book.people[info.code]
            facts["party"] = {
                "status": "official" if person.get("official_date") and person["official_date"] <= self.end
                else "probationary",
                "months_since_admission": months_between(person["admission_date"], self.end),
                "exemption": row.get("exemption") or "none",
            }  # fmt: skip
        targets = self._targets_for(info)
        if targets is not None:
            facts["led_units"] = led_units(targets)
        return facts

    def _targets_for(self, info: SubjectInfo) -> Row | None:
        """The targets row of the unit itself, or for a person of the unit they lead (head posts
        first, then other posts held in the period, review places first)."""
        if info.table != "people":
            return self.book.targets.get(info.code)
        posts = sorted(
            self.held.get(info.code, ()), key=lambda p: (p["role"] != "head", not p.get("is_review_place"), p["_row"])
        )
        for post in posts:
            for code in (post.get("collective"), post.get("organisation")):
                if code in self.book.targets:
                    return self.book.targets[code]
        return None


def led_units(targets: Row) -> dict[str, Any]:
    """The case-format ``led_units`` block of a targets row (shares 0..1, counts)."""
    block: dict[str, Any] = {
        key: targets[key]
        for key in ("targets_completed_share", "key_targets_missed", "on_time_share", "exceeded_share", "force_majeure")
        if targets.get(key) is not None
    }
    if targets.get("units.total") is not None:
        block["total"] = targets["units.total"]
        block["ratings"] = {level.value: targets.get(f"units.{level.value}") or 0 for level in Level}
    return block

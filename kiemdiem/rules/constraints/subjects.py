"""The subjects of one review cycle and the relations between them.

A :class:`Subject` is one collective or person to be rated in a cycle, with its facts in the
case-format ``subject`` shape (../shared/domain/case-format.md) minus the cross-subject facts the
cycle runner derives, and its relations to other subjects by stable id (pitfalls.md #12: never by
name). :func:`validate_subjects` checks a whole set at once and raises :class:`SubjectError`
naming the subject and the key at fault.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from kiemdiem.rules.levels import Level, SubjectKind

Side = Literal["party", "state"]

RULEBOOK_CODES: tuple[str, ...] = (
    "party-132-16hd",
    "party-132-21hd",
    "party-124-25hd",
    "party-366-43hd",
    "state-nd56-88",
    "state-nd90",
    "state-nd90-48",
    "state-nd335",
    "state-nd233",
)

# Relations that point at another subject of the same cycle (key -> Vietnamese description).
RELATION_KEYS: dict[str, str] = {
    "heads": "tập thể/đơn vị do người này đứng đầu",
    "member_of": "tập thể lãnh đạo mà người này là thành viên",
    "party_organization": "tổ chức đảng mà kết quả phụ thuộc vào chủ thể này",
    "parent_unit": "đơn vị cấp trên",
    "state_counterpart": "chủ thể bên chính quyền của cùng người",
}

# Why a member's discipline does not count against a leadership collective (366 Điều 11 k4).
DISCIPLINE_NOT_COUNTED_REASONS: dict[str, str] = {
    "previous_unit": "vi phạm xảy ra ở đơn vị công tác trước",
    "outside_remit": "vi phạm không liên quan đến chức năng, nhiệm vụ của tập thể",
}


class SubjectError(ValueError):
    """A subject set that cannot be rated: duplicate id, unknown reference, wrong value.

    The message (Vietnamese) names the subject (name and id) and the key at fault.
    """


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject of a review cycle.

    - ``id``: stable id (never a name); ``name``: for display only.
    - ``kind``: :class:`SubjectKind`; ``side``: ``"party"`` or ``"state"``.
    - ``facts``: the case-format ``subject`` mapping (without ``kind`` and without the facts the
      runner derives: ``collective_rating``, ``is_head``, ``state_rating``, ``members.ratings`` …).
    - ``rulebook``: one of :data:`RULEBOOK_CODES`, or None to let the engine pick.
    - ``quota_group``: the comparable group for quotas (similar position, role, task), if any.
    - ``score`` (points, 0..100) and ``votes`` (level -> ballots) rank who drops first in a quota.
    - ``self_level``: the level the subject proposed for itself.
    - relations by id: ``heads`` (the collective/unit headed), ``member_of`` (leadership
      collectives the person belongs to), ``party_organization`` (the party organisation whose
      level depends on this subject), ``parent_unit`` (the unit above), ``state_counterpart`` (for
      a party member, their state-side subject). For an individual, ``parent_unit`` is the unit they
      work in (rated before them; the unit of the state quotas).
    - ``grassroots``: this party organisation is a tổ chức cơ sở đảng (the 21-HD member quota is
      pooled per grassroots organisation).
    - ``discipline_not_counted_for``: collective id -> ``previous_unit`` or ``outside_remit``: this
      member's discipline does not count against that collective (366 Điều 11 k4, two exceptions).
    """

    id: str
    name: str
    kind: SubjectKind
    side: Side
    facts: Mapping[str, object] = field(default_factory=dict)
    rulebook: str | None = None
    quota_group: str | None = None
    score: float | None = None
    votes: Mapping[Level, int] | None = None
    self_level: Level | None = None
    heads: str | None = None
    member_of: tuple[str, ...] = ()
    party_organization: str | None = None
    parent_unit: str | None = None
    state_counterpart: str | None = None
    grassroots: bool = False
    discipline_not_counted_for: Mapping[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """``Name (id)``, the way messages name a subject."""
        return f"{self.name} ({self.id})"

    def relations(self) -> Iterable[tuple[str, str]]:
        """Every (relation key, target id) this subject declares."""
        for key in ("heads", "party_organization", "parent_unit", "state_counterpart"):
            target = getattr(self, key)
            if target is not None:
                yield key, target
        for target in self.member_of:
            yield "member_of", target


def validate_subjects(subjects: Sequence[Subject]) -> dict[str, Subject]:
    """Check a subject set and index it by id.

    Returns ``{id: subject}`` in input order. Raises :class:`SubjectError` on: an empty or
    duplicate id, a kind or side of the wrong type, an unknown rulebook code, a relation to an
    id not in the set or to the subject itself, a ``state_counterpart`` that is not on the state
    side, a level or vote count of the wrong type, facts that are not a mapping, or an unknown
    discipline exception.
    """
    index = {subject.id: subject for subject in subjects}
    if _looks_valid(subjects, index):
        return index
    _explain_invalid(subjects)
    raise SubjectError("Danh sách chủ thể không hợp lệ.")  # not reached: _explain_invalid names the fault


def _looks_valid(subjects: Sequence[Subject], index: Mapping[str, Subject]) -> bool:
    """The checks of :func:`validate_subjects` column by column, without building messages."""
    if len(index) != len(subjects) or not all(type(i) is str and i for i in index):
        return False
    if {type(s.kind) for s in subjects} - {SubjectKind} or {s.side for s in subjects} - {"party", "state"}:
        return False
    if {s.rulebook for s in subjects} - {None, *RULEBOOK_CODES}:
        return False
    if not all(isinstance(s.facts, Mapping) for s in subjects):
        return False
    if {type(s.self_level) for s in subjects} - {type(None), Level}:
        return False
    if any(not 0 <= s.score <= 100 for s in subjects if s.score is not None):
        return False
    if not all(_votes_ok(s.votes) for s in subjects if s.votes):
        return False
    for key in ("heads", "party_organization", "parent_unit", "state_counterpart"):
        targets = [getattr(s, key) for s in subjects]
        if any(t is not None and (t == i or t not in index) for t, i in zip(targets, index, strict=True)):
            return False
    if any(t == s.id or t not in index for s in subjects for t in s.member_of):
        return False
    if any(index[s.state_counterpart].side != "state" for s in subjects if s.state_counterpart is not None):
        return False
    return all(
        c in index and why in DISCIPLINE_NOT_COUNTED_REASONS
        for s in subjects
        if s.discipline_not_counted_for
        for c, why in s.discipline_not_counted_for.items()
    )


def _votes_ok(votes: Mapping[Level, int]) -> bool:
    return all(isinstance(level, Level) and type(count) is int and count >= 0 for level, count in votes.items())


def _explain_invalid(subjects: Sequence[Subject]) -> None:
    """Walk the subjects one by one and raise :class:`SubjectError` at the first fault."""
    index: dict[str, Subject] = {}
    for position, subject in enumerate(subjects, start=1):
        if not isinstance(subject.id, str) or not subject.id:
            raise SubjectError(f"Chủ thể thứ {position} ({subject.name!r}): thiếu mã định danh (id).")
        if subject.id in index:
            other = index[subject.id]
            raise SubjectError(
                f"Mã định danh {subject.id!r} bị trùng: {other.name} và {subject.name} (chủ thể thứ {position})."
            )
        index[subject.id] = subject
    for subject in index.values():
        _check_fields(subject)
    for subject in index.values():
        for key, target in subject.relations():
            if target == subject.id:
                raise SubjectError(f"{subject.label}: khóa {key!r} trỏ về chính chủ thể này.")
            if target not in index:
                raise SubjectError(
                    f"{subject.label}: khóa {key!r} trỏ đến {target!r}, không có trong danh sách chủ thể "
                    f"(cần mã của {RELATION_KEYS[key]})."
                )
        counterpart = subject.state_counterpart
        if counterpart is not None and index[counterpart].side != "state":
            raise SubjectError(
                f"{subject.label}: khóa 'state_counterpart' phải trỏ đến một chủ thể bên chính quyền "
                f"(side 'state'), nhưng {index[counterpart].label} thuộc bên {index[counterpart].side!r}."
            )
        for collective, why in subject.discipline_not_counted_for.items():
            if collective not in index:
                raise SubjectError(
                    f"{subject.label}: khóa 'discipline_not_counted_for' nêu {collective!r}, "
                    "không có trong danh sách chủ thể."
                )
            if why not in DISCIPLINE_NOT_COUNTED_REASONS:
                raise SubjectError(
                    f"{subject.label}: khóa 'discipline_not_counted_for' có lý do {why!r}; "
                    f"cần một trong {', '.join(DISCIPLINE_NOT_COUNTED_REASONS)}."
                )


def _check_fields(subject: Subject) -> None:
    if not isinstance(subject.kind, SubjectKind):
        raise SubjectError(f"{subject.label}: khóa 'kind' phải là một SubjectKind, nhận {subject.kind!r}.")
    if subject.side not in ("party", "state"):
        raise SubjectError(f"{subject.label}: khóa 'side' phải là 'party' hoặc 'state', nhận {subject.side!r}.")
    if subject.rulebook is not None and subject.rulebook not in RULEBOOK_CODES:
        raise SubjectError(
            f"{subject.label}: khóa 'rulebook' có mã {subject.rulebook!r} không có; cần một trong "
            f"{', '.join(RULEBOOK_CODES)} hoặc để trống."
        )
    if not isinstance(subject.facts, Mapping):
        raise SubjectError(f"{subject.label}: khóa 'facts' cần một bảng khóa–giá trị, nhận {subject.facts!r}.")
    if subject.self_level is not None and not isinstance(subject.self_level, Level):
        raise SubjectError(f"{subject.label}: khóa 'self_level' phải là một mức xếp loại, nhận {subject.self_level!r}.")
    for level, count in (subject.votes or {}).items():
        if not isinstance(level, Level) or not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise SubjectError(
                f"{subject.label}: khóa 'votes' cần mức xếp loại -> số phiếu (số nguyên ≥ 0), "
                f"nhận {level!r}: {count!r}."
            )
    if subject.score is not None and not (0 <= subject.score <= 100):
        raise SubjectError(f"{subject.label}: khóa 'score' phải trong khoảng 0..100, nhận {subject.score!r}.")

"""Contexts of the conference documents: minutes, ballot, tally minutes, and the decision.

Same conventions as :mod:`kiemdiem.documents.contexts`: ``None`` or empty means "not in the data"
and prints as the dotted blank.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiemdiem.documents import vn
from kiemdiem.documents.contexts import Context, Header, Signature, Votes, _signature
from kiemdiem.rules.levels import Level


@dataclass(frozen=True, slots=True)
class Absentee:
    name: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    speaker: str
    content: str


@dataclass(frozen=True, slots=True)
class SubjectProceedings:
    """What the conference did for one subject: report read, comments, self-proposed level, votes."""

    votes: Votes
    report_lines: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()
    self_level: Level | None = None
    is_collective: bool = False

    @property
    def title(self) -> str:
        """ "Kiểm điểm tập thể Ban Thường vụ …" or "Kiểm điểm đồng chí Bùi Văn An, Bí thư Huyện ủy"."""
        if self.is_collective:
            return f"Kiểm điểm tập thể {self.votes.name}"
        position = f", {self.votes.position}" if self.votes.position else ""
        return f"Kiểm điểm đồng chí {self.votes.name}{position}"


@dataclass(frozen=True, slots=True)
class Minutes:
    """Biên bản hội nghị kiểm điểm: time, place, attendance, chair, secretary, the superior's
    representative and directions, proceedings per subject, votes, conclusion."""

    header: Header
    meeting_title: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    meeting_place: str | None = None
    total_members: int | None = None
    present: int | None = None  # None: attendance not recorded (blanks), not "everyone came"
    absentees: tuple[Absentee, ...] = ()
    chair: tuple[str, str | None] | None = None  # (name, position)
    secretary: str | None = None
    superior_rep: tuple[str, str | None] | None = None
    superior_directions: tuple[str, ...] = ()
    subjects: tuple[SubjectProceedings, ...] = ()
    conclusion: tuple[str, ...] = ()
    member_word: str = "đảng viên"  # who attends: "ủy viên" at a committee's own conference

    def to_context(self) -> Context:
        present = self.present
        absent = None if present is None or self.total_members is None else self.total_members - present
        subjects = []
        for i, proc in enumerate(self.subjects, start=1):
            subjects.append(
                {
                    "index": i,
                    "title": proc.title,
                    "report_lines": vn.lines_or_blank(proc.report_lines, count=1),
                    "comments": [f"Đồng chí {c.speaker}: {c.content}" for c in proc.comments] or [vn.BLANK_LINE],
                    "self_level": proc.self_level.label if proc.self_level else vn.BLANK,
                    "votes": proc.votes.summary(present or 0),
                }
            )
        return {
            **self.header.to_context("BB"),
            "meeting_title": self.meeting_title,
            "start_time": vn.time_words(self.start),
            "end_time": vn.time_words(self.end),
            "meeting_place": vn.or_blank(self.meeting_place),
            "total_members": vn.or_blank(self.total_members),
            "member_word": self.member_word,
            "present": vn.or_blank(present),
            "absent": vn.or_blank(absent),
            "absentees": [f"Đồng chí {a.name} (lý do: {vn.or_blank(a.reason)})" for a in self.absentees]
            or (["Không có"] if absent == 0 else [vn.BLANK_LINE]),
            "chair_name": vn.or_blank(self.chair[0] if self.chair else None),
            "chair_position": vn.or_blank(self.chair[1] if self.chair else None),
            "secretary_name": vn.or_blank(self.secretary),
            "superior_rep_name": vn.or_blank(self.superior_rep[0] if self.superior_rep else None),
            "superior_rep_position": vn.or_blank(self.superior_rep[1] if self.superior_rep else None),
            "superior_directions": vn.lines_or_blank(self.superior_directions),
            "subjects": subjects,
            "conclusion": vn.lines_or_blank(self.conclusion),
        }


@dataclass(frozen=True, slots=True)
class Ballot:
    """Phiếu bỏ phiếu kín: one row per subject with the four level columns left for the voter."""

    header: Header
    meeting_title: str
    subjects: tuple[tuple[str, str | None], ...]  # (name, position)

    def to_context(self) -> Context:
        rows = [{"index": i, "name": n, "position": vn.or_blank(p)} for i, (n, p) in enumerate(self.subjects, 1)]
        return {**self.header.to_context(), "meeting_title": self.meeting_title, "rows": rows}


@dataclass(frozen=True, slots=True)
class Tally:
    """Biên bản kiểm phiếu: the counting committee, ballots issued/collected/valid, votes per level
    per subject with percentages of the valid ballots."""

    header: Header
    meeting_title: str
    counters: tuple[str, ...]  # counting committee, head first
    total_voters: int | None
    ballots_issued: int | None
    ballots_collected: int | None
    ballots_invalid: int | None
    votes: tuple[Votes, ...]
    end: dt.datetime | None = None
    member_word: str = "đảng viên"  # who votes: "ủy viên" at a committee's own conference
    ballots_valid: int | None = None  # when known directly (the workbook's votes), else collected - invalid

    def to_context(self) -> Context:
        valid = self.ballots_valid
        if valid is None and self.ballots_collected is not None and self.ballots_invalid is not None:
            valid = self.ballots_collected - self.ballots_invalid
        rows = [v.row(i, valid or 0) for i, v in enumerate(self.votes, start=1)]
        return {
            **self.header.to_context("BB"),
            "meeting_title": self.meeting_title,
            "counters": [
                f"Đồng chí {name} — {'Trưởng ban' if i == 0 else 'Thành viên'}" for i, name in enumerate(self.counters)
            ]
            or [vn.BLANK_LINE],
            "total_voters": vn.or_blank(self.total_voters),
            "member_word": self.member_word,
            "ballots_issued": vn.or_blank(self.ballots_issued),
            "ballots_collected": vn.or_blank(self.ballots_collected),
            "ballots_valid": vn.or_blank(valid),
            "ballots_invalid": vn.or_blank(self.ballots_invalid),
            "rows": rows,
            "end_time": vn.time_words(self.end),
            "signer_name": vn.or_blank(self.counters[0] if self.counters else None),
        }


@dataclass(frozen=True, slots=True)
class DecisionRow:
    name: str
    unit: str | None
    level: Level | None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """Quyết định công nhận kết quả đánh giá, xếp loại chất lượng.

    ``bases`` are the căn cứ lines, built by :func:`kiemdiem.documents.instruments.bases` from the
    instruments the rules engine cited; ``rows`` the subjects and their decided levels.
    """

    header: Header
    decider_name: str  # "Ban Thường vụ Huyện ủy Thanh Vân" / "Ủy ban nhân dân huyện Thanh Vân" (printed upper)
    subject_title: str  # trích yếu: "Về việc công nhận kết quả … năm 2021"
    signature: Signature
    bases: tuple[str, ...]
    proposer: str | None
    rows: tuple[DecisionRow, ...]
    executors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    state: bool = False

    def to_context(self) -> Context:
        rows = [
            {
                "index": i,
                "name": r.name,
                "unit": vn.or_blank(r.unit),
                "level": r.level.label if r.level else vn.CELL_BLANK,
                "note": r.note or "",
            }
            for i, r in enumerate(self.rows, start=1)
        ]
        return {
            **self.header.to_context("QĐ", state=self.state),
            **_signature(self.signature, list(self.recipients)),
            "decider_name": self.decider_name,
            "subject_title": self.subject_title,
            "bases": list(self.bases) or [vn.BLANK_LINE],
            "proposer": vn.or_blank(self.proposer),
            "rows": rows,
            "executors": vn.or_blank(", ".join(self.executors) if self.executors else None),
        }

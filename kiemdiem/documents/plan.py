"""The shapes around building a cycle's documents: options in, planned documents out.

Re-exported by :mod:`kiemdiem.documents.builders`, which is where callers import them from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kiemdiem.documents.forms import FormSpec
from kiemdiem.documents.numbering import Term
from kiemdiem.documents.xlsx import SummaryRow
from kiemdiem.reviews.models import OutcomeStatus
from kiemdiem.rules.levels import Level
from kiemdiem.rules.reasons import Reason


class BuildError(ValueError):
    """The cycle cannot give a document (names the cycle and what is missing)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the rules engine said for one review: level (None when not rated), status, reasons,
    and the conference's votes when the workbook's "Phiếu" sheet gave them (``votes``: level ->
    count, every level present; ``present``: voters present; None when not recorded)."""

    level: Level | None
    status: str
    reasons: tuple[Reason, ...] = ()
    votes: Mapping[Level, int] | None = None
    present: int | None = None

    @property
    def valid_ballots(self) -> int | None:
        """Valid ballots: those that chose one level (the sum of the votes); None when not recorded."""
        return sum(self.votes.values()) if self.votes is not None else None

    def not_rated_note(self) -> str | None:
        """For a subject left without a level, the status and why, as the decision's "Ghi chú"
        prints it: "Chỉ kiểm điểm, không xếp loại (đảng viên mới kết nạp chưa đủ 6 tháng)" — the
        last reason up to its colon (the cause, not its consequence); None for a rated subject."""
        if self.status == OutcomeStatus.RATED:
            return None
        label = str(OutcomeStatus(self.status).label) if self.status in OutcomeStatus.values else self.status
        why = self.reasons[-1].text.split(":", 1)[0].strip().rstrip(".") if self.reasons else ""
        return f"{label} ({why[:1].lower()}{why[1:]})" if why else label

    @classmethod
    def from_result(cls, result: Any) -> Outcome:
        """From a ``kiemdiem.rules.SubjectResult`` (``status``, ``rating``, ``reasons``)."""
        return cls(result.rating, result.status, tuple(result.reasons))

    @classmethod
    def from_stored(cls, stored: Any) -> Outcome:
        """From a ``reviews.ReviewOutcome`` row: ``final_level`` (after the constraints), status,
        ``reasons`` (JSON list of ``{rule, cites, text, confirmed}``) and the stored votes."""
        votes = {Level(level): int(count) for level, count in stored.votes.items()} if stored.votes else None
        reasons = tuple(
            Reason(r["rule"], r["cites"], r["text"], bool(r.get("confirmed", True))) for r in stored.reasons
        )
        level = Level(stored.final_level) if stored.final_level else None
        return cls(level, stored.status, reasons, votes, stored.voters_present)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    issue_date: dt.date | None = None  # printed date; None prints the blank date, never today
    issue: bool = False  # allocate numbers (else drafts with blank numbers)
    term: Term | None = None  # Party numbering term; default_term(issue date) when None
    outcomes: Mapping[int, Outcome] = field(default_factory=dict)  # by review id
    results_paragraph: tuple[str, ...] = ()
    chart_png: bytes | None = None


@dataclass(frozen=True, slots=True)
class Planned:
    """One document to write: its form, context object and file name."""

    spec: FormSpec
    context: object
    filename: str
    issuer_key: str  # "org:<id>" of the issuing organisation, for its replacement templates


@dataclass(slots=True)
class CycleDocuments:
    planned: list[Planned]
    summary: list[SummaryRow]
    issuer: str
    year: int
    notes: list[str]


def check_dates(options: BuildOptions, period: str, start: dt.date) -> None:
    """Raise :class:`BuildError` for an issue date before the reviewed ``period`` (which begins on
    ``start``) or outside the committee term given for numbering."""
    date, term = options.issue_date, options.term
    if date is not None and date < start:
        raise BuildError(f"ngày ban hành {date:%d/%m/%Y} trước kỳ kiểm điểm {period} (bắt đầu {start:%d/%m/%Y})")
    if date is not None and term is not None and not term.first_year <= date.year <= term.last_year:
        raise BuildError(
            f"ngày ban hành {date:%d/%m/%Y} nằm ngoài nhiệm kỳ {term.first_year}–{term.last_year} dùng để đánh số"
        )

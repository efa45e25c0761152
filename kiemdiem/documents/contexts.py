"""What each form prints, as plain dataclasses, and their flattening into template variables.

The builders (:mod:`kiemdiem.documents.builders`) fill these from the models and the rating
results; tests build them in code. ``None`` (or an empty list) means the data does not say: the
template then shows the dotted blank of the paper form, never "None". ``to_context()`` returns the
flat dict of template variables named in :data:`kiemdiem.documents.forms.FORMS` ``required``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from kiemdiem.documents import vn
from kiemdiem.documents.forms import (
    COLLECTIVE_CRITERIA,
    COMMITMENT_CRITERION,
    LEADER_EXTRA_CRITERIA,
    MEMBER_CRITERIA,
    STATE_ITEMS,
    STATE_MANAGER_ITEMS,
)
from kiemdiem.rules.levels import LEVELS_DESCENDING, Level

Context = dict[str, object]


@dataclass(frozen=True, slots=True)
class Issuer:
    """The body a document comes from: ``name`` "Huyện ủy Thanh Vân", ``superior`` the body above
    it (None when it has none), ``symbol`` for numbers ("HU", "UBND"), ``place`` for the date line."""

    name: str
    superior: str | None
    symbol: str | None
    place: str | None


@dataclass(frozen=True, slots=True)
class Signature:
    """``authority`` "T/M BAN THƯỜNG VỤ" (Party) or "TM. ỦY BAN NHÂN DÂN" (state), ``position``, ``name``."""

    authority: str | None
    position: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class Header:
    issuer: Issuer
    year: int
    date: dt.date | None = None
    number: str | None = None  # already formatted ("Số 12-BC/HU"); None shows the blank number

    def to_context(self, doc_type: str | None = None, state: bool = False) -> Context:
        symbol = self.issuer.symbol or vn.BLANK
        if self.number:
            doc_number = self.number
        elif state:
            doc_number = f"Số: ……/{doc_type or ''}-{symbol}"
        else:
            doc_number = f"Số ……-{doc_type or ''}/{symbol}"
        return {
            "superior_name": self.issuer.superior or "",
            "issuer_name": self.issuer.name,
            "place_date": vn.place_date(self.issuer.place, self.date),
            "year": str(self.year),
            "doc_number": doc_number,
        }


def _signature(sig: Signature | None, recipients: list[str] | None = None) -> Context:
    sig = sig or Signature(None, None, None)
    return {
        "signature_authority": vn.or_blank(sig.authority),
        "signature_position": vn.or_blank(sig.position),
        "signer_name": vn.or_blank(sig.name),
        "recipients": vn.lines_or_blank(recipients, count=1),
    }


@dataclass(frozen=True, slots=True)
class ReviewBody:
    """Sections I–VI shared by the collective report and the self-review (21-HD, 25-HD, 43-HD).

    ``criteria_lines[i]``/``criteria_grades[i]`` go with the i-th criterion heading of the form;
    grades are one of :data:`kiemdiem.documents.vn.GRADES` or None.
    """

    criteria_lines: tuple[tuple[str, ...], ...] = ()
    criteria_grades: tuple[str | None, ...] = ()
    shortcomings: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    remedy_results: tuple[str, ...] = ()
    remedy_grade: str | None = None
    explanations: tuple[str, ...] = ()
    responsibility: tuple[str, ...] = ()
    directions: tuple[str, ...] = ()

    def to_context(self, titles: tuple[str, ...]) -> Context:
        criteria = []
        for i, title in enumerate(titles):
            lines = self.criteria_lines[i] if i < len(self.criteria_lines) else ()
            grade = self.criteria_grades[i] if i < len(self.criteria_grades) else None
            criteria.append(
                {"number": i + 1, "title": title, "lines": vn.lines_or_blank(lines), "grade": vn.grade_boxes(grade)}
            )
        return {
            "criteria": criteria,
            "shortcomings": vn.lines_or_blank(self.shortcomings),
            "causes": vn.lines_or_blank(self.causes),
            "remedy_results": vn.lines_or_blank(self.remedy_results),
            "remedy_grade": vn.grade_boxes(self.remedy_grade),
            "explanations": vn.lines_or_blank(self.explanations),
            "responsibility": vn.lines_or_blank(self.responsibility),
            "directions": vn.lines_or_blank(self.directions),
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """The 100-point self-score of Quy định 366 / NĐ 335: common criteria out of 30, results out of 70."""

    common: float | None = None
    results: float | None = None

    def to_context(self) -> Context:
        total = None if self.common is None or self.results is None else self.common + self.results
        return {
            "score_common": vn.number(self.common, 1) if self.common is not None else vn.BLANK,
            "score_results": vn.number(self.results, 1) if self.results is not None else vn.BLANK,
            "score_total": vn.number(total, 1) if total is not None else vn.BLANK,
        }


@dataclass(frozen=True, slots=True)
class CollectiveReport:
    """Báo cáo kiểm điểm tập thể. ``results_paragraph``: the targets package's sentences;
    ``chart_png``: its chart as PNG bytes (both optional)."""

    header: Header
    collective_name: str
    signature: Signature
    body: ReviewBody = field(default_factory=ReviewBody)
    proposed_level: Level | None = None
    scores: Scores = field(default_factory=Scores)
    results_paragraph: tuple[str, ...] = ()
    chart_png: bytes | None = None
    recipients: tuple[str, ...] = ()

    def to_context(self) -> Context:
        return {
            **self.header.to_context("BC"),
            **_signature(self.signature, list(self.recipients)),
            **self.body.to_context(COLLECTIVE_CRITERIA),
            **self.scores.to_context(),
            "collective_name": self.collective_name,
            "results_paragraph": vn.lines_or_blank(self.results_paragraph),
            "chart": self.chart_png,  # render.py turns bytes into an inline image, None into a blank
            "proposed_level_boxes": vn.level_boxes(self.proposed_level),
        }


@dataclass(frozen=True, slots=True)
class SelfReview:
    """Bản kiểm điểm cá nhân (leader variant 02B when ``is_leader``, else 02A)."""

    header: Header
    full_name: str
    is_leader: bool
    birth_date: dt.date | None = None
    party_position: str | None = None
    government_position: str | None = None
    mass_org_position: str | None = None
    workplace: str | None = None
    party_cell: str | None = None
    body: ReviewBody = field(default_factory=ReviewBody)
    scores: Scores = field(default_factory=Scores)
    state_level: Level | None = None
    party_level: Level | None = None
    cell_comment: tuple[str, ...] = ()
    decided_level: Level | None = None

    @property
    def criteria_titles(self) -> tuple[str, ...]:
        extra = LEADER_EXTRA_CRITERIA if self.is_leader else ()
        return (*MEMBER_CRITERIA, *extra, COMMITMENT_CRITERION)

    def to_context(self) -> Context:
        return {
            **self.header.to_context(),
            **self.body.to_context(self.criteria_titles),
            **self.scores.to_context(),
            "full_name": self.full_name,
            "signer_name": self.full_name,
            "birth_date": vn.short_date(self.birth_date),
            "party_position": vn.or_blank(self.party_position),
            "government_position": vn.or_blank(self.government_position),
            "mass_org_position": vn.or_blank(self.mass_org_position),
            "workplace": vn.or_blank(self.workplace),
            "party_cell": vn.or_blank(self.party_cell),
            "state_level_boxes": vn.level_boxes(self.state_level),
            "party_level_boxes": vn.level_boxes(self.party_level),
            "cell_comment": vn.lines_or_blank(self.cell_comment),
            "decided_level_boxes": vn.level_boxes(self.decided_level),
        }


@dataclass(frozen=True, slots=True)
class RatingSheet:
    """Phiếu đánh giá, xếp loại chất lượng cán bộ / công chức / viên chức (NĐ 90 mẫu 01–03; NĐ 335)."""

    header: Header
    full_name: str
    is_leader: bool
    position: str | None = None
    unit: str | None = None
    rank: str | None = None
    salary_step: int | None = None
    salary_coefficient: float | None = None
    item_lines: tuple[tuple[str, ...], ...] = ()
    self_comment: tuple[str, ...] = ()
    self_level: Level | None = None
    manager_comment: tuple[str, ...] = ()
    decided_level: Level | None = None
    scores: Scores = field(default_factory=Scores)

    def to_context(self) -> Context:
        titles = STATE_ITEMS + (STATE_MANAGER_ITEMS if self.is_leader else ())
        items = [
            {
                "number": i + 1,
                "title": t,
                "lines": vn.lines_or_blank(self.item_lines[i] if i < len(self.item_lines) else ()),
            }
            for i, t in enumerate(titles)
        ]
        return {
            **self.header.to_context(),
            **self.scores.to_context(),
            "full_name": self.full_name,
            "signer_name": self.full_name,
            "position": vn.or_blank(self.position),
            "unit": vn.or_blank(self.unit),
            "rank": vn.or_blank(self.rank),
            "salary_step": vn.or_blank(self.salary_step),
            "salary_coefficient": vn.number(self.salary_coefficient, 2),
            "items": items[: len(STATE_ITEMS)],
            "manager_items": items[len(STATE_ITEMS) :],
            "self_comment": vn.lines_or_blank(self.self_comment),
            "self_level_boxes": vn.level_boxes(self.self_level),
            "manager_comment": vn.lines_or_blank(self.manager_comment),
            "decided_level_boxes": vn.level_boxes(self.decided_level),
        }


@dataclass(frozen=True, slots=True)
class Votes:
    """Votes cast for each level for one subject; ``counts`` keyed by level (a level absent got 0
    votes); ``counts=None`` when the votes are not recorded (printed as blanks)."""

    name: str
    position: str | None
    counts: Mapping[Level, int] | None = None
    valid: int | None = None  # this subject's valid ballots; when given, percentages are of it

    def row(self, index: int, voters: int) -> Context:
        """A tally row: per level ``"8 (80%)"`` (share of ``valid``, else of ``voters``), or a short
        blank when not recorded."""
        voters = self.valid if self.valid is not None else voters
        row: Context = {"index": index, "name": self.name, "position": vn.or_blank(self.position)}
        for level in LEVELS_DESCENDING:
            if self.counts is None:
                row[level.lower()] = vn.CELL_BLANK
                continue
            count = self.counts.get(level, 0)
            row[level.lower()] = f"{count} ({vn.percent(count, voters)})" if voters else str(count)
        return row

    def summary(self, voters: int) -> str:
        """``"Hoàn thành tốt nhiệm vụ: 9/10 phiếu (90%); …"`` over the levels that got votes (out of
        ``valid`` when given, else ``voters``)."""
        voters = self.valid if self.valid is not None else voters
        if self.counts is None or voters <= 0:
            return vn.BLANK
        parts = [
            f"{level.label}: {self.counts[level]}/{voters} phiếu ({vn.percent(self.counts[level], voters)})"
            for level in LEVELS_DESCENDING
            if self.counts.get(level)
        ]
        return "; ".join(parts) if parts else vn.BLANK

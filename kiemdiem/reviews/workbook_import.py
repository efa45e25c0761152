"""Load a reviewed cycle workbook into the database, and build its documents from what was stored.

:func:`workbook_cycle_load` (a service: one transaction, audited) upserts the workbook's units,
collectives, people, posts, party memberships and state employment by their stable ids
(``external_code``), opens the cycle (or reuses the open one for the same scope and period), and
stores one review per subject with its self-proposed, proposed (final) and decided levels, and
beside it the outcome (status, reasons with citations, items needing a decision). A
refusal (the database or a service says no) raises and writes nothing.

:func:`load_and_render` is what ``kiemdiem review`` calls once Django is set up: load, then render
the documents of the stored cycle in memory (``kiemdiem.documents``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from kiemdiem.org.models import (
    Collective,
    Organisation,
    PartyMembership,
    Person,
    Position,
    StateEmployment,
)
from kiemdiem.reviews.models import AuditEntry, CycleStatus, Review, ReviewCycle, ReviewOutcome, ReviewStatus
from kiemdiem.reviews.periods import Period
from kiemdiem.reviews.selectors import review_cycle_find_open
from kiemdiem.reviews.services import _require, review_cycle_open
from kiemdiem.rules.levels import Level
from kiemdiem.workbook.flow import Prepared
from kiemdiem.workbook.outcome import SubjectLine
from kiemdiem.workbook.reader import CycleBook, Row


class DocumentsFailed(Exception):
    """Loading or rendering failed; nothing was written (Vietnamese message)."""


@dataclass
class LoadResult:
    """The stored cycle, the review stored for each subject id, and notes for the user."""

    cycle: ReviewCycle
    reviews: dict[str, Review]
    notes: list[str] = field(default_factory=list)


@dataclass
class RenderedDocuments:
    """Documents rendered in memory (file name -> bytes), notes, and the stored cycle's label."""

    files: dict[str, bytes]
    notes: list[str]
    cycle_label: str = ""


def _upsert(model: Any, code: str, values: dict[str, Any]) -> Any:
    obj, _ = model.objects.update_or_create(external_code=code, defaults=values)
    return obj


def _structure(book: CycleBook) -> tuple[dict[str, Organisation], dict[str, Collective], dict[str, Person]]:
    units: dict[str, Organisation] = {}
    for code, row in book.units.items():
        fields = ("name", "short_name", "symbol", "level", "kind", "place_name")
        units[code] = _upsert(Organisation, code, {key: row.get(key) or "" for key in fields})
    for code, row in book.units.items():
        parent = units.get(row.get("parent") or "")
        if units[code].parent_id != (parent.pk if parent else None):
            units[code].parent = parent
            units[code].save(update_fields=["parent"])
    collectives = {
        code: _upsert(Collective, code, {"name": row["name"], "kind": row["kind"],
                      "organisation": units[row["organisation"]], "is_leadership": bool(row.get("is_leadership"))})
        for code, row in book.collectives.items()
    }  # fmt: skip
    people: dict[str, Person] = {}
    by_person = _posts_by_person(book)
    for code, row in book.people.items():
        details = {"full_name": row["full_name"], "birth_date": row.get("birth_date"), "gender": row["gender"]}
        people[code] = _upsert(Person, code, {**details, "ethnicity": row.get("ethnicity") or ""})
        if row.get("party_status"):
            PartyMembership.objects.update_or_create(
                person=people[code],
                defaults={"status": row["party_status"], "admission_date": row["admission_date"],
                          "official_date": row.get("official_date"), "party_cell": units[row["party_cell"]]},
            )  # fmt: skip
        if row.get("state_category") and row.get("work_unit"):
            # An employment already recorded (with its own dates) is kept as it is.
            employment = StateEmployment.objects.filter(person=people[code], organisation=units[row["work_unit"]])
            if not employment.exists():
                StateEmployment.objects.create(
                    person=people[code],
                    organisation=units[row["work_unit"]],
                    category=row["state_category"],
                    start_date=_employment_start(by_person.get(code, []), Period.parse(book.period)),
                )
    return units, collectives, people


def _posts_by_person(book: CycleBook) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for post in book.positions.values():
        found.setdefault(post["person"], []).append(post)
    return found


def _employment_start(posts: list[Row], period: Period) -> dt.date:
    """The first post's start, or the period's first day for a person without posts."""
    return min((post["start_date"] for post in posts), default=period.start)


def _positions(book: CycleBook, units: dict[str, Organisation], collectives: dict[str, Collective],
               people: dict[str, Person]) -> dict[str, Position]:  # fmt: skip
    return {
        code: _upsert(
            Position,
            code,
            {
                "person": people[row["person"]],
                "organisation": units.get(row.get("organisation") or ""),
                "collective": collectives.get(row.get("collective") or ""),
                "role": row["role"],
                "title": row["title"],
                "start_date": row["start_date"],
                "end_date": row.get("end_date"),
                "is_concurrent": bool(row.get("is_concurrent")),
                "is_review_place": bool(row.get("is_review_place")),
            },
        )
        for code, row in book.positions.items()
    }


def _state_place(book: CycleBook, own: list[Row], posts: dict[str, Position], period: Period) -> Position | None:
    """The post in which a person is reviewed on the state side (``own``: the person's posts): a
    review place held in the period outside the party's own bodies, else any post held then."""
    held = [
        row
        for row in own
        if row["start_date"] <= period.end and (row.get("end_date") is None or row["end_date"] >= period.start)
    ]
    held.sort(key=lambda row: (not row.get("is_review_place"), _party_post(book, row), row["_row"]))
    return posts[held[0]["id"]] if held else None


def _party_post(book: CycleBook, row: Row) -> bool:
    unit = row.get("organisation") or book.collectives.get(row.get("collective") or "", {}).get("organisation")
    return book.units.get(unit or "", {}).get("kind") in ("party_committee", "party_cell", "party_advisory")


LEVEL_COLUMNS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")


def _ballot(book: CycleBook, line: SubjectLine) -> tuple[dict[str, int] | None, int | None]:
    """The subject's row of the "Phiếu" sheet as (votes by level code, voters present), or
    (None, None) when the sheet has no row for it (a person's row is keyed by side too)."""
    row = book.ballots.get((line.code, line.side if line.table == "people" else None))
    if row is None:
        return None, None
    return {level: int(row[level] or 0) for level in LEVEL_COLUMNS}, row.get("present")


def _outcome(line: SubjectLine, book: CycleBook) -> dict[str, Any]:
    votes, present = _ballot(book, line)
    return {
        "status": line.status,
        "rulebook": line.rulebook,
        "engine_level": line.engine_level.value if line.engine_level else "",
        "final_level": line.final_level.value if line.final_level else "",
        "main_reason": line.main_reason.text if line.main_reason else "",
        "main_cites": line.main_reason.cites if line.main_reason else "",
        "unconfirmed": line.unconfirmed,
        "reasons": [reason.to_dict() for reason in line.reasons],
        "items": [
            {"kind": item.kind, "label": item.label, "text": item.text, "cites": item.cites, "proposal": item.proposal}
            for item in line.items
        ],
        "votes": votes,
        "voters_present": present,
        "ballots_valid": sum(votes.values()) if votes is not None else None,
        "source": book.path.name,
    }


@transaction.atomic
def workbook_cycle_load(*, prepared: Prepared, actor: Any) -> LoadResult:
    """Store ``prepared`` (a rated workbook) all-or-nothing; see the module docstring.

    Raises ``PermissionDenied`` (``actor`` may not add reviews; ``None`` is the command line),
    ``ValidationError`` (the period's cycle is closed, or a service refused) or ``DatabaseError``.
    """
    _require(actor, "reviews.add_review", "nạp kết quả kiểm điểm từ sổ")
    book = prepared.run.book
    units, collectives, people = _structure(book)
    posts = _positions(book, units, collectives, people)
    period = Period.parse(book.period)
    scope = units[book.cycle["scope"]]
    closed = ReviewCycle.objects.filter(
        scope=scope,
        status=CycleStatus.CLOSED,
        period_kind=period.kind.value,
        year=period.year,
        quarter=period.quarter,
        term_start_year=period.term_start_year,
        term_end_year=period.term_end_year,
    ).first()
    if closed is not None:  # decided results stay frozen (../shared/domain/pitfalls.md #11)
        raise ValidationError(
            f"kỳ {period.code} của {scope} đã kết thúc ngày {closed.closed_on:%d/%m/%Y}; không nạp lại kết quả.",
            code="cycle_closed",
        )
    cycle = review_cycle_find_open(scope=scope, period=period)
    if cycle is None:
        cycle = review_cycle_open(scope=scope, period=period, actor=actor, opened_on=book.cycle.get("opened_on"))
    result = LoadResult(cycle, {})
    by_person = _posts_by_person(book)
    for line in prepared.lines:
        key: dict[str, Any] = {"cycle": cycle}
        if line.table == "units":
            key["subject_organisation"] = units[line.code]
        elif line.table == "collectives":
            key["subject_collective"] = collectives[line.code]
        else:
            key["subject_person"] = people[line.code]
            own = by_person.get(line.code, [])
            key["place"] = _state_place(book, own, posts, period) if line.side == "state" else None
            if line.side == "state" and key["place"] is None:
                result.notes.append(
                    f"{line.name} ({line.id}): không có chức vụ trong kỳ nên chưa lưu kết quả bên chính quyền."
                )
                continue
        values = {
            "self_level": line.self_level.value if line.self_level else None,
            "proposed_level": line.final_level.value if line.final_level else None,
            "decided_level": line.decided_level.value if line.decided_level else None,
            "status": ReviewStatus.DECIDED if line.decided_level else ReviewStatus.PROPOSED,
        }
        review, _ = Review.objects.update_or_create(**key, defaults=values)
        ReviewOutcome.objects.update_or_create(review=review, defaults=_outcome(line, book))
        result.reviews[line.id] = review
    AuditEntry.objects.create(
        actor=actor,
        action="workbook_cycle_load",
        cycle=cycle,
        detail={"workbook": book.path.name, "reviews": len(result.reviews), "period": book.period},
    )
    return result


def load_and_render(prepared: Prepared, *, use_db: bool, documents: bool) -> RenderedDocuments:
    """Load ``prepared`` into the configured database (Django set up by the caller) and render the
    cycle's documents in memory. Raises :class:`DocumentsFailed` with the cause; nothing is kept
    in the database then (the load is one transaction)."""
    try:
        loaded = workbook_cycle_load(prepared=prepared, actor=None)
    except ValidationError as error:
        raise DocumentsFailed("Không nạp được kỳ kiểm điểm: " + " ".join(error.messages)) from None
    except DatabaseError as error:
        raise DocumentsFailed(
            f"Cơ sở dữ liệu chưa sẵn sàng ({error}); chạy “kiemdiem migrate” trước rồi chạy lại. Không ghi gì."
        ) from None
    label = f"kỳ {loaded.cycle.period} của {loaded.cycle.scope} ({len(loaded.reviews)} bản kiểm điểm)" if use_db else ""
    if not documents:
        return RenderedDocuments({}, loaded.notes, label)
    files, notes = _render(loaded, prepared)
    return RenderedDocuments(files, loaded.notes + notes, label)


def _render(loaded: LoadResult, prepared: Prepared) -> tuple[dict[str, bytes], list[str]]:
    from kiemdiem.documents.builders import BuildError, BuildOptions, Outcome, build_cycle_documents
    from kiemdiem.documents.bundle import write_documents
    from kiemdiem.documents.render import RenderError

    book = prepared.run.book
    outcomes = {}
    for line in prepared.lines:
        if line.id in loaded.reviews:
            votes, present = _ballot(book, line)
            counts = {Level(level): count for level, count in votes.items()} if votes is not None else None
            outcomes[loaded.reviews[line.id].pk] = Outcome(line.final_level, line.status, line.reasons, counts, present)
    try:
        docs = build_cycle_documents(loaded.cycle, BuildOptions(outcomes=outcomes))
        with tempfile.TemporaryDirectory() as folder:
            written = write_documents(docs, Path(folder))
            files = {path.name: path.read_bytes() for path in written.files}
    except (BuildError, RenderError, ValueError) as error:
        raise DocumentsFailed(f"Không sinh được văn bản: {error}") from None
    return files, list(docs.notes)

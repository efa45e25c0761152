"""The conference's votes as the tally and minutes print them, from the rules' outcomes.

Votes come from the workbook's "Phiếu" sheet (stored on ``reviews.ReviewOutcome``); a subject
without a row prints the dotted blank for the clerk.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiemdiem.documents.contexts import Votes
from kiemdiem.documents.contexts_meeting import SubjectProceedings
from kiemdiem.documents.plan import Outcome


def votes_of(name: str, position: str | None, outcome: Outcome | None) -> Votes:
    """The subject's tally row: the recorded votes (percentages of its valid ballots) or blanks."""
    if outcome is None or outcome.votes is None:
        return Votes(name, position)
    return Votes(name, position, dict(outcome.votes), outcome.valid_ballots)


def vote_notes(
    collective: str, members: int, present: int | None, proceedings: Sequence[SubjectProceedings]
) -> list[str]:
    """Notes for the user when the recorded votes do not fit the conference of ``collective``
    (``members`` posts; ``proceedings``: the collective first, then its members): more voters
    present than members, or some subjects voted on and others without a row."""
    notes = []
    if present is not None and present > members:
        notes.append(f"Phiếu của {collective}: số người dự ({present}) nhiều hơn số ủy viên ({members}).")
    blank = [p.votes.name for p in proceedings[1:] if p.votes.counts is None]
    if blank and any(p.votes.counts is not None for p in proceedings):
        shown = ", ".join(blank[:3]) + ("…" if len(blank) > 3 else "")
        notes.append(
            f"Biên bản kiểm phiếu {collective}: sổ không có phiếu của {len(blank)} cá nhân ({shown}); "
            "để trống cho thư ký ghi."
        )
    return notes

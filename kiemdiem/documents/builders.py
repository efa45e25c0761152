"""Build the contexts of a review cycle's documents — one of each form — from the stored data.

Sources: the cycle (scope, period, pinned rulebooks), its reviews (self, proposed and decided
levels), the organisation tree and people (posts, party membership, state employment) and,
optionally, the rules engine's outcomes (level, status, reasons) and the targets package's
results paragraph and chart. Nothing is typed in by the user; what the data does not hold is
None and prints as the dotted blank. Numbers are allocated only when ``issue=True`` (a draft
shows "Số ……-BC/HU").
"""

from __future__ import annotations

import datetime as dt

from kiemdiem.documents import instruments
from kiemdiem.documents.contexts import (
    CollectiveReport,
    Header,
    Issuer,
    RatingSheet,
    SelfReview,
    Signature,
)
from kiemdiem.documents.contexts_meeting import Ballot, Decision, DecisionRow, Minutes, SubjectProceedings, Tally
from kiemdiem.documents.forms import FormSpec, form, state_regime
from kiemdiem.documents.layout import Family
from kiemdiem.documents.naming import head_of_office, list_order, member_word, party_issuer_name, signature_position
from kiemdiem.documents.numbering import allocate_number, default_term, year_scope
from kiemdiem.documents.plan import BuildError, BuildOptions, CycleDocuments, Outcome, Planned, check_dates
from kiemdiem.documents.selectors import (
    PersonFacts,
    cycle_reviews,
    head_of,
    members_of,
    organisation_named,
    person_facts,
    top_organisation_of_kind,
)
from kiemdiem.documents.targets_parts import targets_chart, targets_paragraph
from kiemdiem.documents.votes import vote_notes, votes_of
from kiemdiem.documents.xlsx import PARTY_GROUPS, SummaryRow
from kiemdiem.org.models import Collective, Organisation, OrgKind, Person, StateCategory
from kiemdiem.org.selectors import organisation_subtree_ids
from kiemdiem.reviews.models import Review, ReviewCycle
from kiemdiem.rules.levels import Level, SubjectKind

__all__ = ["BuildError", "BuildOptions", "CycleDocuments", "Outcome", "Planned", "build_cycle_documents"]

PARTY_REGIMES = {"party-132-21hd": "hd21", "party-124-25hd": "hd25", "party-366-43hd": "hd43"}
SHEET_CODES = {
    StateCategory.CAN_BO: ("rating_sheet_cadre", SubjectKind.CADRE, "can-bo"),
    StateCategory.CONG_CHUC: ("rating_sheet_civil_servant", SubjectKind.CIVIL_SERVANT, "cong-chuc"),
    StateCategory.VIEN_CHUC: ("rating_sheet_public_employee", SubjectKind.PUBLIC_EMPLOYEE, "vien-chuc"),
}


def _level(value: str | None) -> Level | None:
    return Level(value) if value else None


def _subject_name(review: Review) -> str:
    subject = review.subject_collective or review.subject_organisation or review.subject_person
    return str(subject)


class _Builder:
    def __init__(self, cycle: ReviewCycle, options: BuildOptions) -> None:
        self.cycle, self.options = cycle, options
        period = cycle.period_value
        self.start, self.end, self.year = period.start, period.end, period.rating_year
        self.scope: Organisation = cycle.scope
        self.reviews = cycle_reviews(cycle)
        regime = PARTY_REGIMES.get(cycle.party_rulebook)
        if regime is None:
            raise BuildError(f"kỳ {cycle}: chưa có mẫu văn bản cho bộ quy tắc {cycle.party_rulebook}")
        self.regime = regime
        check_dates(options, str(cycle.period), self.start)
        self.notes: list[str] = []
        self._facts: dict[int, PersonFacts] = {}

    def facts(self, person: Person) -> PersonFacts:
        if person.pk not in self._facts:
            self._facts[person.pk] = person_facts(person, self.start, self.end)
        return self._facts[person.pk]

    # Headers and numbers ---------------------------------------------------------------------
    def party_issuer(self, org: Organisation) -> Issuer:
        superior = org.parent.name if org.parent else None
        return Issuer(party_issuer_name(org), superior, org.symbol or None, org.place_name or None)

    def state_issuer(self, org: Organisation) -> Issuer:
        # NĐ 30: an agency under a people's committee prints it above its own name.
        superior = org.parent.name if org.parent and org.parent.kind == OrgKind.PEOPLES_COMMITTEE else None
        return Issuer(party_issuer_name(org), superior, org.symbol or None, org.place_name or None)

    def header(self, issuer: Issuer, org: Organisation, spec: FormSpec) -> Header:
        number = None
        if self.options.issue and spec.doc_type and issuer.symbol:
            state = spec.family == Family.STATE
            if state:
                scope_key = year_scope(self.options.issue_date or self.end)
            else:
                term = self.options.term or default_term(self.options.issue_date or self.end)
                if not term.confirmed and not any("nhiệm kỳ" in n for n in self.notes):
                    self.notes.append(f"Số văn bản Đảng đánh theo nhiệm kỳ {term.first_year}–{term.last_year} "
                                      "suy ra từ năm (chưa xác nhận); dùng --term để chỉ định.")  # fmt: skip
                scope_key = term.scope_key
            issued = allocate_number(issuer_key=f"org:{org.pk}", doc_type=spec.doc_type, scope_key=scope_key,
                                     symbol=issuer.symbol, state=state, form_key=spec.key)  # fmt: skip
            number = issued.formatted
        return Header(issuer, self.year, self.options.issue_date, number)

    def signature(self, prefix: str, body: str, head_post: object) -> Signature:
        person = getattr(head_post, "person", None)
        title = getattr(head_post, "title", None)
        return Signature(f"{prefix} {body.upper()}", signature_position(title), person.full_name if person else None)

    # Forms --------------------------------------------------------------------------------------
    def _standing_review(self) -> Review | None:
        """The review of the scope's standing committee (BTV), else of its first Party collective."""
        party = [
            (r.subject_collective.kind != "btv", r.subject_collective.organisation_id != self.scope.pk, r.pk, r)
            for r in self.reviews
            if r.subject_collective and self._is_party(r.subject_collective)
        ]
        return min(party, key=lambda ranked: ranked[:3])[3] if party else None

    def collective_report(self) -> Planned | None:
        review = self._standing_review()
        if review is None or review.subject_collective is None:
            return None
        collective = review.subject_collective
        org = collective.organisation
        spec = form(f"collective_report.{self.regime}")
        head = head_of(start=self.start, end=self.end, collective=collective)
        outcome = self._outcome(review)
        context = CollectiveReport(
            self.header(self.party_issuer(org), org, spec),
            collective.name,
            self.signature("T/M", collective.get_kind_display(), head),
            proposed_level=_level(review.self_level) or (outcome.level if outcome else None),
            results_paragraph=self.options.results_paragraph or targets_paragraph(org, self.year),
            chart_png=self.options.chart_png or targets_chart(org, self.year),
            recipients=self._report_recipients(org),
        )  # fmt: skip
        return Planned(spec, context, "01-bao-cao-kiem-diem-tap-the.docx", f"org:{org.pk}")

    def _report_recipients(self, org: Organisation) -> tuple[str, ...]:
        superior = (f"Ban Thường vụ {party_issuer_name(org.parent)} (báo cáo),",) if org.parent else ()
        return (*superior, f"Lưu Văn phòng {party_issuer_name(org)}.")

    def self_reviews(self) -> list[Planned]:
        out: list[Planned] = []
        for leader, number in ((True, "02"), (False, "03")):
            review = next((r for r in self._party_members() if self._person_facts(r).is_leader == leader), None)
            if review is None or review.subject_person is None:
                continue
            facts = self._person_facts(review)
            spec = form(f"self_review_{'leader' if leader else 'member'}.{self.regime}")
            cell = facts.membership.party_cell if facts.membership else self.scope
            workplace = facts.employment.organisation if facts.employment else None
            if workplace is None and facts.all_posts:
                workplace = facts.all_posts[0].organisation
            context = SelfReview(
                self.header(self.party_issuer(cell), cell, spec), review.subject_person.full_name, leader,
                birth_date=review.subject_person.birth_date,
                party_position="; ".join(p.title for p in facts.party_posts) or None,
                government_position="; ".join(p.title for p in facts.state_posts) or None,
                mass_org_position="; ".join(p.title for p in facts.mass_posts) or None,
                workplace=workplace.name if workplace else None,
                party_cell=cell.name, party_level=_level(review.self_level), decided_level=self._arrived(review),
            )  # fmt: skip
            kind = "lanh-dao" if leader else "dang-vien"
            out.append(Planned(spec, context, f"{number}-ban-kiem-diem-ca-nhan-{kind}.docx", f"org:{cell.pk}"))
        return out

    def rating_sheets(self) -> list[Planned]:
        out: list[Planned] = []
        seen: set[str] = set()
        for review in self.reviews:
            person = review.subject_person
            if person is None or review.place is None:
                continue
            facts = self.facts(person)
            employment = facts.employment
            if employment is None or employment.category in seen:
                continue
            seen.add(employment.category)
            code, kind, slug = SHEET_CODES[StateCategory(employment.category)]
            spec = form(f"{code}.{state_regime(kind, self.year)}")
            org = employment.organisation
            coefficient = float(employment.salary_coefficient) if employment.salary_coefficient is not None else None
            context = RatingSheet(
                self.header(self.state_issuer(org), org, spec), person.full_name, facts.is_leader,
                position=review.place.title, unit=org.name, rank=employment.rank or None,
                salary_step=employment.salary_step, salary_coefficient=coefficient,
                self_level=_level(review.self_level), decided_level=self._arrived(review),
            )  # fmt: skip
            name = f"04-phieu-danh-gia-{slug}.docx"
            out.append(Planned(spec, context, name, f"org:{org.pk}"))
        return out

    def conference(self) -> list[Planned]:
        review = self._standing_review()
        if review is None or review.subject_collective is None:
            return []
        collective = review.subject_collective
        org = collective.organisation
        posts = members_of(collective, self.start, self.end)
        word = member_word(collective.kind)
        head = posts[0] if posts and posts[0].role == "head" else None
        title = f"Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm {self.year} của {collective.name}"
        subjects = [(collective.name, "Tập thể")] + [(p.person.full_name, p.title) for p in posts]
        minutes_spec, ballot_spec, tally_spec = form("minutes.party"), form("ballot.party"), form("tally.party")
        issuer = self.party_issuer(org)
        # Votes from the workbook's "Phiếu" sheet: the collective's own row, and each member's
        # party-side row; a subject without one prints blanks for the clerk to fill in.
        outcome = self._outcome(review)
        party = {r.subject_person_id: r for r in self._party_members()}
        own = self._self_level(collective=collective)
        proceedings = (
            SubjectProceedings(votes_of(collective.name, None, outcome), self_level=own, is_collective=True),
            *(SubjectProceedings(votes_of(p.person.full_name, p.title, self._outcome(party.get(p.person_id))),
                                 self_level=self._self_level(post=p)) for p in posts),
        )  # fmt: skip
        present = outcome.present if outcome else None
        self.notes += vote_notes(collective.name, len(posts), present, proceedings)
        minutes = Minutes(
            self.header(issuer, org, minutes_spec), title, total_members=len(posts) or None, present=present,
            chair=(head.person.full_name, head.title) if head else None, subjects=proceedings, member_word=word,
        )  # fmt: skip
        ballot = Ballot(self.header(issuer, org, ballot_spec), title, tuple(subjects))
        valid = {p.votes.valid for p in proceedings if p.votes.valid is not None}
        tally = Tally(self.header(issuer, org, tally_spec), title, (), len(posts) or None, None, None, None,
                      tuple(p.votes for p in proceedings), member_word=word,
                      ballots_valid=valid.pop() if len(valid) == 1 else None)  # fmt: skip
        return [
            Planned(minutes_spec, minutes, "05-bien-ban-hoi-nghi-kiem-diem.docx", f"org:{org.pk}"),
            Planned(ballot_spec, ballot, "06-phieu-danh-gia-xep-loai.docx", f"org:{org.pk}"),
            Planned(tally_spec, tally, "07-bien-ban-kiem-phieu.docx", f"org:{org.pk}"),
        ]

    def decisions(self) -> list[Planned]:
        out: list[Planned] = []
        # The scope's own organisation is rated by its superior, not by this decision.
        party_rows = list_order(
            [r for r in self.reviews if self._party_side(r) and r.subject_organisation != self.scope]
        )
        standing = next((c for c in self.scope.collectives.all() if c.kind == "btv"), None)
        spec = form("decision.party")
        head = head_of(start=self.start, end=self.end, collective=standing) if standing else None
        body = party_issuer_name(self.scope)
        organisers = organisation_named(self.scope, OrgKind.PARTY_ADVISORY, "Ban Tổ chức")
        out.append(Planned(spec, Decision(
            self.header(self.party_issuer(self.scope), self.scope, spec),
            f"Ban Thường vụ {body}",
            f"công nhận kết quả đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm {self.year}",
            self.signature("T/M", "Ban Thường vụ", head),
            instruments.bases(self._cited(party_rows, self.cycle.party_rulebook), Family.PARTY, self._decided_on()),
            organisers.name if organisers else None, tuple(self._decision_row(r) for r in party_rows),
            (*([organisers.name] if organisers else []), "các tổ chức đảng và đảng viên có tên tại Điều 1"),
            ("Như Điều 3,", f"Lưu Văn phòng {body}."),
        ), "08-quyet-dinh-cong-nhan-dang.docx", f"org:{self.scope.pk}"))  # fmt: skip
        committee = top_organisation_of_kind(self.scope, OrgKind.PEOPLES_COMMITTEE)
        state_rows = list_order(self._employed_under(committee)) if committee is not None else []
        if committee is not None and state_rows:
            spec = form("decision.state")
            head = head_of(start=self.start, end=self.end, organisation=committee)
            home = organisation_named(self.scope, OrgKind.SPECIALIST_AGENCY, "Phòng Nội vụ")
            out.append(Planned(spec, Decision(
                self.header(self.state_issuer(committee), committee, spec),
                committee.name,
                f"Về việc công nhận kết quả đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm {self.year}",
                self.signature("TM.", "Ủy ban nhân dân", head),
                self._state_bases(state_rows),
                head_of_office(home.name) if home else None, tuple(self._decision_row(r) for r in state_rows),
                (*([home.name] if home else []), "các cá nhân có tên tại Điều 1"),
                ("Như Điều 3;", "Lưu: VT, NV."), state=True,
            ), "09-quyet-dinh-cong-nhan-ubnd.docx", f"org:{committee.pk}"))  # fmt: skip
        return out

    def summary(self) -> list[SummaryRow]:
        rows: list[SummaryRow] = []
        for review in list_order(self.reviews):
            group = self._group(review)
            if group is None:
                continue
            outcome = self._outcome(review)
            level = _level(review.decided_level) or (outcome.level if outcome else None)
            reason, pending = None, False
            if level is None:
                if outcome is not None and outcome.status in ("not_rated", "review_only"):
                    reason = "; ".join(r.text for r in outcome.reasons) or outcome.status
                else:
                    reason = self._exemption(review)
                    pending = reason is None  # not decided yet, and nothing says it is excluded
            rows.append(SummaryRow(_subject_name(review), self._unit(review), group, level, reason, pending))
        return rows

    # Helpers ------------------------------------------------------------------------------------
    def _decided_on(self) -> dt.date:
        """The decision's date: the issue date, or for a draft the last day of the period."""
        return self.options.issue_date or self.end

    def _state_bases(self, rows: list[Review]) -> tuple[str, ...]:
        on = self._decided_on()
        law = instruments.local_government_law(on)
        if not law.confirmed:
            self.notes.append(f"Căn cứ '{law.citation}' (áp dụng từ {law.in_force:%d/%m/%Y}): ngày có hiệu lực "
                              "chưa đối chiếu văn bản gốc (chưa xác nhận).")  # fmt: skip
        return instruments.bases(self._cited(rows, self.cycle.state_rulebook), Family.STATE, on)

    def _is_party(self, collective: Collective) -> bool:
        return collective.organisation.kind in (OrgKind.PARTY_COMMITTEE, OrgKind.PARTY_CELL)

    def _person_facts(self, review: Review) -> PersonFacts:
        assert review.subject_person is not None  # only called for reviews of a person
        return self.facts(review.subject_person)

    def _unit(self, review: Review) -> str | None:
        """The unit column: a party organisation's parent, a member's chi bộ, a post's organisation."""
        if review.subject_organisation is not None:
            parent = review.subject_organisation.parent
            return parent.name if parent else None
        if review.subject_person is not None:
            membership = self._person_facts(review).membership
            if review.place is None and membership is not None:
                return membership.party_cell.name
            if review.place is not None:
                return review.place.title
        return None

    def _employed_under(self, committee: Organisation) -> list[Review]:
        """Reviews in a post, held in the committee or its agencies, of people they employ (whom it rates).

        A leader who also sits on the Party committee has a second review there; that one is rated
        by the Party decision, so it is left out here (one row per person and post)."""
        under = organisation_subtree_ids(root=committee)
        rows = []
        for review in self.reviews:
            place = review.place
            if review.subject_person is None or place is None:
                continue
            held_in = place.organisation_id or (place.collective.organisation_id if place.collective else None)
            employment = self._person_facts(review).employment
            if employment is not None and employment.organisation_id in under and held_in in under:
                rows.append(review)
        return rows

    def _party_members(self) -> list[Review]:
        return [r for r in self.reviews if r.subject_person and r.place is None]

    def _party_side(self, review: Review) -> bool:
        return bool(review.subject_organisation or (review.subject_person and review.place is None))

    def _group(self, review: Review) -> str | None:
        org = review.subject_organisation
        if org is not None:
            if org.parent_id == self.scope.pk:
                return PARTY_GROUPS[0]  # tổ chức cơ sở đảng: directly under the scope's committee
            return PARTY_GROUPS[1] if org.kind == OrgKind.PARTY_CELL and org.pk != self.scope.pk else None
        if review.subject_person is not None and review.place is None:
            return PARTY_GROUPS[2]
        return None

    def _self_level(self, *, collective: Collective | None = None, post: object = None) -> Level | None:
        for review in self.reviews:
            if (collective is not None and review.subject_collective == collective) or (
                post is not None and review.place == post
            ):
                return _level(review.self_level)
        return None

    def _outcome(self, review: Review | None) -> Outcome | None:
        """The rules' outcome for ``review``: the one passed in ``options.outcomes``, else the one
        stored with the review (``reviews.ReviewOutcome``, loaded by the selectors), else None."""
        if review is None:
            return None
        given = self.options.outcomes.get(review.pk)
        if given is not None:
            return given
        stored = getattr(review, "outcome", None)  # no stored outcome raises an AttributeError subclass
        return Outcome.from_stored(stored) if stored is not None else None

    def _arrived(self, review: Review) -> Level | None:
        """The level the review arrived at: decided by a human, else the rules' final level (after
        the caps; a quota excess is a conflict for a human, never applied here)."""
        outcome = self._outcome(review)
        return _level(review.decided_level) or (outcome.level if outcome else None)

    def _decision_row(self, review: Review) -> DecisionRow:
        level = self._arrived(review)
        if level is not None:
            return DecisionRow(_subject_name(review), self._unit(review), level)
        outcome = self._outcome(review)
        note = outcome.not_rated_note() if outcome else None
        return DecisionRow(_subject_name(review), self._unit(review), None, note or self._exemption(review))

    def _exemption(self, review: Review) -> str | None:
        if review.subject_person is None:
            return None
        changes = self.facts(review.subject_person).exemptions
        return changes[0].get_kind_display() if changes else None

    def _cited(self, reviews: list[Review], rulebook: str) -> list[str]:
        cited = [r.instrument for review in reviews for r in (self._outcome(review) or Outcome(None, "")).reasons]
        return cited or list(instruments.RULEBOOK_INSTRUMENTS.get(rulebook, ()))  # fmt: skip


def build_cycle_documents(cycle: ReviewCycle, options: BuildOptions | None = None) -> CycleDocuments:
    """One document of each form for ``cycle`` plus the summary rows.

    Raises :class:`BuildError` for a rulebook without templates. Writes to the database only
    to allocate numbers, and only with ``options.issue``.
    """
    builder = _Builder(cycle, options or BuildOptions())
    planned: list[Planned] = []
    report = builder.collective_report()
    if report:
        planned.append(report)
    planned += builder.self_reviews() + builder.rating_sheets() + builder.conference() + builder.decisions()
    return CycleDocuments(planned, builder.summary(), party_issuer_name(cycle.scope), builder.year, builder.notes)

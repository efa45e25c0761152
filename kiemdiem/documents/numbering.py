"""Document numbers: allocation without duplicates, also under concurrent requests, and formatting.

Party documents (Hướng dẫn 36-HD/VPTW): ``Số 12-BC/HU`` — number, hyphen, type, slash, body;
numbered per type for the whole committee term, from 01. State documents (Nghị định 30/2020/NĐ-CP,
Phụ lục I): ``Số: 15/QĐ-UBND`` — numbered per year from 01, two digits at least.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from kiemdiem.documents.models import DocumentNumberSequence, IssuedNumber


@dataclass(frozen=True, slots=True)
class Term:
    """A committee term (nhiệm kỳ cấp ủy), e.g. 2020–2025. ``confirmed`` is False for a term
    inferred from the calendar rather than from the congress dates of the organisation."""

    first_year: int
    last_year: int
    confirmed: bool = True

    @property
    def scope_key(self) -> str:
        return f"term:{self.first_year}-{self.last_year}"


def default_term(date: dt.date) -> Term:
    """The five-year term 2020–2025, 2025–2030 … containing ``date``, assuming congresses in years
    divisible by five (``confirmed=False``: a term really runs from one congress's closing day to the
    next, which the data may not hold; pass the real term when known)."""
    first = date.year - date.year % 5
    return Term(first, first + 5, confirmed=False)


def year_scope(date: dt.date) -> str:
    """The numbering scope of a state document dated ``date``: ``year:2022``."""
    return f"year:{date.year}"


def format_party_number(number: int, doc_type: str, symbol: str) -> str:
    """``Số 12-BC/HU`` (two digits at least: ``Số 05-BB/CB``)."""
    return f"Số {number:02d}-{doc_type}/{symbol}"


def format_state_number(number: int, doc_type: str, symbol: str) -> str:
    """``Số: 15/QĐ-UBND`` (two digits at least: ``Số: 05/QĐ-UBND``)."""
    return f"Số: {number:02d}/{doc_type}-{symbol}"


def allocate_number(
    *, issuer_key: str, doc_type: str, scope_key: str, symbol: str, state: bool, form_key: str = ""
) -> IssuedNumber:
    """Give the next number of ``doc_type`` for the issuer in the scope; store and return it.

    The sequence row is locked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's IMMEDIATE
    transactions serialise writers), so parallel calls never return the same number; the unique
    constraint on :class:`IssuedNumber` backs this up. Raises ``ValueError`` for an empty key or type.
    """
    if not issuer_key or not doc_type or not scope_key:
        raise ValueError("cấp số văn bản cần cơ quan ban hành, loại văn bản và phạm vi (nhiệm kỳ hoặc năm)")
    with transaction.atomic():
        sequence, _ = DocumentNumberSequence.objects.select_for_update().get_or_create(
            issuer_key=issuer_key, doc_type=doc_type, scope_key=scope_key
        )
        sequence.last += 1
        sequence.save(update_fields=["last"])
        formatter = format_state_number if state else format_party_number
        return IssuedNumber.objects.create(
            issuer_key=issuer_key,
            doc_type=doc_type,
            scope_key=scope_key,
            number=sequence.last,
            formatted=formatter(sequence.last, doc_type, symbol),
            form_key=form_key,
        )

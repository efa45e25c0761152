"""Every rulebook builds for every kind it covers: unique condition ids, citations that start with
an instrument code, and an evaluation of a subject with no facts at all that widens the range
instead of guessing."""

from datetime import date

import polars as pl
import pytest

from kiemdiem.rules import rate_frame
from kiemdiem.rules.params import Params
from kiemdiem.rules.registry import RULEBOOKS

BOOK_KINDS = [(book.code, kind.value) for book in RULEBOOKS.values() for kind in sorted(book.kinds)]
INSTRUMENTS = ("132-QĐ/TW", "16-HD/BTCTW", "21-HD/BTCTW", "124-QĐ/TW", "25-HD/BTCTW", "366-QĐ/TW", "43-HD/BTCTW")
INSTRUMENTS += ("56/2015/NĐ-CP", "90/2020/NĐ-CP", "48/2023/NĐ-CP", "335/2025/NĐ-CP", "233/2026/NĐ-CP")


@pytest.mark.parametrize(("code", "kind"), BOOK_KINDS)
def test_conditions_have_unique_ids_and_cite_an_instrument(code, kind):
    # given
    book = RULEBOOKS[code]

    # when
    rules = book.build(kind, Params(book.code, book.module, date(book.first_year, 12, 31)))

    # then
    ids = [c.id for c in rules.all_conditions()]
    assert len(ids) == len(set(ids))
    assert all(c.cites.startswith(INSTRUMENTS) for c in rules.all_conditions())


@pytest.mark.parametrize(("code", "kind"), BOOK_KINDS)
def test_a_subject_without_facts_is_never_given_a_level(code, kind):
    # given
    book = RULEBOOKS[code]
    frame = pl.DataFrame({"kind": [kind]})

    # when
    out = rate_frame(frame, str(book.first_year), rulebook=code)

    # then
    assert out["status"].to_list() == ["needs_facts"]
    assert out["rating"].to_list() == [None]

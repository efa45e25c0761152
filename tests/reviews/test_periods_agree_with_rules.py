"""The rulebooks a yearly cycle pins agree with the rules engine's own selection, year by year."""

import pytest

from kiemdiem.reviews.periods import Period, rulebooks_for
from kiemdiem.rules import select_rulebook
from kiemdiem.rules.levels import SubjectKind


@pytest.mark.parametrize("year", range(2018, 2031))
def test_pinned_rulebooks_match_the_engine(year):
    # given
    period = Period.parse(str(year))

    # when
    party, state = rulebooks_for(period)

    # then
    assert party == select_rulebook(str(year), SubjectKind.PARTY_MEMBER).code
    assert state == select_rulebook(str(year), SubjectKind.CIVIL_SERVANT).code

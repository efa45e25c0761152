"""docs/rules.md lists every condition of every rulebook with its confirmed flag."""

import re
from datetime import date
from pathlib import Path

from kiemdiem.rules.params import Params
from kiemdiem.rules.registry import RULEBOOKS

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_condition_table_matches_the_code():
    # given
    rows = {
        (m[1], m[2])
        for m in re.finditer(r"^\| `([^`]+)` \| [^|]+ \| [^|]+ \| [^|]+ \| (yes|\*\*no\*\*) \|$", DOC.read_text(), re.M)
    }

    # when
    expected = set()
    for book in RULEBOOKS.values():
        params = Params(book.code, book.module, date(book.first_year, 12, 31))
        for kind in book.kinds:
            for c in book.build(kind, params).all_conditions():
                expected.add((c.id, "yes" if c.confirmed else "**no**"))

    # then
    assert expected <= rows
    assert {cid for cid, _ in rows} <= {cid for cid, _ in expected}

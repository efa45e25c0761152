"""docs/rules.md holds the condition table generated from the rulebooks (ids, citations, confirmed)."""

from pathlib import Path

from kiemdiem.rules.doc_table import condition_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_condition_table_in_docs_matches_the_code():
    # given
    text = DOC.read_text(encoding="utf-8")

    # when
    table = condition_table()

    # then
    assert table in text
    assert text.count("#### `") == table.count("#### `")

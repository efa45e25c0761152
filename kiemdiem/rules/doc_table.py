"""The condition table of docs/rules.md, generated from the rulebooks.

``python -m kiemdiem.rules.doc_table`` prints it; tests/rules/test_docs.py checks that the
document holds exactly this text.
"""

from __future__ import annotations

from datetime import date

from kiemdiem.rules.conditions import Condition
from kiemdiem.rules.params import Params
from kiemdiem.rules.registry import RULEBOOKS


def condition_table() -> str:
    """One Markdown table per rulebook: condition id, role, kinds, citation, confirmed."""
    parts = []
    for book in RULEBOOKS.values():
        params = Params(book.code, book.module, date(book.first_year, 12, 31))
        rows: dict[tuple[str, str, str, bool], list[str]] = {}
        for kind in sorted(book.kinds, key=lambda k: k.value):
            rules = book.build(kind, params)
            roles: list[tuple[Condition, str]] = [(e.condition, f"exclusion → {e.status}") for e in rules.exclusions]
            roles += [(c, "KHTNV trigger") for c in rules.triggers]
            roles += [(cap.condition, "cap") for cap in rules.caps]
            for level, conds in rules.levels.items():
                roles += [(c, f"{level.value} condition") for c in conds]
            roles += [(c, "note") for c in rules.notes]
            for c, role in roles:
                rows.setdefault((c.id, role, c.cites, c.confirmed), []).append(kind.value)
        lines = [
            f"#### `{book.code}` — {book.name}",
            "",
            "| condition | role | kinds | cites | confirmed |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| `{cid}` | {role} | {', '.join(kinds)} | {cites} | {'yes' if ok else '**no**'} |"
            for (cid, role, cites, ok), kinds in rows.items()
        ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(condition_table(), end="")

"""Why a subject got its level: the reasons every rulebook and constraint returns.

A reason is one condition that held (or a cap, exclusion or constraint that applied), with the
instrument it comes from. ``confirmed`` is False when the research could not confirm the text of
the rule (see docs/rules.md); such reasons must be shown as unconfirmed wherever they appear.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for a rating.

    ``rule``: stable rule id (e.g. ``r132.m.k.discipline``); ``cites``: the citation as printed,
    instrument first (e.g. ``"21-HD/BTCTW, mục II.B.2.3"``); ``text``: the Vietnamese sentence shown
    to users; ``confirmed``: whether the rule's text was confirmed from a source.
    """

    rule: str
    cites: str
    text: str
    confirmed: bool = True

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of ``kiemdiem rate-case --json``: rule, cites, text, confirmed."""
        return asdict(self)

    @property
    def instrument(self) -> str:
        """The instrument code the reason cites first (text before the first comma or semicolon)."""
        return self.cites.replace(";", ",").split(",", 1)[0].strip()

"""Pure rules engine and rulebooks (no Django): see docs/rules.md.

Public API (names resolved on first use, so that importing ``kiemdiem.rules.levels`` — as the
Django apps do — does not load polars and the rulebooks)::

    rate_subjects(subjects, period, *, params=None, rulebook=None) -> list[SubjectResult]
    rate_frame(frame, period, *, params=None, rulebook=None, explain=True) -> pl.DataFrame
    select_rulebook(period, kind, overrides=None) -> Rulebook      # raises NoRulebookError
    load_overrides(path) -> ParamOverrides
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kiemdiem.rules.errors import FactError, NoRulebookError, ParamsError, PeriodError, RulesError
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.reasons import Reason

if TYPE_CHECKING:
    from kiemdiem.rules.api import SubjectResult, rate_subjects
    from kiemdiem.rules.engine import rate_frame
    from kiemdiem.rules.params import ParamOverrides, load_overrides
    from kiemdiem.rules.registry import RULEBOOKS, select_rulebook

_LAZY = {
    "SubjectResult": "kiemdiem.rules.api",
    "rate_subjects": "kiemdiem.rules.api",
    "rate_cycle_with_rules": "kiemdiem.rules.cycle",
    "rate_frame": "kiemdiem.rules.engine",
    "ParamOverrides": "kiemdiem.rules.params",
    "load_overrides": "kiemdiem.rules.params",
    "RULEBOOKS": "kiemdiem.rules.registry",
    "select_rulebook": "kiemdiem.rules.registry",
}

__all__ = [
    "RULEBOOKS",
    "FactError",
    "Level",
    "NoRulebookError",
    "ParamOverrides",
    "ParamsError",
    "PeriodError",
    "Reason",
    "RulesError",
    "SubjectKind",
    "SubjectResult",
    "load_overrides",
    "rate_frame",
    "rate_subjects",
    "select_rulebook",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kiemdiem.rules' has no attribute {name!r}")

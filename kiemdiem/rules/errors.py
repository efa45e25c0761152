"""Errors of the rules engine. Every message is Vietnamese and names what was wrong and where."""

from __future__ import annotations


class RulesError(Exception):
    """Base class: a user-facing error of the rules engine (no traceback on the command line)."""


class FactError(RulesError):
    """A subject's facts do not follow ../shared/domain/case-format.md; ``key`` is the dotted key path."""

    def __init__(self, key: str, message: str) -> None:
        self.key, self.detail = key, message
        super().__init__(f"khóa '{key}': {message}")


class PeriodError(RulesError):
    """A review period that is not a year (2021), a quarter (2025-Q2) or a term (2020-2025)."""


class NoRulebookError(RulesError):
    """No rulebook covers the period for the subject kind (or the configuration forbids it)."""


class ParamsError(RulesError):
    """A parameter file or a user override file is invalid (names the file and the key)."""


class CaseFileError(RulesError):
    """A case file is invalid (names the file, the case and the key)."""

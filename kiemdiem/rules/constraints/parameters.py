"""Parameters of the cross-subject constraints, read from ``params/constraints.yaml``.

The YAML file is keyed by rulebook code; each rule has its citation, its ``confirmed`` flag and
its figures (ratios as exact fractions). :func:`load_params` merges a user mapping over the
defaults (mappings merge key by key; any other value replaces) and parses the result into frozen
dataclasses, raising :class:`ParamsError` that names the key path on a wrong value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from typing import Any

import yaml

from kiemdiem.rules.levels import Level, SubjectKind

DISCIPLINE_FORM_RANK: dict[str, int] = {
    "khien_trach": 1,
    "canh_cao": 2,
    "ha_bac_luong": 3,
    "giang_chuc": 3,
    "cach_chuc": 4,
    "buoc_thoi_viec": 5,
    "khai_tru": 5,
}
QUOTA_SCOPES = ("grassroots_party_organization", "group", "unit_and_group")


class ParamsError(ValueError):
    """A parameter value that cannot be used; the message names its key path."""


@dataclass(frozen=True)
class HeadCap:
    """The head's level never above the level of the collective or unit headed."""

    enabled: bool
    confirmed: bool
    rule: str
    cites: str


@dataclass(frozen=True)
class MemberShares:
    """``level`` needs at least ``share`` of members (or sub-organisations) at or above each
    threshold level; otherwise the organisation is capped at ``cap``."""

    enabled: bool
    confirmed: bool
    rule: str
    cites: str
    level: Level
    cap: Level
    thresholds: tuple[tuple[Level, Fraction], ...]


@dataclass(frozen=True)
class MemberDiscipline:
    """A leadership collective with a member disciplined at ``min_form`` or above in the period is
    capped at ``cap``; ``duty_related_only`` counts only violations in public duty;
    ``honour_exceptions`` skips discipline marked not counted for that collective."""

    rule: str
    enabled: bool
    confirmed: bool
    cites: str
    min_form: str
    duty_related_only: bool
    honour_exceptions: bool
    cap: Level


@dataclass(frozen=True)
class SubUnitDiscipline:
    """A collective with more than ``more_than`` of its sub-units disciplined is capped at ``cap``."""

    rule: str
    enabled: bool
    confirmed: bool
    cites: str
    more_than: Fraction
    cap: Level


@dataclass(frozen=True)
class QuotaExceptionRule:
    """The instrument's exception rate (None: set by the competent level); ``requires_unit_htxsnv``:
    only for a unit itself rated HTXSNV."""

    ratio: Fraction | None
    requires_unit_htxsnv: bool
    confirmed: bool
    cites: str


@dataclass(frozen=True)
class PartyRateSource:
    """From ``valid_from`` on, the state quota borrows ``rule`` of Party rulebook ``rulebook``."""

    valid_from: dt.date
    rulebook: str
    rule: str


@dataclass(frozen=True)
class QuotaRule:
    """HTXSNV ≤ floor(ratio × number rated HTTNV) within each group of ``scope``."""

    rule: str
    kinds: frozenset[SubjectKind]
    holds_leadership: bool | None
    scope: str
    ratio: Fraction | None
    ratio_from_party: tuple[PartyRateSource, ...]
    cites: str
    confirmed: bool
    exception: QuotaExceptionRule | None


@dataclass(frozen=True)
class RulebookParams:
    code: str
    instrument: str
    valid_from: dt.date
    valid_until: dt.date | None
    head_cap: HeadCap
    member_shares: MemberShares
    member_discipline: tuple[MemberDiscipline, ...]
    sub_unit_discipline: tuple[SubUnitDiscipline, ...]
    quotas: tuple[QuotaRule, ...]


@dataclass(frozen=True)
class VoteRule:
    rule: str
    cites: str
    confirmed: bool
    more_than: Fraction


@dataclass(frozen=True)
class ConstraintParams:
    version: str
    vote: VoteRule
    rulebooks: Mapping[str, RulebookParams]

    def quota_rule(self, rulebook: str, rule: str) -> QuotaRule:
        """The quota rule ``rule`` of ``rulebook``; raises :class:`ParamsError` when absent."""
        for quota in self.rulebooks[rulebook].quotas:
            if quota.rule == rule:
                return quota
        raise ParamsError(f"rulebooks.{rulebook}.quotas: không có quy tắc tỷ lệ {rule!r}.")


def default_params_data() -> dict[str, Any]:
    """The packaged defaults as plain data (a fresh copy each call)."""
    text = resources.files("kiemdiem.rules.constraints.params").joinpath("constraints.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``override`` merged over ``base``: mappings key by key, other values replaced."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_params(overrides: Mapping[str, Any] | None = None) -> ConstraintParams:
    """Defaults from ``params/constraints.yaml`` with ``overrides`` merged over them.

    Example override: ``{"rulebooks": {"party-366-43hd": {"head_cap": {"enabled": False}}}}``.
    Raises :class:`ParamsError` naming the key path of a missing or wrong value.
    """
    data = merge(default_params_data(), overrides or {})
    vote = _mapping(data, "vote", "vote")
    rulebooks = _mapping(data, "rulebooks", "rulebooks")
    return ConstraintParams(
        version=str(data.get("version", "")),
        vote=VoteRule(
            rule=_str(vote, "rule", "vote"),
            cites=_str(vote, "cites", "vote"),
            confirmed=_bool(vote, "confirmed", "vote"),
            more_than=_ratio(vote, "more_than", "vote"),
        ),
        rulebooks={code: _rulebook(code, _mapping(rulebooks, code, "rulebooks")) for code in rulebooks},
    )


def _rulebook(code: str, data: Mapping[str, Any]) -> RulebookParams:
    path = f"rulebooks.{code}"
    head = _mapping(data, "head_cap", path)
    shares = _mapping(data, "member_shares", path)
    shares_path = f"{path}.member_shares"
    thresholds = _mapping(shares, "thresholds", shares_path)
    discipline = _mapping(data, "member_discipline", path)
    sub_units = _mapping(data, "sub_unit_discipline", path)
    quotas = _mapping(data, "quotas", path)
    until = data.get("valid_until")
    return RulebookParams(
        code=code,
        instrument=_str(data, "instrument", path),
        valid_from=_date(data, "valid_from", path),
        valid_until=None if until is None else _date(data, "valid_until", path),
        head_cap=HeadCap(
            enabled=_bool(head, "enabled", f"{path}.head_cap"),
            confirmed=_bool(head, "confirmed", f"{path}.head_cap"),
            rule=_str(head, "rule", f"{path}.head_cap"),
            cites=_str(head, "cites", f"{path}.head_cap"),
        ),
        member_shares=MemberShares(
            enabled=_bool(shares, "enabled", shares_path),
            confirmed=_bool(shares, "confirmed", shares_path),
            rule=_str(shares, "rule", shares_path),
            cites=_str(shares, "cites", shares_path),
            level=_level(shares, "level", shares_path),
            cap=_level(shares, "cap", shares_path),
            thresholds=tuple(
                (_level({"level": key}, "level", f"{shares_path}.thresholds"), _ratio(thresholds, key, shares_path))
                for key in thresholds
            ),
        ),
        member_discipline=tuple(
            _member_discipline(rule, _mapping(discipline, rule, f"{path}.member_discipline"), path)
            for rule in discipline
        ),
        sub_unit_discipline=tuple(
            _sub_unit_discipline(rule, _mapping(sub_units, rule, f"{path}.sub_unit_discipline"), path)
            for rule in sub_units
        ),
        quotas=tuple(_quota(rule, _mapping(quotas, rule, f"{path}.quotas"), path) for rule in quotas),
    )


def _member_discipline(rule: str, data: Mapping[str, Any], parent: str) -> MemberDiscipline:
    path = f"{parent}.member_discipline.{rule}"
    form = _str(data, "min_form", path)
    if form not in DISCIPLINE_FORM_RANK:
        raise ParamsError(f"{path}.min_form: cần một trong {', '.join(DISCIPLINE_FORM_RANK)}, nhận {form!r}.")
    return MemberDiscipline(
        rule=rule,
        enabled=_bool(data, "enabled", path),
        confirmed=_bool(data, "confirmed", path),
        cites=_str(data, "cites", path),
        min_form=form,
        duty_related_only=_bool(data, "duty_related_only", path),
        honour_exceptions=_bool(data, "honour_exceptions", path),
        cap=_level(data, "cap", path),
    )


def _sub_unit_discipline(rule: str, data: Mapping[str, Any], parent: str) -> SubUnitDiscipline:
    path = f"{parent}.sub_unit_discipline.{rule}"
    return SubUnitDiscipline(
        rule=rule,
        enabled=_bool(data, "enabled", path),
        confirmed=_bool(data, "confirmed", path),
        cites=_str(data, "cites", path),
        more_than=_ratio(data, "more_than", path),
        cap=_level(data, "cap", path),
    )


def _quota(rule: str, data: Mapping[str, Any], parent: str) -> QuotaRule:
    path = f"{parent}.quotas.{rule}"
    kinds_raw = data.get("kinds")
    if not isinstance(kinds_raw, list) or not kinds_raw:
        raise ParamsError(f"{path}.kinds: cần danh sách loại chủ thể (party_member, collective …), nhận {kinds_raw!r}.")
    try:
        kinds = frozenset(SubjectKind(kind) for kind in kinds_raw)
    except ValueError as error:
        raise ParamsError(f"{path}.kinds: {error}.") from None
    scope = _str(data, "scope", path)
    if scope not in QUOTA_SCOPES:
        raise ParamsError(f"{path}.scope: cần một trong {', '.join(QUOTA_SCOPES)}, nhận {scope!r}.")
    leadership = data.get("holds_leadership")
    if leadership is not None and not isinstance(leadership, bool):
        raise ParamsError(f"{path}.holds_leadership: cần true, false hoặc bỏ trống, nhận {leadership!r}.")
    sources = data.get("ratio_from_party") or []
    ratio = None if data.get("ratio") is None else _ratio(data, "ratio", path)
    if ratio is None and not sources:
        raise ParamsError(f"{path}: cần 'ratio' hoặc 'ratio_from_party'.")
    exception = data.get("exception")
    return QuotaRule(
        rule=rule,
        kinds=kinds,
        holds_leadership=leadership,
        scope=scope,
        ratio=ratio,
        ratio_from_party=tuple(
            PartyRateSource(
                valid_from=_date(source, "from", f"{path}.ratio_from_party[{i}]"),
                rulebook=_str(source, "rulebook", f"{path}.ratio_from_party[{i}]"),
                rule=_str(source, "rule", f"{path}.ratio_from_party[{i}]"),
            )
            for i, source in enumerate(sources)
        ),
        cites=_str(data, "cites", path),
        confirmed=_bool(data, "confirmed", path),
        exception=None if exception is None else _exception(_mapping(data, "exception", path), f"{path}.exception"),
    )


def _exception(data: Mapping[str, Any], path: str) -> QuotaExceptionRule:
    return QuotaExceptionRule(
        ratio=None if data.get("ratio") is None else _ratio(data, "ratio", path),
        requires_unit_htxsnv=_bool(data, "requires_unit_htxsnv", path),
        confirmed=_bool(data, "confirmed", path),
        cites=_str(data, "cites", path),
    )


def _mapping(data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise ParamsError(f"{path}.{key}: cần một bảng khóa–giá trị, nhận {value!r}.")
    return value


def _str(data: Mapping[str, Any], key: str, path: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise ParamsError(f"{path}.{key}: cần một chuỗi, nhận {value!r}.")
    return value


def _bool(data: Mapping[str, Any], key: str, path: str) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise ParamsError(f"{path}.{key}: cần true hoặc false, nhận {value!r}.")
    return value


def _date(data: Mapping[str, Any], key: str, path: str) -> dt.date:
    value = data.get(key)
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ParamsError(f"{path}.{key}: cần một ngày dạng YYYY-MM-DD, nhận {value!r}.") from None


def _level(data: Mapping[str, Any], key: str, path: str) -> Level:
    value = data.get(key)
    try:
        return Level(str(value))
    except ValueError:
        raise ParamsError(f"{path}.{key}: cần một mức HTXSNV, HTTNV, HTNV hoặc KHTNV, nhận {value!r}.") from None


def _ratio(data: Mapping[str, Any], key: str, path: str) -> Fraction:
    value = data.get(key)
    try:
        ratio = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise ParamsError(f'{path}.{key}: cần một tỉ lệ từ 0 đến 1 (như "0.20" hoặc "1/2"), nhận {value!r}.') from None
    if not 0 <= ratio <= 1 or isinstance(value, bool):
        raise ParamsError(f'{path}.{key}: cần một tỉ lệ từ 0 đến 1 (như "0.20" hoặc "1/2"), nhận {value!r}.')
    return ratio

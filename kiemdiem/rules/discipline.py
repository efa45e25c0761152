"""Discipline (kỷ luật): the forms by severity and the aggregation of a subject's decisions.

Rules never read the list itself: they read the columns filled here (``discipline.given``,
``discipline.any``, ``discipline.any_unremedied``, ``discipline.any_duty``, ``discipline.max_form``,
``discipline.duty_max_form``). Raises ``FactError`` naming the entry and key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kiemdiem.rules.errors import FactError

# Discipline forms by severity; khiển trách is the lightest form on both tracks.
FORMS = {
    "khien_trach": 1,
    "canh_cao": 2,
    "ha_bac_luong": 3,
    "giang_chuc": 4,
    "cach_chuc": 5,
    "buoc_thoi_viec": 6,
    "khai_tru": 6,
}
_DISCIPLINE_KEYS = {
    "form",
    "track",
    "decided_in_period",
    "violation_in_period",
    "self_detected_and_remedied",
    "in_public_duty",
    "already_counted",
}


def aggregate_discipline(value: Any, row: dict[str, Any]) -> None:
    """Aggregate the case-format ``discipline`` list into the ``discipline.*`` columns of ``row``,
    in three-valued logic (docs/rules.md, "Facts, unknowns and assumptions").

    An entry counts when it was decided in the period and did not already lower an earlier
    rating (``already_counted``, default false). Unknown ``decided_in_period`` or
    ``in_public_duty`` make the aggregates unknown unless a definite entry already decides them.
    """
    row["discipline.given"] = value is not None
    if value is None:
        return
    if not isinstance(value, list):
        raise FactError("discipline", "cần một danh sách các quyết định kỷ luật")
    counted: list[bool | None] = []
    unremedied: list[bool | None] = []
    duty: list[bool | None] = []
    forms: list[int] = []
    for i, item in enumerate(value):
        key = f"discipline[{i}]"
        item = _map(item, key)
        _no_unknown(item, _DISCIPLINE_KEYS, f"{key}.")
        forms.append(FORMS[_enum(item.get("form"), FORMS, f"{key}.form")])
        if "track" in item:
            _enum(item["track"], ("party", "state"), f"{key}.track")
        flags = {k: _bool(item.get(k), f"{key}.{k}") for k in _DISCIPLINE_KEYS - {"form", "track"}}
        c = _and(flags["decided_in_period"], not flags["already_counted"])
        counted.append(c)
        unremedied.append(_and(c, not flags["self_detected_and_remedied"]))
        duty.append(_and(c, flags["in_public_duty"]))
    row["discipline.any"] = _any(counted)
    row["discipline.any_unremedied"] = _any(unremedied)
    row["discipline.any_duty"] = _any(duty)
    row["discipline.max_form"] = _max_form(counted, forms)
    row["discipline.duty_max_form"] = _max_form(duty, forms)


def _and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def _any(values: list[bool | None]) -> bool | None:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def _max_form(flags: list[bool | None], forms: list[int]) -> int | None:
    """Highest form among the entries that count (0 when none); null when an unknown entry could raise it."""
    known = max((f for c, f in zip(flags, forms, strict=True) if c is True), default=0)
    unknown = max((f for c, f in zip(flags, forms, strict=True) if c is None), default=0)
    return None if unknown > known else known


def _map(value: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise FactError(key, "cần một bảng khóa–giá trị (map)")
    return value


def _bool(value: Any, key: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise FactError(key, f"cần true hoặc false, nhận được {value!r}")


def _enum(value: Any, allowed: Iterable[str], key: str) -> str:
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        raise FactError(key, f"giá trị {value!r} không hợp lệ; cần một trong: {', '.join(allowed)}")
    return value


def _no_unknown(value: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
    for key in value:
        if key not in allowed:
            raise FactError(
                f"{prefix}{key}", f"khóa không có trong định dạng; các khóa hợp lệ: {', '.join(sorted(allowed))}"
            )

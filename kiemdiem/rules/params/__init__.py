"""Dated parameters of the rulebooks (thresholds with their references) and user overrides.

One YAML file per rulebook (``<rulebook module>.yaml`` beside this module)::

    rulebook: party-132-21hd
    params:
      sick_leave_cap_months:
        description: Nghỉ ốm từ số tháng này trở lên thì không xếp loại trên mức HTNV
        unit: tháng
        values: {"2019-10-18": 3}          # start date -> value; null ends a value
        reference: 21-HD/BTCTW, mục II.6; <page quoting it>
        confirmed: true

A value applies from its start date; the value used is the latest one starting on or before the
last day of the review period. A user override file (``--params FILE`` or the environment
variable ``KIEMDIEM_RULES_PARAMS``) may change values, switch conditions off and choose options::

    rulebooks:
      party-132-21hd:
        params: {sick_leave_cap_months: 4}
        disable: [r132.m.k.tasks]
    options:
      public_employee_2026: nd90-48        # unit without a Quy chế (NĐ 233 Điều 20 k1)
      cadre_after_nd90: state-nd90-48      # explicit choice: no successor decree was found

Errors raise ``ParamsError`` naming the file and the key.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from kiemdiem.rules.errors import ParamsError
from kiemdiem.rules.yamlio import describe_error, load_yaml

PARAMS_DIR = Path(__file__).resolve().parent
ENV_VAR = "KIEMDIEM_RULES_PARAMS"

OPTIONS: dict[str, tuple[str, ...]] = {
    # Viên chức, review year 2026 on: NĐ 233/2026 where the unit has issued its Quy chế, otherwise
    # NĐ 90/2020 + 48/2023 under the transition clause (NĐ 233/2026 Điều 20 k1).
    "public_employee_2026": ("nd233", "nd90-48"),
    # Cán bộ after NĐ 90/48 lapsed (1/7/2026): no successor found; only an explicit choice rates them.
    "cadre_after_nd90": ("none", "state-nd90-48"),
}
DEFAULT_OPTIONS = {"public_employee_2026": "nd233", "cadre_after_nd90": "none"}


@dataclass(frozen=True)
class ParamOverrides:
    """User overrides: per rulebook code, parameter values and disabled condition ids; options."""

    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    disabled: dict[str, frozenset[str]] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    source: str = ""
    # Conditions left to the cross-subject constraints, which hold facts the engine lacks:
    # rulebook code -> {condition id: the constraint rule that applies it instead}.
    delegated: dict[str, dict[str, str]] = field(default_factory=dict)

    def option(self, name: str) -> str:
        return self.options.get(name, DEFAULT_OPTIONS[name])


def load_overrides(path: str | Path) -> ParamOverrides:
    """Read a user override file; raises ``ParamsError`` naming the file and the key."""
    path = Path(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ParamsError(f"{path}: không đọc được tệp tham số ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ParamsError(f"{path}: tệp tham số không phải UTF-8 ({exc.reason} ở byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        raise ParamsError(f"{path}: {describe_error(exc)}") from exc
    return parse_overrides(data, str(path))


def parse_overrides(data: Any, source: str = "cấu hình") -> ParamOverrides:
    """Validate an override mapping (the shape of the module docstring)."""
    from kiemdiem.rules.registry import RULEBOOKS  # the codes are the registry's

    if not isinstance(data, dict):
        raise ParamsError(f"{source}: cần một bảng khóa–giá trị ở mức trên cùng")
    _unknown(data, {"rulebooks", "options"}, source, "")
    params: dict[str, dict[str, Any]] = {}
    disabled: dict[str, frozenset[str]] = {}
    for code, book in _section(data.get("rulebooks"), source, "rulebooks").items():
        if code not in RULEBOOKS:
            raise ParamsError(f"{source}: khóa 'rulebooks.{code}': không có bộ quy tắc này; có: {', '.join(RULEBOOKS)}")
        if not isinstance(book, dict):
            raise ParamsError(f"{source}: khóa 'rulebooks.{code}': cần một bảng khóa–giá trị")
        _unknown(book, {"params", "disable"}, source, f"rulebooks.{code}.")
        known = load_param_file(RULEBOOKS[code].module)
        values = _section(book.get("params"), source, f"rulebooks.{code}.params")
        for name, value in values.items():
            if name not in known:
                raise ParamsError(f"{source}: khóa 'rulebooks.{code}.params.{name}': bộ quy tắc không có tham số này")
            _check_value(value, known[name], f"{source}: khóa 'rulebooks.{code}.params.{name}'")
        params[code] = dict(values)
        ids = book.get("disable") or []
        if not isinstance(ids, list):
            raise ParamsError(f"{source}: khóa 'rulebooks.{code}.disable': cần một danh sách mã điều kiện")
        conditions = RULEBOOKS[code].condition_ids()
        for cid in ids:
            if str(cid) not in conditions:
                raise ParamsError(
                    f"{source}: khóa 'rulebooks.{code}.disable': không có điều kiện {cid!r} trong bộ quy tắc này "
                    "(xem bảng điều kiện trong docs/rules.md)"
                )
        disabled[code] = frozenset(str(i) for i in ids)
    options = dict(_section(data.get("options"), source, "options"))
    for name, value in options.items():
        if name not in OPTIONS:
            raise ParamsError(f"{source}: khóa 'options.{name}': không có tùy chọn này; có: {', '.join(OPTIONS)}")
        if value not in OPTIONS[name]:
            raise ParamsError(f"{source}: khóa 'options.{name}': giá trị {value!r}; cần một trong {OPTIONS[name]}")
    return ParamOverrides(params=params, disabled=disabled, options=options, source=source)


def _section(value: Any, source: str, key: str) -> dict[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ParamsError(f"{source}: khóa '{key}': cần một bảng khóa–giá trị, nhận được {value!r}")
    return value


# Allowed values of an override by the parameter's unit (the ``unit`` of its entry).
_RANGES = {"tỷ lệ 0..1": (0.0, 1.0), "tháng": (0.0, 120.0), "điểm": (0.0, 100.0)}
_FORM_UNIT = "hình thức kỷ luật"


def _check_value(value: Any, entry: dict[str, Any], where: str) -> None:
    """Refuse an override of the wrong type or outside the range its unit allows."""
    unit = str(entry.get("unit", ""))
    if unit == _FORM_UNIT:
        from kiemdiem.rules.discipline import FORMS

        if not isinstance(value, str) or value not in FORMS:
            raise ParamsError(f"{where}: giá trị {value!r}; cần một hình thức kỷ luật: {', '.join(FORMS)}")
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ParamsError(f"{where}: cần một số ({unit}), nhận được {value!r}")
    lo, hi = _RANGES.get(unit, (0.0, math.inf))
    if not lo <= value <= hi:
        bound = f"từ {lo:g} đến {hi:g}" if math.isfinite(hi) else f"không nhỏ hơn {lo:g}"
        raise ParamsError(f"{where}: giá trị {value!r} nằm ngoài khoảng cho phép ({bound})")


def overrides_from_env() -> ParamOverrides | None:
    """The override file named by ``KIEMDIEM_RULES_PARAMS``, if set."""
    path = os.environ.get(ENV_VAR)
    return load_overrides(path) if path else None


def _unknown(data: dict[str, Any], allowed: set[str], source: str, prefix: str) -> None:
    for key in data:
        if key not in allowed:
            raise ParamsError(
                f"{source}: khóa '{prefix}{key}' không hợp lệ; các khóa hợp lệ: {', '.join(sorted(allowed))}"
            )


_CACHE: dict[str, dict[str, dict[str, Any]]] = {}


def load_param_file(module: str) -> dict[str, dict[str, Any]]:
    """The ``params`` map of ``<module>.yaml`` (validated once, then cached)."""
    if module not in _CACHE:
        path = PARAMS_DIR / f"{module}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = data["params"] if data.get("params") else {}
        for name, entry in entries.items():
            for key in ("description", "values", "reference", "confirmed"):
                if key not in entry:
                    raise ParamsError(f"{path.name}: tham số '{name}' thiếu khóa '{key}'")
            entry["_dates"] = sorted((date.fromisoformat(str(d)), v) for d, v in entry["values"].items())
        _CACHE[module] = entries
    return _CACHE[module]


class Params:
    """The parameter values of one rulebook at one date (the period's last day), with overrides."""

    def __init__(self, code: str, module: str, at: date, overrides: ParamOverrides | None = None) -> None:
        self.code, self.at = code, at
        self._entries = load_param_file(module)
        self._overrides = (overrides.params.get(code, {}) if overrides else {}) or {}

    def __call__(self, name: str) -> Any:
        """The value in force; raises ``ParamsError`` when none starts on or before the date."""
        if name in self._overrides:
            return self._overrides[name]
        entry = self._entries[name]
        current = None
        found = False
        for start, value in entry["_dates"]:
            if start <= self.at:
                current, found = value, True
        if not found or current is None:
            raise ParamsError(
                f"tham số '{name}' của bộ quy tắc {self.code} không có giá trị tại ngày {self.at:%d/%m/%Y}"
            )
        return current

    def confirmed(self, name: str) -> bool:
        return bool(self._entries[name]["confirmed"])

    def reference(self, name: str) -> str:
        return str(self._entries[name]["reference"])

    def overridden(self) -> dict[str, Any]:
        return dict(self._overrides)

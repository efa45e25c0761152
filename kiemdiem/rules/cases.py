"""Case files (../shared/domain/case-format.md): loading, validation, rating and ``expect`` checks.

Loading is all-or-nothing: every case of every file is validated (keys, period, facts, rulebook)
before any is rated; the first error raises ``CaseFileError`` naming the file, the case and the key.

``expect`` semantics (docs/rules.md): ``rating`` passes when the status is ``rated`` with that
level (or, for ``not_rated``/``review_only``, that status); ``status: rated`` passes for the rated
population (``rated`` or ``needs_facts``); ``max_rating`` passes when the computed maximum is at or
below it; ``not_rating`` when that level is outside [min_rating, max_rating]; ``cites`` when each
listed instrument code appears in some reason's ``cites``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kiemdiem.rules.api import SubjectResult, rate_subjects
from kiemdiem.rules.errors import CaseFileError, FactError, RulesError
from kiemdiem.rules.facts import subject_row
from kiemdiem.rules.levels import Level
from kiemdiem.rules.params import ParamOverrides
from kiemdiem.rules.periods import parse_period
from kiemdiem.rules.registry import rulebook_by_code, select_rulebook
from kiemdiem.rules.yamlio import describe_error, load_yaml

CASE_KEYS = {"name", "period", "rulebook", "subject", "expect"}
EXPECT_KEYS = {"rating", "status", "max_rating", "not_rating", "cites"}
LEVEL_CODES = tuple(lvl.value for lvl in Level)
RATED = {"rated", "needs_facts"}


@dataclass(frozen=True)
class Case:
    """One validated case: where it came from, its period text, rulebook code (None = auto)."""

    file: str
    index: int
    name: str
    period: str
    rulebook: str | None
    subject: dict[str, Any]
    expect: dict[str, Any] | None


@dataclass(frozen=True)
class CaseOutcome:
    case: Case
    result: SubjectResult
    check: str | None  # "pass" | "fail" | None without expect
    failures: tuple[str, ...] = ()


def load_cases(path: str | Path, params: ParamOverrides | None = None) -> list[Case]:
    """All cases of a file, or of every ``*.yaml``/``*.yml`` file of a folder (sorted by name)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())
        if not files:
            raise CaseFileError(f"{path}: thư mục không có tệp case nào (*.yaml, *.yml)")
    elif path.is_file():
        files = [path]
    else:
        raise CaseFileError(f"{path}: không tìm thấy tệp hoặc thư mục")
    cases: list[Case] = []
    for file in files:
        cases += _load_file(file, params)
    return cases


def _load_file(file: Path, params: ParamOverrides | None) -> list[Case]:
    try:
        data = load_yaml(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"{file}: không đọc được tệp ({exc})") from exc
    except yaml.YAMLError as exc:
        raise CaseFileError(f"{file}: {describe_error(exc)}") from exc
    if not isinstance(data, list):
        raise CaseFileError(f"{file}: mức trên cùng phải là một danh sách các trường hợp")
    return [_case(file, i, raw, params) for i, raw in enumerate(data, start=1)]


def _case(file: Path, index: int, raw: Any, params: ParamOverrides | None) -> Case:
    where = f"{file}: trường hợp số {index}"
    if not isinstance(raw, dict):
        raise CaseFileError(f"{where}: cần một bảng khóa–giá trị")
    name = raw.get("name")
    if isinstance(name, str) and name.strip():
        where = f"{file}: trường hợp số {index} «{name}»"
    for key in raw:
        if key not in CASE_KEYS:
            raise CaseFileError(
                f"{where}: khóa '{key}' không có trong định dạng; các khóa: {', '.join(sorted(CASE_KEYS))}"
            )
    for key in ("name", "period", "subject"):
        if key not in raw:
            raise CaseFileError(f"{where}: thiếu khóa '{key}'")
    if not isinstance(name, str) or not name.strip():
        raise CaseFileError(f"{where}: khóa 'name' phải là một câu mô tả")
    try:
        period = parse_period(raw["period"])
        subject_row(raw["subject"], period.months)
        code = raw.get("rulebook", "auto")
        if code in (None, "auto"):
            rulebook = None
            select_rulebook(period, raw["subject"]["kind"], params)
        else:
            rulebook = _forced_rulebook(str(code), raw["subject"]["kind"], where)
    except FactError as exc:
        raise CaseFileError(f"{where}: khóa 'subject.{exc.key}': {exc.detail}") from exc
    except CaseFileError:  # already names the file and the case
        raise
    except RulesError as exc:
        raise CaseFileError(f"{where}: {exc}") from exc
    expect = raw.get("expect")
    if expect is not None:
        _validate_expect(expect, where)
    return Case(str(file), index, name, period.text, rulebook, dict(raw["subject"]), expect)


def _forced_rulebook(code: str, kind: str, where: str) -> str:
    try:
        book = rulebook_by_code(code)
    except RulesError as exc:
        raise CaseFileError(f"{where}: khóa 'rulebook': {exc}") from exc
    if kind not in book.kinds:
        kinds = ", ".join(sorted(k.value for k in book.kinds))
        raise CaseFileError(f"{where}: khóa 'rulebook': {code} không xếp loại '{kind}'; chỉ áp dụng cho: {kinds}")
    return book.code


def _validate_expect(expect: Any, where: str) -> None:
    if not isinstance(expect, dict) or not expect:
        raise CaseFileError(
            f"{where}: khóa 'expect' cần một bảng khóa–giá trị có ít nhất một khóa ({', '.join(sorted(EXPECT_KEYS))})"
        )
    allowed = {
        "rating": (*LEVEL_CODES, "not_rated", "review_only"),
        "status": ("rated", "not_rated", "review_only"),
        "max_rating": LEVEL_CODES,
        "not_rating": LEVEL_CODES,
    }
    for key, value in expect.items():
        if key not in EXPECT_KEYS:
            raise CaseFileError(
                f"{where}: khóa 'expect.{key}' không có trong định dạng; các khóa: {', '.join(sorted(EXPECT_KEYS))}"
            )
        if key == "cites":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise CaseFileError(f"{where}: khóa 'expect.cites' cần một danh sách mã văn bản")
        elif value not in allowed[key]:
            raise CaseFileError(
                f"{where}: khóa 'expect.{key}': giá trị {value!r}; cần một trong {', '.join(allowed[key])}"
            )


def run_cases(cases: list[Case], params: ParamOverrides | None = None) -> list[CaseOutcome]:
    """Rate each case and check its ``expect``."""
    outcomes = []
    for case in cases:
        try:
            result = rate_subjects([case.subject], case.period, params=params, rulebook=case.rulebook)[0]
        except RulesError as exc:
            raise CaseFileError(f"{case.file}: trường hợp số {case.index} «{case.name}»: {exc}") from exc
        failures = check_expect(case.expect, result) if case.expect is not None else ()
        check = None if case.expect is None else ("fail" if failures else "pass")
        outcomes.append(CaseOutcome(case, result, check, tuple(failures)))
    return outcomes


def check_expect(expect: dict[str, Any], result: SubjectResult) -> list[str]:
    """The failed expectations, as Vietnamese sentences (empty when all pass)."""
    failures = []
    status, lo, hi = result.status, result.min_rating, result.max_rating
    if "rating" in expect:
        want = expect["rating"]
        ok = status == want if want in {"not_rated", "review_only"} else status == "rated" and result.rating == want
        if not ok:
            failures.append(f"cần kết quả {want}, nhận được {result.rating or status}")
    if "status" in expect:
        want = expect["status"]
        if not (status in RATED if want == "rated" else status == want):
            failures.append(f"cần trạng thái {want}, nhận được {status}")
    if "max_rating" in expect:
        want = Level(expect["max_rating"])
        if status not in RATED or hi is None or hi.rank > want.rank:
            failures.append(f"cần mức cao nhất không quá {want.value}, nhận được {hi.value if hi else status}")
    if "not_rating" in expect and status in RATED and lo is not None and hi is not None:
        level = Level(expect["not_rating"])
        if lo.rank <= level.rank <= hi.rank:
            failures.append(f"mức {level.value} vẫn có thể (khoảng {lo.value}–{hi.value})")
    for code in expect.get("cites", []):
        if not any(code in reason.cites for reason in result.reasons):
            failures.append(f"không có lý do nào dẫn {code}")
    return failures

"""Read the rows of one data file (CSV with a header line, or YAML holding a list under one key),
converting each field and recording every problem with the file, row and column or key."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiemdiem.org.dataset.fields import Field, FieldError

NOT_UTF8 = "không đọc được: cần lưu tệp theo mã UTF-8"


class _TextLoader(yaml.SafeLoader):
    """Every scalar stays text except an empty value: each field's converter reads it by its own rules.

    PyYAML would otherwise turn ``2025-02-31`` into an exception outside any row, ``0123`` into the
    octal 83 and ``No`` into False before a converter could say what is wrong where.
    """


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: the file, the row (CSV line or YAML item) and the column or key."""

    file: str
    where: str
    message: str
    # The whole file could not be read (encoding, YAML syntax, no list): its ids are unknown, not missing.
    unreadable: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.file}, {self.where}: {self.message}" if self.where else f"{self.file}: {self.message}"


class DatasetError(Exception):
    """The data files were refused; nothing was written. ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {problem}" for problem in problems[:30])
        more = f"\n  … và {len(problems) - 30} lỗi khác" if len(problems) > 30 else ""
        super().__init__(f"Dữ liệu không hợp lệ, không nạp gì ({len(problems)} lỗi):\n{shown}{more}")


@dataclass
class Row:
    """A converted row: its values by field name, and where it came from (for error messages)."""

    file: str
    where: str
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    def problem(self, message: str, column: str | None = None) -> Problem:
        where = f"{self.where}, {'cột' if self.file.endswith('.csv') else 'khóa'} {column}" if column else self.where
        found = Problem(self.file, where, message)
        self.problems.append(found)
        return found


def _unknown(names: list[str], fields: list[Field]) -> list[str]:
    known = {spec.name for spec in fields}
    return [name for name in names if name not in known]


def _known_list(fields: list[Field]) -> str:
    return ", ".join(spec.name for spec in fields)


def _convert(
    file: str, where: str, raw: dict[str, Any], fields: list[Field], problems: list[Problem], absent: frozenset[str]
) -> Row:
    row = Row(file=file, where=where, values={})
    for spec in fields:
        if spec.name in absent:  # a missing column is reported once for the file, not on every row
            row.values[spec.name] = spec.default
            continue
        try:
            row.values[spec.name] = spec.read(raw.get(spec.name))
        except FieldError as error:
            row.problem(str(error), column=spec.name)
    problems.extend(row.problems)
    return row


def read_csv(folder: Path, name: str, fields: list[Field], problems: list[Problem]) -> list[Row]:
    """Rows of ``folder/name`` (UTF-8, header line); an absent file gives no rows.

    Comma-separated, or semicolon-separated when the header has semicolons and no comma: Excel set
    to Vietnamese, where the comma is the decimal mark, saves "CSV" that way.
    """
    path = folder / name
    if not path.exists():
        return []
    rows: list[Row] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
            handle.seek(0)
            delimiter = ";" if ";" in first and "," not in first else ","
            reader = csv.DictReader(handle, delimiter=delimiter)
            header = list(reader.fieldnames or [])
            for column in _unknown(header, fields):
                problems.append(Problem(name, "dòng 1", f"cột lạ “{column}”; các cột dùng được: {_known_list(fields)}"))
            absent = frozenset(spec.name for spec in fields if spec.required and spec.name not in header)
            for column in sorted(absent, key=[spec.name for spec in fields].index):
                # Without a required column no row can be used: the file counts as unread.
                problems.append(Problem(name, "dòng 1", f"thiếu cột bắt buộc “{column}”", unreadable=True))
            for raw in reader:
                line = reader.line_num  # the file line where this record ends (quoted fields may span lines)
                if None in raw:
                    problems.append(Problem(name, f"dòng {line}", "thừa cột so với dòng tiêu đề"))
                    continue
                if not any((value or "").strip() for value in raw.values()):
                    continue
                rows.append(_convert(name, f"dòng {line}", raw, fields, problems, absent))
    except UnicodeDecodeError:
        problems.append(Problem(name, "", NOT_UTF8 + " (trong Excel: Lưu thành, chọn “CSV UTF-8”)", unreadable=True))
    return rows


def read_yaml(folder: Path, name: str, key: str, fields: list[Field], problems: list[Problem]) -> list[Row]:
    """Items of the list under ``key`` in ``folder/name``; an absent file gives no rows."""
    path = folder / name
    if not path.exists():
        return []
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextLoader) or {}  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"dòng {mark.line + 1}" if mark is not None else ""
        message = f"không phải YAML hợp lệ ({getattr(error, 'problem', error)})"
        problems.append(Problem(name, where, message, unreadable=True))
        return []
    except UnicodeDecodeError:
        problems.append(Problem(name, "", NOT_UTF8, unreadable=True))
        return []
    items = document.get(key, []) if isinstance(document, dict) else None
    if not isinstance(items, list):
        problems.append(Problem(name, "", f"cần một danh sách dưới khóa “{key}”", unreadable=True))
        return []
    rows: list[Row] = []
    for index, item in enumerate(items, start=1):
        label = f"{key}, mục {index}"
        if isinstance(item, dict) and item.get("id"):
            label += f" (id {item['id']})"
        if not isinstance(item, dict):
            problems.append(Problem(name, label, "cần các cặp khóa: giá trị"))
            continue
        for unknown in _unknown([str(k) for k in item], fields):
            problems.append(Problem(name, label, f"khóa lạ “{unknown}”; các khóa dùng được: {_known_list(fields)}"))
        rows.append(_convert(name, label, item, fields, problems, frozenset()))
    return rows

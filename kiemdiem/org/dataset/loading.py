"""Load an organisation dataset folder into the database: check everything first, then write.

Rows are matched on their stable ids (``external_code``), or for facts without an id on a natural
key (a person's leave by kind and start date, …), so loading the same folder twice changes nothing.
Rows are added or updated, never deleted. Call :func:`load_dataset` inside a transaction (the
service ``kiemdiem.org.services.dataset_load`` does) so that a refusal writes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

from kiemdiem.org.dataset import schema
from kiemdiem.org.dataset.reading import DatasetError, Problem, Row, read_csv, read_yaml
from kiemdiem.org.locks import bulk_write_lock
from kiemdiem.org.models import (
    PARTY_FORMS,
    STATE_FORMS,
    Collective,
    Discipline,
    DisciplineTrack,
    Leave,
    Organisation,
    OrganisationSuccession,
    OrgKind,
    PartyMembership,
    PartyMembershipStatus,
    PartyStatusChange,
    PartyTransfer,
    Person,
    Position,
    StateEmployment,
)

ALL_SPECS = (
    schema.ORGANISATIONS,
    schema.SUCCESSIONS,
    schema.COLLECTIVES,
    schema.PEOPLE,
    schema.POSITIONS,
    schema.PARTY_MEMBERS,
    schema.STATE_EMPLOYMENT,
    schema.LEAVES,
    schema.DISCIPLINES,
    schema.PARTY_STATUS_CHANGES,
    schema.PARTY_TRANSFERS,
)
DATASET_LOCK = "kiemdiem.org.dataset"
# Facts without an id: the file, the name in the summary, the model, and the natural key after the person.
FACTS: tuple[tuple[schema.FileSpec, str, type[models.Model], tuple[str, ...]], ...] = (
    (schema.STATE_EMPLOYMENT, "cán bộ, công chức, viên chức", StateEmployment, ("organisation", "start_date")),
    (schema.LEAVES, "nghỉ", Leave, ("kind", "start_date")),
    (schema.DISCIPLINES, "kỷ luật", Discipline, ("track", "form", "decided_on")),
    (schema.PARTY_STATUS_CHANGES, "miễn, đình chỉ sinh hoạt", PartyStatusChange, ("kind", "start_date")),
    (schema.PARTY_TRANSFERS, "chuyển sinh hoạt đảng", PartyTransfer, ("transferred_on",)),
)
# Reference columns: column -> what it points at.
ORG_REFS = ("parent", "organisation", "party_cell", "from_cell", "to_cell", "predecessor", "successor")
CELL_REFS = ("party_cell", "from_cell", "to_cell")


@dataclass
class DatasetSummary:
    """Rows per kind: created, updated, unchanged (keys are the Vietnamese plural names)."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, kind: str, outcome: str) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += 1

    @property
    def changed(self) -> int:
        return sum(c["created"] + c["updated"] for c in self.counts.values())


def _read(folder: Path, spec: schema.FileSpec, problems: list[Problem]) -> list[Row]:
    if spec.key is None:
        return read_csv(folder, spec.name, spec.fields, problems)
    return read_yaml(folder, spec.name, spec.key, spec.fields, problems)


def _format(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else str(value)


class _Loader:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []
        self.rows: dict[schema.FileSpec, list[Row]] = {}
        self.summary = DatasetSummary()
        self.orgs: dict[str, Organisation] = {}
        self.collectives: dict[str, Collective] = {}
        self.people: dict[str, Person] = {}
        self.unread: set[str] = set()

    # -- checking ---------------------------------------------------------------------------------
    def check(self) -> None:
        if not self.folder.is_dir():
            raise DatasetError([Problem(str(self.folder), "", "không có thư mục này")])
        if not (self.folder / schema.ORGANISATIONS.name).exists():
            self.problems.append(
                Problem(schema.ORGANISATIONS.name, "", "thiếu tệp này trong thư mục dữ liệu", unreadable=True)
            )
        for spec in ALL_SPECS:
            self.rows[spec] = _read(self.folder, spec, self.problems)
        # A file that could not be read at all: its ids are unknown, not missing, so references to them
        # are not reported one by one (hundreds of lines hiding the one that matters).
        self.unread = {problem.file for problem in self.problems if problem.unreadable}
        for rows in self.rows.values():
            for row in rows:
                self._check_row(row)
        for spec in (schema.ORGANISATIONS, schema.COLLECTIVES, schema.PEOPLE, schema.POSITIONS):
            self._check_unique(spec, ("id",))
        self._check_unique(schema.PARTY_MEMBERS, ("person",))
        # Two rows with one natural key would be saved as one, the second silently replacing the first.
        self._check_unique(schema.SUCCESSIONS, ("predecessor", "successor"))
        for spec, _kind, _model, key in FACTS:
            self._check_unique(spec, ("person", *key))
        self._check_references()
        self._check_tree()
        self.problems.extend(
            p for rows in self.rows.values() for row in rows for p in row.problems if p not in self.problems
        )
        if self.problems:
            raise DatasetError(self.problems)

    def _check_row(self, row: Row) -> None:
        values = row.values
        for earlier, later in schema.DATE_ORDER:
            if values.get(earlier) and values.get(later) and values[later] < values[earlier]:
                row.problem(f"{later} ({_format(values[later])}) trước {earlier} ({_format(values[earlier])})", later)
        if "is_review_place" in values and not values.get("organisation") and not values.get("collective"):
            row.problem("cần organisation hoặc collective (chức vụ ở đâu)", "organisation")
        if "admission_date" in values and values.get("status"):
            official = values["status"] == PartyMembershipStatus.OFFICIAL
            if official and not values.get("official_date"):
                row.problem("đảng viên chính thức cần ngày chính thức", "official_date")
            if not official and values.get("official_date"):
                row.problem("đảng viên dự bị chưa có ngày chính thức: để trống", "official_date")
        if "track" in values and values.get("form") and values.get("track"):
            allowed = PARTY_FORMS if values["track"] == DisciplineTrack.PARTY else STATE_FORMS
            if values["form"] not in allowed:
                row.problem(f"hình thức “{values['form']}” không có trong {values['track']}", "form")

    def _check_unique(self, spec: schema.FileSpec, columns: tuple[str, ...]) -> None:
        seen: dict[tuple[Any, ...], str] = {}
        for row in self.rows[spec]:
            key = tuple(row.values.get(column) for column in columns)
            if any(value in (None, "") for value in key):
                continue
            if key not in seen:
                seen[key] = row.where
            elif len(columns) == 1:
                row.problem(f"“{key[0]}” trùng với {seen[key]}", columns[0])
            else:
                same = ", ".join(f"{column} {_format(value)}" for column, value in zip(columns, key, strict=True))
                row.problem(f"trùng với {seen[key]} (cùng {same}); mỗi việc chỉ ghi một lần")

    def _check_references(self) -> None:
        org_kinds = {
            r.values["id"]: r.values.get("kind") for r in self.rows[schema.ORGANISATIONS] if r.values.get("id")
        }
        people = {r.values["id"] for r in self.rows[schema.PEOPLE] if r.values.get("id")}
        collectives = {r.values["id"] for r in self.rows[schema.COLLECTIVES] if r.values.get("id")}
        wanted = self._wanted(ORG_REFS) - org_kinds.keys()
        org_kinds.update(Organisation.objects.filter(external_code__in=wanted).values_list("external_code", "kind"))
        people |= set(
            Person.objects.filter(external_code__in=self._wanted(("person",)) - people).values_list(
                "external_code", flat=True
            )
        )
        wanted_collectives = self._wanted(("collective",)) - collectives
        collectives |= set(
            Collective.objects.filter(external_code__in=wanted_collectives).values_list("external_code", flat=True)
        )
        unread_org, unread_person, unread_collective = (
            spec.name in self.unread for spec in (schema.ORGANISATIONS, schema.PEOPLE, schema.COLLECTIVES)
        )
        for rows in self.rows.values():
            for row in rows:
                for column, value in row.values.items():
                    if not value or not isinstance(value, str):
                        continue
                    if column in ORG_REFS and value not in org_kinds:
                        if unread_org:
                            continue
                        row.problem(f"không có tổ chức mã “{value}” (xem {schema.ORGANISATIONS.name})", column)
                    elif column in CELL_REFS and org_kinds[value] != OrgKind.PARTY_CELL:
                        row.problem(f"“{value}” không phải chi bộ", column)
                    elif column == "person" and value not in people:
                        if unread_person:
                            continue
                        row.problem(f"không có cá nhân mã “{value}” (xem {schema.PEOPLE.name})", column)
                    elif column == "collective" and value not in collectives:
                        if unread_collective:
                            continue
                        row.problem(f"không có tập thể mã “{value}” (xem {schema.COLLECTIVES.name})", column)

    def _check_tree(self) -> None:
        """Refuse a loop of superiors in the file (A under B under A): the tree could not be written.

        A loop through units only in the database is caught when saving, by ``Organisation.clean``.
        """
        rows = {row.values["id"]: row for row in self.rows[schema.ORGANISATIONS] if row.values.get("id")}
        order = {org_id: index for index, org_id in enumerate(rows)}
        settled: set[str] = set()  # units whose chain of superiors leaves the file without a loop
        for start in rows:
            path: list[str] = []
            node: str = start  # "" once the chain leaves the file (a top unit or one in the database)
            while node in rows and node not in settled and node not in path:
                path.append(node)
                node = rows[node].values.get("parent") or ""
            if node in path:  # found once: later walks stop at the settled units of this one
                loop = path[path.index(node) :]
                first = min(loop, key=order.__getitem__)  # reported on the loop's first row in the file
                ordered = loop[loop.index(first) :] + loop[: loop.index(first)]
                rows[first].problem(f"cấp trên lặp vòng: {' → '.join((*ordered, first))}", "parent")
            settled.update(path)

    def _wanted(self, columns: tuple[str, ...]) -> set[str]:
        return {
            row.values[column]
            for rows in self.rows.values()
            for row in rows
            for column in columns
            if isinstance(row.values.get(column), str) and row.values[column]
        }

    # -- writing ----------------------------------------------------------------------------------
    def _save(
        self, kind: str, row: Row, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]
    ) -> Any:
        obj = model._default_manager.filter(**lookup).first()
        outcome = "created" if obj is None else "unchanged"
        if obj is None:
            obj = model(**lookup)
        for name, value in values.items():
            if outcome == "unchanged" and getattr(obj, name) != value:
                outcome = "updated"
            setattr(obj, name, value)
        try:
            obj.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = None if name == NON_FIELD_ERRORS else ("id" if name == "external_code" else name)
                self.problems.append(row.problem("; ".join(messages), column))
            return obj
        if outcome != "unchanged":
            obj.save()
        self.summary.add(kind, outcome)
        return obj

    def write(self) -> DatasetSummary:
        self._write_organisations()
        for row in self.rows[schema.SUCCESSIONS]:
            v = row.values
            lookup = {"predecessor": self._org(v["predecessor"]), "successor": self._org(v["successor"])}
            fields = {"kind": v["kind"], "changed_on": v["changed_on"], "decision": v["decision"]}
            self._save("sáp nhập, chia tách", row, OrganisationSuccession, lookup, fields)
        for row in self.rows[schema.COLLECTIVES]:
            v = row.values
            values = {k: v[k] for k in ("name", "kind", "is_leadership", "valid_from", "valid_to")}
            values["organisation"] = self._org(v["organisation"])
            self.collectives[v["id"]] = self._save("tập thể", row, Collective, {"external_code": v["id"]}, values)
        for row in self.rows[schema.PEOPLE]:
            v = row.values
            values = {k: v[k] for k in ("full_name", "birth_date", "gender", "ethnicity")}
            self.people[v["id"]] = self._save("cá nhân", row, Person, {"external_code": v["id"]}, values)
        self._write_people_facts()
        if self.problems:
            raise DatasetError(self.problems)
        return self.summary

    def _write_organisations(self) -> None:
        by_id = {row.values["id"]: row for row in self.rows[schema.ORGANISATIONS]}
        placed: set[str] = set()

        def place(org_id: str, path: tuple[str, ...]) -> None:
            if org_id in placed or org_id not in by_id:
                return
            row = by_id[org_id]
            parent = row.values["parent"]
            if parent in path:
                self.problems.append(row.problem(f"cấp trên lặp vòng: {' → '.join((*path, org_id))}", "parent"))
                return
            if parent:
                place(parent, (*path, org_id))
            placed.add(org_id)
            values = {k: v for k, v in row.values.items() if k not in ("id", "parent")}
            values["parent"] = self._org(parent) if parent else None
            self.orgs[org_id] = self._save("tổ chức", row, Organisation, {"external_code": org_id}, values)

        for org_id in by_id:
            place(org_id, ())

    def _write_people_facts(self) -> None:
        for row in self.rows[schema.POSITIONS]:
            v = row.values
            values = {k: v[k] for k in ("title", "role", "start_date", "end_date", "is_concurrent", "is_review_place")}
            values |= {
                "person": self._person(v["person"]),
                "organisation": self._org(v["organisation"]) if v["organisation"] else None,
                "collective": self._collective(v["collective"]) if v["collective"] else None,
            }
            self._save("chức vụ", row, Position, {"external_code": v["id"]}, values)
        for row in self.rows[schema.PARTY_MEMBERS]:
            v = row.values
            values = {k: v[k] for k in ("status", "admission_date", "official_date", "card_number")}
            values["party_cell"] = self._org(v["party_cell"])
            self._save("đảng viên", row, PartyMembership, {"person": self._person(v["person"])}, values)
        for spec, kind, model, key in FACTS:
            for row in self.rows[spec]:
                resolved = {name: self._resolve(name, value) for name, value in row.values.items()}
                lookup = {name: resolved[name] for name in ("person", *key)}
                values = {name: value for name, value in resolved.items() if name not in lookup}
                self._save(kind, row, model, lookup, values)

    def _resolve(self, column: str, value: Any) -> Any:
        if column == "person":
            return self._person(value)
        if column in ORG_REFS:
            return self._org(value) if value else None
        return value

    def _org(self, code: str) -> Organisation:
        if code not in self.orgs:
            self.orgs[code] = Organisation.objects.get(external_code=code)
        return self.orgs[code]

    def _person(self, code: str) -> Person:
        if code not in self.people:
            self.people[code] = Person.objects.get(external_code=code)
        return self.people[code]

    def _collective(self, code: str) -> Collective:
        if code not in self.collectives:
            self.collectives[code] = Collective.objects.get(external_code=code)
        return self.collectives[code]


def load_dataset(folder: Path) -> DatasetSummary:
    """Check then write the dataset in ``folder``; raises :class:`DatasetError` listing every problem
    (file, row, column or key, what was expected). Run inside a transaction."""
    loader = _Loader(folder)
    bulk_write_lock(DATASET_LOCK)  # before reading the database: a load running now may be adding the same rows
    loader.check()
    return loader.write()

"""A small fictitious cycle workbook (xã An Phú, 2021) for the workbook tests, and helpers to spoil it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from kiemdiem.workbook.template import write_workbook

D = dt.date


def small_rows() -> dict[str, list[dict[str, Any]]]:
    """Đảng bộ xã An Phú with one chi bộ, the UBND xã, three people (the chairman holds a party
    post too, declared kiêm nhiệm)."""
    return {
        "cycle": [{"scope": "X-AP-DB", "period": "2021", "opened_on": D(2021, 11, 20)}],
        "units": [
            {"id": "X-AP-DB", "name": "Đảng bộ xã An Phú", "level": "commune", "kind": "party_committee",
             "symbol": "ĐU", "place_name": "An Phú", "reviewed": True},
            {"id": "CB-AP-1", "name": "Chi bộ thôn Phú Thượng", "level": "grassroots", "kind": "party_cell",
             "parent": "X-AP-DB", "symbol": "CB", "place_name": "An Phú", "reviewed": True},
            {"id": "X-AP-UBND", "name": "Ủy ban nhân dân xã An Phú", "level": "commune", "kind": "peoples_committee",
             "parent": "X-AP-DB", "symbol": "UBND", "place_name": "An Phú"},
        ],
        "collectives": [
            {"id": "TT-UBND-AP", "name": "Ủy ban nhân dân xã An Phú", "kind": "ubnd", "organisation": "X-AP-UBND",
             "is_leadership": True},
        ],
        "people": [
            {"id": "AP001", "full_name": "Đinh Văn Khoa", "birth_date": D(1975, 3, 2), "gender": "male",
             "party_status": "official", "admission_date": D(2000, 5, 19), "official_date": D(2001, 5, 19),
             "party_cell": "CB-AP-1", "state_category": "can_bo", "work_unit": "X-AP-UBND"},
            {"id": "AP002", "full_name": "Lò Thị Hạnh", "birth_date": D(1986, 8, 14), "gender": "female",
             "party_status": "official", "admission_date": D(2010, 2, 3), "official_date": D(2011, 2, 3),
             "party_cell": "CB-AP-1", "state_category": "cong_chuc", "work_unit": "X-AP-UBND"},
            {"id": "AP003", "full_name": "Vi Văn Sáng", "birth_date": D(1990, 1, 9), "gender": "male",
             "party_status": "official", "admission_date": D(2015, 6, 1), "official_date": D(2016, 6, 1),
             "party_cell": "CB-AP-1"},
        ],
        "positions": [
            {"id": "AP-CV1", "person": "AP001", "title": "Chủ tịch UBND xã", "role": "head",
             "organisation": "X-AP-UBND", "collective": "TT-UBND-AP", "start_date": D(2016, 6, 28),
             "is_review_place": True},
            {"id": "AP-CV2", "person": "AP001", "title": "Phó Bí thư Đảng ủy xã", "role": "deputy",
             "organisation": "X-AP-DB", "start_date": D(2020, 7, 1), "is_concurrent": True},
            {"id": "AP-CV3", "person": "AP002", "title": "Công chức Văn phòng – Thống kê", "role": "member",
             "organisation": "X-AP-UBND", "start_date": D(2014, 3, 1), "is_review_place": True},
        ],
        "self": [
            {"subject": "TT-UBND-AP", "self_level": "HTTNV", "criteria.organization_building": "tot",
             "criteria.task_results": "tot"},
            {"subject": "AP001", "side": "state", "self_level": "HTTNV", "tasks.assigned": 10, "tasks.completed": 10,
             "tasks.on_time": 10, "tasks.exceeded": 2, "tasks.late_or_low_quality": 0},
        ],
        "ballots": [
            {"subject": "TT-UBND-AP", "present": 5, "HTXSNV": 0, "HTTNV": 5, "HTNV": 0, "KHTNV": 0},
        ],
    }  # fmt: skip


def write_small(path: Path, rows: dict[str, list[dict[str, Any]]] | None = None) -> Path:
    return write_workbook(path, rows or small_rows())


def set_cell(path: Path, sheet: str, cell: str, value: Any) -> None:
    """Overwrite one cell of a written workbook (to spoil it the way a clerk might)."""
    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)

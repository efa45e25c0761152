"""Build the example cycle workbook ``thanh-van-2021.xlsx`` (run: ``.venv/bin/python examples/review2021/build.py``).

The structure sheets (units, collectives, people, posts) are read from the foundation example
``examples/district2021`` — the fictitious district Thanh Vân, same ids — so the workbook and the
example database always agree. The year's self-assessments, targets, ballots and decisions are
made up here, deterministically (a person's profile comes from a hash of their id, never from a
random generator), with the mix of levels of ../shared/domain/scale.md §4 and these cases:

- the collective before its members, and a head capped by his collective: TT-LD-TNMT is only
  HTTNV (criteria graded Tốt) while its head H-PTN (H021) proposes HTXSNV;
- a quota excess: many HTXSNV proposals in the Đảng bộ xã Đông Lương (21-HD: at most 20% of HTTNV);
- a probationary member admitted under 6 months before the year's end (VC027: review only);
- maternity leave (VC008), a khiển trách in public duty (VC009: KHTNV), a mid-year transfer
  (TH004, from Thịnh Hòa to Đông Lương on 15/06/2021), an exempt elderly member (VC020);
- a party member whose state-side rating bounds the party rating (DL005: HTNV as công chức);
- the district's executive committee judged on the district's targets workbook
  (examples/targets/thanh-van-2021.xlsx: 28 of 34 targets met, a key target missed);
- ballots for every collective and leader, one vote below the level proposed (TT-UBND-DL), and
  two decisions already taken by the superior.
"""

from __future__ import annotations

import csv
import datetime as dt
import zlib
from pathlib import Path
from typing import Any

import yaml

from kiemdiem.workbook.periods import period_bounds
from kiemdiem.workbook.template import write_workbook

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "district2021"
OUT = HERE / "thanh-van-2021.xlsx"
PERIOD = "2021"
FIXED_TIME = dt.datetime(2022, 1, 10, 0, 0, 0)  # noqa: DTZ001 (openpyxl stores naive UTC times)
START, END = period_bounds(PERIOD)

HEAD_CAPPED = "H038"
STATE_BOUND = "DL005"
QUOTA_ORG = "X-DL-DB"
# The district's executive committee is judged on the district's own targets sheet (kiemdiem targets).
DISTRICT_TARGETS = ("TT-BCH-HU", "../targets/thanh-van-2021.xlsx")
SHARES = ("targets_completed_share", "on_time_share", "exceeded_share", "key_targets_missed")
# Teachers who are also secretary of their school's chi bộ: the workbook states the kiêm nhiệm.
CONCURRENT_POSTS = {"CV201", "CV211"}
NOTES = {
    "VC027": "Kết nạp 10/09/2021, chưa đủ 6 tháng: chỉ kiểm điểm, không xếp loại.",
    "VC008": "Nghỉ thai sản từ 01/03/2021 đến 31/08/2021.",
    "VC009": "Bị khiển trách về đảng ngày 20/07/2021 (vi phạm khi thực thi công vụ).",
    "TH004": "Điều động từ xã Thịnh Hòa sang xã Đông Lương từ 15/06/2021; có nhận xét của nơi công tác cũ.",
    "VC020": "Được miễn công tác và sinh hoạt đảng từ 19/05/2019.",
    HEAD_CAPPED: "Tự đề xuất HTXSNV; tập thể lãnh đạo phòng chỉ đạt HTTNV.",
    STATE_BOUND: "Bên chính quyền chỉ hoàn thành nhiệm vụ (chậm tiến độ nhiều việc).",
}


def _date(text: str) -> dt.date | None:
    return dt.datetime.strptime(text, "%d/%m/%Y").date() if text else None  # noqa: DTZ007 (a calendar day)


def _yes(text: str | None) -> bool:
    return (text or "").strip() == "có"


def _csv(name: str) -> list[dict[str, str]]:
    with (SOURCE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _yaml(name: str) -> dict[str, Any]:
    return yaml.safe_load((SOURCE / name).read_text(encoding="utf-8"))


def _bucket(code: str) -> int:
    """0..99, stable for an id."""
    return zlib.crc32(code.encode()) % 100


def structure() -> dict[str, list[dict[str, Any]]]:
    units = [
        unit
        for unit in _yaml("organisations.yaml")["organisations"]
        if not unit.get("valid_from") or _date(unit["valid_from"]) <= END  # type: ignore[operator]
    ]
    events = _yaml("events.yaml")
    moved = {t["person"]: t["to_cell"] for t in events.get("party_transfers", []) if _date(t["transferred_on"]) <= END}  # type: ignore[operator]
    members = {row["person"]: row for row in _csv("party_members.csv")}
    employed = {row["person"]: row for row in _csv("state_employment.csv")}
    people = []
    for row in _csv("people.csv"):
        member, job = members.get(row["id"]), employed.get(row["id"])
        people.append(
            {
                "id": row["id"],
                "full_name": row["full_name"],
                "birth_date": _date(row["birth_date"]),
                "gender": "female" if row["gender"] == "Nữ" else "male",
                "ethnicity": row["ethnicity"],
                "party_status": ("official" if member["status"] == "chính thức" else "probationary")
                if member
                else None,
                "admission_date": _date(member["admission_date"]) if member else None,
                "official_date": _date(member["official_date"]) if member else None,
                "party_cell": moved.get(row["id"], member["party_cell"]) if member else None,
                "state_category": job["category"] if job else None,
                "work_unit": job["organisation"] if job else None,
            }
        )
    positions = [
        {
            "id": row["id"],
            "person": row["person"],
            "title": row["title"],
            "role": row["role"],
            "organisation": row["organisation"] or None,
            "collective": row["collective"] or None,
            "start_date": _date(row["start_date"]),
            "end_date": _date(row["end_date"]),
            "is_concurrent": _yes(row["is_concurrent"]) or row["id"] in CONCURRENT_POSTS,
            "is_review_place": _yes(row["is_review_place"]),
        }
        for row in _csv("positions.csv")
    ]
    reviewed_kinds = {"party_committee", "party_cell"}
    return {
        "cycle": [{"scope": "H-TV", "period": PERIOD, "opened_on": dt.date(2021, 11, 15)}],
        "units": [
            {
                **{k: unit.get(k) or None for k in ("id", "name", "short_name", "symbol", "level", "kind", "parent")},
                "place_name": unit.get("place_name"),
                "reviewed": unit["kind"] in reviewed_kinds and unit["id"] != "TP-HN",
            }
            for unit in units
        ],
        "collectives": [
            {**{k: c[k] for k in ("id", "name", "kind", "organisation")}, "is_leadership": _yes(c["is_leadership"])}
            for c in _yaml("collectives.yaml")["collectives"]
        ],
        "people": people,
        "positions": positions,
    }


INDIVIDUAL = ("political_ideology", "ethics_lifestyle", "discipline", "working_style", "task_results")


def person_row(code: str, side: str, profile: str) -> dict[str, Any]:
    grades = {
        "excellent": ("tot", "tot", "tot", "tot", "xuat_sac"),
        "good": ("tot", "tot", "tot", "tot", "tot"),
        "completed": ("tot", "tot", "trung_binh", "trung_binh", "trung_binh"),
    }[profile]
    tasks = {"excellent": (12, 12, 12, 7, 0), "good": (12, 12, 12, 1, 0), "completed": (12, 12, 10, 0, 2)}[profile]
    level = {"excellent": "HTXSNV", "good": "HTTNV", "completed": "HTNV"}[profile]
    row: dict[str, Any] = {"subject": code, "side": side, "self_level": level, "note": NOTES.get(code)}
    row.update({f"criteria.{key}": grade for key, grade in zip(INDIVIDUAL, grades, strict=True)})
    keys = ("assigned", "completed", "on_time", "exceeded", "late_or_low_quality")
    row.update({f"tasks.{key}": value for key, value in zip(keys, tasks, strict=True)})
    row["months_worked"] = 12
    return row


def profile_of(code: str, org_of_cell: dict[str, str], cell: str | None) -> str:
    if cell and org_of_cell.get(cell) == QUOTA_ORG and _bucket(code) < 30:
        return "excellent"
    bucket = _bucket(code)
    return "excellent" if bucket < 9 else "completed" if bucket >= 95 else "good"


def assessments(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    units = {u["id"]: u for u in data["units"]}
    org_of_cell = {u["id"]: u["parent"] for u in data["units"] if u["kind"] == "party_cell"}
    rows: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    ballots: list[dict[str, Any]] = []
    for unit in data["units"]:
        if unit["reviewed"]:
            good = _bucket(unit["id"]) >= 15
            rows.append(_collective_row(unit["id"], "tot" if good else "xuat_sac", "HTTNV" if good else "HTXSNV"))
    for collective in data["collectives"]:
        share = 0.92 if collective["id"] == "TT-LD-PKT" else 1.0
        modest = collective["id"] in ("TT-LD-TNMT", DISTRICT_TARGETS[0])  # a key district target was missed
        grade = "tot" if modest or _bucket(collective["id"]) >= 12 else "xuat_sac"
        rows.append(_collective_row(collective["id"], grade, "HTTNV" if grade == "tot" else "HTXSNV"))
        targets.append(_targets(collective["id"], share, grade, rows[-1]["self_level"]))
        if collective["id"] == DISTRICT_TARGETS[0]:
            targets[-1].update({key: None for key in SHARES} | {"targets_file": DISTRICT_TARGETS[1]})
        members = [p for p in data["positions"] if p["collective"] == collective["id"]]
        level = rows[-1]["self_level"]
        # Đông Lương's UBND: the meeting gave fewer votes to the level proposed than a majority.
        split = (len(members) // 2, len(members) - len(members) // 2) if collective["id"] == "TT-UBND-DL" else None
        votes = {"HTXSNV": 0, "HTTNV": 0, "HTNV": 0, "KHTNV": 0}
        if split:
            votes.update({level: split[0], "HTNV": split[1]})
        else:
            votes[level] = len(members)
        ballots.append({"subject": collective["id"], "side": None, "present": len(members), **votes})
    led = {p["organisation"] for p in data["positions"] if p["organisation"] and not p["collective"]}
    for unit in data["units"]:
        if unit["id"] in led and unit["kind"] not in ("party_committee", "party_cell"):
            targets.append(_targets(unit["id"], 1.0, "tot", "HTTNV"))
    for person in data["people"]:
        code = person["id"]
        profile = profile_of(code, org_of_cell, person["party_cell"])
        if code == HEAD_CAPPED:
            profile = "excellent"
        if person["state_category"]:
            state_profile = "completed" if code == STATE_BOUND else profile
            rows.append(person_row(code, "state", state_profile))
        if person["party_status"]:
            party = person_row(code, "party", "excellent" if code == STATE_BOUND else profile)
            rows.append(_special(party, code))
    for row in rows:
        if row["subject"] in units and not units[row["subject"]]["reviewed"]:
            raise SystemExit(f"{row['subject']} is not reviewed")
    decisions = [
        {"subject": "TT-BTV-HU", "side": None, "level": "HTTNV", "number": "125-QĐ/TU", "date": dt.date(2022, 1, 14)},
        {"subject": "TT-UBND", "side": None, "level": "HTTNV", "number": "46/QĐ-UBND", "date": dt.date(2022, 1, 20)},
    ]
    return {"self": rows, "targets": targets, "ballots": ballots, "decisions": decisions}


def _targets(code: str, share: float, grade: str, level: str) -> dict[str, Any]:
    """Targets of a unit, and the ratings of the units it leads: the district's offices for the
    district UBND and party committee, otherwise the unit itself (already rated at ``level``)."""
    units = {"HTXSNV": 1, "HTTNV": 6, "HTNV": 0, "KHTNV": 0} if code in ("TT-UBND", "TT-BTV-HU") else {level: 1}
    return {
        "subject": code,
        "targets_completed_share": share,
        "key_targets_missed": False,
        "on_time_share": 0.9,
        "exceeded_share": 0.6 if grade == "xuat_sac" or code == "TT-LD-TNMT" else 0.2,
        "force_majeure": False,
        "units.total": sum(units.values()),
        **{f"units.{key}": value for key, value in units.items()},
    }


def _collective_row(code: str, grade: str, level: str) -> dict[str, Any]:
    return {
        "subject": code,
        "self_level": level,
        "criteria.organization_building": grade,
        "criteria.task_results": grade,
    }


def _special(row: dict[str, Any], code: str) -> dict[str, Any]:
    if code == "VC008":
        row["leave.maternity"] = 6
    if code == "VC009":
        row.update({"discipline.form": "khien_trach", "discipline.track": "party", "discipline.in_public_duty": True})
        row["self_level"] = "HTTNV"
    if code == "VC020":
        row["exemption"] = "exempt_work_and_activity"
    return row


def main() -> None:
    data = structure()
    data.update(assessments(data))
    write_workbook(OUT, data, stamp=FIXED_TIME)
    print(f"{OUT.name}: {len(data['self'])} chủ thể, {len(data['people'])} cá nhân")


if __name__ == "__main__":
    main()

"""Validation of subject facts: errors name the key and what was expected."""

import pytest

from kiemdiem.rules.errors import FactError
from kiemdiem.rules.facts import facts_frame, subject_row


@pytest.mark.parametrize(
    ("_case", "subject", "message"),
    [
        ("unknown key", {"kind": "cadre", "tasks_done": 3}, "khóa 'tasks_done': khóa không có trong định dạng"),
        ("no kind", {"months_worked": 3}, "khóa 'kind': thiếu loại đối tượng (kind)"),
        (
            "bad kind",
            {"kind": "worker"},
            "khóa 'kind': giá trị 'worker' không hợp lệ; cần một trong: party_member, cadre, civil_servant, "
            "public_employee, collective, party_organization",
        ),
        ("bool", {"kind": "cadre", "disunity": "yes"}, "khóa 'disunity': cần true hoặc false, nhận được 'yes'"),
        (
            "share",
            {"kind": "cadre", "led_units": {"on_time_share": 1.2}},
            "khóa 'led_units.on_time_share': giá trị 1.2 nằm ngoài khoảng cho phép (từ 0 đến 1)",
        ),
        (
            "score total disagrees",
            {"kind": "cadre", "score": {"common": 25, "results": 60, "total": 90}},
            "khóa 'score.total': tổng 90 khác tổng các phần 25 + 60 = 85",
        ),
        (
            "score part out of scale",
            {"kind": "cadre", "score": {"common": 35, "results": 60}},
            "khóa 'score.common': giá trị 35 nằm ngoài khoảng cho phép (từ 0 đến 30)",
        ),
        (
            "tasks",
            {"kind": "cadre", "tasks": {"assigned": 5, "completed": 6}},
            "khóa 'tasks.completed': 6 lớn hơn số nhiệm vụ được giao (5)",
        ),
        (
            "discipline form",
            {"kind": "cadre", "discipline": [{"form": "phat_tien"}]},
            "khóa 'discipline[0].form': giá trị 'phat_tien' không hợp lệ; cần một trong: khien_trach, canh_cao, "
            "ha_bac_luong, giang_chuc, cach_chuc, buoc_thoi_viec, khai_tru",
        ),
        (
            "ratings above total",
            {"kind": "collective", "members": {"total": 3, "ratings": {"HTTNV": 4}}},
            "khóa 'members.ratings': tổng số đã xếp loại (4) lớn hơn tổng số (3)",
        ),
    ],
)
def test_invalid_facts_name_the_key(_case, subject, message):
    # when
    with pytest.raises(FactError) as error:
        subject_row(subject)

    # then
    assert str(error.value).startswith(message)


def test_score_total_is_recomputed_from_parts():
    # when
    row = subject_row({"kind": "civil_servant", "score": {"common": 28.5, "results": 61}})

    # then
    assert row["score.total"] == 89.5


def test_list_facts_are_aggregated_into_columns():
    # given
    subject = {
        "kind": "civil_servant",
        "leave": [{"kind": "sick", "months": 1}, {"kind": "sick", "months": 2.5}, {"kind": "maternity", "months": 6}],
        "discipline": [
            {"form": "canh_cao", "decided_in_period": True, "in_public_duty": False},
            {
                "form": "khien_trach",
                "decided_in_period": True,
                "in_public_duty": True,
                "self_detected_and_remedied": True,
            },
            {"form": "cach_chuc", "decided_in_period": True, "already_counted": True},
        ],
    }

    # when
    row = subject_row(subject)

    # then
    assert (row["leave.sick_months"], row["leave.maternity_months"], row["leave.personal_months"]) == (3.5, 6.0, 0.0)
    assert row["discipline.any"] is True
    assert row["discipline.any_unremedied"] is True
    assert row["discipline.any_duty"] is True
    assert row["discipline.max_form"] == 2
    assert row["discipline.duty_max_form"] == 1


def test_unknown_discipline_flags_stay_unknown():
    # when
    row = subject_row({"kind": "cadre", "discipline": [{"form": "khien_trach", "decided_in_period": True}]})

    # then
    assert row["discipline.any"] is True
    assert row["discipline.any_duty"] is None
    assert row["discipline.duty_max_form"] is None


def test_absent_lists_are_null_and_empty_lists_are_false():
    # when
    frame = facts_frame([{"kind": "cadre"}, {"kind": "cadre", "discipline": [], "leave": []}])

    # then
    assert frame["discipline.any"].to_list() == [None, False]
    assert frame["leave.sick_months"].to_list() == [None, 0.0]

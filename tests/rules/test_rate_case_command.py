"""``kiemdiem rate-case``: output shape, text report, exit codes 0/1/2 and error messages."""

import json
import sys

import pytest

from kiemdiem.cli import main

FAILING = """
- name: Công chức 80 điểm mong đợi sai mức xuất sắc
  period: 2026
  subject: {kind: civil_servant, score: {total: 80}}
  expect: {rating: HTXSNV}
- name: Công chức 80 điểm, không có kết quả mong đợi
  period: 2026
  subject: {kind: civil_servant, score: {total: 80}}
"""


def _write(tmp_path, text, name="cases.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_output_has_the_documented_keys(tmp_path, capsys):
    # given
    path = _write(tmp_path, FAILING)

    # when
    status = main(["rate-case", str(path), "--json"])

    # then
    first, second = json.loads(capsys.readouterr().out)
    assert status == 1
    assert list(first) == [
        "name",
        "period",
        "rulebook",
        "status",
        "rating",
        "max_rating",
        "reasons",
        "check",
        "min_rating",
        "missing",
        "assumptions",
        "rulebook_code",
    ]
    assert (first["rulebook"], first["status"], first["rating"], first["check"]) == (
        "335/2025/NĐ-CP",
        "rated",
        "HTTNV",
        "fail",
    )
    assert {
        "rule": "r335.htxsnv.score",
        "cites": "335/2025/NĐ-CP (quy định mức xếp loại chất lượng công chức)",
        "text": "Chưa đạt 90 điểm.",
        "confirmed": True,
    } in first["reasons"]
    assert "check" not in second


def test_text_report_is_vietnamese_and_marks_unconfirmed_reasons(tmp_path, capsys):
    # given
    path = _write(
        tmp_path,
        "- name: Năm 2018 đảng viên bị khiển trách\n  period: 2018\n"
        "  subject: {kind: party_member, discipline: [{form: khien_trach, decided_in_period: true}]}\n"
        "  expect: {rating: KHTNV}\n",
    )

    # when
    status = main(["rate-case", str(path)])

    # then
    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines()[:6] == [
        "[ĐẠT] Năm 2018 đảng viên bị khiển trách",
        "  Kỳ: 2018 · Bộ quy tắc: 132-QĐ/TW + 16-HD/BTCTW",
        "  Kết quả: Không hoàn thành nhiệm vụ (KHTNV)",
        "  Căn cứ:",
        "    - Bị kỷ luật trong năm (một vi phạm chỉ tính một lần). (16-HD/BTCTW) [chưa xác nhận]",
        "  Giả định:",
    ]
    assert out.endswith("Tổng cộng: 1 trường hợp; 1 có kết quả mong đợi: 1 đạt, 0 không đạt.\n")


@pytest.mark.parametrize(
    ("_case", "text", "message"),
    [
        (
            "unknown case key",
            "- name: Một\n  period: 2021\n  subject: {kind: cadre}\n  expected: {rating: HTNV}\n",
            "trường hợp số 3 «Một»: khóa 'expected' không có trong định dạng",
        ),
        (
            "unknown fact key",
            "- name: Hai\n  period: 2021\n  subject: {kind: cadre, task: {}}\n",
            "trường hợp số 3 «Hai»: khóa 'subject.task': khóa không có trong định dạng",
        ),
        (
            "bad expect value",
            "- name: Ba\n  period: 2021\n  subject: {kind: cadre}\n  expect: {rating: TOT}\n",
            "trường hợp số 3 «Ba»: khóa 'expect.rating': giá trị 'TOT'",
        ),
        (
            "no rulebook",
            "- name: Bốn\n  period: 2030\n  subject: {kind: cadre}\n",
            "trường hợp số 3 «Bốn»: Chưa có bộ quy tắc cho cán bộ kỳ 2030",
        ),
        ("not a list", "name: Năm\n", "mức trên cùng phải là một danh sách các trường hợp"),
        (
            "score not a number",
            "- name: Sáu\n  period: 2025\n  subject: {kind: party_member, score: {total: .nan}}\n",
            "trường hợp số 3 «Sáu»: khóa 'subject.score.total': cần một số hữu hạn, nhận được nan",
        ),
        (
            "infinite months",
            "- name: Bảy\n  period: 2025\n  subject: {kind: party_member, party: {months_since_admission: .inf}}\n",
            "trường hợp số 3 «Bảy»: khóa 'subject.party.months_since_admission': cần một số hữu hạn, nhận được inf",
        ),
        (
            "fractional count",
            "- name: Tám\n  period: 2025\n  subject: {kind: party_member, tasks: {assigned: 2.5}}\n",
            "trường hợp số 3 «Tám»: khóa 'subject.tasks.assigned': cần một số nguyên (số lượng), nhận được 2.5",
        ),
        (
            "exceeded above completed",
            "- name: Chín\n  period: 2025\n"
            "  subject: {kind: party_member, tasks: {assigned: 10, completed: 5, exceeded: 8}}\n",
            "trường hợp số 3 «Chín»: khóa 'subject.tasks.exceeded': 8 lớn hơn số nhiệm vụ đã hoàn thành (5)",
        ),
        (
            "repeated key",
            "- name: Mười\n  period: 2025\n  subject: {kind: party_member, kind: collective}\n",
            "YAML không hợp lệ ở dòng 11, cột 33: khóa 'kind' bị lặp lại trong cùng một bảng",
        ),
        (
            "empty expect",
            "- name: Mười hai\n  period: 2026\n  subject: {kind: civil_servant, score: {total: 80}}\n  expect: {}\n",
            "trường hợp số 3 «Mười hai»: khóa 'expect' cần một bảng khóa–giá trị có ít nhất một khóa "
            "(cites, max_rating",
        ),
        (
            "leave longer than the year",
            "- name: Mười ba\n  period: 2025\n"
            "  subject: {kind: party_member, leave: [{kind: sick, months: 8}, {kind: personal, months: 8}]}\n",
            "trường hợp số 3 «Mười ba»: khóa 'subject.leave': tổng thời gian nghỉ 16 tháng, dài hơn kỳ đánh giá "
            "(12 tháng)",
        ),
        (
            "months worked longer than the quarter",
            "- name: Mười bốn\n  period: 2025-Q1\n  subject: {kind: party_member, months_worked: 4}\n",
            "trường hợp số 3 «Mười bốn»: khóa 'subject.months_worked': 4 tháng, dài hơn kỳ đánh giá (3 tháng)",
        ),
        (
            "quarter under a rulebook without quarters",
            "- name: Mười một\n  period: 2021-Q2\n  rulebook: party-132-21hd\n  subject: {kind: party_member}\n",
            "trường hợp số 3 «Mười một»: Bộ quy tắc party-132-21hd không đánh giá theo quý (kỳ 2021-Q2)",
        ),
    ],
)
def test_invalid_file_exits_2_naming_case_and_key_and_prints_nothing(tmp_path, capsys, _case, text, message):
    # given: valid cases first, so nothing may be printed for them either
    path = _write(tmp_path, text if text.startswith("name") else FAILING + text)

    # when
    status = main(["rate-case", str(path), "--json"])

    # then
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_folder_of_case_files_is_read_in_name_order(tmp_path, capsys):
    # given
    _write(tmp_path, "- name: B\n  period: 2026\n  subject: {kind: civil_servant, score: {total: 95}}\n", "b.yaml")
    _write(tmp_path, "- name: A\n  period: 2026\n  subject: {kind: civil_servant, score: {total: 10}}\n", "a.yml")

    # when
    status = main(["rate-case", str(tmp_path), "--json"])

    # then
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert [(o["name"], o["rating"]) for o in out] == [("A", "KHTNV"), ("B", "HTXSNV")]


def test_params_file_from_option_or_environment(tmp_path, capsys, monkeypatch):
    # given
    cases = _write(tmp_path, "- name: C\n  period: 2026\n  subject: {kind: cadre}\n")
    params = _write(tmp_path, "options: {cadre_after_nd90: state-nd90-48}\n", "params.yaml")

    # when
    without = main(["rate-case", str(cases)])
    monkeypatch.setenv("KIEMDIEM_RULES_PARAMS", str(params))
    with_env = main(["rate-case", str(cases), "--json"])

    # then
    out = capsys.readouterr().out
    assert (without, with_env) == (2, 0)
    assert '"rulebook_code": "state-nd90-48"' in out


def test_rate_case_does_not_import_django(tmp_path):
    # given
    import subprocess

    path = _write(tmp_path, "- name: D\n  period: 2026\n  subject: {kind: civil_servant, score: {total: 95}}\n")
    code = (
        "import sys; from kiemdiem.cli import main; s = main(['rate-case', sys.argv[1]]); "
        "assert 'django' not in sys.modules, 'django imported'; sys.exit(s)"
    )

    # when
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)

    # then
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("rulebook", "message"),
    [
        ("party-999", "khóa 'rulebook': Không có bộ quy tắc 'party-999'; các mã hợp lệ: party-132-16hd"),
        ("state-nd335", "khóa 'rulebook': state-nd335 không xếp loại 'party_member'; chỉ áp dụng cho: civil_servant"),
    ],
)
def test_forced_rulebook_is_checked_against_the_kind(tmp_path, capsys, rulebook, message):
    # given
    path = _write(tmp_path, f"- name: E\n  period: 2026\n  rulebook: {rulebook}\n  subject: {{kind: party_member}}\n")

    # when
    status = main(["rate-case", str(path)])

    # then the file and the case are named once
    assert status == 2
    assert capsys.readouterr().err.startswith(f"Lỗi: {path}: trường hợp số 1 «E»: {message}")


def test_forced_rulebook_is_used(tmp_path, capsys):
    # given: a 2026 viên chức rated under NĐ 90/48 by the case itself
    path = _write(
        tmp_path,
        "- name: F\n  period: 2026\n  rulebook: state-nd90-48\n"
        "  subject: {kind: public_employee, tasks: {assigned: 4, completed: 4, on_time: 4, late_or_low_quality: 0}}\n",
    )

    # when
    status = main(["rate-case", str(path), "--json"])

    # then
    [out] = json.loads(capsys.readouterr().out)
    assert status == 0
    assert (out["rulebook_code"], out["rating"]) == ("state-nd90-48", "HTTNV")


def test_forced_rulebook_outside_its_years_says_so(tmp_path, capsys):
    # given a 2025 member rated, on purpose, under 21-HD (2019–2022)
    path = _write(tmp_path, "- name: G\n  period: 2025\n  rulebook: party-132-21hd\n  subject: {kind: party_member}\n")

    # when
    status = main(["rate-case", str(path), "--json"])

    # then the choice is honoured and shown, never silent
    [out] = json.loads(capsys.readouterr().out)
    assert (status, out["rulebook_code"]) == (0, "party-132-21hd")
    assert (
        "Bộ quy tắc party-132-21hd được chỉ định cho kỳ 2025, ngoài các năm đánh giá nó áp dụng (2019–2022): "
        "kết quả theo lựa chọn này."
    ) in out["assumptions"]


def test_merge_key_may_be_overridden_without_a_repeated_key_error(tmp_path, capsys):
    # given a subject built from a YAML merge, with one merged key overridden
    path = _write(
        tmp_path,
        "- name: H\n  period: 2026\n  subject: {<<: {kind: cadre, score: {total: 80}}, kind: civil_servant}\n"
        "  expect: {rating: HTTNV}\n",
    )

    # when
    status = main(["rate-case", str(path)])

    # then
    assert status == 0
    assert "[ĐẠT] H" in capsys.readouterr().out

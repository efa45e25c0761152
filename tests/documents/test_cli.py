import pytest

from kiemdiem.cli import main
from kiemdiem.documents import bundle, render
from kiemdiem.documents.models import IssuedNumber, TemplateOverride
from kiemdiem.documents.render import RenderError
from tests.documents.district import district_2021


@pytest.mark.django_db
def test_render_a_stored_cycle_writes_every_file_and_lists_them(tmp_path, capsys):
    # given
    cycle = district_2021()
    # when
    status = main(["documents", "render", "--cycle", str(cycle.pk), "--out", str(tmp_path), "--date", "05/01/2022"])
    # then
    out = capsys.readouterr().out
    assert status == 0
    assert f"— 10 tệp trong {tmp_path}:" in out
    assert "  08-quyet-dinh-cong-nhan-dang.docx" in out
    assert "chưa xác nhận" in out
    assert sorted(p.name for p in tmp_path.iterdir())[0] == "01-bao-cao-kiem-diem-tap-the.docx"
    assert IssuedNumber.objects.count() == 0  # a draft unless --issue


@pytest.mark.django_db
def test_render_an_unknown_cycle_is_a_clear_error(tmp_path, capsys):
    # when
    status = main(["documents", "render", "--cycle", "999", "--out", str(tmp_path)])
    # then
    assert status == 2
    assert capsys.readouterr().err == "--cycle: không có kỳ kiểm điểm mã 999\n"
    assert list(tmp_path.iterdir()) == []


def test_a_bad_date_is_refused_before_anything_is_written(tmp_path, capsys):
    # when
    status = main(["documents", "render", "--cycle", "1", "--out", str(tmp_path), "--date", "2022-01-05"])
    # then
    assert status == 2
    assert capsys.readouterr().err == "--date: '2022-01-05' không phải ngày dạng ngày/tháng/năm, ví dụ 05/01/2022\n"
    assert list(tmp_path.iterdir()) == []


def test_forms_lists_each_form_with_its_source(capsys):
    # when
    status = main(["documents", "forms"])
    # then
    out = capsys.readouterr().out
    assert status == 0
    assert "decision.state" in out
    assert "nguồn: Nghị định 30/2020/NĐ-CP (thể thức)" in out
    assert "collective_report.hd21                   Báo cáo kiểm điểm tập thể  [chưa xác nhận]" in out


@pytest.mark.django_db
def test_template_set_refuses_a_template_missing_a_field(tmp_path, capsys):
    # given: our own ballot template, stored back for an organisation, is accepted …
    cycle = district_2021()
    ours = tmp_path / "phieu.docx"
    assert main(["documents", "template-export", "--form", "ballot.party", "--out", str(ours)]) == 0
    assert main(["documents", "template-set", "--org", str(cycle.scope.pk), "--form", "ballot.party", str(ours)]) == 0
    # … but a ballot template is not a tally template
    capsys.readouterr()
    # when
    status = main(["documents", "template-set", "--org", str(cycle.scope.pk), "--form", "tally.party", str(ours)])
    # then
    assert status == 2
    assert capsys.readouterr().err.startswith(
        "Không nhận mẫu: tệp phieu.docx: mẫu 'Biên bản kiểm phiếu' (tally.party) thiếu trường bắt buộc: doc_number,"
    )
    assert list(TemplateOverride.objects.values_list("form_key", flat=True)) == ["ballot.party"]


@pytest.mark.django_db
def test_a_set_that_fails_to_render_gives_its_numbers_back(tmp_path, capsys, monkeypatch):
    # given: the decision template breaks after the report got its number
    cycle = district_2021()
    real_render = bundle.render_docx

    def failing(spec, context, template=None):
        if spec.code == "decision":
            raise RenderError("mẫu decision.party.docx: thiếu dữ liệu cho trường 'bases'")
        return real_render(spec, context, template)

    monkeypatch.setattr(bundle, "render_docx", failing)
    # when
    status = main(["documents", "render", "--cycle", str(cycle.pk), "--out", str(tmp_path), "--issue"])
    # then
    assert status == 2
    assert capsys.readouterr().err == (
        "Không sinh được văn bản: mẫu decision.party.docx: thiếu dữ liệu cho trường 'bases'\n"
    )
    assert IssuedNumber.objects.count() == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_an_output_path_that_is_a_file_is_a_clear_error_and_gives_numbers_back(tmp_path, capsys):
    # given: --out names an existing file
    cycle = district_2021()
    target = tmp_path / "van-ban"
    target.write_text("không phải thư mục")
    # when
    status = main(["documents", "render", "--cycle", str(cycle.pk), "--out", str(target), "--issue"])
    # then: one Vietnamese line, no traceback, no number used
    assert status == 2
    assert capsys.readouterr().err == (
        f"Không ghi được văn bản: không tạo được thư mục {target}: đã có một tệp trùng tên (không phải thư mục)\n"
    )
    assert IssuedNumber.objects.count() == 0


@pytest.mark.django_db
def test_a_folder_that_refuses_writes_leaves_nothing_behind(tmp_path, capsys, monkeypatch):
    # given: the fifth file cannot be written (as in a read-only folder; root ignores chmod, so simulated)
    cycle = district_2021()
    real_write = type(tmp_path).write_bytes
    calls = []

    def refusing(path, data):
        calls.append(path)
        if len(calls) == 5:
            raise PermissionError(13, "Permission denied", str(path))
        return real_write(path, data)

    monkeypatch.setattr(type(tmp_path), "write_bytes", refusing)
    # when
    status = main(["documents", "render", "--cycle", str(cycle.pk), "--out", str(tmp_path), "--issue"])
    # then
    assert status == 2
    assert (
        capsys.readouterr().err
        == f"Không ghi được văn bản: không ghi được vào thư mục {tmp_path}: không có quyền ghi\n"
    )
    assert list(tmp_path.iterdir()) == []
    assert IssuedNumber.objects.count() == 0


def test_template_export_into_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    # given
    target = tmp_path / "khong-co" / "mau.docx"
    # when
    status = main(["documents", "template-export", "--form", "decision.party", "--out", str(target)])
    # then
    assert status == 2
    assert capsys.readouterr().err == f"--out: không ghi được tệp {target}: thư mục chứa không tồn tại\n"


@pytest.mark.django_db
def test_an_issue_date_before_the_reviewed_year_is_refused_and_nothing_is_written(tmp_path, capsys):
    # given
    cycle = district_2021()
    # when
    status = main(["documents", "render", "--cycle", str(cycle.pk), "--out", str(tmp_path), "--issue",
                   "--date", "05/01/1990"])  # fmt: skip
    # then
    assert status == 2
    assert capsys.readouterr().err == (
        "Không sinh được văn bản: ngày ban hành 05/01/1990 trước kỳ kiểm điểm 2021 (bắt đầu 01/01/2021)\n"
    )
    assert list(tmp_path.iterdir()) == []
    assert IssuedNumber.objects.count() == 0


@pytest.mark.django_db
def test_an_issue_date_outside_the_given_term_is_refused(tmp_path, capsys):
    # given
    cycle = district_2021()
    # when
    status = main(["documents", "render", "--cycle", str(cycle.pk), "--out", str(tmp_path), "--issue",
                   "--date", "05/01/2022", "--term", "2015-2020"])  # fmt: skip
    # then
    assert status == 2
    assert capsys.readouterr().err == (
        "Không sinh được văn bản: ngày ban hành 05/01/2022 nằm ngoài nhiệm kỳ 2015–2020 dùng để đánh số\n"
    )
    assert IssuedNumber.objects.count() == 0


@pytest.mark.parametrize("term", ["0-99999", "2020-2031", "2025-2020"])
def test_a_term_longer_than_five_years_or_backwards_is_refused(tmp_path, capsys, term):
    # when
    status = main(["documents", "render", "--cycle", "1", "--out", str(tmp_path), "--term", term])
    # then
    assert status == 2
    assert capsys.readouterr().err == (
        f"--term: '{term}' không phải nhiệm kỳ dạng năm-năm (tối đa 5 năm), ví dụ 2020-2025\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_a_pdf_folder_blocked_by_a_file_is_exit_1_after_the_documents_are_written(tmp_path, capsys, monkeypatch):
    # given: "pdf" inside the output folder is a file, and LibreOffice is "installed"
    cycle = district_2021()
    (tmp_path / "pdf").write_text("không phải thư mục")
    monkeypatch.setattr(render, "libreoffice", lambda: "/bin/true")
    # when
    status = main(["documents", "render", "--cycle", str(cycle.pk), "--out", str(tmp_path), "--pdf"])
    # then
    assert status == 1
    assert capsys.readouterr().err == (
        f"Không xuất được PDF vào {tmp_path / 'pdf'}: đã có một tệp trùng tên (không phải thư mục)\n"
    )
    assert (tmp_path / "01-bao-cao-kiem-diem-tap-the.docx").is_file()

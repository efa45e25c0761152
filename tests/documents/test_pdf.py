import shutil

import pytest

from kiemdiem.documents import render
from kiemdiem.documents.forms import FORMS
from kiemdiem.documents.render import LibreOfficeMissing, render_docx, to_pdf
from tests.documents.sample import context_for


def test_without_libreoffice_the_message_says_how_to_install_it(monkeypatch, tmp_path):
    # given
    monkeypatch.setattr(render.shutil, "which", lambda name: None)
    source = tmp_path / "a.docx"
    source.write_bytes(b"")
    # when
    with pytest.raises(LibreOfficeMissing) as error:
        to_pdf([source], tmp_path)
    # then
    assert "Không tìm thấy LibreOffice" in str(error.value)
    assert "apt-get install -y libreoffice-writer libreoffice-calc fonts-liberation" in str(error.value)
    assert list(tmp_path.glob("*.pdf")) == []


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_a_rendered_report_converts_to_a_one_or_more_page_pdf(tmp_path):
    # given
    spec = FORMS["decision.state"]
    source = tmp_path / "quyet-dinh.docx"
    source.write_bytes(render_docx(spec, context_for(spec)))
    # when
    [pdf] = to_pdf([source], tmp_path / "pdf")
    # then
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/Type /Page" in data or b"/Type/Page" in data

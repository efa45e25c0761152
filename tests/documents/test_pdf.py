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
    assert str(error.value).endswith("apt-get install -y libreoffice-writer libreoffice-calc fonts-liberation2")
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


def test_a_machine_without_a_vietnamese_times_font_is_warned(monkeypatch):
    # given: fontconfig lists only DejaVu as covering Vietnamese (Liberation Serif 1.x does not)
    monkeypatch.setattr(render, "_fonts_with_vietnamese", lambda: {"DejaVu Serif", "DejaVu Sans"})
    # when / then
    assert render.font_warning() == render.FONT_ADVICE
    assert render.FONT_ADVICE.endswith("apt-get install -y fonts-liberation2")


@pytest.mark.parametrize("families", [{"Liberation Serif", "DejaVu Sans"}, {"Times New Roman"}, None])
def test_no_font_warning_with_a_vietnamese_times_font_or_without_fontconfig(monkeypatch, families):
    # given
    monkeypatch.setattr(render, "_fonts_with_vietnamese", lambda: families)
    # when / then
    assert render.font_warning() is None

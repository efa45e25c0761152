import io
import zipfile

import pytest
from docx import Document

from kiemdiem.documents.forms import FORMS
from kiemdiem.documents.models import TemplateOverride
from kiemdiem.documents.overrides import TemplateRejected, template_for, template_override_set
from kiemdiem.documents.render import RenderError, render_docx, template_bytes
from tests.documents.docx_helpers import all_text, open_docx
from tests.documents.sample import context_for

SPEC = FORMS["ballot.party"]


def _docx(*paragraphs: str) -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


FULL = (
    "{{ superior_name }} — {{ issuer_name }} — {{ place_date }}",
    "PHIẾU BẦU CỦA CHI BỘ: {{ meeting_title }}",
    "{%p for row in rows %}",
    "{{ row.index }}. {{ row.name }} ☐ ☐ ☐ ☐",
    "{%p endfor %}",
)


@pytest.mark.django_db
def test_an_organisation_template_is_stored_and_used():
    # given
    template_override_set(issuer_key="org:3", spec=SPEC, content=_docx(*FULL), filename="phieu-rieng.docx")
    # when
    rendered = render_docx(SPEC, context_for(SPEC), template_for("org:3", SPEC))
    # then
    text = all_text(open_docx(rendered))
    assert "PHIẾU BẦU CỦA CHI BỘ: Hội nghị kiểm điểm năm 2021" in text
    assert "1. Nguyễn Văn An ☐ ☐ ☐ ☐" in text
    assert template_for("org:4", SPEC) == template_bytes(SPEC)


@pytest.mark.django_db
def test_a_template_missing_a_required_field_is_refused_and_not_stored():
    # given: the organisation's template forgets the list of people
    content = _docx(*FULL[:2])
    # when
    with pytest.raises(TemplateRejected) as error:
        template_override_set(issuer_key="org:3", spec=SPEC, content=content, filename="phieu-rieng.docx")
    # then
    assert str(error.value) == (
        "tệp phieu-rieng.docx: mẫu 'Phiếu đánh giá, xếp loại chất lượng (bỏ phiếu kín)' (ballot.party) "
        "thiếu trường bắt buộc: rows"
    )
    assert TemplateOverride.objects.count() == 0


@pytest.mark.django_db
def test_a_template_using_an_unknown_field_is_refused():
    # given
    content = _docx(*FULL, "Người bỏ phiếu: {{ voter_name }}")
    # when
    with pytest.raises(TemplateRejected) as error:
        template_override_set(issuer_key="org:3", spec=SPEC, content=content, filename="phieu.docx")
    # then
    assert str(error.value).endswith("dùng trường không có trong dữ liệu: voter_name")
    assert TemplateOverride.objects.count() == 0


@pytest.mark.django_db
def test_a_file_that_is_not_docx_is_refused():
    # when
    with pytest.raises(TemplateRejected) as error:
        template_override_set(issuer_key="org:3", spec=SPEC, content=b"%PDF-1.4", filename="phieu.pdf")
    # then
    assert str(error.value) == "tệp phieu.pdf: không phải tệp Word .docx"
    assert TemplateOverride.objects.count() == 0


@pytest.mark.django_db
def test_replacing_an_organisation_template_keeps_one_row():
    # given
    template_override_set(issuer_key="org:3", spec=SPEC, content=_docx(*FULL), filename="v1.docx")
    # when
    template_override_set(issuer_key="org:3", spec=SPEC, content=_docx(*FULL, "Bản 2"), filename="v2.docx")
    # then
    assert list(TemplateOverride.objects.values_list("filename", flat=True)) == ["v2.docx"]


def _damaged(replace: bytes, by: bytes, drop: str = "") -> bytes:
    """Our ballot template with ``replace`` swapped for ``by`` in word/document.xml (and ``drop`` left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template_bytes(SPEC))) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name == drop:
                continue
            data = source.read(name)
            target.writestr(name, data.replace(replace, by) if name == "word/document.xml" else data)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (_damaged(b"<w:body>", b"<w:body"), "tệp Word bị hỏng (nội dung XML không hợp lệ ở dòng 2, cột "),
        (_damaged(b"", b"", drop="[Content_Types].xml"), "tệp Word thiếu phần"),
        (_damaged(b"{{ row.name }}", b"{{ row.name "), "lỗi cú pháp trường ở dòng "),
    ],
    ids=["bad-xml", "no-content-types", "open-field"],
)
def test_a_damaged_word_file_is_refused_in_vietnamese_and_not_stored(content, reason):
    # when
    with pytest.raises(TemplateRejected) as refused:
        template_override_set(issuer_key="org:1", spec=SPEC, content=content, filename="hong.docx")
    # then
    assert str(refused.value).startswith(f"tệp hong.docx: mẫu không đọc được: {reason}")
    assert TemplateOverride.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "detail"),
    [
        (b"{{ row.name + 1 }}", 'can only concatenate str (not "int") to str'),
        (b'{% include "khac.docx" %}', "no loader for this environment specified"),
    ],
)
def test_a_replacement_misusing_a_field_fails_to_render_with_a_named_error(field, detail):
    # given: it uses only known fields, so it is accepted, but it cannot be filled
    content = _damaged(b"{{ row.name }}", field)
    # when
    with pytest.raises(RenderError) as failed:
        render_docx(SPEC, context_for(SPEC), content)
    # then
    assert str(failed.value) == f"mẫu ballot.party.docx: không điền được dữ liệu vào mẫu ({detail})"


@pytest.mark.django_db
def test_a_replacement_may_leave_out_an_optional_word():
    # given: our tally template with "Số {{ member_word }}" written out as plain words
    spec = FORMS["tally.party"]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template_bytes(spec))) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data.replace(b"{{ member_word }}", b"\xc4\x91\xe1\xba\xa3ng vi\xc3\xaan"))
    # when
    template_override_set(issuer_key="org:1", spec=spec, content=out.getvalue(), filename="kiem-phieu.docx")
    # then
    assert TemplateOverride.objects.get().filename == "kiem-phieu.docx"

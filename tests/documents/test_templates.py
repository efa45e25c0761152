import dataclasses

import pytest

from kiemdiem.documents.forms import FORMS
from kiemdiem.documents.render import RenderError, render_docx, template_bytes, template_variables
from kiemdiem.documents.template_build import build
from tests.documents.docx_helpers import all_text, open_docx
from tests.documents.sample import context_for, contexts

SPECS = list(FORMS.values())
IDS = [spec.key for spec in SPECS]


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_every_template_renders_with_the_example_data(spec):
    # given
    context = context_for(spec)
    # when
    doc = open_docx(render_docx(spec, context))
    # then
    text = all_text(doc)
    assert context["issuer_name"].upper() in text
    assert context["place_date"] in text
    assert "{{" not in text
    assert "{%" not in text
    assert "None" not in text


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_each_template_uses_exactly_its_required_fields(spec):
    # when
    used = template_variables(template_bytes(spec))
    # then
    assert used == set(spec.required) | set(spec.optional)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_each_sample_context_provides_every_allowed_field(spec):
    # when
    context = context_for(spec)
    # then
    assert spec.allowed <= set(context)


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_committed_templates_match_the_build_script(spec):
    # when
    rebuilt = build(spec)
    # then: byte for byte (rerun python -m kiemdiem.documents.template_build after changing a form)
    assert rebuilt == template_bytes(spec)


def test_missing_data_prints_the_dotted_blank_not_none():
    # given: a tally whose ballot counts and counting committee are unknown
    spec = FORMS["tally.party"]
    context = context_for(spec) | {"ballots_valid": "…………………", "counters": ["…" * 30]}
    # when
    text = all_text(open_docx(render_docx(spec, context)))
    # then
    assert "số phiếu hợp lệ: …………………;" in text
    assert "None" not in text


def test_a_variable_missing_from_the_context_is_named():
    # given
    spec = FORMS["decision.party"]
    context = context_for(spec)
    del context["proposer"]
    # when
    with pytest.raises(RenderError) as error:
        render_docx(spec, context)
    # then
    assert str(error.value) == "mẫu decision.party.docx: thiếu dữ liệu cho trường 'proposer'"


def test_markup_in_data_is_escaped_not_broken():
    # given
    spec = FORMS["collective_report.hd25"]
    context = context_for(spec) | {"collective_name": "Ban Thường vụ <Huyện ủy> & Đảng đoàn"}
    # when
    text = all_text(open_docx(render_docx(spec, context)))
    # then
    assert "kiểm điểm tập thể Ban Thường vụ <Huyện ủy> & Đảng đoàn năm 2021" in text


def test_minutes_without_recorded_attendance_print_blanks_not_a_full_house():
    # given: the data knows the committee has 12 members but not who came
    spec = FORMS["minutes.party"]
    minutes = contexts()["minutes"]
    unknown = dataclasses.replace(minutes, total_members=12, present=None, absentees=())
    # when
    text = all_text(open_docx(render_docx(spec, unknown.to_context())))
    # then
    assert "Tổng số đảng viên: 12; có mặt: …………………; vắng mặt: …………………." in text
    assert "Không có" not in text

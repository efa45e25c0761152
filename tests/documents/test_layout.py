"""Layout of the rendered documents against Hướng dẫn 36-HD/VPTW (Party) and NĐ 30/2020 (state)."""

import pytest

from kiemdiem.documents.forms import FORMS
from kiemdiem.documents.layout import LAYOUTS, MOTTO, NATIONAL_TITLE, PARTY, PARTY_TITLE, STATE, Family
from kiemdiem.documents.render import render_docx
from tests.documents.docx_helpers import find, open_docx, paragraphs, run_style
from tests.documents.sample import context_for

PARTY_SPECS = [s for s in FORMS.values() if s.family == Family.PARTY]
STATE_SPECS = [s for s in FORMS.values() if s.family == Family.STATE]


def _mm(*lengths):
    """Lengths in whole millimetres (Word stores twips, so 210 mm reads back as 210.01 mm)."""
    return tuple(round(length.mm) for length in lengths)


def _render(spec):
    context = context_for(spec)
    return open_docx(render_docx(spec, context)), context


@pytest.mark.parametrize("spec", list(FORMS.values()), ids=list(FORMS))
def test_page_is_a4_portrait_with_the_family_margins(spec):
    # given
    layout = LAYOUTS[spec.family]
    # when
    section = _render(spec)[0].sections[0]
    # then
    assert _mm(section.page_width, section.page_height) == (210, 297)
    assert _mm(section.top_margin, section.bottom_margin) == (layout.margins.top_mm, layout.margins.bottom_mm)
    assert _mm(section.left_margin, section.right_margin) == (layout.margins.left_mm, layout.margins.right_mm)
    assert section.different_first_page_header_footer is True


def test_state_margins_lie_within_the_ranges_of_nd30():
    # when
    margins = STATE.margins
    # then
    for side, (low, high) in STATE.margin_ranges_mm.items():
        assert low <= getattr(margins, f"{side}_mm") <= high, side


@pytest.mark.parametrize("spec", PARTY_SPECS, ids=[s.key for s in PARTY_SPECS])
def test_party_header_follows_36_hd(spec):
    # when
    doc, context = _render(spec)
    # then
    title = find(doc, PARTY_TITLE)
    assert run_style(title) == ("Times New Roman", 15, True, False)
    assert title.runs[0].font.underline is True  # the rule under the title, as long as the title
    assert run_style(find(doc, context["superior_name"].upper())) == ("Times New Roman", 14, False, False)
    assert run_style(find(doc, context["issuer_name"].upper())) == ("Times New Roman", 14, True, False)
    assert find(doc, "*").alignment == 1  # centred asterisk under the issuing body
    assert run_style(find(doc, context["place_date"])) == ("Times New Roman", 14, False, True)
    if spec.doc_type:
        assert context["doc_number"].startswith("Số ")
        assert run_style(find(doc, context["doc_number"])) == ("Times New Roman", 14, False, False)


@pytest.mark.parametrize("spec", STATE_SPECS, ids=[s.key for s in STATE_SPECS])
def test_state_header_follows_nd30(spec):
    # when
    doc, context = _render(spec)
    # then
    assert run_style(find(doc, NATIONAL_TITLE)) == ("Times New Roman", 13, True, False)
    motto = find(doc, MOTTO)
    assert run_style(motto) == ("Times New Roman", 14, True, False)
    assert motto.runs[0].font.underline is True
    assert run_style(find(doc, context["issuer_name"].upper())) == ("Times New Roman", 13, True, False)
    assert run_style(find(doc, context["place_date"])) == ("Times New Roman", 14, False, True)


def test_party_report_number_title_signature_and_recipients():
    # given
    spec = FORMS["collective_report.hd21"]
    # when
    doc, _ = _render(spec)
    # then
    assert run_style(find(doc, "Số 12-BC/HU")) == ("Times New Roman", 14, False, False)
    assert run_style(find(doc, "BÁO CÁO")) == ("Times New Roman", 16, True, False)
    assert run_style(find(doc, "T/M BAN THƯỜNG VỤ")) == ("Times New Roman", 14, True, False)
    assert run_style(find(doc, "Nguyễn Văn An")) == ("Times New Roman", 14, True, False)
    assert run_style(find(doc, "Nơi nhận:")) == ("Times New Roman", 12, True, True)
    assert run_style(find(doc, "- Lưu Văn phòng Huyện ủy.")) == ("Times New Roman", 11, False, False)


def test_state_decision_number_signature_and_archive_line():
    # given
    spec = FORMS["decision.state"]
    # when
    doc, _ = _render(spec)
    # then
    assert run_style(find(doc, "Số: 15/QĐ-UBND")) == ("Times New Roman", 13, False, False)
    assert run_style(find(doc, "QUYẾT ĐỊNH")) == ("Times New Roman", 14, True, False)
    assert run_style(find(doc, "TM. ỦY BAN NHÂN DÂN")) == ("Times New Roman", 14, True, False)
    assert run_style(find(doc, "- Lưu: VT, NV.")) == ("Times New Roman", 11, False, False)


def test_every_text_run_is_times_new_roman():
    # given
    specs = list(FORMS.values())
    # when
    fonts = {
        run.font.name for spec in specs for p in paragraphs(_render(spec)[0]) for run in p.runs if run.text.strip()
    }
    # then
    assert fonts == {"Times New Roman"}


def test_party_layout_cites_its_unconfirmed_source():
    # then
    assert PARTY.confirmed is False
    assert PARTY.source.startswith("Hướng dẫn 36-HD/VPTW")
    assert STATE.source.startswith("Nghị định 30/2020/NĐ-CP")


def test_state_decision_sets_bases_and_proposal_in_italics_as_nd30_does():
    # given
    spec = FORMS["decision.state"]
    doc, context = _render(spec)
    # then
    assert run_style(find(doc, context["bases"][0])) == ("Times New Roman", 14, False, True)
    assert run_style(find(doc, f"Theo đề nghị của {context['proposer']}.")) == ("Times New Roman", 14, False, True)
    assert find(doc, f"Điều 3. {context['executors']} chịu trách nhiệm thi hành Quyết định này.")


def test_party_decision_keeps_bases_upright():
    # given
    spec = FORMS["decision.party"]
    doc, context = _render(spec)
    # then
    assert run_style(find(doc, context["bases"][0])) == ("Times New Roman", 14, False, False)
    assert run_style(find(doc, f"Xét đề nghị của {context['proposer']},")) == ("Times New Roman", 14, False, False)
    assert find(doc, f"Điều 3. {context['executors']} căn cứ Quyết định thi hành.")


@pytest.mark.parametrize("key", ["decision.party", "decision.state", "ballot.party", "tally.party"])
def test_long_tables_repeat_their_header_and_never_split_a_row(key):
    # given: enough rows to run over a page
    spec = FORMS[key]
    context = context_for(spec)
    context["rows"] = list(context["rows"]) * 60
    # when
    table = max(open_docx(render_docx(spec, context)).tables, key=lambda t: len(t.rows))
    # then
    flags = [[c.tag.split("}")[1] for c in (row._tr.trPr if row._tr.trPr is not None else ())] for row in table.rows]
    assert "tblHeader" in flags[0]
    assert all("cantSplit" in row_flags for row_flags in flags[1:])
    assert len(table.rows) == 1 + 60 * len(context_for(spec)["rows"])


@pytest.mark.parametrize("key", ["decision.party", "decision.state"])
def test_decision_articles_open_with_a_bold_label(key):
    # given
    spec = FORMS[key]
    doc, _ = _render(spec)
    # when
    article = find(doc, "Điều 2. Quyết định có hiệu lực kể từ ngày ký.")
    # then: "Điều 2." bold, the text upright and regular, both 14 pt
    assert [(run.text, run.font.bold, run.font.size.pt) for run in article.runs] == [
        ("Điều 2.", True, 14),
        (" Quyết định có hiệu lực kể từ ngày ký.", False, 14),
    ]

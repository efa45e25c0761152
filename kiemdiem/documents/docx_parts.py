"""Building blocks of the .docx templates (python-docx): page set-up, headers, signatures, loops.

Used only by :mod:`kiemdiem.documents.template_build`. Every run gets its font, size, weight and
slant explicitly from the :class:`~kiemdiem.documents.layout.PageLayout`, so a template opened in
Word or LibreOffice shows the layout of 36-HD/VPTW or NĐ 30/2020 whatever the reader's defaults.
Jinja tags (docxtpl) are written whole inside one run so that docxtpl sees them intact.
"""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from kiemdiem.documents.layout import MOTTO, NATIONAL_TITLE, PARTY_TITLE, Family, PageLayout

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
Container = DocxDocument | _Cell


def new_document(layout: PageLayout) -> DocxDocument:
    """An empty A4 portrait document with the layout's margins, font and page numbers from page 2."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(layout.paper_mm[0]), Mm(layout.paper_mm[1])
    m = layout.margins
    section.top_margin, section.bottom_margin = Mm(m.top_mm), Mm(m.bottom_mm)
    section.left_margin, section.right_margin = Mm(m.left_mm), Mm(m.right_mm)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = layout.font
    normal.font.size = Pt(layout.style("body").size_pt)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), layout.font)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    # No number on page 1; Arabic numerals, centred in the top margin, from page 2 (both families).
    section.different_first_page_header_footer = True
    page = section.header.paragraphs[0]
    page.alignment = CENTER
    _page_field(page, layout)
    return doc


def _page_field(paragraph: Paragraph, layout: PageLayout) -> None:
    run = paragraph.add_run()
    _style_run(run, layout, "page_number")
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _style_run(run: object, layout: PageLayout, element: str) -> None:
    style = layout.style(element)
    font = run.font  # type: ignore[attr-defined]
    font.name = layout.font
    font.size = Pt(style.size_pt)
    font.bold = style.bold
    font.italic = style.italic
    font.underline = style.underline or None
    rpr = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), layout.font)


def para(
    where: Container,
    text: str,
    layout: PageLayout,
    element: str = "body",
    align: WD_ALIGN_PARAGRAPH | None = JUSTIFY,
    indent: bool = False,
    after: float = 0,
    before: float = 0,
) -> Paragraph:
    """One paragraph of one run styled as ``element``; static text is upper-cased when the style says so."""
    paragraph = where.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Mm(10)
    if text:
        style = layout.style(element)
        is_tag = "{{" in text or "{%" in text
        run = paragraph.add_run(text.upper() if style.upper and not is_tag else text)
        _style_run(run, layout, element)
    return paragraph


def body(where: Container, text: str, layout: PageLayout, element: str = "body") -> Paragraph:
    """A justified body paragraph with a 10 mm first-line indent and 6 pt after (NĐ 30, 36-HD)."""
    return para(where, text, layout, element, JUSTIFY, indent=True, after=6)


def article(where: Container, number: int, text: str, layout: PageLayout) -> Paragraph:
    """A body paragraph opening with the article label in bold: "**Điều 1.** Công nhận …" (NĐ 30/2020,
    Phụ lục I: "Điều" in normal case, upright, bold, the number in Arabic numerals and a full stop)."""
    paragraph = body(where, f"Điều {number}.", layout, "heading")
    _style_run(paragraph.add_run(f" {text}"), layout, "body")
    return paragraph


def tag(where: Container, text: str) -> Paragraph:
    """A paragraph holding only a docxtpl paragraph tag (``{%p for … %}``); docxtpl removes it."""
    paragraph = where.add_paragraph()
    paragraph.add_run(text)
    return paragraph


def lines(where: Container, variable: str, layout: PageLayout, prefix: str = "", element: str = "body") -> None:
    """A paragraph per item of the list ``variable`` (``{%p for line in variable %}``)."""
    tag(where, f"{{%p for line in {variable} %}}")
    body(where, f"{prefix}{{{{ line }}}}", layout, element)
    tag(where, "{%p endfor %}")


def _cell_clean(cell: _Cell) -> _Cell:
    # A new cell holds one empty paragraph; we add our own, so drop it to keep heights exact.
    first = cell.paragraphs[0]
    first._p.getparent().remove(first._p)
    return cell


def grid(doc: DocxDocument, widths_mm: tuple[float, ...], rows: int = 1, borders: bool = False) -> Table:
    """A fixed-width table; without borders for header and signature blocks."""
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    if borders:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # LibreOffice sizes columns from the grid, Word from the cells: set both.
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    return table


def _no_side_padding(table: Table) -> None:
    """Zero left and right cell margins for the whole table (``w:tblCellMar``)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    # Schema order: tblCellMar comes just before tblLook (Word refuses elements out of order).
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


def _rule_below(where: Container, indent_mm: float) -> None:
    """A short solid rule: the bottom border of a 6 pt empty paragraph narrowed by equal indents."""
    paragraph = where.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(indent_mm)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(6)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def header_block(doc: DocxDocument, layout: PageLayout, numbered: bool) -> None:
    """The two-column header: issuing body (and number) on the left, the national or Party title
    and the place-and-date line on the right (36-HD §1.2; NĐ 30 Phụ lục I)."""
    left_w = 75 if layout.family == Family.PARTY else 60
    table = grid(doc, (left_w, layout.text_width_mm - left_w))
    # No side padding: the names get the column's full width (kiemdiem.documents.fit widens it further).
    _no_side_padding(table)
    left, right = (_cell_clean(c) for c in table.rows[0].cells)
    para(left, "{{ superior_name|upper }}", layout, "superior", CENTER)
    para(left, "{{ issuer_name|upper }}", layout, "issuer", CENTER)
    if layout.family == Family.PARTY:
        para(left, "*", layout, "asterisk", CENTER)
        if numbered:
            para(left, "{{ doc_number }}", layout, "number", CENTER)
        para(right, PARTY_TITLE, layout, "national_title", CENTER)
        para(right, "", layout, "body", CENTER)
    else:
        _rule_below(left, indent_mm=left_w / 3)
        para(left, "", layout, "number", CENTER)
        if numbered:
            para(left, "{{ doc_number }}", layout, "number", CENTER)
        para(right, NATIONAL_TITLE, layout, "national_title", CENTER)
        para(right, MOTTO, layout, "motto", CENTER)
        para(right, "", layout, "body", CENTER)
    para(right, "{{ place_date }}", layout, "place_date", CENTER)
    para(doc, "", layout)


def title_block(doc: DocxDocument, layout: PageLayout, doc_type: str, summary: str, subtitle: str = "") -> None:
    """Document type in capitals and the summary (trích yếu), centred; a short rule below (NĐ 30)."""
    para(doc, doc_type, layout, "doc_type", CENTER, before=6)
    para(doc, summary, layout, "summary", CENTER)
    if subtitle:
        para(doc, subtitle, layout, "summary", CENTER)
    if layout.family == Family.STATE:
        _rule_below(doc, indent_mm=layout.text_width_mm / 2 - 15)
    else:
        para(doc, "-----", layout, "body", CENTER)
    para(doc, "", layout)


def signature_block(doc: DocxDocument, layout: PageLayout, recipients: bool = True) -> None:
    """Nơi nhận on the left (bold italic 12, items 11); authority, position, space, name on the right."""
    table = grid(doc, (75, layout.text_width_mm - 75))
    left, right = (_cell_clean(c) for c in table.rows[0].cells)
    if recipients:
        para(left, "Nơi nhận:", layout, "recipients_label", LEFT, before=6)
        tag(left, "{%p for r in recipients %}")
        para(left, "- {{ r }}", layout, "recipients_item", LEFT)
        tag(left, "{%p endfor %}")
    else:
        para(left, "", layout, "body", LEFT)
    signer(right, layout, "{{ signature_authority }}", "{{ signature_position }}", "{{ signer_name }}")


def signer(cell: _Cell, layout: PageLayout, authority: str, position: str, name: str, note: str = "") -> None:
    """One signature: authority line, position, a note ("Ký, ghi rõ họ tên"), room to sign, the name."""
    if authority:
        para(cell, authority, layout, "signature_authority", CENTER, before=6)
    para(cell, position, layout, "signature_position", CENTER, before=0 if authority else 6)
    if note:
        para(cell, note, layout, "signature_note", CENTER)
    for _ in range(3):
        para(cell, "", layout, "body", CENTER)
    para(cell, name, layout, "signature_name", CENTER)


def two_signers(doc: DocxDocument, layout: PageLayout, left: tuple[str, str], right: tuple[str, str]) -> None:
    """Minutes: the secretary on the left, the chair on the right (position, then name)."""
    table = grid(doc, (layout.text_width_mm / 2, layout.text_width_mm / 2))
    for cell, (position, name) in zip(table.rows[0].cells, (left, right), strict=True):
        signer(_cell_clean(cell), layout, "", position, name, note="(Ký, ghi rõ họ tên)")


def _row_flag(row: _Row, flag: str) -> None:
    """Set an on/off row property (``w:tblHeader``, ``w:cantSplit``) on ``row``."""
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement(flag)
    element.set(qn("w:val"), "true")
    properties.append(element)


def loop_table(
    doc: DocxDocument, layout: PageLayout, heads: tuple[str, ...], cells: tuple[str, ...], widths: tuple[float, ...],
    variable: str,
) -> Table:  # fmt: skip
    """A bordered table: a header row, then one row per item of ``variable`` (docxtpl ``{%tr %}``).

    The header row repeats at the top of each page and a row is never split across two pages.
    """
    table = grid(doc, widths, rows=4, borders=True)
    _row_flag(table.rows[0], "w:tblHeader")
    _row_flag(table.rows[2], "w:cantSplit")
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        para(_cell_clean(cell), text, layout, "table_head", CENTER)
    _cell_clean(table.rows[1].cells[0]).add_paragraph().add_run(f"{{%tr for row in {variable} %}}")
    for i, (cell, text) in enumerate(zip(table.rows[2].cells, cells, strict=True)):
        para(_cell_clean(cell), text, layout, "table", LEFT if i == 1 else CENTER)
    _cell_clean(table.rows[3].cells[0]).add_paragraph().add_run("{%tr endfor %}")
    para(doc, "", layout)
    return table

"""Reading rendered documents back with python-docx, for the layout tests."""

from __future__ import annotations

import io
from collections.abc import Iterator

from docx import Document
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph


def open_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def paragraphs(doc: DocxDocument) -> Iterator[Paragraph]:
    """Body paragraphs and those inside table cells, in document order."""
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def find(doc: DocxDocument, text: str) -> Paragraph:
    """The first paragraph whose text is exactly ``text``; AssertionError listing nothing found."""
    for paragraph in paragraphs(doc):
        if paragraph.text == text:
            return paragraph
    raise AssertionError(f"no paragraph reads {text!r}")


def all_text(doc: DocxDocument) -> str:
    return "\n".join(p.text for p in paragraphs(doc))


def run_style(paragraph: Paragraph) -> tuple[str | None, float | None, bool | None, bool | None]:
    """(font name, size in pt, bold, italic) of the paragraph's only run."""
    runs = [run for run in paragraph.runs if run.text]
    assert len(runs) == 1, f"{paragraph.text!r} has {len(runs)} runs"
    font = runs[0].font
    return font.name, font.size.pt if font.size else None, font.bold, font.italic

"""Write a cycle's documents to a folder: every .docx, the summary .xlsx, and PDFs on request.

All documents are rendered in memory first, so a failure leaves no half-written set behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiemdiem.documents.builders import CycleDocuments
from kiemdiem.documents.overrides import template_for
from kiemdiem.documents.render import render_docx, to_pdf
from kiemdiem.documents.xlsx import summary_workbook

SUMMARY_NAME = "10-bieu-tong-hop-ket-qua.xlsx"


@dataclass(slots=True)
class Written:
    files: list[Path]
    pdfs: list[Path] = field(default_factory=list)


def write_documents(docs: CycleDocuments, out_dir: Path, *, pdf: bool = False) -> Written:
    """Render and write ``docs`` into ``out_dir`` (created if needed); PDFs into ``out_dir/pdf``.

    Raises :class:`~kiemdiem.documents.render.RenderError` (a template or LibreOffice failed) or
    ``ValueError`` (summary rows invalid) before any file is written.
    """
    rendered: dict[str, bytes] = {}
    for planned in docs.planned:
        context = planned.context.to_context()  # type: ignore[attr-defined]
        rendered[planned.filename] = render_docx(planned.spec, context, template_for(planned.issuer_key, planned.spec))
    rendered[SUMMARY_NAME] = summary_workbook(docs.summary, issuer=docs.issuer, year=docs.year)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for name, data in rendered.items():
        path = out_dir / name
        path.write_bytes(data)
        files.append(path)
    written = Written(files)
    if pdf:
        written.pdfs = to_pdf(files, out_dir / "pdf")
    return written

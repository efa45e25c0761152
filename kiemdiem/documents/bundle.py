"""Write a cycle's documents to a folder: every .docx, the summary .xlsx, and PDFs on request.

All documents are rendered in memory first, so a failure leaves no half-written set behind.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from kiemdiem.documents.builders import CycleDocuments
from kiemdiem.documents.overrides import template_for
from kiemdiem.documents.render import render_docx, to_pdf
from kiemdiem.documents.xlsx import summary_workbook

SUMMARY_NAME = "10-bieu-tong-hop-ket-qua.xlsx"


class WriteError(OSError):
    """The documents could not be written (names the folder or file and the system's reason)."""


@dataclass(slots=True)
class Written:
    files: list[Path]
    pdfs: list[Path] = field(default_factory=list)


def write_documents(docs: CycleDocuments, out_dir: Path, *, pdf: bool = False) -> Written:
    """Render and write ``docs`` into ``out_dir`` (created if needed); PDFs into ``out_dir/pdf``.

    Raises :class:`~kiemdiem.documents.render.RenderError` (a template or LibreOffice failed) or
    ``ValueError`` (summary rows invalid) before any file is written, and :class:`WriteError` (the
    folder cannot be created or written) leaving the folder as it was.
    """
    rendered: dict[str, bytes] = {}
    for planned in docs.planned:
        context = planned.context.to_context()  # type: ignore[attr-defined]
        rendered[planned.filename] = render_docx(planned.spec, context, template_for(planned.issuer_key, planned.spec))
    rendered[SUMMARY_NAME] = summary_workbook(docs.summary, issuer=docs.issuer, year=docs.year)
    files = _write_all(rendered, out_dir)
    written = Written(files)
    if pdf:
        written.pdfs = to_pdf(files, out_dir / "pdf")
    return written


_REASONS = {
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa hết chỗ trống",
    errno.EEXIST: "đã có một tệp trùng tên (không phải thư mục)",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.ENOENT: "thư mục chứa không tồn tại",
}


def os_reason(exc: OSError) -> str:
    """The system's reason in Vietnamese when known, else as the system gives it."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def _write_all(rendered: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write every file or none: each goes to a hidden temporary name first, then all are renamed."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"không tạo được thư mục {out_dir}: {os_reason(exc)}") from exc
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in rendered.items():
            temporary = out_dir / f".{name}.kiemdiem-tmp"
            staged.append((temporary, out_dir / name))
            temporary.write_bytes(data)
        for temporary, final in staged:
            temporary.replace(final)
    except OSError as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise WriteError(f"không ghi được vào thư mục {out_dir}: {os_reason(exc)}") from exc
    return [final for _, final in staged]

"""Render a form's template with its context (docxtpl) and convert to PDF (LibreOffice headless).

``render_docx(spec, context, template=None) -> bytes``: the filled .docx. A variable the
template uses but the context lacks raises :class:`RenderError` naming it (Jinja StrictUndefined);
values are XML-escaped; a superior body's name too long for the header is fitted on one line
(:mod:`.fit`). ``to_pdf(docx_path, out_dir) -> Path`` needs LibreOffice (``soffice``);
without it :class:`LibreOfficeMissing` says how to install it.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import jinja2
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from lxml import etree

from kiemdiem.documents import vn
from kiemdiem.documents.fit import fit_superior
from kiemdiem.documents.forms import FormSpec
from kiemdiem.documents.template_build import TEMPLATE_DIR

PDF_TIMEOUT_SECONDS = 180
CHART_WIDTH_MM = 150


class RenderError(Exception):
    """A template could not be filled (names the template and the missing or faulty variable)."""


class LibreOfficeMissing(RenderError):
    """No ``soffice``/``libreoffice`` executable on PATH."""


def template_bytes(spec: FormSpec) -> bytes:
    """The packaged template of ``spec`` (``templates/documents/<code>.<regime>.docx``)."""
    return (TEMPLATE_DIR / spec.template_name).read_bytes()


def _broken_word_file(exc: Exception) -> str | None:
    """A Vietnamese reason when ``exc`` says the .docx itself is damaged, else None."""
    if isinstance(exc, etree.XMLSyntaxError):
        return f"tệp Word bị hỏng (nội dung XML không hợp lệ ở dòng {exc.lineno}, cột {exc.offset})"
    if isinstance(exc, zipfile.BadZipFile):
        return "tệp Word bị hỏng (gói nén .docx không đọc được)"
    if isinstance(exc, KeyError):
        return f"tệp Word thiếu phần {exc.args[0] if exc.args else ''}".strip()
    return None


def template_variables(template: bytes) -> set[str]:
    """The top-level Jinja variables a .docx template uses (docxtpl's undeclared variables).

    Raises :class:`RenderError` for a damaged Word file (bad XML, bad archive, missing part) or a
    Jinja syntax error, in Vietnamese.
    """
    try:
        return set(DocxTemplate(io.BytesIO(template)).get_undeclared_template_variables())
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"mẫu không đọc được: lỗi cú pháp trường ở dòng {exc.lineno}: {exc.message}") from exc
    except (jinja2.TemplateError, ValueError) as exc:
        raise RenderError(f"mẫu không đọc được: {exc}") from exc
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError) as exc:
        raise RenderError(f"mẫu không đọc được: {_broken_word_file(exc)}") from exc


def render_docx(spec: FormSpec, context: dict[str, object], template: bytes | None = None) -> bytes:
    """Fill ``template`` (default: the packaged one) with ``context``; returns the .docx bytes.

    ``context["chart"]``, when present, may be PNG bytes (inserted 150 mm wide) or None (dotted blank).
    Raises :class:`RenderError` naming the form and the variable for a missing value or bad syntax,
    and naming the form for a field the template misuses (an organisation's replacement).
    """
    try:
        doc = DocxTemplate(io.BytesIO(template if template is not None else template_bytes(spec)))
        doc.init_docx()
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError) as exc:
        raise RenderError(f"mẫu {spec.template_name}: {_broken_word_file(exc)}") from exc
    values = dict(context)
    if "chart" in values:
        chart = values["chart"]
        if isinstance(chart, bytes) and chart:
            values["chart"] = InlineImage(doc, io.BytesIO(chart), width=Mm(CHART_WIDTH_MM))
        elif chart is None:
            values["chart"] = vn.BLANK
        else:
            raise RenderError(f"mẫu {spec.template_name}: trường chart phải là ảnh PNG (bytes) hoặc để trống")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        doc.render(values, jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as exc:
        found = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", exc.message or "")
        name = next((group for group in found.groups() if group), "") if found else exc.message
        raise RenderError(f"mẫu {spec.template_name}: thiếu dữ liệu cho trường '{name}'") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"mẫu {spec.template_name}: lỗi cú pháp ở dòng {exc.lineno}: {exc.message}") from exc
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"mẫu {spec.template_name}: {_broken_word_file(exc)}") from exc
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, LookupError) as exc:
        # An organisation's template may misuse a field ({{ year + "x" }}, {% include %}): its fault, not ours.
        raise RenderError(f"mẫu {spec.template_name}: không điền được dữ liệu vào mẫu ({exc})") from exc
    fit_superior(doc.docx, str(values.get("superior_name") or "").upper())
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def libreoffice() -> str:
    """Path of the LibreOffice executable; raises :class:`LibreOfficeMissing` with install advice."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise LibreOfficeMissing(
        "Không tìm thấy LibreOffice (lệnh soffice) nên không xuất được PDF; các tệp .docx/.xlsx vẫn được ghi. "
        "Cài đặt (Debian/Ubuntu): apt-get install -y libreoffice-writer libreoffice-calc fonts-liberation2"
    )


# Fonts that print Times New Roman's metrics with every Vietnamese letter (Liberation Serif from 2.0).
VIETNAMESE_SERIFS = ("Times New Roman", "Liberation Serif")
FONT_ADVICE = (
    "Máy không có phông Times New Roman hoặc Liberation Serif đủ chữ tiếng Việt: trong PDF các chữ có dấu "
    "được thay bằng phông khác, rộng hơn (lẫn phông, tên dài xuống dòng). Cài đặt (Debian/Ubuntu): "
    "apt-get install -y fonts-liberation2"
)


def _fonts_with_vietnamese() -> set[str] | None:
    """Font families fontconfig says cover Vietnamese; None when ``fc-list`` is not available."""
    binary = shutil.which("fc-list")
    if binary is None:
        return None
    try:
        done = subprocess.run([binary, ":lang=vi", "family"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",") if name.strip()}


def font_warning() -> str | None:
    """:data:`FONT_ADVICE` when no Times-compatible font with Vietnamese letters is installed, else None."""
    families = _fonts_with_vietnamese()
    if families is None or any(name in families for name in VIETNAMESE_SERIFS):
        return None
    return FONT_ADVICE


def to_pdf(paths: list[Path], out_dir: Path, timeout: int = PDF_TIMEOUT_SECONDS) -> list[Path]:
    """Convert .docx/.xlsx files to PDF in ``out_dir`` with one headless LibreOffice run.

    A private user profile keeps parallel runs apart. Raises :class:`LibreOfficeMissing`, or
    :class:`RenderError` when LibreOffice fails, times out, or leaves a PDF missing.
    """
    if not paths:
        return []
    binary = libreoffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiemdiem-lo-") as profile:
        command = [binary, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore"]
        command += ["--convert-to", "pdf", "--outdir", str(out_dir), *map(str, paths)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise RenderError(f"LibreOffice không xuất xong PDF sau {timeout} giây") from exc
    pdfs = [out_dir / f"{path.stem}.pdf" for path in paths]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    if done.returncode != 0 or missing:
        detail = (done.stderr or done.stdout).strip()[-400:]
        raise RenderError(f"LibreOffice không xuất được PDF ({', '.join(missing) or 'mã lỗi'}): {detail}")
    return pdfs

"""An organisation's own template for a form: validated, stored, and used instead of ours.

A replacement must be a .docx whose Jinja variables include every required field of the form
(:attr:`FormSpec.required`) and use no variable the form does not provide; otherwise it is refused
with the fields named and nothing is stored.
"""

from __future__ import annotations

import io
import zipfile

from django.db import transaction

from kiemdiem.documents.forms import FormSpec
from kiemdiem.documents.models import TemplateOverride
from kiemdiem.documents.render import RenderError, template_bytes, template_variables


class TemplateRejected(ValueError):
    """A replacement template cannot be used (names the file and the missing or unknown fields)."""


def validate_template(spec: FormSpec, content: bytes, filename: str) -> None:
    """Raise :class:`TemplateRejected` unless ``content`` is a .docx fit for ``spec``."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        raise TemplateRejected(f"tệp {filename}: không phải tệp Word .docx") from None
    try:
        used = template_variables(content)
    except RenderError as exc:
        raise TemplateRejected(f"tệp {filename}: {exc}") from exc
    missing = [name for name in spec.required if name not in used]
    if missing:
        raise TemplateRejected(
            f"tệp {filename}: mẫu '{spec.title}' ({spec.key}) thiếu trường bắt buộc: {', '.join(missing)}"
        )
    unknown = sorted(used - spec.allowed)
    if unknown:
        raise TemplateRejected(
            f"tệp {filename}: mẫu '{spec.title}' ({spec.key}) dùng trường không có trong dữ liệu: {', '.join(unknown)}"
        )


def template_override_set(*, issuer_key: str, spec: FormSpec, content: bytes, filename: str) -> TemplateOverride:
    """Validate and store (or replace) the issuer's template for ``spec``; raises :class:`TemplateRejected`."""
    validate_template(spec, content, filename)
    with transaction.atomic():
        override, _ = TemplateOverride.objects.update_or_create(
            issuer_key=issuer_key, form_key=spec.key, defaults={"content": content, "filename": filename}
        )
    return override


def template_for(issuer_key: str, spec: FormSpec) -> bytes:
    """The issuer's stored replacement for ``spec`` if any, else the packaged template."""
    stored = TemplateOverride.objects.filter(issuer_key=issuer_key, form_key=spec.key).first()
    return bytes(stored.content) if stored else template_bytes(spec)

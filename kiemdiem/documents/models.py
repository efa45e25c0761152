"""Models of documents: number sequences, the numbers issued, and organisations' own templates.

An issuer is keyed by a stable string (``org:<id>`` for an :class:`org.Organisation`), never by
its name (names change when units merge; pitfall 12 of ../shared/domain/pitfalls.md).
"""

from django.db import models


class DocumentNumberSequence(models.Model):
    """The last number given per issuing body, document type and numbering scope.

    The scope is the committee term for Party documents (``term:2020-2025``; Hướng dẫn 36-HD/VPTW:
    numbering runs per type for a whole term) and the year for state documents (``year:2022``;
    Nghị định 30/2020/NĐ-CP, Phụ lục I: numbering restarts each 1 January).
    """

    issuer_key = models.CharField(max_length=100)
    doc_type = models.CharField(max_length=10)
    scope_key = models.CharField(max_length=40)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["issuer_key", "doc_type", "scope_key"], name="documents_sequence_unique"),
        )

    def __str__(self) -> str:
        return f"{self.issuer_key} {self.doc_type} {self.scope_key}: {self.last}"


class IssuedNumber(models.Model):
    """One number given out, with the form it went to; unique per issuer, type and scope."""

    issuer_key = models.CharField(max_length=100)
    doc_type = models.CharField(max_length=10)
    scope_key = models.CharField(max_length=40)
    number = models.PositiveIntegerField()
    formatted = models.CharField(max_length=80)
    form_key = models.CharField(max_length=60, blank=True)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["issuer_key", "doc_type", "scope_key", "number"], name="documents_issued_number_unique"
            ),
        )

    def __str__(self) -> str:
        return self.formatted


class TemplateOverride(models.Model):
    """An organisation's own version of a form's .docx template (validated before it is stored)."""

    issuer_key = models.CharField(max_length=100)
    form_key = models.CharField(max_length=60)
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["issuer_key", "form_key"], name="documents_override_unique"),)

    def __str__(self) -> str:
        return f"{self.issuer_key} {self.form_key} ({self.filename})"

"""What ``kiemdiem documents render`` does once Django is set up (the command module stays thin)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from django.db import transaction

from kiemdiem.config.env import BASE_DIR
from kiemdiem.documents.builders import BuildError, BuildOptions, build_cycle_documents
from kiemdiem.documents.bundle import WriteError, os_reason, write_documents
from kiemdiem.documents.numbering import Term
from kiemdiem.documents.render import LibreOfficeMissing, RenderError
from kiemdiem.reviews.models import ReviewCycle

EXAMPLE_PERIOD = 2021
EXAMPLE_UNIT = "H-TV"  # Đảng bộ huyện Thanh Vân in examples/district2021
EXAMPLE_TARGETS = BASE_DIR / "examples" / "targets" / "thanh-van-2021.xlsx"


def render_cycle(
    cycle_id: int, out: Path, *, date: dt.date | None, term: tuple[int, int] | None, pdf: bool, issue: bool
) -> int:
    """Write one of each form for the stored cycle ``cycle_id``; exit status 0, or 2 with a message."""
    cycle = ReviewCycle.objects.select_related("scope").filter(pk=cycle_id).first()
    if cycle is None:
        print(f"--cycle: không có kỳ kiểm điểm mã {cycle_id}", file=sys.stderr)
        return 2
    return _render(cycle, out, BuildOptions(issue_date=date, issue=issue, term=_term(term)), pdf)


def render_example(out: Path, *, date: dt.date | None, term: tuple[int, int] | None, pdf: bool) -> int:
    """Migrate the (temporary) database, load the example district, write its 2021 documents."""
    from django.core.management import call_command

    from kiemdiem.cli.example import DEFAULT_FOLDER
    from kiemdiem.org.dataset import DatasetError
    from kiemdiem.reviews.loading import example_load
    from kiemdiem.unit_targets.services import TargetImportError, target_sheet_import

    call_command("migrate", verbosity=0, interactive=False)
    try:
        example_load(folder=DEFAULT_FOLDER, actor=None)
        target_sheet_import(path=EXAMPLE_TARGETS, unit_code=EXAMPLE_UNIT)
    except (DatasetError, TargetImportError) as error:
        print(f"Không nạp được huyện mẫu.\n{error}", file=sys.stderr)
        return 2
    cycle = ReviewCycle.objects.select_related("scope").filter(year=EXAMPLE_PERIOD, quarter__isnull=True).first()
    if cycle is None:
        print(f"Huyện mẫu không có kỳ kiểm điểm năm {EXAMPLE_PERIOD}", file=sys.stderr)
        return 2
    return _render(cycle, out, BuildOptions(issue_date=date, issue=True, term=_term(term)), pdf)


def _term(term: tuple[int, int] | None) -> Term | None:
    return Term(term[0], term[1]) if term else None


def _render(cycle: ReviewCycle, out: Path, options: BuildOptions, pdf: bool) -> int:
    try:
        # One transaction: numbers allocated for a set that then fails to render are given back.
        with transaction.atomic():
            docs = build_cycle_documents(cycle, options)
            written = write_documents(docs, out)
    except (BuildError, RenderError, ValueError) as error:
        print(f"Không sinh được văn bản: {error}", file=sys.stderr)
        return 2
    except WriteError as error:
        print(f"Không ghi được văn bản: {error}", file=sys.stderr)
        return 2
    print(f"Văn bản kỳ {cycle.period} của {cycle.scope} — {len(written.files)} tệp trong {out}:")
    for path in written.files:
        print(f"  {path.name}")
    unconfirmed = sorted({p.spec.key for p in docs.planned if not p.spec.confirmed})
    if unconfirmed:
        print("Mẫu dựng lại từ nguồn chưa đối chiếu văn bản gốc (chưa xác nhận): " + ", ".join(unconfirmed))
    for note in docs.notes:
        print(f"Lưu ý: {note}")
    if pdf:
        try:
            from kiemdiem.documents.render import font_warning, to_pdf

            pdfs = to_pdf(written.files, out / "pdf")
            warning = font_warning()
            if warning:
                print(f"Lưu ý: {warning}")
        except LibreOfficeMissing as error:
            print(str(error), file=sys.stderr)
            return 1
        except RenderError as error:
            print(f"Không xuất được PDF: {error}", file=sys.stderr)
            return 1
        except OSError as error:
            print(f"Không xuất được PDF vào {out / 'pdf'}: {os_reason(error)}", file=sys.stderr)
            return 1
        print(f"PDF: {len(pdfs)} tệp trong {out / 'pdf'}")
    return 0

"""``kiemdiem documents``: write a cycle's documents; list the forms; manage an organisation's templates.

* ``render --example --out DIR`` — load the fictitious example district into a fresh temporary
  database and write one of each form for its 2021 cycle (numbers allocated from 01).
* ``render --cycle ID --out DIR`` — the same for a stored cycle (drafts with blank numbers unless
  ``--issue``). ``--date 05/01/2022`` prints the issue date (never taken from the clock);
  ``--pdf`` adds PDFs when LibreOffice is installed; ``--term 2020-2025`` the committee term for
  Party numbers.
* ``forms`` — every form with its regime, source and whether its wording is confirmed.
* ``template-export --form KEY --out FILE`` / ``template-set --org ID --form KEY FILE`` — take our
  template to edit, store an organisation's replacement (refused, naming the missing field, when a
  required field is absent).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from kiemdiem.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
    render = sub.add_parser("render", help="Sinh mỗi mẫu văn bản một bản cho một kỳ kiểm điểm")
    source = render.add_mutually_exclusive_group(required=True)
    source.add_argument("--example", action="store_true", help="Dùng huyện mẫu (hư cấu) năm 2021, CSDL tạm")
    source.add_argument("--cycle", type=int, metavar="SỐ", help="Mã (id) kỳ kiểm điểm đã lưu")
    render.add_argument("--out", type=Path, required=True, metavar="THƯ_MỤC", help="Thư mục ghi văn bản")
    render.add_argument("--date", metavar="NGÀY", help="Ngày ban hành in trên văn bản, dạng 05/01/2022")
    render.add_argument("--issue", action="store_true", help="Cấp số văn bản (mặc định: bản nháp, để trống số)")
    render.add_argument("--term", metavar="NĂM-NĂM", help="Nhiệm kỳ cấp ủy để đánh số văn bản Đảng, ví dụ 2020-2025")
    render.add_argument("--pdf", action="store_true", help="Xuất thêm PDF (cần LibreOffice)")
    sub.add_parser("forms", help="Liệt kê các mẫu văn bản, nguồn và mức độ xác nhận")
    export = sub.add_parser("template-export", help="Lấy mẫu .docx của kiemdiem để chỉnh sửa")
    export.add_argument("--form", required=True, metavar="MẪU", help="Mã mẫu, ví dụ decision.party")
    export.add_argument("--out", type=Path, required=True, metavar="TỆP")
    store = sub.add_parser("template-set", help="Lưu mẫu riêng của một tổ chức (kiểm tra đủ trường bắt buộc)")
    store.add_argument("--org", type=int, required=True, metavar="SỐ", help="Mã (id) tổ chức")
    store.add_argument("--form", required=True, metavar="MẪU")
    store.add_argument("file", type=Path, metavar="TỆP")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    return dt.datetime.strptime(text, "%d/%m/%Y").date()  # noqa: DTZ007 — a calendar date, no time zone


def run(args: argparse.Namespace) -> int:
    if args.action == "forms":
        return _forms()
    if args.action == "template-export":
        return _template_export(args)
    if args.action == "template-set":
        setup_django()
        return _template_set(args)
    try:
        date = _parse_date(args.date)
    except ValueError:
        return _fail(f"--date: '{args.date}' không phải ngày dạng ngày/tháng/năm, ví dụ 05/01/2022")
    term = None
    if args.term:
        first, _, last = args.term.partition("-")
        # A committee term lasts five years (a shorter one after a merger or a split), never more.
        if not (first.isdigit() and last.isdigit() and 1930 <= int(first) < int(last) <= int(first) + 5):
            return _fail(f"--term: '{args.term}' không phải nhiệm kỳ dạng năm-năm (tối đa 5 năm), ví dụ 2020-2025")
        term = (int(first), int(last))
    if args.example:
        with tempfile.TemporaryDirectory(prefix="kiemdiem-example-") as folder:
            # A throwaway database: the example never lands in a working one.
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'example.sqlite3'}"
            setup_django()
            from kiemdiem.documents.commands import render_example

            return render_example(args.out, date=date, term=term, pdf=args.pdf)
    setup_django()
    from kiemdiem.documents.commands import render_cycle

    return render_cycle(args.cycle, args.out, date=date, term=term, pdf=args.pdf, issue=args.issue)


def _forms() -> int:
    from kiemdiem.documents.forms import FORMS

    for spec in FORMS.values():
        mark = "" if spec.confirmed else "  [chưa xác nhận]"
        print(f"{spec.key:<40} {spec.title}{mark}\n{'':<40} nguồn: {spec.source}")
    return 0


def _template_export(args: argparse.Namespace) -> int:
    from kiemdiem.documents.bundle import os_reason
    from kiemdiem.documents.forms import form
    from kiemdiem.documents.render import template_bytes

    try:
        spec = form(args.form)
    except KeyError as error:
        return _fail(str(error.args[0]))
    try:
        args.out.write_bytes(template_bytes(spec))
    except OSError as error:
        return _fail(f"--out: không ghi được tệp {args.out}: {os_reason(error)}")
    print(f"Đã ghi mẫu {spec.key} ({spec.title}) vào {args.out}")
    return 0


def _template_set(args: argparse.Namespace) -> int:
    from kiemdiem.documents.forms import form
    from kiemdiem.documents.overrides import TemplateRejected, template_override_set
    from kiemdiem.org.models import Organisation

    try:
        spec = form(args.form)
    except KeyError as error:
        return _fail(str(error.args[0]))
    organisation = Organisation.objects.filter(pk=args.org).first()
    if organisation is None:
        return _fail(f"--org: không có tổ chức mã {args.org}")
    try:
        content = args.file.read_bytes()
    except OSError:
        return _fail(f"không đọc được tệp {args.file}")
    try:
        template_override_set(issuer_key=f"org:{organisation.pk}", spec=spec, content=content, filename=args.file.name)
    except TemplateRejected as error:
        return _fail(f"Không nhận mẫu: {error}")
    print(f"Đã lưu mẫu riêng {spec.key} của {organisation.name} từ {args.file.name}")
    return 0

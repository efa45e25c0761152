"""``kiemdiem review WORKBOOK --out DIR [--period 2021] [--db]``: the main job.

Validates the whole workbook first (nothing is written when it is invalid), rates every subject
with the period's rulebooks under the cross-subject constraints, then writes the results workbook
and the cycle's documents into ``--out`` and prints a summary. ``--db`` also loads the cycle into
the configured database so the site shows it; without it the documents are built from a
throwaway database. ``--template FILE`` writes a blank workbook. Exit status: 0 done, 2 refused
(bad workbook or arguments), 1 the documents could not be written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from kiemdiem.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", nargs="?", type=Path, help="Sổ kiểm điểm (.xlsx)")
    parser.add_argument("--out", type=Path, help="Thư mục ghi sổ kết quả và văn bản")
    parser.add_argument("--period", help="Kỳ kiểm điểm (2021, 2025-Q2, 2020-2025); phải khớp với sổ")
    parser.add_argument("--db", action="store_true", help="Nạp kỳ kiểm điểm vào cơ sở dữ liệu để xem trên trang web")
    parser.add_argument("--no-documents", action="store_true", help="Không sinh văn bản (chỉ sổ kết quả)")
    parser.add_argument("--template", type=Path, metavar="FILE", help="Ghi sổ mẫu trống vào FILE rồi dừng")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from kiemdiem.workbook.template import write_workbook

    if args.template is not None:
        if args.template.exists():
            return _fail(f"--template: tệp {args.template} đã có; chọn tên khác để không ghi đè.")
        write_workbook(args.template)
        print(f"Đã ghi sổ mẫu trống: {args.template} (xem sheet “Hướng dẫn”).")
        return 0
    if args.workbook is None or args.out is None:
        return _fail("Cần tên sổ kiểm điểm và --out THƯ_MỤC (hoặc --template TỆP để lấy sổ mẫu).")
    from kiemdiem.workbook.flow import ReviewRefused, prepare

    try:
        prepared = prepare(args.workbook, args.period, progress=sys.stderr.isatty())
    except ReviewRefused as error:
        return _fail(str(error))
    documents = None
    if args.db or not args.no_documents:
        with tempfile.TemporaryDirectory() as scratch:
            if not args.db:  # documents are built from stored data: use a throwaway database
                os.environ["DATABASE_URL"] = f"sqlite:///{Path(scratch) / 'review.sqlite3'}"
            setup_django()
            from kiemdiem.reviews.workbook_import import DocumentsFailed, load_and_render

            try:
                if not args.db:
                    from django.core.management import call_command

                    call_command("migrate", verbosity=0, interactive=False)
                documents = load_and_render(prepared, use_db=args.db, documents=not args.no_documents)
            except DocumentsFailed as error:
                print(str(error), file=sys.stderr)
                return 1
            finally:
                if not args.db:
                    from django.db import connections

                    connections.close_all()
    written = prepared.write(args.out, documents)
    print(prepared.summary())
    print("")
    print(f"Đã ghi vào {args.out}:")
    for path in written:
        print(f"  {path.relative_to(args.out)}")
    if documents is not None:
        for note in documents.notes:
            print(f"Lưu ý: {note}")
        if documents.cycle_label:
            print(f"Đã nạp vào cơ sở dữ liệu: {documents.cycle_label}.")
    return 0

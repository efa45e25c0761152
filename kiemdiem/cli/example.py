"""``kiemdiem example load [--folder THƯ_MỤC]``: load the fictitious example district (2021)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiemdiem.cli import setup_django
from kiemdiem.config.env import BASE_DIR

DEFAULT_FOLDER = BASE_DIR / "examples" / "district2021"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
    load = sub.add_parser("load", help="Nạp (hoặc cập nhật) dữ liệu mẫu vào cơ sở dữ liệu; chạy lại không tạo trùng")
    load.add_argument(
        "--folder", type=Path, default=DEFAULT_FOLDER, help="Thư mục dữ liệu (mặc định: examples/district2021)"
    )


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.db import DatabaseError

    from kiemdiem.org.dataset import DatasetError
    from kiemdiem.reviews.loading import example_load

    try:
        summary = example_load(folder=args.folder, actor=None)
    except DatasetError as error:
        print(f"Không nạp được dữ liệu từ {args.folder}.\n{error}", file=sys.stderr)
        return 1
    except DatabaseError as error:
        print(
            f"Cơ sở dữ liệu chưa sẵn sàng ({error}); chạy “kiemdiem migrate” trước rồi nạp lại. Không nạp gì.",
            file=sys.stderr,
        )
        return 1
    print(f"Đã nạp dữ liệu mẫu từ {args.folder}:")
    for kind, counts in summary.dataset.counts.items():
        created, updated, same = counts["created"], counts["updated"], counts["unchanged"]
        print(f"  {kind:<30} mới {created:>4}  cập nhật {updated:>4}  giữ nguyên {same:>4}")
    print(f"  kỳ kiểm điểm mở mới: {summary.cycles_opened}; bản kiểm điểm tạo mới: {summary.reviews_created}")
    return 0

"""The ``kiemdiem`` console entry point.

``kiemdiem SUBCOMMAND …`` runs one of our own sub-commands (table ``COMMANDS``); any other first
word is handed to Django's management commands (``kiemdiem migrate``, ``kiemdiem runserver``,
``kiemdiem check --deploy`` …).

Each sub-command lives in its own module, imported only when used, exposing
``add_arguments(parser: argparse.ArgumentParser) -> None`` and ``run(args) -> int`` (the exit
status). Sub-commands that need the database call :func:`setup_django` first; pure ones
(``rate-case``) never import Django.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

DEFAULT_SETTINGS = "kiemdiem.config.settings.dev"

# name -> (module, one-line help). Keep the help in Vietnamese: it is what a clerk reads.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("kiemdiem.cli.demo", "Chạy thử: nạp dữ liệu mẫu, xếp loại kỳ 2021, sinh văn bản và mở trang web"),
    "rate-case": ("kiemdiem.cli.rate_case", "Xếp loại các trường hợp trong tệp case (YAML) và kiểm tra kết quả"),
    "example": ("kiemdiem.cli.example", "Dữ liệu mẫu: nạp huyện mẫu (hư cấu) năm 2021 vào cơ sở dữ liệu"),
    "targets": ("kiemdiem.cli.targets", "Chỉ tiêu: nhập bảng Excel, viết đoạn kết quả, vẽ biểu đồ"),
    "documents": ("kiemdiem.cli.documents", "Văn bản: sinh báo cáo, bản kiểm điểm, biên bản, quyết định, biểu"),
    "review": ("kiemdiem.cli.review", "Xếp loại cả một kỳ kiểm điểm từ một sổ Excel và sinh văn bản"),
}


def setup_django() -> None:
    """Configure Django for a sub-command that needs models (settings default to development)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()


def _usage() -> str:
    lines = ["Cách dùng: kiemdiem LỆNH [tham số]", "", "Lệnh của kiemdiem:"]
    lines += [f"  {name:<11} {help_}" for name, (_, help_) in COMMANDS.items()]
    lines += ["", "Các lệnh khác là lệnh quản trị của Django (kiemdiem help để xem danh sách)."]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(_usage())
        return 0
    name = args[0]
    if name in COMMANDS:
        module_name, help_ = COMMANDS[name]
        module = importlib.import_module(module_name)
        parser = argparse.ArgumentParser(prog=f"kiemdiem {name}", description=help_)
        module.add_arguments(parser)
        return int(module.run(parser.parse_args(args[1:])) or 0)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kiemdiem", *args])
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

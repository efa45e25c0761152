"""``kiemdiem demo``: the main job on the example district, as a thin sequence of steps.

Uses its own database (``demo.sqlite3`` in the data folder, unless ``DATABASE_URL`` is set), so the
demo account never lands in a working database. Steps: migrate, load the example (opening and
populating the 2021 cycle), review the example workbook (``kiemdiem review --db``: rate every
subject, store the results, write the results workbook and the documents into ``out/``), create
the demo account; then serve on http://127.0.0.1:8000 (skip with ``--no-serve``). To add a step,
append a :class:`Step` to :data:`STEPS`; each step gets the shared :class:`DemoContext` and returns
the line it prints.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_ADDRESS = "127.0.0.1:8000"
EXAMPLE_WORKBOOK = Path(__file__).resolve().parents[2] / "examples" / "review2021" / "thanh-van-2021.xlsx"


@dataclass
class DemoContext:
    """What the steps share: the example folder, the demo login, and anything a step leaves for later."""

    example_folder: Path
    workbook: Path = Path()
    out: Path = Path("out")
    username: str = ""
    password: str = ""
    notes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    title: str
    run: Callable[[DemoContext], str]


def _migrate(context: DemoContext) -> str:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return "cơ sở dữ liệu đã cập nhật cấu trúc"


def _load_example(context: DemoContext) -> str:
    from kiemdiem.reviews.loading import example_load

    summary = example_load(folder=context.example_folder, actor=None)
    context.notes["example"] = summary
    people = summary.dataset.counts.get("cá nhân")
    total_people = sum(people.values()) if people else 0
    return (
        f"{total_people} cá nhân; kỳ mở mới: {summary.cycles_opened}; bản kiểm điểm tạo mới: {summary.reviews_created}"
    )


class StepFailed(Exception):
    """A step could not finish; the message says why (Vietnamese)."""


def _review_example(context: DemoContext) -> str:
    """``kiemdiem review`` on the example workbook, loaded into the demo database (``--db``)."""
    from kiemdiem.reviews.workbook_import import DocumentsFailed, load_and_render
    from kiemdiem.workbook.flow import ReviewRefused, prepare

    try:
        prepared = prepare(context.workbook, None)
        documents = load_and_render(prepared, use_db=True, documents=True)
    except (ReviewRefused, DocumentsFailed) as error:
        raise StepFailed(str(error)) from None
    written = prepared.write(context.out, documents)
    context.notes["review"] = prepared
    items = len(prepared.items)
    return f"{len(prepared.lines)} chủ thể, {items} việc cần quyết định; {len(written)} tệp trong {context.out}"


def _demo_account(context: DemoContext) -> str:
    from django.conf import settings
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    context.username = settings.KIEMDIEM_DEMO_USERNAME
    # A fresh password on every run: it is printed, so it must never be one a person chose.
    context.password = secrets.token_urlsafe(12)
    user = user_model._default_manager.filter(username=context.username).first()
    if user is None:
        user = user_model(username=context.username)
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(context.password)
    user.save()
    return f"tài khoản {context.username}"


STEPS: list[Step] = [
    Step("Tạo hoặc cập nhật cơ sở dữ liệu chạy thử", _migrate),
    Step("Nạp huyện mẫu Thanh Vân năm 2021 (hư cấu)", _load_example),
    Step("Xếp loại kỳ 2021 từ sổ mẫu, sinh văn bản (kiemdiem review --db)", _review_example),
    Step("Tạo tài khoản chạy thử", _demo_account),
]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-serve", action="store_true", help="Chỉ chuẩn bị dữ liệu, không mở trang web")
    parser.add_argument("--addr", default=DEFAULT_ADDRESS, help=f"Địa chỉ trang web (mặc định {DEFAULT_ADDRESS})")
    parser.add_argument("--out", type=Path, default=Path("out"), help="Thư mục ghi kết quả và văn bản (mặc định out/)")
    parser.add_argument("--workbook", type=Path, help="Sổ kiểm điểm thay cho sổ mẫu examples/review2021")


def _use_demo_database() -> str:
    """Point DATABASE_URL at the demo database unless the operator set one; return a description."""
    if os.environ.get("DATABASE_URL"):
        return "cơ sở dữ liệu theo biến DATABASE_URL"
    from kiemdiem.config.env import data_dir

    path = data_dir() / "demo.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return str(path)


def run(args: argparse.Namespace) -> int:
    where = _use_demo_database()
    from kiemdiem.cli import setup_django
    from kiemdiem.cli.example import DEFAULT_FOLDER
    from kiemdiem.config.env import BASE_DIR

    setup_django()
    from django.core.exceptions import ValidationError
    from django.core.management.base import SystemCheckError

    from kiemdiem.org.dataset import DatasetError

    context = DemoContext(example_folder=DEFAULT_FOLDER, workbook=args.workbook or EXAMPLE_WORKBOOK, out=args.out)
    if not context.out.is_absolute():
        context.out = BASE_DIR / context.out
    print(f"Chạy thử kiemdiem — dữ liệu: {where}")
    for number, step in enumerate(STEPS, start=1):
        try:
            done = step.run(context)
        except (DatasetError, ValidationError, SystemCheckError, StepFailed) as error:
            print(f"{number}. {step.title}: không thành công.\n{error}", file=sys.stderr)
            return 1
        print(f"{number}. {step.title}: {done}")
    site = f"http://{args.addr}/"
    prepared = context.notes.get("review")
    if prepared is not None:
        print("")
        print(prepared.summary(shown_items=5))
        print(f"Sổ kết quả và văn bản: {context.out}")
    print("")
    print(f"Trang web:     {site}")
    print(f"Trang quản trị: {site}admin/")
    print(f"Đăng nhập:     {context.username} / {context.password}")
    print("(Tài khoản này chỉ dành cho chạy thử; bản chính thức từ chối khởi động khi nó tồn tại.)")
    if args.no_serve:
        return 0
    from django.core.management import call_command

    print("Dừng trang web: Ctrl+C")
    call_command("runserver", args.addr, use_reloader=False)
    return 0

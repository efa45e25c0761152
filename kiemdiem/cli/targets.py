"""``kiemdiem targets``: the results paragraph and charts straight from a sheet, or import it into the database.

- ``kiemdiem targets report SHEET.xlsx --year YEAR [--chart DIR] [--tolerance 5] [--facts]``
  prints the paragraph and the data checks (no database needed); with ``--chart`` it writes
  ``DIR/chi-tieu-YEAR.{svg,png}`` and ``DIR/chuoi-CODE.{svg,png}`` for targets recorded in two or
  more years; ``--facts`` also prints the rules-engine facts (case-format keys) as JSON.
- ``kiemdiem targets import SHEET.xlsx --unit CODE`` stores the sheet's targets for the
  organisation with that code (``external_code``), all or nothing.

Exit status: 0 done, 2 refused input (the message names the file, sheet, row and column).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiemdiem.targets import (
    NoJudgedTargetsError,
    SheetError,
    Target,
    TargetSettings,
    classify_all,
    data_checks,
    read_target_sheet,
    results_paragraph,
    subject_facts,
)
from kiemdiem.targets.numbers import NumberFormatError, parse_vn_number
from kiemdiem.targets.status import DEFAULT_MOSTLY_MET_TOLERANCE

REFUSED = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="action", required=True, metavar="report|import")
    report = commands.add_parser("report", help="Viết đoạn kết quả thực hiện chỉ tiêu và vẽ biểu đồ từ bảng Excel")
    report.add_argument("sheet", type=Path, help="tệp Excel (.xlsx) có trang “Chỉ tiêu”")
    report.add_argument("--year", type=int, required=True, help="năm báo cáo, ví dụ 2023")
    report.add_argument("--chart", type=Path, metavar="DIR", help="thư mục ghi biểu đồ (SVG và PNG)")
    report.add_argument(
        "--tolerance",
        default=None,
        metavar="PHẦN_TRĂM",
        help="ngưỡng “cơ bản hoàn thành”, phần trăm dưới kế hoạch (mặc định "
        f"{DEFAULT_MOSTLY_MET_TOLERANCE * 100:.0f}; không có văn bản quy định)",
    )
    report.add_argument("--facts", action="store_true", help="in thêm dữ kiện cho bộ quy tắc xếp loại (JSON)")
    imports = commands.add_parser("import", help="Nhập bảng chỉ tiêu vào cơ sở dữ liệu cho một đơn vị")
    imports.add_argument("sheet", type=Path, help="tệp Excel (.xlsx) có trang “Chỉ tiêu”")
    imports.add_argument(
        "--unit", required=True, metavar="CODE", help="mã định danh của tổ chức, đơn vị trong cơ sở dữ liệu"
    )


def _settings(text: str | None) -> TargetSettings:
    if text is None:
        return TargetSettings()
    try:
        # "5" and "5%" both mean five per cent: the option is a percentage either way.
        return TargetSettings(mostly_met_tolerance=parse_vn_number(text.strip().removesuffix("%")) / 100)
    except (NumberFormatError, ValueError) as exc:
        raise ValueError(f"--tolerance: {exc}") from exc


def _report(args: argparse.Namespace) -> int:
    settings = _settings(args.tolerance)
    sheet = read_target_sheet(args.sheet)
    if args.year not in sheet.years:
        years = ", ".join(str(year) for year in sheet.years)
        raise ValueError(f"{args.sheet.name}: không có số liệu năm {args.year} (bảng có các năm {years})")
    paragraph = results_paragraph(sheet.targets, args.year, assigner_labels=sheet.assigner_labels, settings=settings)
    print(paragraph)
    results = classify_all(sheet.targets, args.year, settings)
    checks = data_checks(results)
    if checks:
        print("\nKiểm tra số liệu:")
        for check in checks:
            print(f"  - {check.message}")
    if args.facts:
        try:
            facts = subject_facts(results)
        except NoJudgedTargetsError as exc:
            print(f"\nDữ kiện xếp loại: {exc}")
        else:
            print("\nDữ kiện xếp loại (khóa của tệp case):")
            print(json.dumps(facts, ensure_ascii=False, indent=2))
    if args.chart is not None:
        for path in _charts(sheet.targets, args.year, args.chart, settings):
            print(f"Đã ghi biểu đồ: {path}")
    return 0


def _charts(targets: list[Target], year: int, folder: Path, settings: TargetSettings) -> list[Path]:
    from kiemdiem.targets import charts  # matplotlib is slow to import: only when asked

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    formats: tuple[charts.Format, ...] = ("svg", "png")
    try:
        for fmt in formats:
            path = folder / f"chi-tieu-{year}.{fmt}"
            path.write_bytes(charts.plan_vs_actual(targets, year, fmt, settings=settings))
            written.append(path)
    except ValueError as exc:  # nothing to draw is a fact about the data, not a failed command
        print(f"Không vẽ biểu đồ thực hiện so với kế hoạch: {exc}")
    for target in targets:
        if sum(1 for f in target.years if f.year <= year and f.value is not None) >= 2:
            for fmt in formats:
                path = folder / f"chuoi-{target.code}.{fmt}"
                path.write_bytes(charts.series(target, fmt, until=year))
                written.append(path)
    return written


def _import(args: argparse.Namespace) -> int:
    from kiemdiem.cli import setup_django

    setup_django()
    from django.db import DatabaseError

    from kiemdiem.cli.dberrors import database_problem
    from kiemdiem.unit_targets.services import TargetImportError, target_sheet_import

    try:
        summary = target_sheet_import(path=args.sheet, unit_code=args.unit)
    except TargetImportError as exc:
        print(str(exc), file=sys.stderr)
        return REFUSED
    except DatabaseError as exc:
        print(database_problem(exc), file=sys.stderr)
        return REFUSED
    print(summary)
    return 0


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "report":
            return _report(args)
        return _import(args)
    except SheetError as exc:
        print(str(exc), file=sys.stderr)
        return REFUSED
    except ValueError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return REFUSED
    except OSError as exc:  # e.g. --chart names a file, or a folder the user may not write to
        print(f"Lỗi: không ghi được “{exc.filename}”: {exc.strerror}", file=sys.stderr)
        return REFUSED

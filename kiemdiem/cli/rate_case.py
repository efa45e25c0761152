"""``kiemdiem rate-case FILE [--json] [--params FILE]``: rate case files and check their ``expect``.

Exit status: 0 when every checked case passes, 1 when any fails, 2 when a file is invalid.
Pure: never imports Django.
"""

from __future__ import annotations

import argparse
import sys

from kiemdiem.rules.cases import load_cases, run_cases
from kiemdiem.rules.errors import RulesError
from kiemdiem.rules.params import ENV_VAR, load_overrides, overrides_from_env
from kiemdiem.rules.report import to_json, to_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="tệp case (YAML) hoặc thư mục chứa các tệp case")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON (theo case-format.md)")
    parser.add_argument(
        "--params", metavar="FILE", help=f"tệp tham số của người dùng (mặc định: biến môi trường {ENV_VAR})"
    )


def run(args: argparse.Namespace) -> int:
    try:
        overrides = load_overrides(args.params) if args.params else overrides_from_env()
        outcomes = run_cases(load_cases(args.file, overrides), overrides)
    except RulesError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(to_json(outcomes) + "\n" if args.json else to_text(outcomes))
    return 1 if any(o.check == "fail" for o in outcomes) else 0

"""The pure part of ``kiemdiem review``: read and validate, rate, build the results in memory,
then write everything at once (results workbook and documents) when asked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kiemdiem.rules import RulesError
from kiemdiem.rules.constraints import OrderCycleError, SubjectError
from kiemdiem.workbook.outcome import Item, SubjectLine, subject_lines
from kiemdiem.workbook.rating import ReviewRun, run_review
from kiemdiem.workbook.reader import WorkbookError, read_workbook
from kiemdiem.workbook.results import RESULTS_NAME, results_workbook
from kiemdiem.workbook.summary import summary_text

DOCUMENTS_FOLDER = "van-ban"


class ReviewRefused(Exception):
    """The review was refused before anything was written (Vietnamese message naming the cause)."""


class Documents(Protocol):
    """Rendered documents: file name -> content, notes to print, and the stored cycle, if any."""

    @property
    def files(self) -> Mapping[str, bytes]: ...

    @property
    def notes(self) -> list[str]: ...

    @property
    def cycle_label(self) -> str: ...


@dataclass
class Prepared:
    """A rated cycle, ready to write: ``results`` is the results workbook's content."""

    run: ReviewRun
    lines: list[SubjectLine]
    items: list[Item]
    results: bytes = field(repr=False)

    def summary(self, shown_items: int = 20) -> str:
        return summary_text(self.lines, self.items, shown_items=shown_items)

    def write(self, out: Path, documents: Documents | None = None) -> list[Path]:
        """Write the results workbook, and the documents into ``out/van-ban``; return the paths."""
        out.mkdir(parents=True, exist_ok=True)
        written = [out / RESULTS_NAME]
        written[0].write_bytes(self.results)
        if documents is not None and documents.files:
            folder = out / DOCUMENTS_FOLDER
            folder.mkdir(exist_ok=True)
            for name, data in documents.files.items():
                path = folder / name
                path.write_bytes(data)
                written.append(path)
        return written


def prepare(path: Path, period: str | None, *, progress: bool = False) -> Prepared:
    """Read ``path``, check ``period`` against it, rate the cycle and build the results.

    Raises :class:`ReviewRefused` with the workbook's problems (sheet, row, column), a period
    mismatch, or a rules/constraints refusal; nothing is written by this function.
    """
    try:
        book = read_workbook(path)
    except WorkbookError as error:
        raise ReviewRefused(str(error)) from None
    if period is not None and str(period).strip() != book.period:
        raise ReviewRefused(
            f"--period {period} khác kỳ ghi trong sổ {path.name} (sheet “Kỳ kiểm điểm”: {book.period}); không xử lý gì."
        )
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(book.self_rows), unit=" chủ thể", desc="Xếp loại", leave=False)
    try:
        run = run_review(book, book.period, on_layer=bar.update if bar is not None else None)
    except (RulesError, SubjectError, OrderCycleError) as error:
        raise ReviewRefused(f"Sổ {path.name}: không xếp loại được — {error}") from None
    finally:
        if bar is not None:
            bar.close()
    lines, items = subject_lines(run)
    return Prepared(run, lines, items, results_workbook(run, lines, items))

"""Charts of targets with matplotlib (Agg backend): SVG for pages, PNG for documents.

- :func:`plan_vs_actual`: every judged numeric target of a year as its value in % of plan, the
  plan line at 100%, bars coloured by status (targets have different units, so % of plan is the
  one common scale; lower-is-better targets are marked as such).
- :func:`series`: one target over the recorded years, plan and value side by side.

Text uses DejaVu Sans, which ships with matplotlib and has the Vietnamese glyphs.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from kiemdiem.targets.model import Direction, Target
from kiemdiem.targets.numbers import format_vn_number
from kiemdiem.targets.status import Status, TargetSettings, classify_all

Format = Literal["svg", "png"]
STATUS_COLOURS = {
    Status.EXCEEDED: "#2e7d32",
    Status.MET: "#1565c0",
    Status.MOSTLY_MET: "#f9a825",
    Status.MISSED: "#c62828",
}


def _style() -> Any:
    return matplotlib.rc_context({"font.family": "DejaVu Sans", "svg.hashsalt": "kiemdiem", "svg.fonttype": "path"})


def _render(figure: Figure, fmt: Format) -> bytes:
    if fmt not in ("svg", "png"):
        raise ValueError(f"định dạng biểu đồ phải là “svg” hoặc “png”, gặp {fmt!r}")
    buffer = io.BytesIO()
    # No creation date in the file: the same data gives the same bytes.
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    figure.savefig(buffer, format=fmt, dpi=150, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def plan_vs_actual(
    targets: Sequence[Target], year: int, fmt: Format = "png", *, settings: TargetSettings | None = None
) -> bytes:
    """Bars of each judged higher/lower/criteria target's value in % of plan for ``year``; SVG or PNG bytes.

    Raises ``ValueError`` when no such target can be drawn or ``fmt`` is neither "svg" nor "png".
    """
    rows = [
        r
        for r in classify_all(targets, year, settings)
        if r.status is not None
        and r.target.direction is not Direction.YES_NO
        and r.plan not in (None, 0)
        and r.value is not None
    ]
    if not rows:
        raise ValueError(f"không có chỉ tiêu nào có kế hoạch và số thực hiện năm {year} để vẽ")
    with _style():
        figure = Figure(figsize=(9, 0.45 * len(rows) + 1.6))
        axes = figure.add_subplot()
        labels, percents, colours = [], [], []
        for r in reversed(rows):
            assert r.value is not None
            assert r.plan is not None
            assert r.status is not None
            percent = float(r.value / r.plan * 100)
            suffix = " (thấp hơn là tốt)" if r.target.direction is Direction.LOWER else ""
            labels.append(_short(r.target.indicator) + suffix)
            percents.append(percent)
            colours.append(STATUS_COLOURS[r.status])
        bars = axes.barh(range(len(rows)), percents, color=colours)
        axes.set_yticks(range(len(rows)), labels, fontsize=8)
        axes.axvline(100, color="#333333", linewidth=1, linestyle="--")
        for bar, percent in zip(bars, percents, strict=True):
            axes.annotate(
                format_vn_number(_decimal(percent), 1) + "%",
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},  # readable over the 100% line
            )
        label = "Thực hiện so với kế hoạch (%); đường đứt: 100% kế hoạch"
        if any(r.status is Status.MOSTLY_MET for r in rows):
            # The tolerance is our setting, not a rule: shown wherever the status is.
            label += "\n" + "Ghi chú: " + (settings or TargetSettings()).describe()
        axes.set_xlabel(label, fontsize=9)
        axes.set_xlim(0, max(max(percents) * 1.15, 110))
        axes.set_title(f"Chỉ tiêu năm {year}: thực hiện so với kế hoạch", fontsize=11)
        handles = [
            Patch(color=colour, label=status.label) for status, colour in STATUS_COLOURS.items() if colour in colours
        ]
        axes.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        return _render(figure, fmt)


def _decimal(value: float) -> Decimal:
    return Decimal(str(round(value, 1)))


def series(target: Target, fmt: Format = "png", *, until: int | None = None) -> bytes:
    """Plan and value (actual, else estimate) of ``target`` for each recorded year up to ``until``.

    Raises ``ValueError`` when no year has a value, or for a bad ``fmt``.
    """
    years = [
        f for f in target.years if (until is None or f.year <= until) and (f.value is not None or f.plan is not None)
    ]
    if not any(f.value is not None for f in years):
        raise ValueError(f"chỉ tiêu {target.code} không có số thực hiện năm nào để vẽ")
    with _style():
        figure = Figure(figsize=(7, 4))
        axes = figure.add_subplot()
        positions = range(len(years))
        width = 0.38
        plans = [float(f.plan) if f.plan is not None else 0.0 for f in years]
        values = [float(f.value) if f.value is not None else 0.0 for f in years]
        plan_bars = axes.bar([p - width / 2 for p in positions], plans, width, label="Kế hoạch", color="#90a4ae")
        value_bars = axes.bar(
            [p + width / 2 for p in positions], values, width, label="Thực hiện (hoặc ước)", color="#1565c0"
        )
        for bars, numbers in ((plan_bars, [f.plan for f in years]), (value_bars, [f.value for f in years])):
            for bar, number in zip(bars, numbers, strict=True):
                # A missing figure is said, not drawn as a zero-height bar that reads as "0".
                axes.annotate(
                    format_vn_number(number) if number is not None else "chưa có",
                    (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    fontsize=8 if number is not None else 7,
                    color="#222222" if number is not None else "#777777",
                )
        axes.set_ylim(0, max([*plans, *values]) * 1.15)
        axes.set_xticks(list(positions), [str(f.year) for f in years])
        axes.set_ylabel(target.unit)
        axes.set_title(_short(target.indicator, 70), fontsize=11)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_vn_number(_decimal(v), 0)))
        axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=2, frameon=False)
        return _render(figure, fmt)

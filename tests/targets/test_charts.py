import pytest

from kiemdiem.targets import read_target_sheet
from kiemdiem.targets.charts import plan_vs_actual, series

from .builders import target

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_plan_vs_actual_renders_png_and_svg_with_vietnamese_text(thanh_van_sheet):
    # given
    targets = read_target_sheet(thanh_van_sheet).targets
    # when
    png = plan_vs_actual(targets, 2021, "png")
    svg = plan_vs_actual(targets, 2021, "svg")
    # then
    assert png.startswith(PNG_SIGNATURE)
    assert svg.lstrip().startswith(b"<?xml")
    assert b"<svg" in svg
    assert svg == plan_vs_actual(targets, 2021, "svg")  # no timestamp: same data, same file


def test_series_draws_the_recorded_years(thuong_tin_sheet):
    # given
    budget = next(t for t in read_target_sheet(thuong_tin_sheet).targets if t.code == "TT-04")
    # when
    png = series(budget, "png", until=2023)
    # then
    assert png.startswith(PNG_SIGNATURE)


def test_nothing_to_draw_and_unknown_format_are_refused():
    # given
    unplanned = [target("A", plan=None, actual="5")]
    # when / then
    with pytest.raises(ValueError, match="không có chỉ tiêu nào có kế hoạch và số thực hiện năm 2021 để vẽ"):
        plan_vs_actual(unplanned, 2021, "png")
    with pytest.raises(ValueError, match="định dạng biểu đồ phải là “svg” hoặc “png”, gặp 'pdf'"):
        plan_vs_actual([target("A", plan="1", actual="1")], 2021, "pdf")  # type: ignore[arg-type]

import io
import re
import shutil
import subprocess

import openpyxl
import pytest

from kiemdiem.documents.xlsx import NOT_RATED, PARTY_GROUPS, SummaryRow, summary_workbook
from kiemdiem.rules.levels import LEVELS_DESCENDING, Level

ROWS = [
    SummaryRow("Đảng bộ xã Tân An", "Đảng bộ huyện Thanh Vân", PARTY_GROUPS[0], Level.HTXSNV),
    SummaryRow("Đảng bộ xã Phú Lộc", "Đảng bộ huyện Thanh Vân", PARTY_GROUPS[0], Level.HTTNV),
    SummaryRow("Đảng bộ xã Hòa Mỹ", "Đảng bộ huyện Thanh Vân", PARTY_GROUPS[0], Level.HTTNV),
    SummaryRow("Chi bộ Trường Tiểu học Tân An", "Đảng bộ xã Tân An", PARTY_GROUPS[1], Level.HTNV),
    SummaryRow("Nguyễn Văn An", "Chi bộ Văn phòng", PARTY_GROUPS[2], Level.HTXSNV),
    SummaryRow("Trần Thị Bích", "Chi bộ Văn phòng", PARTY_GROUPS[2], Level.HTTNV),
    SummaryRow("Lê Văn Cường", "Chi bộ Văn phòng", PARTY_GROUPS[2], Level.KHTNV),
    SummaryRow("Phạm Thị Dung", "Chi bộ Văn phòng", PARTY_GROUPS[2], None, "Miễn công tác và sinh hoạt đảng"),
    SummaryRow("Võ Thị Giang", "Chi bộ Văn phòng", PARTY_GROUPS[2], None, pending=True),
]


def _evaluate(book, formula):
    """Evaluate the few formula shapes the summary uses (COUNTIFS, A-B, IF(x=0,"",a/b)) on its sheets."""
    sheet = book["Tổng hợp"]
    detail = book["Chi tiết"]

    def value(ref):
        cell = sheet[ref.replace("$", "")].value
        return _evaluate(book, cell) if isinstance(cell, str) and cell.startswith("=") else cell

    body = formula[1:]
    if body.startswith("COUNTIFS("):
        args = body[len("COUNTIFS(") : -1].split(",")
        count = 0
        for row in range(2, detail.max_row + 1):
            ok = True
            for rng, crit in zip(args[::2], args[1::2], strict=True):
                column = re.search(r"!\$([A-Z])\$", rng).group(1)
                wanted = crit.strip('"') if crit.startswith('"') else value(crit)
                ok &= detail[f"{column}{row}"].value == wanted
            count += ok
        return count
    if body.startswith("IF("):
        whole, part = re.fullmatch(r'IF\((\$?F\d+)=0,"",(\w+)/(\$?F\d+)\)', body).group(1, 2)
        return "" if value(whole) == 0 else value(part) / value(whole)
    first, *rest = body.split("-")
    return value(first) - sum(value(term) for term in rest)


def test_summary_formulas_count_exactly_the_subjects():
    # when
    book = openpyxl.load_workbook(io.BytesIO(summary_workbook(ROWS, issuer="Huyện ủy Thanh Vân", year=2021)))
    sheet = book["Tổng hợp"]
    # then
    computed = {
        sheet[f"B{r}"].value: [_evaluate(book, sheet.cell(r, c).value) for c in range(3, 15)] for r in (6, 7, 8)
    }
    assert computed == {
        "Tổ chức cơ sở đảng": [3, 0, 0, 3, 1, 1 / 3, 2, 2 / 3, 0, 0, 0, 0],
        "Chi bộ trực thuộc đảng ủy cơ sở": [1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0],
        "Đảng viên": [5, 1, 1, 3, 1, 1 / 3, 1, 1 / 3, 0, 0, 1, 1 / 3],
    }
    for group in PARTY_GROUPS:
        expected_total = sum(1 for row in ROWS if row.group == group)
        assert computed[group][0] == expected_total
        assert sum(computed[group][4::2]) == sum(1 for row in ROWS if row.group == group and row.level)
    assert sheet["H6"].number_format == "0.00%"
    assert [sheet.cell(5, c).value for c in (7, 9, 11, 13)] == [f"{level} (số lượng)" for level in LEVELS_DESCENDING]


def test_those_not_rated_are_listed_with_reasons():
    # when
    book = openpyxl.load_workbook(io.BytesIO(summary_workbook(ROWS, issuer="Huyện ủy Thanh Vân", year=2021)))
    # then
    listed = list(book[NOT_RATED].iter_rows(min_row=2, values_only=True))
    assert listed == [(1, "Phạm Thị Dung", "Đảng viên", "Chi bộ Văn phòng", "Miễn công tác và sinh hoạt đảng")]


def test_not_rated_without_reason_is_refused():
    # given
    rows = [SummaryRow("Hoàng Văn Em", None, "Đảng viên", None)]
    # when
    with pytest.raises(ValueError, match="phải ghi lý do") as error:
        summary_workbook(rows, issuer="Huyện ủy Thanh Vân", year=2021)
    # then
    assert str(error.value) == "'Hoàng Văn Em': không xếp loại thì phải ghi lý do"


def test_unknown_group_is_refused_with_the_groups_listed():
    # given
    rows = [SummaryRow("Hoàng Văn Em", None, "Công chức", Level.HTNV)]
    # when
    with pytest.raises(ValueError, match="không có trong biểu") as error:
        summary_workbook(rows, issuer="Huyện ủy Thanh Vân", year=2021)
    # then
    assert str(error.value) == (
        "'Hoàng Văn Em': nhóm 'Công chức' không có trong biểu "
        "(Tổ chức cơ sở đảng, Chi bộ trực thuộc đảng ủy cơ sở, Đảng viên)"
    )


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_recalculates_the_same_totals(tmp_path):
    # given
    source = tmp_path / "bieu.xlsx"
    source.write_bytes(summary_workbook(ROWS, issuer="Huyện ủy Thanh Vân", year=2021))
    out = tmp_path / "out"
    # when
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    # then
    sheet = openpyxl.load_workbook(out / "bieu.xlsx", data_only=True)["Tổng hợp"]
    assert [sheet.cell(8, c).value for c in range(3, 9)] == [5, 1, 1, 3, 1, pytest.approx(1 / 3)]


@pytest.mark.parametrize("name", ["Chi tiết", NOT_RATED])
def test_the_lists_print_on_a4_landscape_one_page_wide_with_their_heading_repeated(name):
    # when
    sheet = openpyxl.load_workbook(io.BytesIO(summary_workbook(ROWS, issuer="Huyện ủy Thanh Vân", year=2021)))[name]
    # then
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == "$1:$1"
    assert (sheet["B2"].alignment.horizontal, sheet["A2"].alignment.horizontal) == ("left", "center")
    assert sheet.column_dimensions["B"].width == 44

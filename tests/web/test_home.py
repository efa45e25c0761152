import datetime as dt
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from kiemdiem.org.models import OrganisationSuccession
from kiemdiem.reviews.services import review_cycle_open
from tests.org import builders


@pytest.mark.django_db
def test_home_page_lists_organisations_with_their_history_and_the_cycles(client):
    # given
    city = builders.organisation(name="Đảng bộ thành phố Hà Nội", level="province", symbol="TU")
    district = builders.organisation(name="Đảng bộ huyện Thanh Vân", parent=city, valid_to=dt.date(2025, 6, 30))
    commune = builders.organisation(
        name="Đảng bộ xã Vân Cát", parent=district, level="commune", valid_to=dt.date(2025, 6, 30)
    )
    merged = builders.organisation(
        name="Đảng bộ xã Thanh Vân", parent=city, level="commune", valid_from=dt.date(2025, 7, 1)
    )
    OrganisationSuccession.objects.create(
        predecessor=commune, successor=merged, kind="merge", changed_on=dt.date(2025, 7, 1)
    )
    review_cycle_open(scope=district, period="2021", actor=None, opened_on=dt.date(2021, 11, 15))
    # when
    page = client.get(reverse("web:home"))
    # then
    html = page.content.decode()
    assert page.status_code == 200
    assert '<td data-label="Kỳ">2021</td>' in html
    assert '<td data-label="Ngày mở">15/11/2021</td>' in html
    assert (
        'Đảng bộ xã Vân Cát</a>\n    <span class="muted">— Đảng bộ, Xã, phường, thị trấn; đến 30/06/2025; '
        "kế thừa bởi Đảng bộ xã Thanh Vân</span>" in html
    )
    assert html.index("Đảng bộ huyện Thanh Vân</a>") < html.index("Đảng bộ xã Vân Cát</a>")


@pytest.mark.django_db
def test_home_page_without_data_says_how_to_load_the_example(client):
    # when
    page = client.get(reverse("web:home"))
    # then
    assert "Chưa có dữ liệu. Nạp huyện mẫu bằng lệnh: kiemdiem example load" in page.content.decode()


@pytest.mark.django_db
def test_home_page_is_available_in_english_once_chosen(client):
    # given the user picked English with the language selector
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    # when
    page = client.get(reverse("web:home"))
    # then
    html = page.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Review and quality rating</h1>" in html
    assert '<option value="vi">Tiếng Việt</option>' in html


class _CycleTable(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.table_class: str | None = None
        self.headers: list[str] = []
        self.labels: list[str | None] = []
        self._in_th = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and self.table_class is None:
            self.table_class = dict(attrs).get("class")
        self._in_th = tag == "th"
        if tag == "td":
            self.labels.append(dict(attrs).get("data-label"))

    def handle_data(self, data: str) -> None:
        if self._in_th:
            self.headers.append(data)
            self._in_th = False


@pytest.mark.django_db
def test_on_a_phone_each_cycle_cell_carries_its_column_header(client):
    # given: six columns do not fit 390 px; the page shows each cycle as a card of labelled cells
    district = builders.organisation(name="Đảng bộ huyện Thanh Vân")
    review_cycle_open(scope=district, period="2021", actor=None, opened_on=dt.date(2021, 11, 15))
    # when
    html = client.get(reverse("web:home")).content.decode()
    # then
    table = _CycleTable()
    table.feed(html)
    assert table.table_class == "cards"
    assert table.headers == ["Phạm vi", "Kỳ", "Trạng thái", "Bộ quy tắc", "Số bản kiểm điểm", "Ngày mở"]
    assert table.labels == table.headers
    assert "@media (max-width: 40rem)" in html


@pytest.mark.django_db
def test_an_english_browser_still_gets_vietnamese_until_the_user_chooses(client):
    # when an office PC's English browser asks for the page
    page = client.get(reverse("web:home"), headers={"accept-language": "en-US,en;q=0.9"})
    # then
    html = page.content.decode()
    assert '<html lang="vi">' in html

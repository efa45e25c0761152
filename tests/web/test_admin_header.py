import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse


@pytest.mark.django_db
def test_admin_is_named_after_the_job(client):
    # given
    user = get_user_model().objects.create_superuser("thu-ky", "thu-ky@example.vn", "mat-khau-dai-123")
    client.force_login(user)
    # when
    html = client.get(reverse("admin:index")).content.decode()
    # then
    assert "kiemdiem — Kiểm điểm, đánh giá, xếp loại chất lượng" in html
    assert "Quản trị dữ liệu kiểm điểm" in html
    assert "Django" not in html.split("<body", 1)[1].split("</header>", 1)[0]

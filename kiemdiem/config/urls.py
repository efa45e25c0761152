"""Root URL configuration."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

# The admin is what organisers use every day: name it after the job, not after the framework.
admin.site.site_header = _("kiemdiem — Kiểm điểm, đánh giá, xếp loại chất lượng")
admin.site.site_title = _("kiemdiem")
admin.site.index_title = _("Quản trị dữ liệu kiểm điểm")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("kiemdiem.web.urls")),
]

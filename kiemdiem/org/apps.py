from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "kiemdiem.org"
    label = "org"
    verbose_name = _("Tổ chức, tập thể và cá nhân")

    def ready(self) -> None:
        from kiemdiem.org import checks  # noqa: F401 - registers kiemdiem.E001

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitTargetsConfig(AppConfig):
    name = "kiemdiem.unit_targets"
    label = "unit_targets"
    verbose_name = _("Chỉ tiêu")

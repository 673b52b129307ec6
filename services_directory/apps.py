from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import content_cache


class ServicesDirectoryConfig(AppConfig):
    """Shelters and services by region, aligned with Open Referral HSDS 3."""

    name = "services_directory"
    label = "services_directory"
    verbose_name = _("Services directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The regions and taxonomy terms are cached (lookups.py).
        from .models import Population, Region, ServiceType

        for model in (Region, ServiceType, Population):
            content_cache.invalidate_on_change(model)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesDirectoryConfig(AppConfig):
    """Shelters and services by region, aligned with Open Referral HSDS 3."""

    name = "services_directory"
    label = "services_directory"
    verbose_name = _("Services directory")
    default_auto_field = "django.db.models.BigAutoField"

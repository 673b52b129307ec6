from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Site-wide pieces: settings, blocks, template tags and the initial content."""

    name = "portal"
    label = "portal"
    verbose_name = "Portal"
    default_auto_field = "django.db.models.BigAutoField"

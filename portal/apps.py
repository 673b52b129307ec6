from django.apps import AppConfig

from . import cache_invalidation


class PortalConfig(AppConfig):
    """The project: its management commands (load_initial_data runs each app's initial
    content). Its only migrations are the history of models that moved to `core`."""

    name = "portal"
    label = "portal"
    verbose_name = "Portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        cache_invalidation.connect()

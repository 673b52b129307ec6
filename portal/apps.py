from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate

from . import cache_invalidation


def create_cache_tables(using, **kwargs):
    """The database caches the settings name (production's single-use claims without Redis)
    exist as soon as the database is migrated: no release step to forget."""
    call_command("createcachetable", database=using, verbosity=0)


class PortalConfig(AppConfig):
    """The project: its management commands (load_initial_data runs each app's initial
    content). Its only migrations are the history of models that moved to `core`."""

    name = "portal"
    label = "portal"
    verbose_name = "Portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        cache_invalidation.connect()
        post_migrate.connect(create_cache_tables, sender=self)

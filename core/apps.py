from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: the base page, shared blocks, site settings, navigation,
    template tags, security middleware, login throttling. It imports no other local app."""

    name = "core"
    label = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import content_signals

        content_signals.connect()

from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page of each language and the standard (editorial) pages."""

    name = "home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"

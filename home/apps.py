from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The editorial pages: home, standard pages, the plan and its concepts."""

    name = "home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"

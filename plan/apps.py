from django.apps import AppConfig


class PlanConfig(AppConfig):
    """A national action plan: its page, strategic objectives, indicators and institutions."""

    name = "plan"
    label = "plan"
    verbose_name = "Plan"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig

from core import content_cache


class PlanConfig(AppConfig):
    """A national action plan: its page, strategic objectives, indicators and institutions."""

    name = "plan"
    label = "plan"
    verbose_name = "Plan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The acronym tables are cached (Institution.objects.abbreviations).
        from .models import Institution

        content_cache.invalidate_on_change(Institution)

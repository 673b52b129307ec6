from django.apps import AppConfig


class ChartsConfig(AppConfig):
    """Server-side SVG charts with their data table, the data-series block and CSV export."""

    name = "charts"
    label = "charts"
    verbose_name = "Charts"
    default_auto_field = "django.db.models.BigAutoField"

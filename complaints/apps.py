from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from charts.datasets import register_dataset


class ComplaintsConfig(AppConfig):
    name = "complaints"
    label = "complaints"
    verbose_name = _("Complaints")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The counts become citable by charts (the plan's indicators) without plan or charts
        # importing this app.
        from .published_counts import ComplaintCountDataset

        register_dataset(ComplaintCountDataset())

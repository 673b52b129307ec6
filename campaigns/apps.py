from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    """Awareness campaigns, the partner media that embed them and how far they reach."""

    name = "campaigns"
    label = "campaigns"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """How the communications team works in the admin: roles, review workflow, two-factor
    sign-in, the site's dashboard and the translation status."""

    name = "editorial"
    label = "editorial"
    verbose_name = _("Editorial work")
    default_auto_field = "django.db.models.BigAutoField"

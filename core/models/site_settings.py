"""Site-wide settings that editors change without a deployment."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks import EmergencyContactBlock
from ..site_settings_form import SiteSettingsForm


@register_setting(icon="warning")
class SiteSettings(BaseSiteSetting):
    emergency_contacts = StreamField(
        [("contact", EmergencyContactBlock())],
        blank=True,
        verbose_name=_("emergency contacts"),
        help_text=_(
            "Shown at the top of every page as phone links. Put the most important line first "
            "and keep the list short: a person in danger must find it in two seconds."
        ),
    )
    quick_exit_url = models.URLField(
        _("quick exit destination"),
        default=settings.QUICK_EXIT_FALLBACK_URL,
        help_text=_(
            "A neutral website that replaces this one when a visitor presses “Exit this page” "
            "(for example a search engine or a weather site). It must not look related to "
            "trafficking or to help services."
        ),
    )

    safety_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("safety page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("How to browse safely. Linked from the footer of every page."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )
    open_data_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("open data page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Explains the open data API. Linked from the footer of every page."),
    )

    panels = [
        FieldPanel("emergency_contacts"),
        FieldPanel("quick_exit_url"),
        FieldPanel("safety_page"),
        FieldPanel("privacy_page"),
        FieldPanel("open_data_page"),
        FieldPanel("confirm_safety_change"),
    ]
    base_form_class = SiteSettingsForm

    # Loaded with the settings in one query: every page links to them from its footer.
    select_related = ("safety_page", "privacy_page", "open_data_page")

    class Meta:
        verbose_name = _("site settings")

    def localized_emergency_contacts(self):
        """The contacts with the description in the language of the current request."""
        english = (get_language() or "es").startswith("en")
        return [
            {
                "name": contact.value["name"],
                "number": contact.value["number"],
                # An English description left blank falls back to the Spanish one.
                "description": (english and contact.value["description_en"])
                or contact.value["description_es"],
            }
            for contact in self.emergency_contacts
        ]

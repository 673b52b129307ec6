"""Site-wide settings that editors change without a deployment."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from .. import content_cache
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

    @classmethod
    def summary_for_site(cls, site):
        """What every public page shows of the settings (the hotlines, the quick-exit target,
        the footer pages), from the content cache: saving the settings replaces it."""
        return content_cache.cached(f"site-settings:{site.pk}", lambda: cls._summary(site))

    @classmethod
    def _summary(cls, site):
        settings_ = cls.for_site(site)
        return {
            "emergency_contacts": [dict(contact.value) for contact in settings_.emergency_contacts],
            "quick_exit_url": settings_.quick_exit_url,
            "footer_page_ids": [
                page_id
                for page_id in (
                    settings_.safety_page_id,
                    settings_.privacy_page_id,
                    settings_.open_data_page_id,
                )
                if page_id is not None
            ],
        }

    def localized_emergency_contacts(self):
        """The contacts with the description in the language of the current request."""
        return localize_emergency_contacts(contact.value for contact in self.emergency_contacts)


def localize_emergency_contacts(contacts):
    """Each contact with the description in the language of the current request."""
    english = (get_language() or "es").startswith("en")
    return [
        {
            "name": contact["name"],
            "number": contact["number"],
            # An English description left blank falls back to the Spanish one.
            "description": (english and contact["description_en"]) or contact["description_es"],
        }
        for contact in contacts
    ]

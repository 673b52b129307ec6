from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import content_cache


class InstitutionQuerySet(models.QuerySet):
    def abbreviations(self, locale_id, extra=None):
        """{acronym: full name} for the institutions of a language, plus `extra`. From the
        content cache, which saving or deleting an institution empties (plan/apps.py).

        Texts keep plain acronyms ("MIMP"); templates mark them up with these full names
        (plan.abbreviations), so an editor renaming an institution updates every page."""
        abbreviations = dict(
            content_cache.cached(
                f"abbreviations:{locale_id}",
                lambda: list(
                    self.filter(locale_id=locale_id)
                    .exclude(acronym="")
                    .values_list("acronym", "name")
                ),
            )
        )
        abbreviations.update(extra or {})
        return abbreviations


class Institution(TranslatableMixin, index.Indexed, models.Model):
    """A public body or organisation responsible for part of the plan."""

    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_(
            "As the plan writes it, e.g. MIMP. Wherever it appears in the plan's texts, "
            "it is shown with the full name for screen readers and on hover."
        ),
    )
    name = models.CharField(_("full name"), max_length=255)
    website = models.URLField(_("website"), blank=True)

    objects = InstitutionQuerySet.as_manager()

    panels = [FieldPanel("acronym"), FieldPanel("name"), FieldPanel("website")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    api_fields = [APIField("acronym"), APIField("name"), APIField("website")]
    # The acronym and website are the same in every language; only the name is translated.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("acronym"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

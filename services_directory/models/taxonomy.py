import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTerm(TranslatableMixin, models.Model):
    """A term of one of the directory's two taxonomies (HSDS `taxonomy_term`).

    The slug is what URLs (`?type=albergue`) and imports carry, so every translation of a
    term keeps the same slug; the name and description are translated."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_("Used in addresses and imports, the same in every language, e.g. shelter."),
    )
    description = models.TextField(_("description"), blank=True)

    # A translation is a new row: it gets its own UUID rather than a copy of this one.
    exclude_fields_in_copy = ["id"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ServiceType(TaxonomyTerm):
    """What a service does: shelter, legal aid, psychological care, hotline…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("service type")
        verbose_name_plural = _("service types")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_service_type_slug")
        ]


class Population(TaxonomyTerm):
    """Who a service is for: children and adolescents, women, migrants, Indigenous peoples…"""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("population")
        verbose_name_plural = _("populations")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_population_slug")
        ]

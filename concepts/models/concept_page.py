from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import BasePage
from home.blocks import BodyStreamBlock


class RelatedConceptsSerializer(serializers.Field):
    def to_representation(self, links):
        return [
            {"id": link.related_id, "title": link.related.title}
            for link in links.select_related("related")
        ]


class ConceptPageForm(WagtailAdminPageForm):
    """Offers the service types of the page's own language only: an English page lists
    "Shelter", not "Albergue o casa refugio" beside it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("service_types")
        if field is not None and self.instance.locale_id:
            field.queryset = field.queryset.filter(locale_id=self.instance.locale_id)
            self.initial["service_types"] = [
                term.pk for term in self.instance.service_types_in_own_language()
            ]


class ConceptPage(BasePage):
    """Explains one concept: trafficking, debt bondage, each form of exploitation…"""

    page_description = _(
        "One concept explained in plain words, such as “human trafficking” or "
        "“labour exploitation”."
    )

    abbreviation = models.CharField(
        _("abbreviation"), max_length=20, blank=True, help_text=_("e.g. ESNNA")
    )
    short_definition = models.TextField(
        _("short definition"),
        max_length=300,
        help_text=_("One sentence, shown in lists of concepts and as the definition's summary."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("explanation"))
    # A reference by name, not an import: the directory app comes after this one.
    service_types = ParentalManyToManyField(
        "services_directory.ServiceType",
        verbose_name=_("services that help"),
        blank=True,
        related_name="+",
        help_text=_(
            "The page lists services of these types from the services directory, so a reader "
            "finds help right after the explanation."
        ),
    )

    parent_page_types = ["concepts.ConceptIndexPage"]
    subpage_types = []
    base_form_class = ConceptPageForm
    # Translations follow the source page's choice of service types (save() then takes each
    # term's translation into the page's language).
    override_translatable_fields = [SynchronizedField("service_types")]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("abbreviation"),
        FieldPanel("short_definition"),
        FieldPanel("body"),
        InlinePanel("related_concept_links", label=_("Related concepts")),
        FieldPanel("service_types", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("abbreviation"),
        index.SearchField("short_definition"),
        index.SearchField("body"),
    ]
    search_summary_fields = ("short_definition", "description")
    api_fields = [
        *BasePage.api_fields,
        APIField("abbreviation"),
        APIField("short_definition"),
        APIField("body"),
        APIField("related_concept_links", serializer=RelatedConceptsSerializer()),
    ]

    class Meta:
        verbose_name = _("concept")

    def save(self, *args, **kwargs):
        # A translation (wagtail-localize copies the source page's choices) points at the
        # source language's terms: it takes their translations into its own language.
        chosen = list(self.service_types.all())
        if any(term.locale_id != self.locale_id for term in chosen):
            self.service_types = self.service_types_in_own_language()
        super().save(*args, **kwargs)

    def service_types_in_own_language(self):
        """The chosen service types, each in this page's language when it has a translation."""
        return [
            term
            if term.locale_id == self.locale_id
            else term.get_translation_or_none(self.locale_id) or term
            for term in self.service_types.all()
        ]

    def related_concepts(self):
        """Related concepts in this page's language (links may point at the Spanish pages,
        as translations copy them): two queries however many there are."""
        keys = [
            link.related.translation_key
            for link in self.related_concept_links.select_related("related")
        ]
        localized = {
            page.translation_key: page
            for page in ConceptPage.objects.live().filter(
                translation_key__in=keys, locale=self.locale_id
            )
        }
        return [localized[key] for key in keys if key in localized]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_concepts"] = self.related_concepts()
        context["related_cards"] = [concept.card() for concept in context["related_concepts"]]
        return context

    def search_title_text(self):
        # "ESNNA" finds the concept it abbreviates as surely as its name does.
        return f"{self.title} {self.abbreviation}"

    def card(self):
        return {**super().card(), "text": self.short_definition}


class ConceptRelation(Orderable):
    page = ParentalKey(ConceptPage, on_delete=models.CASCADE, related_name="related_concept_links")
    related = models.ForeignKey(
        ConceptPage, verbose_name=_("concept"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("related concept")

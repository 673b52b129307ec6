from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.models import BasePage
from home.blocks import BodyStreamBlock


class RelatedConceptsSerializer(serializers.Field):
    def to_representation(self, links):
        return [
            {"id": link.related_id, "title": link.related.title}
            for link in links.select_related("related")
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
    api_fields = [
        *BasePage.api_fields,
        APIField("abbreviation"),
        APIField("short_definition"),
        APIField("body"),
        APIField("related_concept_links", serializer=RelatedConceptsSerializer()),
    ]

    class Meta:
        verbose_name = _("concept")

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

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from concepts.models import ConceptPage
from core.models import BasePage

from ..blocks import CampaignStreamBlock
from ..kit import build_kit_zip, downloads, public_assets
from ..panels import EmbedCodePanel

hashtag_validator = RegexValidator(
    r"^#?\w{2,60}$",
    _("One hashtag: letters, digits and underscores, e.g. #NoALaTrata."),
    flags=re.UNICODE,
)


class CampaignPage(RoutablePageMixin, BasePage):
    """One awareness campaign. Publishing it can be scheduled (“Go-live date” in the Status
    panel); its own start and end dates say when it runs. After the end date it stays online,
    marked as ended, and drops off the home page."""

    page_description = _(
        "An awareness campaign that partner media can embed, with its kit of files."
    )

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave blank for an ongoing campaign.")
    )
    hashtag = models.CharField(
        _("hashtag"), max_length=61, blank=True, validators=[hashtag_validator]
    )
    body = StreamField(CampaignStreamBlock(), verbose_name=_("content"))

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("hashtag"),
        FieldPanel("body"),
        InlinePanel("concept_links", label=_("Concepts it is about")),
        InlinePanel(
            "partner_links",
            label=_("Partners spreading it"),
            help_text=_(
                "Media partners shown with their logos under “With”. Inactive partners are "
                "not shown."
            ),
        ),
        InlinePanel(
            "kit_assets",
            label=_("Campaign kit"),
            help_text=_(
                "Files partners may download: images (offered in several sizes), PDFs, audio "
                "spots, subtitles. Files in a private collection are never offered."
            ),
        ),
        MultiFieldPanel([EmbedCodePanel()], heading=_("Embed this campaign")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("hashtag"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("start_date"),
        APIField("end_date"),
        APIField("hashtag"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})
        self.hashtag = self.hashtag.lstrip("#")

    @property
    def is_ended(self):
        return self.end_date is not None and self.end_date < timezone.localdate()

    @property
    def hashtag_text(self):
        return f"#{self.hashtag}" if self.hashtag else ""

    def first_block_value(self, block_type):
        for block in self.body:
            if block.block_type == block_type:
                return block.value
        return None

    @property
    def hero(self):
        """The hero block's value (image, alt_text, caption), or None."""
        return self.first_block_value("hero")

    @property
    def key_message(self):
        value = self.first_block_value("key_message")
        return value["message"] if value else ""

    def kit_downloads(self):
        return downloads(public_assets(self))

    @property
    def kit_zip_path(self):
        """The ZIP's address relative to the page's own."""
        return self.reverse_subpage("kit_zip")

    # Wagtail serves page paths ending in a slash, so the ZIP is at …/kit/ (its file name comes
    # from Content-Disposition).
    @path("kit/", name="kit_zip")
    def kit_zip(self, request):
        """Every file of the kit in one ZIP, with a list of licences and credits."""
        with override(self.locale.language_code):
            archive = build_kit_zip(self)
        filename = f"{self.slug}-kit.zip"
        return FileResponse(archive, as_attachment=True, filename=filename)

    @property
    def video_file(self):
        """The first video file block's value (for the embed), or None."""
        return self.first_block_value("video_file")

    def partners(self):
        """The active partners spreading this campaign, in the editor's order, with their
        logos' renditions: two queries however many there are."""
        links = (
            self.partner_links.filter(partner__active=True)
            .select_related("partner__logo")
            .prefetch_related("partner__logo__renditions")
            .order_by("sort_order")
        )
        return [link.partner for link in links]

    def concepts(self):
        """The concepts in this page's language, in the editor's order (links may point at
        the Spanish pages, as a translation copies them): one query however many there are."""
        position = CampaignConcept.objects.filter(
            page=self, concept__translation_key=OuterRef("translation_key")
        ).values("sort_order")[:1]
        return list(
            ConceptPage.objects.live()
            .filter(
                locale=self.locale_id,
                translation_key__in=Subquery(
                    CampaignConcept.objects.filter(page=self).values("concept__translation_key")
                ),
            )
            .annotate(position=Subquery(position))
            .order_by("position")
        )


class CampaignConcept(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="concept_links")
    concept = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("concept"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("concept", page_type="concepts.ConceptPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("concept")


class CampaignPartner(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        "campaigns.MediaPartner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="campaign_links",
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .campaign_page import CampaignPage

LICENCES = [
    ("cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")),
    ("cc-by-nd-4.0", _("Creative Commons Attribution-NoDerivatives 4.0 (CC BY-ND 4.0)")),
    ("cc-by-nc-nd-4.0", _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0")),
    ("campaign-use", _("Free to use unchanged for this campaign only")),
]


class CampaignKitAsset(Orderable):
    """One file of the campaign kit partners download: an image (offered in several sizes)
    or a document (PDF, audio spot, subtitles…), with its licence and credit."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="kit_assets")
    title = models.CharField(_("title"), max_length=150)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A PDF, an audio spot, a subtitle file…"),
    )
    licence = models.CharField(_("licence"), max_length=30, choices=LICENCES)
    credit = models.CharField(
        _("credit"), max_length=200, help_text=_("Who made it, as partners must credit it.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("document"),
        FieldPanel("licence"),
        FieldPanel("credit"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kit file")
        verbose_name_plural = _("campaign kit")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.image_id) == bool(self.document_id):
            message = _("Choose either an image or a document.")
            raise ValidationError({"image": message, "document": message})

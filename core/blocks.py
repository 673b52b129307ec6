"""StreamField blocks shared by every app. Each block renders with its own template under
templates/core/blocks/, so pages built at different times look the same."""

import copy
import logging

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

logger = logging.getLogger(__name__)

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

phone_number_validator = RegexValidator(
    r"^\+?[0-9 ]{3,20}$",
    _("Use digits only, optionally starting with + and separated by spaces (e.g. 1818)."),
)


def paragraph_block():
    return blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        template="core/blocks/rich_text_block.html",
    )


class EmergencyContactBlock(blocks.StructBlock):
    """One hotline in the emergency bar. The name is a proper noun and is not translated."""

    name = blocks.CharBlock(
        label=_("Name"), max_length=60, help_text=_("As people know it, e.g. “Línea 1818”.")
    )
    number = blocks.CharBlock(
        label=_("Number to dial"), max_length=20, validators=[phone_number_validator]
    )
    description_es = blocks.CharBlock(
        label=_("What it is for (Spanish)"),
        max_length=120,
        help_text=_("Short, e.g. “Denuncias de trata de personas”."),
    )
    description_en = blocks.CharBlock(
        label=_("What it is for (English)"),
        max_length=120,
        required=False,
        help_text=_("Left blank, the Spanish text is shown on English pages."),
    )

    class Meta:
        icon = "mobile-alt"
        label = _("Emergency contact")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        help_text=_("The page title is the only h1. Use h3 only inside an h2 section."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "core/blocks/heading_block.html"


class RenditionsImageChooserBlock(ImageChooserBlock):
    """An image chooser whose images come with their renditions: Wagtail converts every block
    of one type in a StreamField at once (bulk_to_python), so a page's images cost one query
    and their renditions one more, however many there are, even when the rendition cache is
    empty (after a deploy, or with no shared cache). Stored and migrated as Wagtail's own
    ImageChooserBlock: prefetching changes nothing in the data."""

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions().in_bulk(values)
        result = []
        seen = set()
        for image_id in values:
            image = images.get(image_id)
            if image is not None and image_id in seen:
                # The same image twice: a copy each (as Wagtail does), as ImageBlock sets its
                # alt text on the instance.
                image = copy.copy(image)
            result.append(image)
            seen.add(image_id)
        return result

    def deconstruct(self):
        _, args, kwargs = super().deconstruct()
        return "wagtail.images.blocks.ImageChooserBlock", args, kwargs


class RenditionsImageBlock(ImageBlock):
    """Wagtail's ImageBlock (image, alt text, decorative) whose image comes with its renditions
    (see RenditionsImageChooserBlock). ImageBlock always deconstructs as itself."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        chooser = RenditionsImageChooserBlock(required=required)
        chooser.set_name("image")
        self.child_blocks["image"] = chooser


class FigureBlock(blocks.StructBlock):
    image = RenditionsImageBlock(
        label=_("Image"),
        help_text=_(
            "Describe what the image shows for people who cannot see it, in one sentence. "
            "Mark it as decorative only if it adds nothing to the text."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=60,
        help_text=_(
            "Says where the link goes, e.g. “Find a shelter near you”, never “click here”."
        ),
    )

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "core/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page on this site or an external address.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class VideoEmbedBlock(blocks.StructBlock):
    """A video from an external provider. The provider's player loads only when the visitor
    asks for it, so no third party learns of a visit to this site by default."""

    url = EmbedBlock(label=_("Address of the video"), help_text=_("YouTube or Vimeo."))
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, help_text=_("Says what the video is about.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "core/blocks/video_embed_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed"] = None
        if value["url"]:
            try:
                context["embed"] = get_embed(value["url"].url)
            except EmbedException:
                logger.warning("Could not fetch the embed for %s", value["url"].url)
        return context


class FeaturedLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=80, help_text=_("Defaults to the page title.")
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, help_text=_("Defaults to the page description.")
    )

    class Meta:
        icon = "link"
        label = _("Featured link")

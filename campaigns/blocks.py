"""The blocks a campaign page is built from. Each renders its own template under
templates/campaigns/blocks/; the video and rich text reuse the site's shared blocks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import VideoEmbedBlock, paragraph_block


class HeroBlock(blocks.StructBlock):
    """The campaign's main image. Its alt text is required: the image carries the message."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        help_text=_(
            "Describe what the image shows and any text in it, in one sentence, for people "
            "who cannot see it. Also used when the campaign is shared on social media."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption or credit"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Hero image")
        template = "campaigns/blocks/hero_block.html"


class KeyMessageBlock(blocks.StructBlock):
    message = blocks.TextBlock(
        label=_("Key message"),
        max_length=280,
        help_text=_("The one sentence people should remember. It also heads the embed."),
    )

    class Meta:
        icon = "pick"
        label = _("Key message")
        template = "campaigns/blocks/key_message_block.html"


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("Figure"), max_length=30, help_text=_("As it should read, e.g. “1 in 3”.")
    )
    label = blocks.CharBlock(label=_("What it counts"), max_length=150)
    source = blocks.CharBlock(
        label=_("Source"),
        max_length=250,
        help_text=_("Who published this figure, and where. Required: no figure without source."),
    )
    source_url = blocks.URLBlock(label=_("Address of the source"), required=False)

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "campaigns/blocks/key_figures_block.html"


class TestimonyBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Testimony"))
    attribution = blocks.CharBlock(
        label=_("Who speaks"),
        max_length=120,
        required=False,
        help_text=_("A first name or a description (“a survivor from Loreto”), never a full name."),
    )
    consent_note = blocks.CharBlock(
        label=_("Consent note"),
        max_length=250,
        help_text=_(
            "Shown with the testimony, e.g. “Shared with consent; names and places changed "
            "to protect her.” Publish only with the person's informed, written consent."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("Testimony")
        template = "campaigns/blocks/testimony_block.html"


class CampaignCallToActionBlock(blocks.StructBlock):
    """Sends people to help: the hotlines from the site settings, or a page of the site such
    as the complaint form or the services directory."""

    HOTLINES = "hotlines"
    PAGE = "page"

    heading = blocks.CharBlock(label=_("Heading"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), required=False)
    action = blocks.ChoiceBlock(
        label=_("Action"),
        choices=[
            (HOTLINES, _("Call a hotline (from the site settings)")),
            (PAGE, _("Go to a page of the site (complaint form, services directory…)")),
        ],
        default=HOTLINES,
    )
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    link_text = blocks.CharBlock(
        label=_("Link text"),
        max_length=60,
        required=False,
        help_text=_("Says where the link goes, e.g. “Report a case”, never “click here”."),
    )

    class Meta:
        icon = "mobile-alt"
        label = _("Call to action")
        template = "campaigns/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value["action"] == self.PAGE:
            errors = {}
            if not value.get("page"):
                errors["page"] = ValidationError(_("Choose the page to send people to."))
            if not value.get("link_text"):
                errors["link_text"] = ValidationError(_("Say where the link goes."))
            if errors:
                raise StructBlockValidationError(block_errors=errors)
        return value


class CampaignStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    key_message = KeyMessageBlock()
    paragraph = paragraph_block()
    video = VideoEmbedBlock()
    key_figures = KeyFiguresBlock()
    testimony = TestimonyBlock()
    call_to_action = CampaignCallToActionBlock()

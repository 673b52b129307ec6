"""The blocks a campaign page is built from. Each renders its own template under
templates/campaigns/blocks/; the video and rich text reuse the site's shared blocks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import CollectionViewRestriction

from core.blocks import RenditionsImageChooserBlock, VideoEmbedBlock, paragraph_block


class HeroBlock(blocks.StructBlock):
    """The campaign's main image. Its alt text is required: the image carries the message."""

    # Its renditions in one query: the page shows it in several sizes and formats, and the
    # social media preview in one more.
    image = RenditionsImageChooserBlock(label=_("Image"))
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


# What a video file must start with: WebM's EBML header, or an MP4 "ftyp" box (after its size).
VIDEO_SIGNATURES = {"webm": (0, b"\x1a\x45\xdf\xa3"), "mp4": (4, b"ftyp")}
VIDEO_TYPES = {"webm": "video/webm", "mp4": "video/mp4"}
# Languages a campaign's captions may be in: the site's two, and Peru's most spoken others.
CAPTION_LANGUAGES = [
    ("es", "Español"),
    ("en", "English"),
    ("qu", "Runa Simi (quechua)"),
    ("ay", "Aymar aru (aimara)"),
]


def _file_start(document, length=16):
    with document.file.open("rb") as file:
        return file.read(length)


def _is_private(document):
    """In a collection with a view restriction (or under one): visitors could not load it."""
    return any(
        document.collection.path.startswith(path)
        for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )


class VideoFileValue(blocks.StructValue):
    def video_type(self):
        return VIDEO_TYPES.get(self["video"].file_extension.lower(), "")

    def captions_label(self):
        return dict(CAPTION_LANGUAGES).get(self["captions_language"], "")


class VideoFileBlock(blocks.StructBlock):
    """A video file served by the site itself, with captions: it plays without any third party
    and loads nothing until the visitor presses play (preload="none")."""

    title = blocks.CharBlock(
        label=_("Title"), max_length=120, help_text=_("Says what the video is about.")
    )
    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4 or WebM file uploaded as a document.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions"),
        help_text=_(
            "A WebVTT file (.vtt) with the captions of everything said and heard: required, so "
            "that people who cannot hear the video follow it."
        ),
    )
    captions_language = blocks.ChoiceBlock(
        label=_("Language of the captions"), choices=CAPTION_LANGUAGES, default="es"
    )
    transcript = DocumentChooserBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("Optional: the text of the video as a document (PDF or plain text)."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video (file on this site, with captions)")
        template = "campaigns/blocks/video_file_block.html"
        value_class = VideoFileValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video, captions = value.get("video"), value.get("captions")
        if video:
            extension = video.file_extension.lower()
            signature = VIDEO_SIGNATURES.get(extension)
            if signature is None:
                errors["video"] = ValidationError(_("Choose an MP4 or WebM video file."))
            elif not _file_start(video)[signature[0] :].startswith(signature[1]):
                errors["video"] = ValidationError(
                    _("This file is not a %(kind)s video."), params={"kind": extension.upper()}
                )
        if captions:
            start = _file_start(captions, 9).removeprefix(b"\xef\xbb\xbf")
            if captions.file_extension.lower() != "vtt" or not start.startswith(b"WEBVTT"):
                errors["captions"] = ValidationError(
                    _("Choose a WebVTT captions file: a .vtt file that starts with “WEBVTT”.")
                )
        for name in ("video", "captions", "transcript"):
            document = value.get(name)
            if document and name not in errors and _is_private(document):
                errors[name] = ValidationError(
                    _("This file is in a private collection: visitors could not open it.")
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


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
    video_file = VideoFileBlock()
    key_figures = KeyFiguresBlock()
    testimony = TestimonyBlock()
    call_to_action = CampaignCallToActionBlock()

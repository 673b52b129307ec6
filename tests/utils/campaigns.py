"""Factories for campaigns: real campaign pages, partners and kit files in the real page tree.
Example content says it is an example; no figure or testimony in it is real."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document

from campaigns.models import CampaignIndexPage, CampaignKitAsset, CampaignPage, MediaPartner

from .factories import make_image, publish


def campaign_index(language="es"):
    return CampaignIndexPage.objects.get(locale__language_code=language)


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def full_body(image=None):
    """One block of each kind (but video, which would ask its provider over the network)."""
    image = image or make_image("Afiche de campaña de ejemplo")
    return [
        {
            "type": "hero",
            "value": {
                "image": image.id,
                "alt_text": "Afiche: una mujer lee una oferta de trabajo en su teléfono.",
                "caption": "Imagen de ejemplo.",
            },
        },
        {"type": "key_message", "value": {"message": "Verifica antes de viajar."}},
        {"type": "paragraph", "value": "<p>Texto de la campaña de ejemplo.</p>"},
        {
            "type": "key_figures",
            "value": {
                "heading": "Cifras de ejemplo",
                "figures": [
                    {
                        "figure": "0",
                        "label": "Cifra de ejemplo, no oficial",
                        "source": "Datos de ejemplo para las pruebas automáticas",
                        "source_url": "",
                    }
                ],
            },
        },
        {
            "type": "testimony",
            "value": {
                "quote": "Testimonio de ejemplo.",
                "attribution": "Persona de ejemplo",
                "consent_note": "Texto de ejemplo; no es un testimonio real.",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Pide ayuda",
                "text": "",
                "action": "hotlines",
                "page": None,
                "link_text": "",
            },
        },
    ]


def make_campaign(
    title="Campaña de prueba",
    *,
    language="es",
    start=-10,
    end=None,
    body=None,
    live=True,
    **fields,
):
    """A campaign that started `start` days from today and ends `end` days from today (None:
    ongoing), published unless live=False."""
    page = CampaignPage(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        description=fields.pop("description", f"Descripción de {title}."),
        start_date=days_from_today(start),
        end_date=days_from_today(end) if end is not None else None,
        body=body if body is not None else [{"type": "key_message", "value": {"message": title}}],
        **fields,
    )
    campaign_index(language).add_child(instance=page)
    if live:
        return publish(page)
    page.unpublish()
    page.refresh_from_db()
    return page


def make_partner(slug="diario-de-ejemplo", origins="https://diario.example", active=True):
    return MediaPartner.objects.create(
        name=f"Medio de ejemplo {slug}", slug=slug, origins=origins, active=active
    )


def make_campaign_example():
    """A campaign with every kind of block and a kit file, for the accessibility and HTML
    checks (tests/utils/page_types.py)."""
    campaign = make_campaign(
        "Campaña completa de ejemplo",
        body=full_body(make_image("Afiche de la campaña completa", size=(1200, 800))),
        hashtag="EjemploCampaña",
    )
    campaign.kit_assets.add(
        CampaignKitAsset(
            title="Afiche de ejemplo",
            image=make_image("Afiche del kit de ejemplo", size=(1000, 700)),
            licence="cc-by-4.0",
            credit="Equipo de ejemplo",
        )
    )
    return publish(campaign)


# The start of a WebM file (its EBML header's id): enough for the checks of the video block,
# which read a file's first bytes. The browser test records a real, playable one instead.
WEBM_HEADER_ONLY = b"\x1a\x45\xdf\xa3" + b"\x00" * 28
EXAMPLE_CAPTIONS = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:00.900\nSubtítulo de ejemplo: nadie habla en este video.\n"
)


def make_document(title, content, name):
    content = content.encode() if isinstance(content, str) else content
    return Document.objects.create(title=title, file=ContentFile(content, name=name))


def video_file_block(video_bytes=WEBM_HEADER_ONLY, *, transcript=True):
    """A video file block (example data) with its video, captions and transcript documents."""
    value = {
        "title": "Video de ejemplo de la campaña",
        "video": make_document("Video de ejemplo", video_bytes, "video-de-ejemplo.webm").pk,
        "captions": make_document(
            "Subtítulos de ejemplo", EXAMPLE_CAPTIONS, "subtitulos-de-ejemplo.vtt"
        ).pk,
        "captions_language": "es",
        "transcript": None,
        "caption": "Video de ejemplo: no es un video real de la campaña.",
    }
    if transcript:
        value["transcript"] = make_document(
            "Transcripción de ejemplo", "Transcripción de ejemplo.", "transcripcion.txt"
        ).pk
    return {"type": "video_file", "value": value}

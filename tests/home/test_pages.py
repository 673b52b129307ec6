"""Home and standard pages render their content, with every body block."""

import re

import pytest
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from core.blocks import CallToActionBlock
from home.blocks import BodyStreamBlock

from ..utils import make_image, make_standard_page, soup, spanish_home

VIDEO_URL = "https://www.youtube.com/watch?v=example"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def cached_video(db):
    """The oEmbed answer as Wagtail stores it after a first fetch (tests have no network)."""
    return Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/example"></iframe>',
        title="Video de ejemplo",
        provider_name="YouTube",
    )


@pytest.mark.django_db
def test_home_page_shows_hero_hotlines_and_featured_links(client):
    page = soup(client.get("/es/"))

    assert page.h1.get_text() == "Información y ayuda frente a la trata de personas"
    assert page.select_one('meta[name="description"]')["content"].startswith("Portal del Plan")
    hotlines = page.select(".hotline-list a")
    assert [a["href"] for a in hotlines] == ["tel:1818", "tel:100"]
    assert hotlines[0].get_text() == "Llamar a Línea 1818"
    cards = page.select(".card-list .card__link")
    assert ("Navegar de forma segura", "/es/navegar-de-forma-segura/") in [
        (a.get_text(), a["href"]) for a in cards
    ]


@pytest.mark.django_db
def test_english_home_links_to_english_pages(client):
    cards = soup(client.get("/en/")).select(".card-list .card__link")

    assert ("Browse safely", "/en/browse-safely/") in [(a.get_text(), a["href"]) for a in cards]


@pytest.mark.django_db
def test_featured_pages_cost_a_constant_number_of_queries(rf, django_assert_max_num_queries):
    """Chosen pages, translations, then one query per page type, once per content version
    (then none, from the content cache): the number of links does not matter."""
    home = spanish_home()

    def queries_for(pages):
        request = rf.get("/es/")
        home.featured_links = [
            {"type": "link", "value": {"page": page.id, "title": "", "description": ""}}
            for page in pages
        ]
        with django_assert_max_num_queries(20) as captured:
            items = home.featured_pages(request)
        assert len(items) == len(pages)
        return len(captured)

    home.featured_pages(rf.get("/es/"))  # the site of the request, from then on cached
    few = queries_for([make_standard_page(title="Destacada")])
    many = queries_for([make_standard_page(title=f"Destacada {number}") for number in range(8)])

    assert many == few


@pytest.mark.django_db
def test_standard_page_renders_every_block(client, media_root, cached_video):
    image = make_image()
    faq = make_standard_page(title="Preguntas frecuentes")
    page = make_standard_page(
        title="Todos los bloques",
        body=[
            {"type": "heading", "value": {"text": "Una sección", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Un párrafo con <b>negrita</b>.</p>"},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.id, "alt_text": "Un cuadro azul", "decorative": False},
                    "caption": "Leyenda de la imagen",
                },
            },
            {"type": "quote", "value": {"quote": "Nadie se vende.", "attribution": "Lema"}},
            {
                "type": "call_to_action",
                "value": {
                    "heading": "¿Tienes dudas?",
                    "text": "Lee las respuestas.",
                    "page": faq.id,
                    "url": "",
                    "link_text": "Ver las preguntas frecuentes",
                },
            },
            {
                "type": "video",
                "value": {"url": VIDEO_URL, "title": "Cómo pedir ayuda", "caption": ""},
            },
        ],
    )

    response = client.get(page.get_url())
    html = soup(response)
    main = html.select_one("main")

    assert response.status_code == 200
    assert main.h2.get_text() == "Una sección"
    assert main.select_one(".rich-text b").get_text() == "negrita"
    picture_img = main.select_one(".figure picture img")
    assert picture_img["alt"] == "Un cuadro azul"
    assert picture_img["loading"] == "lazy" and picture_img["width"] and picture_img["height"]
    assert picture_img["src"].endswith(".webp")
    assert main.select_one(".figure picture source")["type"] == "image/avif"
    assert main.select_one(".quote blockquote").get_text(strip=True) == "Nadie se vende."
    assert main.select_one(".call-to-action a.button")["href"] == faq.get_url()
    video = main.select_one(".video-embed")
    # The provider's player waits in an inert <template>; the page itself loads nothing
    # from YouTube, and without JavaScript the link goes to the video.
    assert "<iframe" in video.select_one("template").decode_contents()
    outside_templates = re.sub(
        r"<template.*?</template>", "", response.content.decode(), flags=re.S
    )
    assert "<iframe" not in outside_templates
    assert video.select_one("a.video-embed__link")["href"] == VIDEO_URL
    assert "YouTube" in video.get_text()


def test_call_to_action_needs_exactly_one_destination():
    block = CallToActionBlock()
    base = {"heading": "Ayuda", "text": "", "link_text": "Ver más"}

    for page, url in [(None, ""), (None, "https://example.org")]:
        value = block.to_python({**base, "page": page, "url": url})
        if url:
            assert block.clean(value)["url"] == url
        else:
            with pytest.raises(StructBlockValidationError):
                block.clean(value)


@pytest.mark.django_db
def test_call_to_action_refuses_both_a_page_and_an_address():
    block = CallToActionBlock()
    value = block.to_python(
        {
            "heading": "Ayuda",
            "text": "",
            "link_text": "Ver más",
            "page": spanish_home().id,
            "url": "https://example.org",
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_body_refuses_an_image_without_alt_text(db):
    stream = BodyStreamBlock()
    value = stream.to_python(
        [
            {
                "type": "image",
                "value": {
                    "image": {"image": None, "alt_text": "", "decorative": False},
                    "caption": "",
                },
            }
        ]
    )
    with pytest.raises(StreamBlockValidationError):
        stream.clean(value)

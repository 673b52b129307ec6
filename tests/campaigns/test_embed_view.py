"""The embed view: who may frame it, what it counts, and that a proxy may cache it."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail.models import PageViewRestriction

from campaigns.models import EmbedViewCount

from ..utils import make_campaign, make_partner, paths_to_check


def embed_path(campaign, query=""):
    return reverse("campaign_embed", args=[campaign.id]) + query


def frame_ancestors(response):
    directives = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    return directives["frame-ancestors"].split()


@pytest.mark.django_db
def test_active_partners_origins_may_frame_the_embed(client):
    make_partner("diario-uno", "https://diario-uno.example\nhttps://radio.example:8443")
    make_partner("diario-dos", "https://diario-dos.example")
    campaign = make_campaign()

    response = client.get(embed_path(campaign))

    assert response.status_code == 200
    assert frame_ancestors(response) == [
        "https://diario-dos.example",
        "https://diario-uno.example",
        "https://radio.example:8443",
    ]
    assert "X-Frame-Options" not in response
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_an_inactive_partner_loses_framing_at_once(client):
    partner = make_partner("diario-uno", "https://diario-uno.example")
    make_partner("diario-dos", "https://diario-dos.example")
    campaign = make_campaign()
    assert "https://diario-uno.example" in frame_ancestors(client.get(embed_path(campaign)))

    partner.active = False
    partner.save()
    response = client.get(embed_path(campaign, "?partner=diario-uno"))

    assert frame_ancestors(response) == ["https://diario-dos.example"]
    assert "X-Frame-Options" not in response


@pytest.mark.django_db
def test_without_active_partner_nobody_may_frame_it(client):
    make_partner("inactivo", "https://inactivo.example", active=False)
    campaign = make_campaign()

    response = client.get(embed_path(campaign, "?partner=no-existe"))

    assert response.status_code == 200
    assert frame_ancestors(response) == ["'none'"]


@pytest.mark.django_db
def test_every_other_page_keeps_deny(client):
    make_partner()
    campaign = make_campaign()
    oembed = reverse("oembed") + f"?url=http://testserver{campaign.get_url()}"
    for path in [*paths_to_check(), "/es/campanas/", "/en/campaigns/", campaign.get_url(), oembed]:
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY", path
        assert frame_ancestors(response) == ["'none'"], path


@pytest.mark.django_db
def test_the_embed_can_be_cached_by_a_proxy(client):
    campaign = make_campaign()

    response = client.get(embed_path(campaign, "?partner=diario-de-ejemplo"))

    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]


@pytest.mark.django_db
def test_views_are_counted_per_campaign_partner_and_day(client):
    partner = make_partner()
    inactive = make_partner("inactivo", "https://inactivo.example", active=False)
    campaign = make_campaign()

    for query in ["?partner=diario-de-ejemplo", "?partner=diario-de-ejemplo", "", "?partner=x"]:
        client.get(embed_path(campaign, query))
    client.get(embed_path(campaign, f"?partner={inactive.slug}"))
    # A monitor checking the embed with HEAD is answered, and is not a reader.
    assert client.head(embed_path(campaign, "?partner=diario-de-ejemplo")).status_code == 200

    counts = {row.partner_id: row.views for row in EmbedViewCount.objects.filter(campaign=campaign)}
    # Unknown and inactive partners' views count as views without partner.
    assert counts == {partner.id: 2, None: 3}


@pytest.mark.django_db
def test_embed_shows_the_campaign_in_its_own_language_with_the_hotlines(client):
    campaign = make_campaign("Campaign in English", language="en")

    response = client.get(embed_path(campaign), HTTP_ACCEPT_LANGUAGE="es")
    html = response.content.decode()

    assert '<html lang="en">' in html
    assert response["Content-Language"] == "en"
    assert "Campaign in English" in html
    assert 'href="tel:1818"' in html
    assert "See more on the portal" in html
    assert 'target="_blank"' in html


@pytest.mark.django_db
def test_spanish_embed_says_ver_mas_en_el_portal(client):
    html = client.get(embed_path(make_campaign())).content.decode()

    assert '<html lang="es">' in html
    assert "Ver más en el portal" in html


@pytest.mark.django_db
def test_an_ended_campaign_stays_embedded_marked_as_ended(client):
    html = client.get(embed_path(make_campaign(start=-30, end=-1))).content.decode()

    assert "Campaña finalizada" in html


@pytest.mark.django_db
def test_draft_private_and_other_pages_have_no_embed(client, spanish):
    draft = make_campaign("Borrador", live=False)
    private = make_campaign("Privada")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    index_page_id = private.get_parent().id

    for page_id in (draft.id, private.id, index_page_id, 999_999):
        response = client.get(reverse("campaign_embed", args=[page_id]))
        assert response.status_code == 404, page_id
    assert not EmbedViewCount.objects.filter(campaign__in=[draft, private]).exists()


@pytest.mark.django_db
def test_the_embed_weighs_under_50_kb_before_images(client):
    html = client.get(embed_path(make_campaign())).content.decode()
    stylesheets = ["css/portal.css", "css/campaigns.css"]
    for stylesheet in stylesheets:
        assert f"/static/{stylesheet}" in html
    weight = len(html.encode()) + sum(
        Path(finders.find(name)).stat().st_size for name in stylesheets
    )
    assert weight < 50 * 1024
    assert "<script" not in html

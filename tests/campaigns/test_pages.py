"""Campaign pages as visitors see them: the index, one campaign, the home page's list, and
what a shared link shows."""

import re

import pytest

from ..utils import campaign_index, full_body, make_campaign, make_image


def main_content(html):
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.django_db
def test_the_index_exists_in_both_languages(client):
    assert client.get("/es/campanas/").status_code == 200
    assert client.get("/en/campaigns/").status_code == 200


@pytest.mark.django_db
def test_the_index_lists_current_campaigns_then_ended_ones_marked_as_ended(client):
    make_campaign("Campaña en curso")
    make_campaign("Campaña pasada", start=-60, end=-30)
    make_campaign("Campaña sin publicar", live=False)

    html = main_content(client.get("/es/campanas/").content.decode())

    assert html.index("Campaña en curso") < html.index("Campañas anteriores")
    assert html.index("Campañas anteriores") < html.index("Campaña pasada")
    assert '<span class="caption">Finalizada</span> Campaña pasada' in html
    assert "Campaña sin publicar" not in html


@pytest.mark.django_db
def test_the_home_page_shows_current_campaigns_of_its_language_only(client):
    make_campaign("Campaña en curso")
    make_campaign("Campaña futura", start=5)
    make_campaign("Campaña terminada", start=-60, end=-1)
    make_campaign("Campaign in English", language="en")

    spanish = main_content(client.get("/es/").content.decode())
    english = main_content(client.get("/en/").content.decode())

    assert "Campañas en curso" in spanish
    assert "Campaña en curso" in spanish
    for absent in ("Campaña futura", "Campaña terminada", "Campaign in English"):
        assert absent not in spanish
    assert "Campaign in English" in english
    assert "Campaña en curso" not in english


@pytest.mark.django_db
def test_an_ended_campaign_stays_readable_and_says_it_ended(client):
    campaign = make_campaign("Campaña pasada", start=-60, end=-2)

    response = client.get(campaign.get_url())
    html = main_content(response.content.decode())

    assert response.status_code == 200
    assert "Campaña finalizada" in html
    assert "Esta campaña terminó el" in html


@pytest.mark.django_db
def test_every_block_renders(client):
    campaign = make_campaign("Campaña completa", body=full_body(), hashtag="NoALaTrata")

    html = main_content(client.get(campaign.get_url()).content.decode())

    assert 'alt="Afiche: una mujer lee una oferta de trabajo en su teléfono."' in html
    assert '<p class="key-message">Verifica antes de viajar.</p>' in html
    assert "Fuente: Datos de ejemplo para las pruebas automáticas" in html
    assert "Texto de ejemplo; no es un testimonio real." in html
    assert 'href="tel:1818"' in html
    assert "#NoALaTrata" in html


@pytest.mark.django_db
def test_a_shared_link_shows_a_card_with_image_and_alt(client):
    image = make_image("Afiche", size=(1600, 1000))
    campaign = make_campaign("Campaña compartida", body=full_body(image))

    html = client.get(campaign.get_url()).content.decode()
    head = html[: html.index("</head>")]
    meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', head))

    assert meta["og:title"] == "Campaña compartida"
    assert meta["og:description"] == "Descripción de Campaña compartida."
    assert meta["og:url"].endswith(campaign.get_url())
    assert meta["og:locale"] == "es_PE"
    assert meta["og:image"].startswith("http")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Afiche: una mujer lee una oferta de trabajo en su teléfono."
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image:alt"] == meta["og:image:alt"]


@pytest.mark.django_db
def test_share_links_are_plain_addresses_without_scripts(client):
    campaign = make_campaign("Campaña compartida", hashtag="NoALaTrata")

    html = client.get(campaign.get_url()).content.decode()
    share = html[html.index('<ul class="share-links">') :]
    share = share[: share.index("</ul>")]

    assert "https://wa.me/?text=" in share
    assert "https://www.facebook.com/sharer/sharer.php?u=" in share
    assert "hashtags=NoALaTrata" in share
    assert "mailto:?subject=" in share
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert all(src.startswith("/static/") for src in scripts)


@pytest.mark.django_db
def test_the_campaign_page_offers_its_embed_code(client):
    campaign = make_campaign()

    html = client.get(campaign.get_url()).content.decode()

    iframe = (
        f"&lt;iframe src=&quot;http://testserver/embed/campaigns/{campaign.id}/&quot; "
        f"width=&quot;600&quot; height=&quot;640&quot; title=&quot;{campaign.title}&quot; "
        "loading=&quot;lazy&quot;&gt;&lt;/iframe&gt;"
    )
    assert iframe in html
    assert "http://testserver/oembed/?url=" in html


@pytest.mark.django_db
def test_the_admin_editor_shows_the_embed_code(admin_client):
    campaign = make_campaign()

    html = admin_client.get(f"/admin/pages/{campaign.id}/edit/").content.decode()

    assert f"/embed/campaigns/{campaign.id}/" in html
    assert "/oembed/?url=" in html


@pytest.mark.django_db
def test_a_new_campaign_in_the_admin_has_no_embed_code_yet(admin_client):
    index = campaign_index()
    response = admin_client.get(f"/admin/pages/add/campaigns/campaignpage/{index.id}/")

    assert response.status_code == 200
    # Not published yet: no code to give out.
    html = response.content.decode()
    assert "/embed/campaigns/" not in html
    assert "El código de inserción aparece aquí cuando la campaña se publica." in html

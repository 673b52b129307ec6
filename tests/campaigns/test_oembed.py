"""The oEmbed provider (spec 1.0, https://oembed.com/): a rich answer with every required
field for a live campaign, the sizes a consumer allows, and errors for everything else."""

import json

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from ..utils import full_body, make_campaign, make_image

REQUIRED_RICH_FIELDS = {"version", "type", "html", "width", "height"}


def oembed(client, url, **params):
    return client.get(reverse("oembed"), {"url": url, **params})


def absolute(page):
    return f"http://testserver{page.get_url()}"


@pytest.mark.django_db
def test_a_live_campaign_gets_a_rich_answer_with_every_field(client):
    campaign = make_campaign()

    response = oembed(client, absolute(campaign), format="json")
    data = response.json()

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert set(data) >= REQUIRED_RICH_FIELDS
    assert data["version"] == "1.0"
    assert data["type"] == "rich"
    assert data["title"] == campaign.title
    assert data["provider_name"] == "Plan Nacional de Acción contra la Trata de Personas"
    assert data["provider_url"] == "http://testserver/"
    assert isinstance(data["cache_age"], int)
    assert (data["width"], data["height"]) == (600, 640)
    embed = f"http://testserver/embed/campaigns/{campaign.id}/"
    assert data["html"] == (
        f'<iframe src="{embed}" width="600" height="640" title="{campaign.title}" '
        'loading="lazy"></iframe>'
    )
    assert "thumbnail_url" not in data


@pytest.mark.django_db
def test_the_thumbnail_comes_with_its_size_within_the_maximum(client):
    campaign = make_campaign(body=full_body(make_image("Afiche", size=(1600, 900))))

    data = oembed(client, absolute(campaign), maxwidth="400", maxheight="500").json()

    assert (data["width"], data["height"]) == (400, 500)
    assert 'width="400" height="500"' in data["html"]
    assert data["thumbnail_url"].startswith("http://testserver/")
    assert (data["thumbnail_width"], data["thumbnail_height"]) == (400, 225)
    assert client.get(data["thumbnail_url"].removeprefix("http://testserver")).status_code in (
        200,
        404,  # media files are served by the web server, not by Django, outside DEBUG
    )


@pytest.mark.django_db
def test_sizes_larger_than_the_default_keep_the_default(client):
    data = oembed(client, absolute(make_campaign()), maxwidth="2000", maxheight="2000").json()

    assert (data["width"], data["height"]) == (600, 640)


@pytest.mark.django_db
def test_the_english_campaign_answers_in_english(client):
    campaign = make_campaign("Campaign in English", language="en")

    data = oembed(client, absolute(campaign)).json()

    assert data["title"] == "Campaign in English"
    assert data["provider_name"] == "National action plan against human trafficking"


@pytest.mark.django_db
def test_xml_is_not_implemented(client):
    response = oembed(client, absolute(make_campaign()), format="xml")

    assert response.status_code == 501
    assert "error" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"url": None}, {"url": ""}, {"maxwidth": "abc"}, {"maxwidth": "-5"}, {"maxheight": "0"}],
    ids=["no url", "empty url", "text width", "negative width", "zero height"],
)
def test_bad_parameters_get_400_with_a_json_error(client, params):
    campaign = make_campaign()
    query = {
        name: value
        for name, value in {"url": absolute(campaign), **params}.items()
        if value is not None
    }

    response = client.get(reverse("oembed"), query)

    assert response.status_code == 400
    assert "error" in response.json()


@pytest.mark.django_db
def test_unknown_ended_draft_and_private_campaigns_get_404(client):
    ended = make_campaign("Terminada", start=-30, end=-1)
    draft = make_campaign("Borrador", live=False)
    private = make_campaign("Privada")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    live = make_campaign("En curso")
    urls = [
        "http://testserver/es/campanas/no-existe/",
        absolute(ended),
        f"http://testserver/es/campanas/{draft.slug}/",
        absolute(private),
        "http://testserver/es/campanas/",  # the index is not a campaign
        "http://testserver/es/",
        f"https://otro-sitio.example{live.get_url()}",  # another site's address
        f"ftp://testserver{live.get_url()}",
        "no es una dirección",
    ]
    for url in urls:
        response = oembed(client, url)
        assert response.status_code == 404, url
        assert "error" in response.json()
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_narrower_than_the_embed_can_go_is_404(client):
    response = oembed(client, absolute(make_campaign()), maxwidth="200")

    assert response.status_code == 404


@pytest.mark.django_db
def test_each_campaign_page_links_to_its_oembed_answer(client):
    campaign = make_campaign()
    html = client.get(campaign.get_url()).content.decode()

    assert '<link rel="alternate" type="application/json+oembed"' in html
    start = html.index('type="application/json+oembed" href="') + len(
        'type="application/json+oembed" href="'
    )
    discovery = html[start : html.index('"', start)].replace("&amp;", "&")
    response = client.get(discovery.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert json.loads(response.content)["title"] == campaign.title


@pytest.mark.django_db
def test_an_ended_campaign_page_offers_no_embed(client):
    html = client.get(make_campaign(start=-30, end=-1).get_url()).content.decode()

    assert "application/json+oembed" not in html
    assert "embed-box" not in html

"""HTML or script in the partner slug, the oEmbed url parameter or a partner's stored origins
stays inert: never reflected in a page, never added to a header."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from ..utils import make_campaign, make_partner

PAYLOADS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "diario-de-ejemplo<svg/onload=alert(1)>",
    "x' onmouseover='alert(1)",
]


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_partner_slug_is_never_reflected(client, payload):
    make_partner()
    campaign = make_campaign()

    response = client.get(
        reverse("campaign_embed", args=[campaign.id]) + "?partner=" + quote(payload)
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert payload not in html
    for fragment in ("alert", "onerror", "onload", "onmouseover", "<img", "<svg"):
        assert fragment not in html
    assert "partner=" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_url_parameter_is_never_reflected(client, payload):
    campaign = make_campaign()

    for url in (payload, f"http://testserver{campaign.get_url()}{payload}"):
        response = client.get(reverse("oembed"), {"url": url})
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "alert" not in response.content.decode()


@pytest.mark.django_db
def test_oembed_html_escapes_the_campaign_title(client):
    campaign = make_campaign('Título con <b>marcas</b> y "comillas"', slug="titulo-con-marcas")

    data = client.get(reverse("oembed"), {"url": f"http://testserver{campaign.get_url()}"}).json()

    assert "<b>" not in data["html"]
    assert 'title="Título con &lt;b&gt;marcas&lt;/b&gt; y &quot;comillas&quot;"' in data["html"]


@pytest.mark.django_db
def test_stored_origins_cannot_add_to_the_policy(client):
    """The admin form refuses these; a row written another way still cannot reach the header."""
    make_partner("bueno", "https://bueno.example")
    make_partner(
        "malo",
        "https://malo.example; script-src *\n"
        "https://x.example 'unsafe-inline'\n"
        "*\n"
        "https://otro.example/ruta",
    )
    campaign = make_campaign()

    policy = client.get(reverse("campaign_embed", args=[campaign.id]))["Content-Security-Policy"]

    assert "frame-ancestors https://bueno.example;" in policy + ";"
    assert "script-src 'self'" in policy
    assert "*" not in policy
    assert "unsafe-inline" not in policy
    assert "malo" not in policy
    assert "otro.example" not in policy


@pytest.mark.django_db
@pytest.mark.parametrize("campaign_id", ["99999999999999999999999", "0"])
def test_out_of_range_ids_get_404_not_500(client, campaign_id):
    assert client.get(f"/embed/campaigns/{campaign_id}/").status_code == 404

"""The Nu HTML checker finds no error on the campaign index, a campaign with every block and
the embed view, in both languages."""

import pytest
from django.urls import reverse

from campaigns.models import CampaignKitAsset

from ..utils import full_body, make_campaign, make_image, nu_errors, publish


@pytest.mark.django_db
def test_campaign_pages_are_valid_html(client, tmp_path):
    spanish = make_campaign("Campaña completa", body=full_body(), hashtag="NoALaTrata")
    spanish.kit_assets.add(
        CampaignKitAsset(
            title="Afiche",
            image=make_image("Afiche del kit", size=(1000, 700)),
            licence="cc-by-4.0",
            credit="Equipo de ejemplo",
        )
    )
    spanish = publish(spanish)
    english = make_campaign("Complete campaign", language="en", body=full_body(), end=3)
    ended = make_campaign("Campaña pasada", start=-40, end=-2)
    paths = ["/es/", "/en/", "/es/campanas/", "/en/campaigns/"]
    for campaign in (spanish, english, ended):
        paths += [campaign.get_url(), reverse("campaign_embed", args=[campaign.id])]

    documents = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        documents[path] = response.content.decode()

    assert nu_errors(documents, tmp_path) == []

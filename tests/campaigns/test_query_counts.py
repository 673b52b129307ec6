"""A campaign page costs a small, constant number of SQL queries, however many concepts,
partners and kit files it has; the embed view costs fewer still."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignConcept, CampaignKitAsset, CampaignPartner

from ..utils import count_queries, make_campaign, make_image, make_partner, publish

# As tests/test_query_counts.py allows a standard page (15), plus one query to route one level
# deeper, three for the kit (files, their renditions, private collections) and two for the
# partners (with their logos, the logos' renditions), whatever their number.
CAMPAIGN_MAX_QUERIES = 15 + 1 + 3 + 2
EMBED_MAX_QUERIES = 8


def add_concepts_and_kit(campaign, count):
    concepts = Page.objects.filter(depth=4, url_path__contains="/conceptos/")[:count]
    for concept in concepts:
        campaign.concept_links.add(CampaignConcept(concept=concept))
    for number in range(count):
        partner = make_partner(slug=f"medio-{campaign.partner_links.count()}")
        partner.logo = make_image(f"Logo {partner.slug}", size=(400, 200))
        partner.save()
        campaign.partner_links.add(CampaignPartner(partner=partner))
        campaign.kit_assets.add(
            CampaignKitAsset(
                title=f"Afiche {number}",
                image=make_image(f"Afiche {number}", size=(1700, 900)),
                licence="cc-by-4.0",
                credit="Equipo de ejemplo",
            )
        )
    return publish(campaign)


@pytest.mark.django_db
def test_a_campaign_page_costs_the_same_with_more_concepts_and_files(
    client, django_assert_max_num_queries
):
    campaign = add_concepts_and_kit(make_campaign(), 1)
    path = campaign.get_url()
    small = count_queries(client, path, django_assert_max_num_queries, CAMPAIGN_MAX_QUERIES)

    add_concepts_and_kit(campaign, 4)
    large = count_queries(client, path, django_assert_max_num_queries, CAMPAIGN_MAX_QUERIES)

    assert large == small
    assert len(campaign.concepts()) == 4  # the first concept, linked twice, shows once
    assert campaign.kit_assets.count() == 5


@pytest.mark.django_db
def test_the_embed_costs_few_queries(client, django_assert_max_num_queries):
    campaign = make_campaign()
    path = reverse("campaign_embed", args=[campaign.id]) + "?partner=diario-de-ejemplo"

    count_queries(client, path, django_assert_max_num_queries, EMBED_MAX_QUERIES)

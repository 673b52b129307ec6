"""Every public page costs at most QUERY_BUDGET SQL queries warm, whatever the size of the
content: the page types are discovered from the page models (tests/utils/page_types.py), each
is checked in both languages, then again once the menu, a campaign's concepts and kit, and the
directory have grown.

What every page shares (routing, navigation, site settings, view restrictions, acronyms) comes
from the content cache (core/content_cache.py); what is left is the page and its own content."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignConcept, CampaignKitAsset, CampaignPage

from .utils import (
    PAGE_EXAMPLES,
    count_queries,
    make_campaign,
    make_image,
    make_page_examples,
    make_standard_page,
    missing_page_examples,
    publish,
)
from .utils.directory import make_service, region

QUERY_BUDGET = 8

OTHER_PAGES = (
    # Search with a query (never cached by the proxy) counts the query: one write, two when
    # it found nothing.
    "/es/buscar/?q=seguro",
    "/en/search/?q=private",
    "/es/buscar/?q=qwxzyk",
    "/es/buscar/sugerencias/?q=alb",
    "/en/search/suggestions/?q=explo",
    "/es/denuncia/seguimiento/",
    "/en/report/status/",
)


def example_paths():
    return [path for examples in PAGE_EXAMPLES.values() for path in examples.paths]


def grow_content():
    """More of everything a page lists: menu entries, a campaign's concepts and kit files,
    services in the directory."""
    for number in range(10):
        make_standard_page(title=f"Sección del menú {number}", show_in_menus=True)
    campaign = CampaignPage.objects.get(slug="campana-completa-de-ejemplo")
    for concept in Page.objects.filter(depth=4, url_path__contains="/conceptos/")[:4]:
        campaign.concept_links.add(CampaignConcept(concept=concept))
    for number in range(4):
        campaign.kit_assets.add(
            CampaignKitAsset(
                title=f"Afiche {number}",
                image=make_image(f"Afiche {number}", size=(1700, 900)),
                licence="cc-by-4.0",
                credit="Equipo de ejemplo",
            )
        )
    publish(campaign)
    for number in range(8):
        make_service(
            f"Servicio de carga {number}",
            types=["albergue", "salud"],
            populations=["mujeres"],
            languages=["es", "qu"],
            phones=["100", "200"],
            hours="mo-fr 08:00-17:00; sa 09:00-12:00",
            locations=[
                {"region": region("16"), "latitude": -3.7, "longitude": -73.2},
                {"region": region("16"), "is_confidential": True},
            ],
        )


def test_every_page_type_has_examples():
    assert not missing_page_examples()


def test_the_examples_cover_both_languages():
    for name, examples in PAGE_EXAMPLES.items():
        assert {path.split("/")[1] for path in examples.paths} == {"es", "en"}, name


@pytest.mark.django_db
def test_every_page_stays_within_the_budget_as_content_grows(client, django_assert_max_num_queries):
    make_page_examples()
    paths = [*example_paths(), *OTHER_PAGES]

    def counts():
        return {
            path: count_queries(client, path, django_assert_max_num_queries, QUERY_BUDGET)
            for path in paths
        }

    small = counts()
    grow_content()
    large = counts()

    grew = {path: (small[path], large[path]) for path in paths if large[path] != small[path]}
    assert not grew, f"queries grew with the content (before, after): {grew}"


@pytest.mark.django_db
def test_the_campaign_embed_stays_within_the_budget(client, django_assert_max_num_queries):
    campaign = make_campaign()
    path = reverse("campaign_embed", args=[campaign.id]) + "?partner=diario-de-ejemplo"

    count_queries(client, path, django_assert_max_num_queries, QUERY_BUDGET)

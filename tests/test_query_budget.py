"""Every public page costs at most QUERY_BUDGET SQL queries warm, whatever the size of the
content: the page types are discovered from the page models (tests/utils/page_types.py), each
is checked in both languages, then again once the menu, a campaign's concepts, kit, partners'
logos and images, pages' images, and the directory have grown. Images are counted with no
rendition cache (as after a deploy): a page's images and their renditions must come in bulk,
not one query each.

What every page shares (routing, navigation, site settings, view restrictions, acronyms) comes
from the content cache (core/content_cache.py); what is left is the page and its own content."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignConcept, CampaignKitAsset, CampaignPage, CampaignPartner
from home.models import StandardPage

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
from .utils.campaigns import make_partner
from .utils.directory import make_loaded_services

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


NO_RENDITION_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}


def figure_blocks(count, name):
    return [
        {
            "type": "image",
            "value": {
                "image": {
                    "image": make_image(f"{name} {number}").id,
                    "decorative": False,
                    "alt_text": f"Imagen de ejemplo {number}",
                },
                "caption": "",
            },
        }
        for number in range(count)
    ]


def add_images(page, count):
    """`count` more image blocks at the end of the page's body, published."""
    page.body = [*page.body.raw_data, *figure_blocks(count, page.slug)]
    publish(page)


def add_partners_with_logos(campaign, numbers):
    for number in numbers:
        partner = make_partner(f"medio-con-logo-{number}")
        partner.logo = make_image(f"Logo {number}", size=(400, 200))
        partner.save()
        campaign.partner_links.add(CampaignPartner(partner=partner))
    publish(campaign)


def add_first_images():
    """One image where grow_content adds more: the first image of a page costs its queries
    once (the images, then their renditions), the next ones nothing more."""
    for page in pages_with_images():
        add_images(page, 1)
    add_partners_with_logos(CampaignPage.objects.get(slug="campana-completa-de-ejemplo"), [0])


def pages_with_images():
    return StandardPage.objects.filter(slug__in=["privacidad", "open-data"])


def grow_content():
    """More of everything a page lists or shows: menu entries, a campaign's concepts, kit
    files and partners with logos, images on standard pages, services in the directory."""
    for number in range(10):
        make_standard_page(title=f"Sección del menú {number}", show_in_menus=True)
    for page in pages_with_images():
        add_images(page, 4)
    campaign = CampaignPage.objects.get(slug="campana-completa-de-ejemplo")
    add_partners_with_logos(campaign, range(1, 5))
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
    make_loaded_services(0, 8)


def test_every_page_type_has_examples():
    assert not missing_page_examples()


def test_the_examples_cover_both_languages():
    for name, examples in PAGE_EXAMPLES.items():
        assert {path.split("/")[1] for path in examples.paths} == {"es", "en"}, name


@pytest.mark.django_db
def test_every_page_stays_within_the_budget_as_content_grows(
    client, django_assert_max_num_queries, settings
):
    settings.CACHES = {**settings.CACHES, "renditions": NO_RENDITION_CACHE}
    make_page_examples()
    add_first_images()
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

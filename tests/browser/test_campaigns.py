"""Campaigns in a real browser: a partner's page on another local origin frames the embed
only while that origin belongs to an active partner; axe-core finds nothing to fix on the
campaign pages and the embed, in both languages."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from campaigns.models import CampaignPage, EmbedViewCount, MediaPartner

from ..utils import axe_violations
from ..utils.local_sites import serve_html

pytestmark = pytest.mark.browser


def orm(function, *args, **kwargs):
    """Runs database work in a thread of its own: Django refuses the ORM in this thread while
    Playwright's event loop runs in it (see the browser fixture)."""

    def work():
        try:
            return function(*args, **kwargs)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(work).result()


# The campaign the partner's page embeds, set by each test before it opens the page.
PARTNER_PAGE = {"embed_url": ""}


def partner_page():
    """A partner's article page that embeds the campaign at the narrowest supported width."""
    return (
        "<!doctype html><html lang='es'><title>Diario de ejemplo</title>"
        "<h1>Noticia de ejemplo</h1>"
        f"<iframe src='{PARTNER_PAGE['embed_url']}' width='300' height='420' title='Campaña'>"
        "</iframe>"
    )


@pytest.fixture(scope="module")
def partner_site():
    """Another origin on this machine (same host, another port), as a partner's site is."""
    with serve_html(partner_page) as origin:
        yield origin


@pytest.fixture
def registered_partner(site_url, partner_site):
    """The partner site's origin registered as an active partner for one test; the site_url
    fixture keeps database access open meanwhile."""
    # The admin form takes only https origins; the local test server speaks plain http.
    partner = orm(
        MediaPartner.objects.create,
        name="Diario de ejemplo",
        slug="diario-de-ejemplo",
        origins=partner_site,
    )
    yield partner
    orm(delete_partner, partner)


def delete_partner(partner):
    partner.embed_view_counts.all().delete()
    partner.delete()


@pytest.fixture(scope="module", autouse=True)
def forget_counted_views(live_site, django_db_blocker):
    """The embeds these tests load are counted in the shared database: forget them after."""
    yield
    with django_db_blocker.unblock():
        orm(lambda: EmbedViewCount.objects.all().delete())


def example_campaign(language):
    """The example campaign of the initial content."""
    return orm(
        CampaignPage.objects.get,
        locale__language_code=language,
        slug__startswith="ej" if language == "es" else "ex",
    )


def open_partner_page(context, site_url, partner_site, campaign):
    PARTNER_PAGE["embed_url"] = (
        f"{site_url}/embed/campaigns/{campaign.id}/?partner=diario-de-ejemplo"
    )
    tab = context.new_page()
    refusals = []
    tab.on("console", lambda message: "frame" in message.text and refusals.append(message.text))
    tab.goto(partner_site + "/noticia")
    tab.wait_for_load_state("load")
    return tab, refusals


def test_an_active_partner_site_shows_the_embed(
    browser, site_url, partner_site, registered_partner
):
    campaign = example_campaign("es")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        tab, refusals = open_partner_page(context, site_url, partner_site, campaign)
        embed = tab.frame_locator("iframe")

        assert embed.locator("h1").inner_text() == campaign.title
        assert refusals == []
        hotline = embed.locator(".embed__hotlines a[href='tel:1818']")
        assert hotline.is_visible()
        more = embed.get_by_role("link", name="Ver más en el portal")
        assert more.get_attribute("target") == "_blank"
        assert more.get_attribute("href").endswith(orm(campaign.get_url))

        frame = tab.frames[1]
        # Usable at 300 px: nothing wider than the frame, and the hotlines stay in view
        # however far the reader scrolls.
        assert frame.evaluate("document.documentElement.scrollWidth") <= 300
        frame.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        top = frame.evaluate(
            "document.querySelector('.embed__hotlines').getBoundingClientRect().top"
        )
        assert top == 0
    finally:
        context.close()


def test_a_site_that_is_not_an_active_partner_cannot_frame_it(
    browser, site_url, partner_site, django_db_blocker
):
    campaign = example_campaign("es")
    for origins, active in [(None, True), (partner_site, False), ("https://otro.example", True)]:
        partner = None
        if origins:
            partner = orm(
                MediaPartner.objects.create,
                name="Diario",
                slug="diario-de-ejemplo",
                origins=origins,
                active=active,
            )
        context = browser.new_context()
        try:
            tab, refusals = open_partner_page(context, site_url, partner_site, campaign)
            embed = tab.frame_locator("iframe")

            assert embed.get_by_text(campaign.title).count() == 0, (origins, active)
            assert any("frame-ancestors" in refusal for refusal in refusals), refusals
        finally:
            context.close()
            if partner is not None:
                orm(delete_partner, partner)


@pytest.mark.parametrize(
    "viewport",
    [{"width": 300, "height": 420}, {"width": 360, "height": 740}, {"width": 1280, "height": 900}],
    ids=["narrowest iframe", "phone", "desktop"],
)
def test_the_embed_has_no_axe_violations_in_either_language(browser, site_url, viewport):
    """The campaign pages themselves are checked with every page type (PAGE_EXAMPLES)."""
    complete = orm(CampaignPage.objects.get, slug="campana-completa-de-ejemplo")
    for campaign in (complete, example_campaign("en")):
        path = f"/embed/campaigns/{campaign.id}/"
        assert axe_violations(browser, site_url + path, viewport) == [], path

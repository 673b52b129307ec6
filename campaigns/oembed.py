"""The oEmbed provider's two jobs: find the campaign a consumer asks about, and describe it."""

from urllib.parse import urlsplit

from django.utils.translation import get_language_from_path, gettext, override
from wagtail.models import Page, Site

from core.navigation import is_public

from .embed_code import CACHE_AGE, DEFAULT_HEIGHT, DEFAULT_WIDTH, embed_url, iframe_html
from .models import CampaignPage

THUMBNAIL_MAX = 1200


def find_live_campaign(url, request):
    """The live, public, not yet ended campaign page at `url` on this site, or None. Only the
    path of the address is trusted, and only once its host is one this site answers to.

    An ended campaign stays readable, and the iframes partners already have keep showing it
    (marked as ended), but no new embed of it is offered."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    sites = {site.hostname: site for site in Site.objects.select_related("root_page")}
    request_host = request.get_host().rsplit(":", 1)[0]
    if parts.hostname == request_host:
        site = Site.find_for_request(request)
    else:
        site = sites.get(parts.hostname)
    language = get_language_from_path(parts.path)
    if site is None or language is None:
        return None
    home = Page.objects.filter(
        translation_key=site.root_page.translation_key, locale__language_code=language
    ).first()
    if home is None:
        return None
    rest = parts.path.removeprefix(f"/{language}/")
    url_path = home.url_path + rest.strip("/") + "/"
    campaign = CampaignPage.objects.live().filter(url_path=url_path, locale=home.locale).first()
    if campaign is None or campaign.is_ended or not is_public(campaign, request):
        return None
    return campaign


def oembed_response_data(campaign, request, maxwidth=None, maxheight=None):
    """The oEmbed 1.0 “rich” answer for a campaign, within maxwidth by maxheight."""
    width = min(DEFAULT_WIDTH, maxwidth or DEFAULT_WIDTH)
    height = min(DEFAULT_HEIGHT, maxheight or DEFAULT_HEIGHT)
    with override(campaign.locale.language_code):
        provider_name = gettext("National action plan against human trafficking")
    data = {
        "version": "1.0",
        "type": "rich",
        "title": campaign.title,
        "html": str(iframe_html(campaign, embed_url(campaign, request), width, height)),
        "width": width,
        "height": height,
        "provider_name": provider_name,
        "provider_url": request.build_absolute_uri("/"),
        "cache_age": CACHE_AGE,
    }
    hero = campaign.hero
    if hero and hero["image"]:
        box_width = min(THUMBNAIL_MAX, maxwidth or THUMBNAIL_MAX)
        box_height = min(THUMBNAIL_MAX, maxheight or THUMBNAIL_MAX)
        rendition = hero["image"].get_rendition(f"max-{box_width}x{box_height}|format-jpeg")
        data.update(
            thumbnail_url=request.build_absolute_uri(rendition.url),
            thumbnail_width=rendition.width,
            thumbnail_height=rendition.height,
        )
    return data

"""The addresses and iframe code that carry a campaign to partner sites. No model import:
the page model's admin panel uses this module."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html

# The embed is designed for 300 px and up; these are the sizes offered when nobody asks.
MIN_WIDTH = 300
DEFAULT_WIDTH = 600
DEFAULT_HEIGHT = 640
# Seconds a consumer (or a proxy) may keep an oEmbed answer or an embed page.
CACHE_AGE = 60 * 10


def site_root_url(page, request=None):
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    site = page.get_site()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def page_url(page, request=None):
    """The page's absolute address: on the host the request came in on (as the canonical link
    is), or on its site's root without a request (the admin's embed box)."""
    if request is not None:
        return request.build_absolute_uri(page.get_url(request))
    return page.get_full_url()


def embed_url(page, request=None):
    return site_root_url(page, request) + reverse("campaign_embed", args=[page.id])


def oembed_url(page, request=None):
    query = urlencode({"url": page_url(page, request), "format": "json"})
    return f"{site_root_url(page, request)}{reverse('oembed')}?{query}"


def iframe_html(page, src, width=DEFAULT_WIDTH, height=DEFAULT_HEIGHT):
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy"></iframe>',
        src,
        width,
        height,
        page.title,
    )


def embed_code(page, request=None):
    """What the “Embed this campaign” box offers: the iframe and the oEmbed address."""
    return {
        "iframe": iframe_html(page, embed_url(page, request)),
        "oembed_url": oembed_url(page, request),
    }

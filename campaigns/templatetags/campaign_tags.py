"""Template tags for campaigns: the home page's list of current campaigns, and what a campaign
page shows partners (embed code, share links, link-preview meta)."""

from django import template
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from core.navigation import is_public

from ..embed_code import embed_code, page_url
from ..models import CampaignPage
from ..sharing import share_links

register = template.Library()

# Open Graph wants the language with a territory; these are the site's two.
OPEN_GRAPH_LOCALES = {"es": "es_PE", "en": "en_GB"}
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


@register.inclusion_tag("campaigns/current_campaigns.html", takes_context=True)
def current_campaigns(context, page, limit=3):
    """Live campaigns running today in `page`'s language, newest first."""
    request = context.get("request")
    today = timezone.localdate()
    campaigns = (
        CampaignPage.objects.live()
        .filter(locale_id=page.locale_id, start_date__lte=today)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .order_by("-start_date")
    )
    visible = [campaign for campaign in campaigns[: limit * 2] if is_public(campaign, request)]
    return {"request": request, "campaigns": visible[:limit]}


@register.inclusion_tag("campaigns/embed_box.html", takes_context=True)
def embed_box(context, page):
    return {
        "request": context.get("request"),
        "page": page,
        **embed_code(page, context.get("request")),
    }


@register.inclusion_tag("campaigns/share_links.html", takes_context=True)
def campaign_share_links(context, page):
    request = context.get("request")
    return {"links": share_links(page.title, page_url(page, request), page.hashtag)}


@register.inclusion_tag("campaigns/social_meta.html", takes_context=True)
def campaign_social_meta(context, page):
    """Open Graph and Twitter card meta, and the oEmbed discovery link."""
    request = context.get("request")
    hero = page.hero
    image = None
    if hero and hero["image"]:
        rendition = hero["image"].get_rendition(SHARE_IMAGE_SPEC)
        image = {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": hero["alt_text"],
        }
    return {
        "page": page,
        "url": page_url(page, request),
        # The active language is the page's (Wagtail serves each tree under its prefix).
        "locale": OPEN_GRAPH_LOCALES.get(get_language(), "es_PE"),
        "image": image,
        "oembed_url": embed_code(page, request)["oembed_url"],
    }

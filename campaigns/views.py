"""The machine routes of campaigns: the embeddable view partners put in an iframe, and the
oEmbed provider that gives them the iframe code."""

import re

from django.conf import settings
from django.http import HttpResponseNotFound, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import override
from django.views.decorators.http import require_safe

from core.middleware import build_content_security_policy
from core.models import SiteSettings
from core.navigation import is_public

from .embed_code import CACHE_AGE, MIN_WIDTH, page_url
from .models import CampaignPage, EmbedViewCount, MediaPartner
from .oembed import find_live_campaign, oembed_response_data

PARTNER_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,60}$")


def attributed_partner(request):
    """The active partner named by ?partner=<slug>, or None. The slug is only ever compared
    with stored slugs, never echoed."""
    slug = request.GET.get("partner", "")
    if not PARTNER_SLUG.match(slug):
        return None
    return MediaPartner.objects.filter(active=True, slug=slug).first()


@require_safe
def campaign_embed(request, campaign_id):
    """The campaign without the site's chrome, for partner iframes, in the campaign's own
    language. Only the active partners' websites may frame it."""
    campaign = CampaignPage.objects.live().select_related("locale").filter(id=campaign_id).first()
    if campaign is None or not is_public(campaign, request):
        return HttpResponseNotFound("No public campaign with this id.", content_type="text/plain")
    if request.method == "GET":  # a monitor's HEAD is not a reader
        EmbedViewCount.count(campaign, attributed_partner(request))

    language = campaign.locale.language_code
    with override(language):
        response = TemplateResponse(
            request,
            "campaigns/embed.html",
            {
                "campaign": campaign,
                "language": language,
                "hotlines": SiteSettings.for_request(request).localized_emergency_contacts(),
                "page_url": page_url(campaign, request),
            },
        )
        response.render()

    ancestors = MediaPartner.framing_origins() or ["'none'"]
    response["Content-Security-Policy"] = build_content_security_policy(
        (), frame_ancestors=ancestors
    )
    response.xframe_options_exempt = True
    response["Content-Language"] = language
    # A caching proxy may keep it a few minutes: that is what lets partners' front pages
    # load it at peak (see docs/campaigns.md for what that means for the counts).
    patch_cache_control(response, public=True, max_age=settings.CAMPAIGN_EMBED_MAX_AGE)
    return response


def oembed_error(message, status):
    return JsonResponse({"error": message}, status=status)


def positive_int(value):
    if value is None or value == "":
        return None
    if not value.isdigit() or int(value) == 0:
        raise ValueError(value)
    return min(int(value), 10_000)


@require_safe
def oembed(request):
    """oEmbed 1.0 provider for campaign pages (JSON only)."""
    response_format = request.GET.get("format", "json")
    if response_format != "json":
        return oembed_error("Only format=json is supported.", 501)
    url = request.GET.get("url", "")
    if not url:
        return oembed_error("The url parameter is required.", 400)
    try:
        maxwidth = positive_int(request.GET.get("maxwidth"))
        maxheight = positive_int(request.GET.get("maxheight"))
    except ValueError:
        return oembed_error("maxwidth and maxheight must be positive whole numbers.", 400)
    campaign = find_live_campaign(url, request)
    if campaign is None:
        return oembed_error("No live campaign at this address.", 404)
    if maxwidth is not None and maxwidth < MIN_WIDTH:
        return oembed_error(f"A campaign needs at least {MIN_WIDTH} pixels of width.", 404)

    response = JsonResponse(oembed_response_data(campaign, request, maxwidth, maxheight))
    # Consumers fetch it from their own sites' scripts and servers; it is public data.
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=CACHE_AGE)
    return response

"""Template tags for the parts every public page shares."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from .. import navigation
from ..models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def page_navigation(context):
    """Home, language links, menu, footer links and breadcrumbs for this page (see
    core/navigation.py). Empty outside a request (the 500 page has none)."""
    request = context.get("request")
    if request is None:
        return navigation.Navigation()
    return navigation.for_request(request, context.get("page"), context.get("ancestors"))


@register.simple_tag(takes_context=True)
def emergency_contacts(context):
    request = context.get("request")
    # Wagtail keeps the settings on the request after the first read.
    return SiteSettings.for_request(request).localized_emergency_contacts() if request else []


@register.simple_tag(takes_context=True)
def quick_exit_url(context):
    request = context.get("request")
    if request is None:
        return settings.QUICK_EXIT_FALLBACK_URL
    return SiteSettings.for_request(request).quick_exit_url


@register.simple_tag(takes_context=True)
def home_url(context):
    nav = page_navigation(context)
    if nav.home is not None:
        return nav.home.get_url(context.get("request"))
    return f"/{get_language() or settings.LANGUAGE_CODE}/"

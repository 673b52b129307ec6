"""Template tags for the parts every public page shares."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from .. import navigation, page_tree
from ..models import SiteSettings
from ..models.site_settings import localize_emergency_contacts

register = template.Library()


@register.simple_tag(takes_context=True)
def page_navigation(context):
    """Home, language links, menu, footer links and breadcrumbs for this page (see
    core/navigation.py). Empty outside a request (the 500 page has none)."""
    request = context.get("request")
    if request is None:
        return navigation.Navigation()
    return navigation.for_request(request, context.get("page"), context.get("ancestors"))


def _settings_summary(context):
    """The cached site settings of this request's site, or None outside a request."""
    request = context.get("request")
    site = page_tree.site_for_request(request) if request is not None else None
    return SiteSettings.summary_for_site(site) if site is not None else None


@register.simple_tag(takes_context=True)
def emergency_contacts(context):
    summary = _settings_summary(context)
    return localize_emergency_contacts(summary["emergency_contacts"]) if summary else []


@register.simple_tag(takes_context=True)
def quick_exit_url(context):
    summary = _settings_summary(context)
    return summary["quick_exit_url"] if summary else settings.QUICK_EXIT_FALLBACK_URL


@register.simple_tag(takes_context=True)
def home_url(context):
    nav = page_navigation(context)
    if nav.home is not None:
        return nav.home.url
    return f"/{get_language() or settings.LANGUAGE_CODE}/"

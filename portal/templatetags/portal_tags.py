"""Template tags for the parts every public page shares."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from portal import navigation
from portal.models import SiteSettings

register = template.Library()


def _request(context):
    return context.get("request")


def _site_settings(request):
    # Wagtail keeps the settings on the request after the first read.
    return SiteSettings.for_request(request) if request else None


@register.simple_tag(takes_context=True)
def quick_exit_url(context):
    site_settings = _site_settings(_request(context))
    return site_settings.quick_exit_url if site_settings else settings.QUICK_EXIT_FALLBACK_URL


@register.simple_tag(takes_context=True)
def emergency_contacts(context):
    site_settings = _site_settings(_request(context))
    return site_settings.localized_emergency_contacts() if site_settings else []


@register.simple_tag(takes_context=True)
def language_links(context):
    request = _request(context)
    if request is None:
        return []
    return navigation.language_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def home_url(context):
    request = _request(context)
    home = navigation.current_home(request) if request else None
    return home.get_url(request) if home else f"/{get_language() or settings.LANGUAGE_CODE}/"


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = _request(context)
    page = context.get("page")
    current_path = page.path if isinstance(page, Page) else ""
    items = [
        {
            "title": item.title,
            "url": item.get_url(request),
            "is_current": current_path == item.path,
            "is_ancestor": current_path.startswith(item.path) and current_path != item.path,
        }
        for item in (navigation.menu_pages(request) if request else [])
    ]
    return {"items": items}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    request = _request(context)
    # depth 1 is Wagtail's invisible root; the language's home page is depth 2, and is all a
    # top-level page needs (already loaded for the menu).
    if page.depth == 3 and request is not None:
        ancestors = [navigation.current_home(request)]
    else:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "request": request}


@register.inclusion_tag("components/site_footer.html", takes_context=True)
def site_footer(context):
    request = _request(context)
    links = navigation.footer_pages(request, _site_settings(request)) if request else []
    return {"links": links, "request": request}

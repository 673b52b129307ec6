"""Absolute addresses for what search engines read in a page's head."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` (a path or an absolute URL) on the host this request came in on."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own address, or, outside the page tree (search, errors), the requested
    path without its query string."""
    request = context["request"]
    page = context.get("page")
    path = page.get_url(request) if page is not None and hasattr(page, "get_url") else None
    return request.build_absolute_uri(path or request.path)

"""Absolute addresses for what search engines read in a page's head."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` (a path or an absolute URL) on the host this request came in on."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address this content is served at: the requested path (a page, or a route under
    one such as a service of the directory), without the query string, so that filtered views
    of a listing point at the listing; a later page of results keeps its number, being other
    content."""
    request = context["request"]
    page_number = request.GET.get("page", "")
    query = f"?page={int(page_number)}" if page_number.isdigit() and int(page_number) > 1 else ""
    return request.build_absolute_uri(request.path + query)

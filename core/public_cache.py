"""Says which responses a shared cache (the Varnish in front, deploy/varnish/) may keep.

Only anonymous GETs of pages from Wagtail's page tree are marked: `public, max-age=0,
s-maxage=PUBLIC_PAGE_CACHE_SECONDS`. Browsers revalidate each time (a hotline that changes
reaches them at once; nothing lingers in a shared computer's cache beyond what history
keeps), the proxy keeps the page for the TTL and is purged on publish (core/frontend_cache.py).
The TTL bounds what changes without a publish: "open now" in the directory, a campaign whose
end date passed.

Everything else keeps what its view says, or nothing, and the proxy caches no response
without a Cache-Control: the complaint form's `no-store`, the embed view's own max-age, the
search results (no header) are left alone.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

CACHEABLE_ROUTES = frozenset({"wagtail_serve"})


def _a_page_view(request, response):
    match = request.resolver_match
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and match is not None
        and match.url_name in CACHEABLE_ROUTES
        and not response.has_header("Cache-Control")
    )


class PublicCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not _a_page_view(request, response):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # An editor's view of a page carries the userbar: for their browser only. (Their
            # session cookie is refreshed on every request, SESSION_SAVE_EVERY_REQUEST.)
            patch_cache_control(response, private=True)
        elif not response.cookies:
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PUBLIC_PAGE_CACHE_SECONDS
            )
        return response

"""Routes page requests from the cached page tree (core/page_tree.py) instead of walking the
tree in the database: Wagtail's serve view then finds the route already on the request."""

from . import page_tree


class CachedPageRouteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        serving_a_page = match is not None and match.url_name == "wagtail_serve"
        if serving_a_page and not hasattr(request, "_wagtail_route_for_request"):
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            # Where Wagtail's own routing looks first (Page.route_for_request).
            request._wagtail_route_for_request = page_tree.route(request, path)
        return None

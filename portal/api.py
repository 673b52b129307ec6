"""Wagtail API v2: read-only JSON of the live, public pages.

Only pages are exposed. The image and document libraries may hold files meant for restricted
pages, so their endpoints stay off.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

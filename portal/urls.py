from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemaps_views
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import RedirectView
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campaigns import urls as campaigns_urls
from charts.views import chart_csv
from search import views as search_views

from .api import api_router
from .sitemaps import sitemap_sections
from .views import favicon, healthz, robots_txt

handler400 = "portal.error_views.bad_request"
handler403 = "portal.error_views.permission_denied"
handler404 = "portal.error_views.page_not_found"
handler500 = "portal.views.server_error"

SITEMAP_SECTIONS = sitemap_sections()

# Routes outside the language prefix: machines read them, not people.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        require_safe(sitemaps_views.index),
        {"sitemaps": SITEMAP_SECTIONS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        require_safe(sitemaps_views.sitemap),
        {"sitemaps": SITEMAP_SECTIONS},
        name="sitemap-section",
    ),
    path("favicon.ico", favicon, name="favicon"),
    path("api/v2/", api_router.urls),
    path("api/hsds/", include("services_directory.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # ALTCHA challenges for the complaint form (JSON, no cookie, no state kept).
    path("altcha/", include("altcha_django.urls")),
    # Wagtail reverses this name for private pages; it leads to the one, throttled, login.
    path(
        "_util/login/",
        RedirectView.as_view(url="/admin/login/", query_string=True),
        name="wagtailcore_login",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(campaigns_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static as serve_static

    urlpatterns += serve_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Routes for people, under /es/ and /en/. Wagtail's page tree comes last: it catches the rest.
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "search/"), search_views.search, name="search"),
    path(
        pgettext_lazy("URL path", "search/suggestions/"),
        search_views.search_suggestions,
        name="search_suggestions",
    ),
    path(
        pgettext_lazy("URL path", "data/<int:page_id>/<str:block_id>.csv"),
        chart_csv,
        name="chart_csv",
    ),
    # Wagtail's page serving only. Its front-end login (`_util/login/`) is Django's plain,
    # unthrottled login form and its page-password route is unthrottled too: the site has no
    # such pages, so neither route exists and a private page sends visitors to the admin login.
    # GET and HEAD to read a page, POST for pages with a form; nothing else.
    re_path(
        r"^((?:[\w\-]+/)*)$",
        require_http_methods(["GET", "HEAD", "POST"])(wagtail_views.serve),
        name="wagtail_serve",
    ),
)

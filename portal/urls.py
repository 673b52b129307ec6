from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campaigns import urls as campaigns_urls
from charts.views import chart_csv
from search import views as search_views

from .api import api_router
from .sitemaps import AllLanguagesSitemap
from .views import favicon, healthz, robots_txt

handler500 = "portal.views.server_error"

# Routes outside the language prefix: machines read them, not people.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": AllLanguagesSitemap}},
        name="sitemap",
    ),
    path("favicon.ico", favicon, name="favicon"),
    path("api/v2/", api_router.urls),
    path("admin/", include(wagtailadmin_urls)),
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
        pgettext_lazy("URL path", "data/<int:page_id>/<str:block_id>.csv"),
        chart_csv,
        name="chart_csv",
    ),
    path("", include(wagtail_urls)),
)

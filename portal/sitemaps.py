"""The sitemap: an index (`/sitemap.xml`) of sections, each split by Django into files of at
most SITEMAP_LIMIT addresses (50,000, the protocol's maximum): the pages of every language,
and each language's service pages, which alone may run past 50,000."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from services_directory.directory import in_language
from services_directory.models import Service, ServiceDirectoryPage


class AllLanguagesSitemap(Sitemap):
    """The public pages of every language, not only the default one."""

    @property
    def limit(self):
        return settings.SITEMAP_LIMIT

    def items(self):
        site_root = self.get_wagtail_site().root_page
        # Each language has its own tree, rooted at a translation of the site's home page.
        language_roots = site_root.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in language_roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()


class ServicePagesSitemap(DjangoSitemap):
    """The public service pages under one language's directory (their addresses name no
    place: confidential details never reach a sitemap)."""

    def __init__(self, language_code):
        self.language_code = language_code

    @property
    def limit(self):
        return settings.SITEMAP_LIMIT

    def directory(self):
        return (
            ServiceDirectoryPage.objects.live()
            .public()
            .filter(locale__language_code=self.language_code)
            .first()
        )

    def items(self):
        directory = self.directory()
        if directory is None:
            return Service.objects.none()
        services = in_language(Service.objects.public(), directory.locale)
        return services.only("slug", "last_modified").order_by("slug", "id")

    def _urls(self, page, protocol, domain):
        # Full addresses from the Wagtail site, like the pages section, not from the request.
        base = self.directory().get_full_url()
        urls = [
            {"location": f"{base}{service.slug}/", "lastmod": service.last_modified}
            for service in self.paginator.page(page).object_list
        ]
        self.latest_lastmod = max((url["lastmod"] for url in urls), default=None)
        return urls


def sitemap_sections():
    return {
        "pages": AllLanguagesSitemap,
        **{f"services-{code}": ServicePagesSitemap(code) for code, _name in settings.LANGUAGES},
    }

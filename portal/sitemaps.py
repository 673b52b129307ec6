"""sitemap.xml listing the public pages of every language, not only the default one."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    def items(self):
        site_root = self.get_wagtail_site().root_page
        # Each language has its own tree, rooted at a translation of the site's home page.
        language_roots = site_root.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in language_roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

"""Everything a page needs to find its way around the site: the language's home, the language
links, the main menu, the footer links and the breadcrumbs.

Built once per request from the cached page tree and site settings (core/page_tree.py,
core/content_cache.py): no query once the cache is warm, whatever the size of the site.
Entries are `page_tree.PageEntry` values (id, title, url, depth...), not Page objects.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from . import page_tree
from .models import SiteSettings


@dataclass
class Navigation:
    home: page_tree.PageEntry | None = None
    languages: list = field(default_factory=list)
    menu: list = field(default_factory=list)
    footer: list = field(default_factory=list)
    breadcrumbs: list = field(default_factory=list)
    # For search engines (<link rel="alternate" hreflang>): this very content in each language
    # it exists in, live; the default language's also as x-default.
    alternates: list = field(default_factory=list)


def for_request(request, page=None, ancestors=None):
    """The navigation of this request, computed on first use and kept on the request.

    `ancestors` is accepted for the callers that pass it; the breadcrumbs now come from the
    cached tree."""
    if not hasattr(request, "_portal_navigation"):
        request._portal_navigation = _build(request, page)
    return request._portal_navigation


def is_public(page, request=None):
    """Whether `page` (a Page or a PageEntry) is under no view restriction."""
    return not page_tree.is_restricted(page.path)


def _build(request, page):
    page = page if isinstance(page, Page) else None
    site = page_tree.site_for_request(request)
    if site is None:
        return Navigation()
    tree = page_tree.for_site(site)
    site_settings = SiteSettings.summary_for_site(site)
    language = get_language()
    home = tree.home(language)
    entry = tree.pages.get(page.pk) if page is not None else None

    languages = _language_links(request, tree, entry, page, language)
    return Navigation(
        home=home,
        languages=languages,
        alternates=_alternates(request, entry, languages, language),
        menu=_menu(tree, home, entry),
        footer=_footer(tree, site_settings["footer_page_ids"], language),
        breadcrumbs=_breadcrumbs(tree, entry),
    )


def _language_links(request, tree, entry, page, current):
    """One link per language: to this page's translation when there is one, else to that
    language's home page. Outside the page tree (search) the URL itself is translated.
    `has_translation` says whether the link shows the same content (for hreflang)."""
    translations = tree.live_translations(entry) if entry is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        has_translation = False
        if page is None:
            path = request.get_full_path()
            translated = path if code == current else translate_url(path, code)
            # translate_url gives back its input when the path resolves to no view (a 404).
            if code == current or translated != path:
                url = translated
                has_translation = True
        elif code in translations:
            url = translations[code].url
            has_translation = True
        if url is None:
            home = tree.translation(tree.pages[tree.root_id], code) if tree.root_id else None
            url = home.url if home is not None else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_default": code == settings.LANGUAGE_CODE,
                "has_translation": has_translation,
            }
        )
    return links


def _alternates(request, entry, languages, current):
    """The language links that lead to this same content. A page's own address has its live
    translations; a route under a page (a service in the directory, the complaint status) has
    only itself: its address in another language is not known to exist."""
    if entry is not None and entry.url != request.path:
        links = [{"code": current, "url": request.path}]
    else:
        links = [
            # Without a query string, as the canonical address (search keeps its query in
            # the language switcher, not here).
            {"code": language["code"], "url": language["url"].split("?")[0]}
            for language in languages
            if language["has_translation"]
        ]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        links.append({"code": "x-default", "url": default["url"]})
    return links


def _menu(tree, home, entry):
    """The top-level pages an editor chose to show in menus, in tree order."""
    if home is None:
        return []
    current_path = entry.path if entry is not None else ""
    return [
        {
            "title": item.title,
            "url": item.url,
            "is_current": current_path == item.path,
            "is_ancestor": current_path.startswith(item.path) and current_path != item.path,
        }
        for item in tree.children(home)
        if item.live and item.show_in_menus and is_public(item)
    ]


def _footer(tree, page_ids, language):
    """The safety, privacy and open data pages chosen in the settings, in this language when
    translated."""
    links = []
    for page_id in page_ids:
        chosen = tree.pages.get(page_id)
        if chosen is None or not chosen.live:
            continue
        localized = tree.translation(chosen, language) or chosen
        if is_public(localized):
            links.append(localized)
    return links


def _breadcrumbs(tree, entry):
    # depth 1 is Wagtail's invisible root; each language's home page is depth 2.
    if entry is None or entry.depth <= 2:
        return []
    return tree.ancestors(entry)

"""Everything a page needs to find its way around the site: the language's home, the language
links, the main menu, the footer links and the breadcrumbs.

Built once per request, in a fixed handful of queries whatever the size of the site: the site
settings, the translations of the pages involved (one query for all of them), the view
restrictions, the menu, and the ancestors of pages deeper than the top level.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site

from .models import SiteSettings


@dataclass
class Navigation:
    home: Page | None = None
    languages: list = field(default_factory=list)
    menu: list = field(default_factory=list)
    footer: list = field(default_factory=list)
    breadcrumbs: list = field(default_factory=list)


def for_request(request, page=None, ancestors=None):
    """The navigation of this request, computed on first use and kept on the request.

    `ancestors` are the pages between the language's home and `page`, when the page already
    has them (a strategic objective knows its plan): it saves the breadcrumbs a query."""
    if not hasattr(request, "_portal_navigation"):
        request._portal_navigation = _build(request, page, ancestors)
    return request._portal_navigation


def restricted_paths(request):
    """Tree paths of the pages under a view restriction (their descendants are restricted
    too). One query a request, instead of one for every use of Wagtail's .public()."""
    if not hasattr(request, "_portal_restricted_paths"):
        request._portal_restricted_paths = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    return request._portal_restricted_paths


def is_public(page, request):
    return not any(page.path.startswith(path) for path in restricted_paths(request))


def _build(request, page, ancestors):
    page = page if isinstance(page, Page) else None
    site = Site.find_for_request(request)
    if site is None:
        return Navigation()
    site_settings = SiteSettings.for_request(request)
    footer_chosen = [
        chosen
        for chosen in (
            site_settings.safety_page,
            site_settings.privacy_page,
            site_settings.open_data_page,
        )
        if chosen is not None and chosen.live
    ]
    translations = _translations_of([site.root_page, page, *footer_chosen])

    def public(candidate):
        return is_public(candidate, request)

    language = get_language()
    homes = translations.get(site.root_page.translation_key, {})
    home = homes.get(language) or homes.get(settings.LANGUAGE_CODE)

    return Navigation(
        home=home,
        languages=_language_links(request, page, translations, homes, language),
        menu=_menu(request, home, page, public),
        footer=[
            footer_page
            for footer_page in (
                translations.get(chosen.translation_key, {}).get(language, chosen)
                for chosen in footer_chosen
            )
            if public(footer_page)
        ],
        breadcrumbs=_breadcrumbs(page, home, ancestors),
    )


def _translations_of(pages):
    """{translation_key: {language_code: live page}} for the given pages, in one query."""
    keys = {page.translation_key for page in pages if page is not None}
    translations = {}
    for translation in (
        Page.objects.live().filter(translation_key__in=keys).select_related("locale")
    ):
        translations.setdefault(translation.translation_key, {})[
            translation.locale.language_code
        ] = translation
    return translations


def _language_links(request, page, translations, homes, current):
    """One link per language: to this page's translation when there is one, else to that
    language's home page. Outside the page tree (search) the URL itself is translated."""
    page_translations = translations.get(page.translation_key, {}) if page else {}
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if page is None:
            path = request.get_full_path()
            translated = path if code == current else translate_url(path, code)
            # translate_url gives back its input when the path resolves to no view (a 404).
            if code == current or translated != path:
                url = translated
        if url is None:
            target = page_translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_default": code == settings.LANGUAGE_CODE,
            }
        )
    return links


def _menu(request, home, page, public):
    """The top-level pages an editor chose to show in menus, in tree order."""
    if home is None:
        return []
    current_path = page.path if page else ""
    return [
        {
            "title": item.title,
            "url": item.get_url(request),
            "is_current": current_path == item.path,
            "is_ancestor": current_path.startswith(item.path) and current_path != item.path,
        }
        for item in home.get_children().live().in_menu()
        if public(item)
    ]


def _breadcrumbs(page, home, ancestors):
    # depth 1 is Wagtail's invisible root; each language's home page is depth 2.
    if page is None or page.depth <= 2:
        return []
    if home is not None and (page.depth == 3 or ancestors is not None):
        return [home, *(ancestors or [])]
    return list(page.get_ancestors().filter(depth__gte=2))

"""Where things are in the page tree, for menus and the language switcher.

Results are kept on the request, so a page asks each question of the database at most once.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site


def _memoize_on_request(request, name, compute):
    cache = request.__dict__.setdefault("_portal_navigation", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def language_homes(request):
    """The home page of each language, by language code."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return {}
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {home.locale.language_code: home for home in homes}

    return _memoize_on_request(request, "language_homes", compute)


def restricted_paths(request):
    """Tree paths of the pages under a view restriction (their descendants are restricted too).
    One query a request, instead of one for every use of Wagtail's .public()."""
    return _memoize_on_request(
        request,
        "restricted_paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def is_public(page, request):
    return not any(page.path.startswith(path) for path in restricted_paths(request))


def current_home(request):
    homes = language_homes(request)
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)


def menu_pages(request):
    """The top-level pages an editor chose to show in menus, in tree order."""

    def compute():
        home = current_home(request)
        if home is None:
            return []
        children = home.get_children().live().in_menu()
        return [page for page in children if is_public(page, request)]

    return _memoize_on_request(request, "menu_pages", compute)


def language_links(request, page=None):
    """One link per language: to this page's translation when there is one, else to that
    language's home page. Outside the page tree (search) the URL itself is translated."""
    translations = {}
    if page is not None and isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    homes = language_homes(request)
    current = get_language()

    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if page is None and code != current:
            translated = translate_url(request.get_full_path(), code)
            # translate_url gives back its input when the path resolves to no view (a 404).
            url = translated if translated != request.get_full_path() else None
        elif page is None:
            url = request.get_full_path()
        if url is None:
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


def footer_pages(request, site_settings):
    """The safety page and the privacy statement, in the visitor's language when translated."""

    def compute():
        chosen = [
            page
            for page in (site_settings.safety_page, site_settings.privacy_page)
            if page is not None and page.live
        ]
        if not chosen:
            return []
        home = current_home(request)
        localized = {
            page.translation_key: page
            for page in Page.objects.live().filter(
                translation_key__in=[page.translation_key for page in chosen],
                locale_id=home.locale_id if home else chosen[0].locale_id,
            )
        }
        pages = [localized.get(page.translation_key, page) for page in chosen]
        return [page for page in pages if is_public(page, request)]

    return _memoize_on_request(request, "footer_pages", compute)

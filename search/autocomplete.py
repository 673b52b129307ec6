"""Type-ahead suggestions: titles of live public pages of one language whose words start
with what the visitor has typed so far, then services that mention it."""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.search_text import words
from services_directory.models import Service, ServiceDirectoryPage

from .query import clean_search_text

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2


def suggestions(text, locale, request=None):
    """Up to MAX_SUGGESTIONS {"title", "url"} for the typed text, pages first."""
    # Words only: quotes and operators mean nothing to a type-ahead and would reach the
    # database's full-text syntax.
    typed = " ".join(words(clean_search_text(text)))
    if len(typed) < MIN_LENGTH:
        return []
    backend = get_search_backend()
    pages = Page.objects.live().public().filter(locale=locale)
    found = [
        {"title": page.title, "url": page.get_url(request)}
        for page in backend.autocomplete(typed, pages, operator="and")[:MAX_SUGGESTIONS]
    ]
    room = MAX_SUGGESTIONS - len(found)
    directory = ServiceDirectoryPage.objects.live().public().filter(locale=locale).first()
    if room and directory is not None:
        # Services are not in the search index (see search/results.py): their folded public
        # text, which starts with the name, holds every typed word or beginning of one.
        services = Service.objects.public().filter(locale=locale)
        for word in typed.split():
            services = services.filter(search_text__contains=word)
        directory_url = directory.get_url(request)
        found += [
            {"title": name, "url": f"{directory_url}{slug}/"}
            for name, slug in services.order_by("name").values_list("name", "slug")[:room]
        ]
    return found

"""Type-ahead suggestions: titles of live public pages and services of one language whose
words start with what the visitor has typed so far."""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.search_text import fold
from services_directory.models import Service, ServiceDirectoryPage

from .query import clean_search_text

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2


def suggestions(text, locale, request=None):
    """Up to MAX_SUGGESTIONS {"title", "url"} for the typed text, pages first."""
    typed = fold(clean_search_text(text))
    if len(typed.strip()) < MIN_LENGTH:
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
        services = Service.objects.public().filter(locale=locale)
        directory_url = directory.get_url(request)
        found += [
            {"title": service.name, "url": f"{directory_url}{service.slug}/"}
            for service in backend.autocomplete(typed, services, operator="and")[:room]
        ]
    return found

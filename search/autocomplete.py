"""Type-ahead suggestions: titles of live public pages of one language whose words start
with what the visitor has typed so far, then services that mention it."""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.search_text import words
from services_directory.directory import in_language
from services_directory.models import Service

from .page_cards import page_cards
from .query import clean_search_text
from .results import directory_url

MAX_SUGGESTIONS = 8
MIN_LENGTH = 2


def suggestions(text, locale):
    """Up to MAX_SUGGESTIONS {"title", "url"} for the typed text, pages first (a service not
    yet translated into the visitor's language also has "lang")."""
    # Words only: quotes and operators mean nothing to a type-ahead and would reach the
    # database's full-text syntax.
    typed = " ".join(words(clean_search_text(text)))
    if len(typed) < MIN_LENGTH:
        return []
    language = locale.language_code
    # The cached cards hold the public pages only, with their addresses (search/page_cards.py).
    cards = page_cards(language)
    pages = Page.objects.live().filter(locale=locale).only("pk")
    matches = get_search_backend().autocomplete(typed, pages, operator="and")
    found = []
    for page in matches[: MAX_SUGGESTIONS * 2]:
        card = cards.get(page.pk)
        if card is not None and len(found) < MAX_SUGGESTIONS:
            found.append({"title": card.title, "url": card.url})
    room = MAX_SUGGESTIONS - len(found)
    base_url = directory_url(language)
    if room and base_url is not None:
        # Services are not in the search index (see search/results.py): their folded public
        # text, which starts with the name, holds every typed word or beginning of one.
        services = in_language(Service.objects.public(), locale)
        for word in typed.split():
            services = services.filter(search_text__contains=word)
        rows = services.order_by("name").values_list("name", "slug", "locale__language_code")
        for name, slug, service_language in rows[:room]:
            suggestion = {"title": name, "url": f"{base_url}{slug}/"}
            if service_language != language:
                suggestion["lang"] = service_language
            found.append(suggestion)
    return found

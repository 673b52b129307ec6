"""“Did you mean…?” from the site's own vocabulary: the words of the titles and summaries of
the language's live pages and the directory's service types, populations and regions. Each
unknown word of the query is replaced by the nearest known word by edit distance."""

from collections import Counter

from django.core.cache import cache
from wagtail.models import Page

from core.search_text import stem, words
from services_directory.models import Population, Region, ServiceType

MIN_WORD_LENGTH = 3


VOCABULARY_SECONDS = 300


def vocabulary(locale):
    """How often each folded word appears in the language's titles and summaries, kept in
    the cache for a few minutes (a new page's words are suggested a little later)."""
    key = f"search:vocabulary:{locale.language_code}"
    known = cache.get(key)
    if known is None:
        known = read_vocabulary(locale)
        cache.set(key, known, VOCABULARY_SECONDS)
    return known


def read_vocabulary(locale):
    texts = []
    for page in Page.objects.live().public().filter(locale=locale).specific():
        texts.append(page.title)
        if hasattr(page, "search_summary_text"):
            texts.append(page.search_summary_text())
    for model in (ServiceType, Population):
        texts += model.objects.filter(locale=locale).values_list("name", flat=True)
    texts += Region.objects.values_list("name", flat=True)
    return Counter(word for text in texts for word in words(text) if len(word) >= MIN_WORD_LENGTH)


def did_you_mean(text, locale):
    """The text with its unknown words corrected, or None when there is nothing to correct."""
    known = vocabulary(locale)
    language = locale.language_code
    known_stems = {stem(word, language) for word in known}
    typed = words(text)
    corrected = [
        word
        if len(word) < MIN_WORD_LENGTH or stem(word, language) in known_stems
        else nearest(word, known) or word
        for word in typed
    ]
    return " ".join(corrected) if corrected != typed else None


def nearest(word, known):
    """The most frequent known word within the allowed edit distance of `word`, if any."""
    allowed = 1 if len(word) <= 5 else 2
    best = None
    for candidate, frequency in known.items():
        if abs(len(candidate) - len(word)) > allowed:
            continue
        distance = edit_distance(word, candidate, allowed)
        if distance <= allowed:
            rank = (distance, -frequency, candidate)
            if best is None or rank < best[0]:
                best = (rank, candidate)
    return best[1] if best else None


def edit_distance(first, second, limit):
    """Levenshtein distance with adjacent transpositions, giving up past `limit`."""
    previous_previous, previous = None, list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            cost = 0 if char == other else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous_previous is not None
                and j > 1
                and char == second[j - 2]
                and first[i - 2] == other
            ):
                value = min(value, previous_previous[j - 2] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]

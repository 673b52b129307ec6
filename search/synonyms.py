"""Query expansion with the editors' synonyms (SearchSynonym), done in Python so that every
search backend behaves alike."""

from core import content_cache

from .models import SearchSynonym


def synonym_groups(language):
    """Every group of equivalent stemmed terms for `language`, from the content cache (saving
    or deleting a synonym replaces the content version: search/apps.py)."""
    return content_cache.cached(f"search:synonyms:{language}", lambda: read_groups(language))


def read_groups(language):
    groups = []
    for synonym in SearchSynonym.objects.filter(language=language):
        terms = synonym.stemmed_terms()
        if len(terms) > 1:
            groups.append(terms)
    return groups


def find_synonyms(stem_sequence, groups):
    """The first run of `stem_sequence` that is a term of a group, longest term first:
    (start, end, alternatives) or None."""
    candidates = sorted(
        ((term, group) for group in groups for term in group), key=lambda item: -len(item[0])
    )
    for start in range(len(stem_sequence)):
        for term, group in candidates:
            end = start + len(term)
            if tuple(stem_sequence[start:end]) == term:
                return start, end, group
    return None

"""The order of results, computed in Python from the stemmed query so that it is the same on
every search backend: the backend finds what matches, this decides what comes first.

A term found in the title weighs more than one found in the summary (a concept's short
definition, a page's description, a service's description and types), which weighs more than
one found only in the body; a title made mostly of the query's words comes before a long one
that merely contains them.
"""

from .query import stop_stems

TITLE_MATCH = 10
SUMMARY_MATCH = 4
BODY_MATCH = 1
TITLE_COVERAGE = 3


def score(query, title_stems, summary_stems):
    """The relevance of a result the backend found for `query` (a SiteQuery)."""
    title, summary = set(title_stems), set(summary_stems)
    total = 0.0
    for term in query.terms:
        best = BODY_MATCH
        for option in term:
            if set(option) <= title:
                best = max(best, TITLE_MATCH)
            elif set(option) <= summary:
                best = max(best, SUMMARY_MATCH)
        total += best
    meaningful = [word for word in title_stems if word not in stop_stems(query.language)]
    if meaningful:
        covered = sum(1 for word in meaningful if word in query.stems)
        total += TITLE_COVERAGE * covered / len(meaningful)
    return total

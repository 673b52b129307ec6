"""Turns what a visitor typed into a search query that every search backend accepts.

The database backends pass terms to SQLite FTS5 / PostgreSQL inside quotes they do not escape,
so a stray double quote, a NUL or another control character in the text made the query
invalid (a 500). Text between a pair of double quotes stays a phrase; any other double quote
is dropped.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from wagtail.search.query import Phrase, PlainText
from wagtail.search.utils import AND, OR

from core.search_text import stem, stems

from .synonyms import find_synonyms

MAX_QUERY_LENGTH = 200
OPERATORS = ("and", "or")


def clean_search_text(text):
    """The text without control or invisible formatting characters, on one line, trimmed
    (Unicode whitespace such as a no-break space included) and at most MAX_QUERY_LENGTH long."""
    kept = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in text
    )
    return re.sub(r"\s+", " ", kept).strip()[:MAX_QUERY_LENGTH].strip()


def build_search_query(text, operator="and"):
    """A search query object for the cleaned text, or None when nothing is left to search for.
    `"trata de personas" lima` searches the phrase and the word."""
    tokens = []
    for position, part in enumerate(clean_search_text(text).split('"')):
        part = part.strip()
        if not part:
            continue
        # Odd positions lie between a pair of quotes; the last part after an unpaired quote
        # is at an odd position too, which makes it a phrase: harmless, and what was meant.
        if position % 2:
            tokens.append(Phrase(part))
        else:
            tokens.append(PlainText(part, operator=operator))
    if not tokens:
        return None
    return OR(tokens) if operator == "or" else AND(tokens)


# Words too common to search for on their own (folded, as core.search_text compares them).
# They stay inside quoted phrases and synonyms, where word order matters.
STOP_WORDS = {
    "es": "a al con de del el en la las lo los o para por que se su sus u un una y e",
    "en": "a an and as at by for from in into of on or the to with",
}


@functools.cache
def stop_stems(language):
    return frozenset(stem(word, language) for word in STOP_WORDS.get(language, "").split())


@dataclass(frozen=True)
class SiteQuery:
    """What a visitor typed, as stems: each term is a tuple of alternatives (synonyms), each
    alternative a tuple of stems (more than one for a phrase). A page matches when it
    matches one alternative of every term."""

    text: str
    language: str
    terms: tuple

    @property
    def stems(self):
        """Every stem the query looks for: what a result's snippet highlights."""
        return frozenset(word for term in self.terms for option in term for word in option)

    def as_search_query(self):
        """The query object every search backend accepts, or None when nothing is left."""
        parts = []
        for term in self.terms:
            options = [
                Phrase(" ".join(option)) if len(option) > 1 else PlainText(option[0])
                for option in term
            ]
            parts.append(options[0] if len(options) == 1 else OR(options))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else AND(parts)


def parse_site_query(text, language, synonym_groups=()):
    """`text` as a SiteQuery: cleaned, folded, stemmed, with synonyms added. Quoted text stays
    a phrase; words outside quotes must all match (stop words are dropped)."""
    cleaned = clean_search_text(text)
    terms = []
    for position, part in enumerate(cleaned.split('"')):
        part_stems = stems(part, language)
        if not part_stems:
            continue
        if position % 2:
            terms.append((tuple(part_stems),))
            continue
        terms += expand_synonyms(part_stems, synonym_groups)
    meaningful = [term for term in terms if not _is_stop_word(term, language)]
    unique = tuple(dict.fromkeys(meaningful or terms))
    return SiteQuery(text=cleaned, language=language, terms=unique)


def expand_synonyms(stem_sequence, synonym_groups):
    """One term per word, except where a run of words is a synonym: that run becomes one
    term whose alternatives are every synonym of the group."""
    terms = []
    remaining = list(stem_sequence)
    while remaining:
        found = find_synonyms(remaining, synonym_groups)
        plain = remaining if found is None else remaining[: found[0]]
        terms += [((word,),) for word in plain]
        if found is None:
            break
        _start, end, group = found
        terms.append(tuple(group))
        remaining = remaining[end:]
    return terms


def _is_stop_word(term, language):
    return len(term) == 1 and len(term[0]) == 1 and term[0][0] in stop_stems(language)

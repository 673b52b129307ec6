"""Words reduced to what site search compares: lower case, without accents, stemmed.

Every search backend (SQLite FTS5, PostgreSQL, Elasticsearch) sees the same stems because they
are computed here, in Python, both for what is indexed (the stemmed copies that pages and
services add to their search fields) and for what a visitor types. So "deuda" finds "deudas"
and "albergues" finds "albergue" on SQLite, which cannot stem, and on an Elasticsearch node
without language analysers. Accents go before stemming: "explotacion" and "explotación" reach
the stemmer as the same word and so get the same stem.
"""

import functools
import re
import unicodedata

import Stemmer

# Snowball stemmers by language code; any other language is left unstemmed.
STEMMER_LANGUAGES = {"es": "spanish", "en": "english"}
WORD = re.compile(r"[^\W_]+")


def fold(text):
    """Lower case and without accents: "Explotación" becomes "explotacion"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def words(text):
    """The folded words of `text`, in order."""
    return WORD.findall(fold(text))


@functools.cache
def _stemmer(language):
    # PyStemmer objects keep a cache of their own; one per language and process is enough.
    return Stemmer.Stemmer(STEMMER_LANGUAGES[language])


@functools.lru_cache(maxsize=100_000)
def stem(word, language):
    """The stem of one folded word."""
    if language not in STEMMER_LANGUAGES:
        return word
    return _stemmer(language).stemWord(word)


def stems(text, language):
    """The stems of every word of `text`, in order."""
    return [stem(word, language) for word in words(text)]


def stemmed_text(text, language):
    """`text` as the stems of its words, separated by spaces: the indexed stemmed copy."""
    return " ".join(stems(text, language))


# A stored stemmed copy in three sections, weighed differently by site search's ranking.
SECTION_SEPARATOR = " | "


def sectioned_stems(title, summary, body, language):
    """ " title stems | summary stems | body stems ": each stem between spaces, so that a
    database can match a whole stem (or a run of stems, a phrase) with LIKE "% stem %"."""
    sections = (stemmed_text(text, language) for text in (title, summary, body))
    return f" {SECTION_SEPARATOR.join(sections)} "


def split_sections(stored):
    """The title, summary and body stems of a sectioned copy, each as a list."""
    sections = [*stored.split(SECTION_SEPARATOR.strip()), "", ""]
    return [section.split() for section in sections[:3]]

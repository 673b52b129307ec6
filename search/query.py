"""Turns what a visitor typed into a search query that every search backend accepts.

The database backends pass terms to SQLite FTS5 / PostgreSQL inside quotes they do not escape,
so a stray double quote, a NUL or another control character in the text made the query
invalid (a 500). Text between a pair of double quotes stays a phrase; any other double quote
is dropped.
"""

import re
import unicodedata

from wagtail.search.query import Phrase, PlainText
from wagtail.search.utils import AND, OR

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

"""A result's snippet: a short text with the words the visitor searched for marked."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.search_text import fold, stem

from .query import stop_stems

WORD = re.compile(r"[^\W_]+")
SNIPPET_LENGTH = 240


def matching_spans(text, query):
    """(start, end) of each word of `text` whose stem the query looks for."""
    wanted = query.stems - stop_stems(query.language)
    return [
        match.span()
        for match in WORD.finditer(text)
        if stem(fold(match.group()), query.language) in wanted
    ]


def snippet(summary, body, query):
    """The summary with its matches marked; when only the body matches, the passage of the
    body around the first match instead."""
    spans = matching_spans(summary, query)
    if spans or not body:
        return highlight(summary, spans)
    spans = matching_spans(body, query)
    if not spans:
        return highlight(summary, [])
    start = max(0, spans[0][0] - SNIPPET_LENGTH // 3)
    # Start and end on a word boundary.
    start = body.rfind(" ", 0, start) + 1 if start else 0
    end = body.find(" ", min(len(body), start + SNIPPET_LENGTH))
    end = len(body) if end == -1 else end
    passage = body[start:end]
    marked = highlight(passage, matching_spans(passage, query))
    prefix = "… " if start else ""
    suffix = " …" if end < len(body) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 (escaped by highlight)


def highlight(text, spans):
    """`text`, escaped, with each span in <mark>."""
    parts, last = [], 0
    for start, end in spans:
        parts += [escape(text[last:start]), "<mark>", escape(text[start:end]), "</mark>"]
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text is escaped)

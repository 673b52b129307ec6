"""Acronyms in the plan's texts, marked up with <abbr title="full name">.

Texts keep plain acronyms ("MIMP"); the full names come from the Institution snippets of the
page's language when the page renders (`Institution.objects.abbreviations`), so an editor
renaming an institution updates every page. This module reads no model.
"""

import re

from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

# Split HTML into tags and text; only text outside <abbr> elements is marked up.
TAG = re.compile(r"(<[^>]*>)")


def mark_abbreviations(text, abbreviations):
    """Wraps each whole-word acronym of `abbreviations` found in `text` in <abbr title>.

    `text` is HTML if marked safe, else plain text (escaped first). Returns safe HTML."""
    html = str(conditional_escape(text))
    if not abbreviations:
        return mark_safe(html)  # noqa: S308 (escaped above, or already safe)
    # Longest first, so "CMNP TP-TIM" wins over any shorter acronym inside it.
    alternatives = "|".join(
        re.escape(escape(acronym)) for acronym in sorted(abbreviations, key=len, reverse=True)
    )
    acronym_pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")
    titles = {escape(acronym): escape(name) for acronym, name in abbreviations.items()}

    def wrap(match):
        acronym = match.group(1)
        return f'<abbr title="{titles[acronym]}">{acronym}</abbr>'

    parts = []
    depth = 0  # how many <abbr> elements we are inside
    for part in TAG.split(html):
        if part.startswith("<"):
            if re.match(r"<abbr\b", part, re.IGNORECASE):
                depth += 1
            elif re.match(r"</abbr\s*>", part, re.IGNORECASE):
                depth = max(0, depth - 1)
            parts.append(part)
        elif depth:
            parts.append(part)
        else:
            parts.append(acronym_pattern.sub(wrap, part))
    return mark_safe("".join(parts))  # noqa: S308 (only escaped text and our own tags)

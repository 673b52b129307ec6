from django import template

from ..abbreviations import mark_abbreviations

register = template.Library()


@register.filter
def abbreviate(text, abbreviations):
    """{{ text|abbreviate:abbreviations }}: acronyms marked up with their full names."""
    return mark_abbreviations(text, abbreviations)

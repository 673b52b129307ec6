from django import template

register = template.Library()


@register.simple_tag
def explainer_for(explainers, value):
    """The explainer page for an exploitation type, if the page links one."""
    return (explainers or {}).get(value)

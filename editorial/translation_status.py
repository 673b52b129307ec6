"""What is left to translate: Spanish pages and snippets that have no translation yet, and
translations whose Spanish source changed since they were last synced.

wagtail-localize keeps, for each translated object, the source content it last extracted
(`TranslationSource`, with `last_updated_at`). A page is out of date when its Spanish version
was published after that; a snippet (which has no publication date) when its current content
differs from the extracted content, compared the way wagtail-localize compares them.
"""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, F, OuterRef, Subquery
from modelcluster.models import (
    ClusterableModel,
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_serializable_data_for_fields,
)
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource


@dataclass(frozen=True)
class Pending:
    instance: object
    source: TranslationSource | None = None

    @property
    def is_page(self):
        return isinstance(self.instance, Page)


def other_locales():
    return Locale.objects.exclude(pk=Locale.get_default().pk)


def _untranslated(queryset, locales):
    default = Locale.get_default()
    queryset = queryset.filter(locale=default)
    for locale in locales:
        translated = queryset.model.objects.filter(
            translation_key=OuterRef("translation_key"), locale=locale
        )
        queryset = queryset.annotate(**{f"in_{locale.pk}": Exists(translated)})
    missing = [queryset.filter(**{f"in_{locale.pk}": False}) for locale in locales]
    if not missing:
        return queryset.none()
    combined = missing[0]
    for other in missing[1:]:
        combined = combined | other
    return combined


def untranslated_pages():
    """Spanish pages (the home excluded: its translation is made with the site) that some
    other language lacks."""
    pages = _untranslated(Page.objects.filter(depth__gt=2), list(other_locales()))
    return [Pending(page) for page in pages.order_by("path").specific()]


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def untranslated_snippets():
    locales = list(other_locales())
    pending = []
    for model in translatable_snippet_models():
        pending.extend(Pending(item) for item in _untranslated(model.objects.all(), locales))
    return pending


def serialized(instance):
    """The content as wagtail-localize extracts it into a TranslationSource, without the
    fields the database stamps on every save (`auto_now`), which are not content."""
    if isinstance(instance, ClusterableModel):
        data = json.loads(instance.to_json())
    else:
        data = json.loads(
            json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
        )
    return without_timestamps(instance, data)


def without_timestamps(instance, data):
    for field in instance._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            data.pop(field.name, None)
    return data


def out_of_date():
    """Spanish sources whose translations have not been synced since the source changed.

    A few queries in all: one for the out-of-date pages, then per snippet model one for its
    sources and one for their current content."""
    default = Locale.get_default()
    sources = TranslationSource.objects.filter(
        locale=default, translations__enabled=True
    ).distinct()
    page_type = ContentType.objects.get_for_model(Page)
    return _out_of_date_pages(sources, page_type, default) + _out_of_date_snippets(
        sources.exclude(object__content_type=page_type), default
    )


def _out_of_date_pages(sources, page_type, default):
    published = Page.objects.filter(translation_key=OuterRef("object_id"), locale=default).values(
        "last_published_at"
    )[:1]
    changed = (
        sources.filter(object__content_type=page_type)
        .annotate(published=Subquery(published))
        .filter(published__gt=F("last_updated_at"))
    )
    changed = {source.object_id: source for source in changed}
    pages = Page.objects.filter(translation_key__in=changed, locale=default).order_by("path")
    return [Pending(page, changed[page.translation_key]) for page in pages.specific()]


def _out_of_date_snippets(sources, default):
    by_type = defaultdict(dict)
    for source in sources:
        by_type[source.specific_content_type_id][source.object_id] = source
    pending = []
    for content_type_id, sources_by_key in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        instances = model.objects.filter(
            translation_key__in=sources_by_key, locale=default
        ).prefetch_related(*_related_content(model))
        for instance in instances.order_by("pk"):
            source = sources_by_key[instance.translation_key]
            extracted = without_timestamps(instance, json.loads(source.content_json))
            if serialized(instance) != extracted:
                pending.append(Pending(instance, source))
    return pending


def _related_content(model):
    """The inline children and many-to-many choices that are part of a snippet's content."""
    if not issubclass(model, ClusterableModel):
        return []
    return [relation.get_accessor_name() for relation in get_all_child_relations(model)] + [
        field.name for field in get_all_child_m2m_relations(model)
    ]


@dataclass(frozen=True)
class Status:
    untranslated: list
    out_of_date: list


def status_for(request):
    """The translation status, computed once per request however many panels show it."""
    if not hasattr(request, "_translation_status"):
        request._translation_status = Status(
            untranslated=untranslated_pages() + untranslated_snippets(),
            out_of_date=out_of_date(),
        )
    return request._translation_status

"""What is left to translate: Spanish pages and snippets that have no translation yet, and
translations whose Spanish source changed since they were last synced.

wagtail-localize keeps, for each translated object, the source content it last extracted
(`TranslationSource`, with `last_updated_at`). A page is out of date when its Spanish version
was published after that; a snippet (which has no publication date) when its current content
differs from the extracted content, compared the way wagtail-localize compares them.
"""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
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
    """Spanish sources whose translations have not been synced since the source changed."""
    default = Locale.get_default()
    sources = TranslationSource.objects.filter(
        locale=default, translations__enabled=True
    ).distinct()
    pending = []
    page_type = ContentType.objects.get_for_model(Page)
    for source in sources.select_related("object__content_type"):
        instance = source.get_source_instance()
        if source.object.content_type_id == page_type.pk:
            page = instance.specific
            changed = page.last_published_at and page.last_published_at > source.last_updated_at
            if changed:
                pending.append(Pending(page, source))
        elif serialized(instance) != without_timestamps(instance, json.loads(source.content_json)):
            pending.append(Pending(instance, source))
    return pending

"""Translators change translations, never the Spanish originals they are made from.

Page permissions already keep Translators to the translated trees; snippets have no per-language
permission in Wagtail, so a Translator whose only right to change a snippet comes from the
Translators group is kept out of the original's editor (wagtail-localize's translation editor
still opens the translations)."""

from wagtail.models import Locale

from core.groups import TRANSLATORS


def is_source_instance(instance):
    return getattr(instance, "locale_id", None) == Locale.get_default().pk


def may_change_source(user, instance):
    if user.is_superuser or not user.groups.filter(name=TRANSLATORS).exists():
        return True
    meta = instance._meta
    return (
        user.groups.exclude(name=TRANSLATORS)
        .filter(
            permissions__content_type__app_label=meta.app_label,
            permissions__codename=f"change_{meta.model_name}",
        )
        .exists()
    )

"""Creating English versions of the initial content through wagtail-localize.

The data files give every translatable text as a Spanish/English pair. The loader creates the
Spanish page, then wagtail-localize extracts its translatable segments exactly as it does when
an editor starts a translation; each segment gets its English text from the pairs, and the
translation is published. Editors then see and edit these translations in the usual way.
"""

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings


class InvalidInitialData(Exception):
    """The data files cannot be loaded as they are; the message says where and why."""


class MissingTranslation(InvalidInitialData):
    pass


class TranslationPairs:
    """Spanish → English strings, keyed in wagtail-localize's own string format."""

    def __init__(self):
        self._english_by_spanish = {}

    def add_text(self, spanish, english):
        if not spanish:
            return
        key = StringValue.from_plaintext(spanish).data
        self._english_by_spanish[key] = StringValue.from_plaintext(english).data

    def add_html(self, spanish_html, english_html):
        """Pairs the strings of two HTML fragments of the same shape, element by element."""
        _template, spanish_strings = extract_strings(spanish_html)
        _template, english_strings = extract_strings(english_html)
        if len(spanish_strings) != len(english_strings):
            raise MissingTranslation(
                "The Spanish and English versions of this text do not have the same "
                f"paragraphs and list items:\n{spanish_html}\n---\n{english_html}"
            )
        for (spanish, _attrs), (english, _english_attrs) in zip(
            spanish_strings, english_strings, strict=True
        ):
            self._english_by_spanish[spanish.data] = english.data

    def english_for(self, spanish_data):
        try:
            return self._english_by_spanish[spanish_data]
        except KeyError:
            raise MissingTranslation(
                f"No English text for {spanish_data!r} in the data file."
            ) from None


@transaction.atomic
def translate(instance, locale, pairs):
    """Creates (or updates) and publishes the translation of a page or snippet into `locale`.

    Every translatable segment must have its English text among `pairs`; otherwise nothing is
    saved and MissingTranslation names the text."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": pairs.english_for(segment.string.data)},
        )
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return instance.get_translation(locale)
    # For pages, wagtail-localize would publish on commit, from a copy of the page taken before
    # its children were translated; inside the loader's transaction that copy would overwrite
    # the page tree's child count. So the new revision is published here, from a fresh read.
    translation.save_target(publish=False)
    translated = instance.get_translation(locale).specific
    translated.get_latest_revision().publish()
    return translated

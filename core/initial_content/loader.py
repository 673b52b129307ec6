"""What every app's initial content needs: the two locales, Spanish/English pairs, and pages
created once (a second run finds them and creates nothing).

Each app keeps its data files in `<app>/initial_data/` and its loading functions in
`<app>/initial_content.py`; `manage.py load_initial_data` (the project) calls them in order
with one ContentLoader, in one transaction."""

import uuid

import yaml
from wagtail.models import Locale, Page

from .translations import InvalidInitialData, TranslationPairs, translate


def read_data(path):
    """A YAML data file, e.g. `Path(__file__).parent / "initial_data" / "site.yaml"`."""
    with open(path, encoding="utf-8") as data_file:
        return yaml.safe_load(data_file)


def block_id(*parts):
    """A stable id for a StreamField block, so reruns and both languages agree. The "portal:"
    namespace predates the split into apps: changing it would change every id."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "portal:" + ":".join(str(part) for part in parts)))


class ContentLoader:
    def __init__(self):
        self.pairs = TranslationPairs()
        self.spanish, _created = Locale.objects.get_or_create(language_code="es")
        self.english, _created = Locale.objects.get_or_create(language_code="en")
        self.created = []
        # Pages and snippets by their key in the data files, for cross references.
        self.by_key = {}
        # Every page of the data files, parents before children: the order to translate them.
        self.pages = []
        self.new_page_ids = set()
        # Snippets to translate, before the pages that use them.
        self.snippets = []

    def text(self, pair):
        """The Spanish text of a pair, remembering its English for the translation."""
        spanish, english = self._check_pair(pair)
        self.pairs.add_text(spanish, english)
        return spanish

    def html(self, pair):
        spanish, english = self._check_pair(pair)
        self.pairs.add_html(spanish, english)
        return spanish

    @staticmethod
    def _check_pair(pair):
        # A comma in an unquoted YAML {es: ..., en: ...} silently splits a text in two.
        if (
            not isinstance(pair, dict)
            or set(pair) != {"es", "en"}
            or not all(isinstance(text, str) and text.strip() for text in pair.values())
        ):
            raise InvalidInitialData(
                f"Expected a Spanish/English pair of texts, found {pair!r}. "
                "Quote texts that contain commas."
            )
        return pair["es"].strip(), pair["en"].strip()

    def page_fields(self, data, description=None):
        """Title, slug, description and locale of a Spanish page from its data-file entry."""
        return {
            "title": self.text(data["title"]),
            "slug": self.text(data["slug"]),
            "description": description or self.text(data["description"]),
            "locale": self.spanish,
        }

    def add_page(self, parent, page, key=None):
        """Adds `page` under `parent` and publishes it, unless a page with its slug is there."""
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            page = existing.specific
        else:
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.new_page_ids.add(page.id)
            self.created.append(f"{page._meta.verbose_name}: {page.title}")
        if key:
            self.by_key[key] = page
        self.pages.append(page)
        return page

    def translate_all(self):
        """English versions of everything loaded: snippets first, then pages, parents first."""
        for snippet in self.snippets:
            self.translate_snippet(snippet)
        for page in self.pages:
            self.translate_page(page)

    def translate_page(self, page):
        """Publishes the English translation of a Spanish page, once."""
        translated = page.get_translation_or_none(self.english)
        if translated is not None:
            return translated.specific
        translated = translate(page, self.english, self.pairs)
        self.created.append(f"{page._meta.verbose_name} (English): {translated.title}")
        return translated.specific

    def translate_snippet(self, snippet):
        translated = snippet.get_translation_or_none(self.english)
        if translated is not None:
            return translated
        translated = translate(snippet, self.english, self.pairs)
        self.created.append(f"{snippet._meta.verbose_name} (English): {translated}")
        return translated

    @staticmethod
    def root():
        return Page.get_first_root_node()

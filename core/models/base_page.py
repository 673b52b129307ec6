from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .. import page_tree
from ..middleware import build_content_security_policy
from ..search_text import fold, stemmed_text

# Site search weighs a match in the title above one in the summary above one in the body.
TITLE_BOOST = 5
SUMMARY_BOOST = 2


class BasePage(Page):
    """What every public page has: a description for search engines, link previews and lists."""

    description = models.TextField(
        _("description"),
        max_length=300,
        help_text=_(
            "One or two plain sentences saying what the page offers. Shown in search results, "
            "in lists of pages and in link previews."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("description")]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("show_in_menus")],
            heading=_("For search engines and menus"),
        )
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        # Stemmed copies (core/search_text.py): what site search matches on every backend.
        index.SearchField("search_title_stems", boost=TITLE_BOOST),
        index.SearchField("search_summary_stems", boost=SUMMARY_BOOST),
        index.SearchField("search_body_stems"),
        # Type-ahead without accents on every backend ("explotacion" completes "Explotación").
        index.AutocompleteField("search_title_folded"),
    ]
    # The fields that summarise the page (weighed between the title and the body); every
    # other search field of the page type is its body.
    search_summary_fields = ("description",)
    api_fields = [APIField("description")]

    class Meta:
        abstract = True

    def card(self):
        """This page in a card list (templates/components/card_list.html)."""
        return {"page": self, "title": self.title, "text": self.description}

    def get_view_restrictions(self):
        """Wagtail checks the view restrictions of the page and its ancestors before serving it
        (two queries); the cached restricted paths say when there can be none."""
        if not page_tree.may_have_view_restrictions(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def search_title_folded(self):
        return fold(self.title)

    def search_title_text(self):
        return self.title

    def search_title_stems(self):
        return stemmed_text(self.search_title_text(), self.locale.language_code)

    def search_summary_stems(self):
        return stemmed_text(self.search_summary_text(), self.locale.language_code)

    def search_body_stems(self):
        return stemmed_text(self.search_body_text(), self.locale.language_code)

    def search_summary_text(self):
        return " ".join(self._searchable_text(name) for name in self.search_summary_fields)

    def search_body_text(self):
        """The text of every other search field of the page type, so a field added to a
        page type's `search_fields` is stemmed without more code."""
        skipped = {"title", *self.search_summary_fields}
        return " ".join(
            self._searchable_text(field.field_name)
            for field in self.get_search_fields()
            if isinstance(field, index.SearchField)
            and field.field_name not in skipped
            and not field.field_name.startswith("search_")
        )

    def _searchable_text(self, field_name):
        value = getattr(self, field_name, None)
        if callable(value):
            value = value()
        try:
            model_field = self._meta.get_field(field_name)
        except FieldDoesNotExist:
            model_field = None
        if value is not None and hasattr(model_field, "get_searchable_content"):
            # StreamField and RichTextField: the text of every block, without markup.
            return " ".join(
                strip_tags(str(part)) for part in model_field.get_searchable_content(value)
            )
        return strip_tags(str(value or ""))

    def serve_preview(self, request, mode_name):
        """The admin's preview panel frames the preview from the admin's own origin; the
        public policy (frame-ancestors 'none') would leave it blank."""
        response = super().serve_preview(request, mode_name)
        response["Content-Security-Policy"] = build_content_security_policy(
            settings.CSP_FRAME_SOURCES, frame_ancestors=("'self'",)
        )
        # The admin's preview view sets X-Frame-Options: SAMEORIGIN on what it returns.
        response.xframe_options_exempt = True
        return response

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .. import page_tree
from ..middleware import build_content_security_policy


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
    search_fields = [*Page.search_fields, index.SearchField("description")]
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

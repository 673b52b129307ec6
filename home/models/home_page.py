import hashlib
import json

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import content_cache, page_tree
from core.blocks import FeaturedLinkBlock
from core.models import BasePage


class HomePage(BasePage):
    """The root of each language's tree."""

    page_description = _(
        "The home page of one language: hotlines, featured links and current campaigns."
    )

    hero_heading = models.CharField(_("main heading"), max_length=120)
    hero_text = models.TextField(_("introduction"), max_length=500)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    emergency_heading = models.CharField(
        _("emergency heading"),
        max_length=120,
        help_text=_("Speaks to a person in danger, e.g. “Are you or someone you know in danger?”"),
    )
    emergency_text = models.TextField(
        _("emergency text"),
        max_length=400,
        help_text=_("The hotlines from the site settings are listed right after this text."),
    )
    featured_links = StreamField(
        [("link", FeaturedLinkBlock())], blank=True, verbose_name=_("featured links")
    )

    parent_page_types = ["wagtailcore.Page"]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Introduction"),
        ),
        MultiFieldPanel(
            [FieldPanel("emergency_heading"), FieldPanel("emergency_text")],
            heading=_("Emergency call to action"),
        ),
        FieldPanel("featured_links"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text")]
    api_fields = [
        *BasePage.api_fields,
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("emergency_heading"),
        APIField("emergency_text"),
        APIField("featured_links"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = self.featured_pages(request)
        return context

    def featured_pages(self, request):
        """The featured links, each pointing at the page in this page's language when it is
        translated, as cards (href, title, text). Built once per content version, site and
        set of links (core/content_cache.py): no query once cached, and otherwise two queries
        plus one per page type, however many links there are."""
        site = page_tree.site_for_request(request)
        links = json.dumps(list(self.featured_links.raw_data), sort_keys=True, default=str)
        digest = hashlib.sha256(links.encode()).hexdigest()
        cards = content_cache.cached(
            f"home-featured:{self.pk}:{site.pk if site else 0}:{digest}",
            lambda: self._featured_cards(request),
        )
        # View restrictions come from the content cache too, so this costs no query.
        return [card for card in cards if not page_tree.is_restricted(card["path"])]

    def _featured_cards(self, request):
        links = [block.value for block in self.featured_links if block.value["page"]]
        localized = {
            page.translation_key: page
            for page in Page.objects.live()
            .filter(
                translation_key__in=[link["page"].translation_key for link in links],
                locale=self.locale_id,
            )
            .specific()
        }
        cards = []
        for link in links:
            page = localized.get(link["page"].translation_key)
            href = page.get_url(request) if page is not None else None
            if href is None:
                continue
            cards.append(
                {
                    "href": href,
                    "path": page.path,
                    "title": link["title"] or page.title,
                    "text": link["description"] or getattr(page, "description", ""),
                }
            )
        return cards

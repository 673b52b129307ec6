from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.models import BasePage

# views imports the model modules it needs directly, never this one: no cycle.
from .. import views
from ..choices import ExploitationType

# The status lookup lives under the form's page, at a segment in the page's language.
STATUS_SEGMENTS = {"es": "seguimiento", "en": "status"}


class ComplaintPage(RoutablePageMixin, BasePage):
    """The complaint form (code, not content) with the texts editors write around it, and
    the receipt status lookup below it."""

    page_description = _("The protected complaint form. One per language is enough.")

    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("Who can report, that it can be anonymous, and what happens next."),
    )
    guidance = RichTextField(
        _("guidance"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Tips shown beside the form: what to describe, what not to do."),
    )
    emergency_notice = RichTextField(
        _("emergency notice"),
        features=["bold", "italic", "link"],
        help_text=_("Shown above the form: what to do first when someone is in danger now."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("emergency_notice"),
        FieldPanel("intro"),
        FieldPanel("guidance"),
        InlinePanel(
            "explainer_links",
            label=_("Explainers of each type of exploitation"),
            help_text=_("The form links each type of exploitation to the page explaining it."),
        ),
    ]

    class Meta:
        verbose_name = _("complaint form")

    def explainers(self):
        """Explainer page of each exploitation type, in this page's language (links may point
        at the Spanish pages, as translations copy them): two queries."""
        links = {
            link.exploitation_type: link.explainer.translation_key
            for link in self.explainer_links.select_related("explainer")
        }
        localized = {
            page.translation_key: page
            for page in Page.objects.live()
            .public()
            .filter(translation_key__in=links.values(), locale=self.locale_id)
        }
        return {
            exploitation_type: localized[key]
            for exploitation_type, key in links.items()
            if key in localized
        }

    def status_url(self, request=None):
        return self.get_url(request) + STATUS_SEGMENTS[self.locale.language_code] + "/"

    @path("")
    def form_view(self, request):
        return views.complaint_form(request, self)

    @re_path(r"^(?P<segment>[a-z]+)/$")
    def status_view(self, request, segment):
        if STATUS_SEGMENTS.get(self.locale.language_code) != segment:
            raise Http404
        return views.status_lookup(request, self)


class ComplaintPageExplainer(Orderable):
    page = ParentalKey(ComplaintPage, on_delete=models.CASCADE, related_name="explainer_links")
    exploitation_type = models.CharField(
        _("type of exploitation"), max_length=40, choices=ExploitationType.choices
    )
    explainer = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("explainer page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("exploitation_type"), FieldPanel("explainer")]

    class Meta(Orderable.Meta):
        verbose_name = _("explainer link")

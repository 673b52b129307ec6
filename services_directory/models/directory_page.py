from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.models import BasePage

from ..headers import add_directory_headers
from ..views import detail_context, directory_context


class ServiceDirectoryPage(RoutablePageMixin, BasePage):
    """The public directory (`/es/servicios/`) and, under it, one page per service
    (`/es/servicios/<slug>/`). Services are snippets, not pages: maintainers edit them in
    one screen and the directory lists them with its filters."""

    page_description = _(
        "The public services directory with its search filters (the services themselves "
        "are edited under “Services directory”)."
    )

    intro = models.TextField(_("introduction"), blank=True)
    withheld_address_text = models.TextField(
        _("why an address is not shown"),
        help_text=_(
            "Shown instead of the address of a confidential location, e.g. that shelters keep "
            "their address private to protect the people who stay there."
        ),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("withheld_address_text"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("services directory")

    @path("")
    def directory(self, request):
        context = self.get_context(request)
        context.update(directory_context(self, request))
        response = TemplateResponse(request, self.get_template(request), context)
        return add_directory_headers(response)

    @path("<slug:slug>/")
    def service_detail(self, request, slug):
        context = self.get_context(request)
        extra = detail_context(self, request, slug)
        if extra is None:
            raise Http404
        context.update(extra)
        return TemplateResponse(request, "services_directory/service_detail.html", context)

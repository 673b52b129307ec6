from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from core.models import BasePage

from ..blocks import BodyStreamBlock


class StandardPage(BasePage):
    """A page of text: safety advice, privacy statement, any editorial page."""

    page_description = _("A page of text, such as the safety advice or the privacy statement.")

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    class Meta:
        verbose_name = _("standard page")

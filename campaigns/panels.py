from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .embed_code import embed_code


class EmbedCodePanel(Panel):
    """Shows editors the iframe code and oEmbed address of a published campaign."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Embed code"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/embed_code_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["embed_code"] = embed_code(page) if page.pk and page.live else None
            return context

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MediaPartner


class MediaPartnerViewSet(SnippetViewSet):
    model = MediaPartner
    icon = "site"
    menu_label = _("Media partners")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug", "active"]
    list_filter = ["active"]
    search_fields = ["name"]


register_snippet(MediaPartnerViewSet)

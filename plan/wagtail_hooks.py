from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Institution


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "group"
    menu_label = _("Institutions")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["acronym", "name", "locale"]
    list_filter = ["locale"]
    search_fields = ["acronym", "name"]
    # A few dozen rows: the database's own icontains on both fields. The search backend cannot
    # restrict a search to these fields on SQLite ("no such column: acronym").
    search_backend_name = None
    # A few dozen rows: the database's own icontains on both fields. The search backend cannot
    # restrict a search to these fields on SQLite ("no such column: acronym").
    search_backend_name = None


register_snippet(InstitutionViewSet)

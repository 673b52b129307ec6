"""The complaints app in the Wagtail admin: the handlers' area (menu item, views, dashboard
panel, audit log actions) and the Authority and RoutingRule snippets."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .admin_forms import AuthorityForm
from .choices import ComplaintStatus, DeliveryStatus
from .models.authority import Authority
from .models.complaint import Complaint
from .models.delivery import Delivery
from .models.routing_rule import RoutingRule
from .permissions import is_handler

admin_urls = (
    [
        path("", admin_views.complaint_list, name="list"),
        path("<int:pk>/", admin_views.complaint_detail, name="detail"),
        path("<int:pk>/status/", admin_views.change_status, name="change_status"),
        path(
            "<int:pk>/deliveries/<int:delivery_pk>/resend/",
            admin_views.resend_delivery,
            name="resend_delivery",
        ),
        path("routing/", admin_views.routing_preview, name="routing_preview"),
    ],
    "complaints_admin",
)


@hooks.register("register_admin_urls")
def register_complaint_urls():
    return [path("complaints/", include(admin_urls))]


class HandlersMenuItem(MenuItem):
    def is_shown(self, request):
        return is_handler(request.user)


@hooks.register("register_admin_menu_item")
def register_complaints_menu_item():
    return HandlersMenuItem(
        _("Complaints"), reverse("complaints_admin:list"), icon_name="warning", order=250
    )


@hooks.register("register_log_actions")
def register_complaint_log_actions(actions):
    actions.register_action(admin_views.VIEW_ACTION, _("View complaint"), _("Viewed"))
    actions.register_action(
        admin_views.STATUS_ACTION, _("Change complaint status"), _("Changed the status")
    )
    actions.register_action(
        admin_views.RESEND_ACTION, _("Re-send complaint delivery"), _("Re-sent a delivery")
    )


class ComplaintsPanel(Component):
    """On the dashboard of handlers only: what needs attention."""

    name = "complaints"
    order = 50
    template_name = "complaints/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "new_count": Complaint.objects.filter(status=ComplaintStatus.RECEIVED).count(),
            "failed_count": Delivery.objects.filter(status=DeliveryStatus.FAILED).count(),
            "list_url": reverse("complaints_admin:list"),
        }


@hooks.register("construct_homepage_panels")
def add_complaints_panel(request, panels):
    if is_handler(request.user):
        panels.append(ComplaintsPanel())


class AuthorityViewSet(SnippetViewSet):
    model = Authority
    icon = "mail"
    menu_label = _("Authorities")
    list_display = ["name", "acronym", "active", "configuration_state"]
    search_fields = ["name", "acronym"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel([FieldPanel("name"), FieldPanel("acronym"), FieldPanel("active")]),
            MultiFieldPanel(
                [FieldPanel("email"), FieldPanel("webhook_url"), FieldPanel("webhook_secret")],
                heading=_("Channels"),
            ),
        ],
        base_form_class=AuthorityForm,
    )


class RoutingRuleViewSet(SnippetViewSet):
    model = RoutingRule
    icon = "resubmit"
    menu_label = _("Routing rules")
    list_display = ["name", "exploitation_type", "region", "minors_involved"]


class ComplaintRoutingGroup(SnippetViewSetGroup):
    items = (AuthorityViewSet, RoutingRuleViewSet)
    menu_icon = "resubmit"
    menu_label = _("Complaint routing")
    menu_name = "complaint-routing"
    menu_order = 260


register_snippet(ComplaintRoutingGroup)

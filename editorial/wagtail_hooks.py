"""The editorial app in the Wagtail admin: the two-factor pages, the site's dashboard panels,
and what Translators may not do."""

from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import dashboard, source_content
from .views import two_factor as two_factor_views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/enrol/", two_factor_views.enrol, name="editorial_two_factor_enrol"),
        path("two-factor/verify/", two_factor_views.verify, name="editorial_two_factor_verify"),
        path(
            "two-factor/recovery-codes/",
            two_factor_views.recovery_codes,
            name="editorial_two_factor_recovery_codes",
        ),
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("editorial_two_factor_recovery_codes"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Enrol an authenticator app or print new recovery codes."),
    }


@hooks.register("before_edit_snippet")
def keep_translators_out_of_source_snippets(request, instance):
    if source_content.is_source_instance(instance) and not source_content.may_change_source(
        request.user, instance
    ):
        return TemplateResponse(
            request,
            "editorial/admin/source_content_forbidden.html",
            {"instance": instance},
            status=403,
        )
    return None


@hooks.register("construct_reports_menu")
def hide_translation_report_from_non_translators(request, menu_items):
    """wagtail-localize shows its report to everyone; only those who translate need it."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        menu_items[:] = [
            item
            for item in menu_items
            if item.url != reverse("wagtail_localize:translations_report")
        ]


@hooks.register("construct_homepage_panels")
def site_dashboard(request, panels):
    """This site's to-do list; Wagtail's workflow, locked pages and recent edits panels stay."""
    panels.append(dashboard.SiteOverviewPanel(request))
    if dashboard.translates(request.user):
        panels.append(dashboard.TranslationPanel())


# Runs after the hooks of wagtail.admin, images and documents that add the counts.
@hooks.register("construct_homepage_summary_items", order=100)
def no_generic_counts(request, summary_items):
    """Wagtail's counts of pages, images and documents say nothing about what to do next."""
    summary_items[:] = []

"""The editorial app in the Wagtail admin: the two-factor pages, the site's dashboard panels,
the editor's styles for long forms, and what Translators may not do."""

from django.contrib import messages
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.models import Locale, Page

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


@hooks.register("insert_global_admin_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/editorial-admin.css"))


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
        panels.append(dashboard.TranslationPanel(request))


# Runs after the hooks of wagtail.admin, images and documents that add the counts.
@hooks.register("construct_homepage_summary_items", order=100)
def no_generic_counts(request, summary_items):
    """Wagtail's counts of pages, images and documents say nothing about what to do next."""
    summary_items[:] = []


@hooks.register("construct_translated_pages_to_cascade_actions")
def delete_translations_with_their_spanish_original(pages, action):
    """A translation without its Spanish original is never kept up to date again, so deleting
    the original deletes its translations too; Wagtail's confirmation page then says so and
    counts them before anything is deleted."""
    if action != "delete":
        return None
    default_locale = Locale.get_default()
    return {
        page: list(Page.objects.translation_of(page, inclusive=False))
        for page in pages
        if page.locale_id == default_locale.pk
    }


@hooks.register("before_delete_page")
def warn_that_translations_go_with_their_original(request, page):
    """Wagtail's confirmation counts translations only for pages with children: say it for
    every Spanish original."""
    if request.method != "GET" or page.locale_id != Locale.get_default().pk:
        return None
    translations = Page.objects.translation_of(page, inclusive=False).select_related("locale")
    if translations:
        languages = ", ".join(str(translation.locale) for translation in translations)
        messages.warning(
            request,
            ngettext(
                "This page has %(count)d translation (%(languages)s). Deleting it deletes the "
                "translation too.",
                "This page has %(count)d translations (%(languages)s). Deleting it deletes the "
                "translations too.",
                len(translations),
            )
            % {"count": len(translations), "languages": languages},
        )
    return None

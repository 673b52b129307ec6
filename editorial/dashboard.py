"""The admin dashboard of this site: what each person has to do today, instead of Wagtail's
counts of pages, images and documents. Each panel shows only what its reader may act on."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Site, WorkflowState

from core.models import SiteSettings
from plan.models import StrategicObjectivePage
from services_directory.models import Service

from . import translation_status

PANEL_LIST_LIMIT = 15


def edits_pages(user):
    return user.is_superuser or user.groups.filter(page_permissions__isnull=False).exists()


def translates(user):
    return user.has_perm("wagtail_localize.submit_translation")


def maintains_directory(user):
    # Adding services is the maintainers' right; Translators only change translations.
    return user.has_perm("services_directory.add_service")


def indicator_gaps():
    """(indicators without any measurement, indicators without a source), in Spanish pages."""
    without_data = without_source = 0
    pages = StrategicObjectivePage.objects.filter(locale=Locale.get_default())
    for page in pages.only("intermediate_objectives"):
        for objective in page.intermediate_objectives.raw_data:
            for indicator in objective["value"].get("indicators") or []:
                value = indicator.get("value", indicator)
                if not value.get("measurements"):
                    without_data += 1
                if not (value.get("source") or "").strip():
                    without_source += 1
    return without_data, without_source


class SiteOverviewPanel(Component):
    name = "site_overview"
    order = 10
    template_name = "editorial/dashboard/site_overview.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        site = (
            Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        )
        context = {
            "hotlines": SiteSettings.for_site(site).localized_emergency_contacts() if site else [],
            "settings_url": (
                reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
                if site and user.has_perm("core.change_sitesettings")
                else None
            ),
        }
        if edits_pages(user):
            without_data, without_source = indicator_gaps()
            context.update(
                awaiting_moderation=WorkflowState.objects.active().count(),
                workflow_report_url=reverse("wagtailadmin_reports:workflow"),
                indicators_without_data=without_data,
                indicators_without_source=without_source,
            )
        if translates(user):
            status = translation_status.status_for(self.request)
            context.update(
                untranslated=len(status.untranslated), out_of_date=len(status.out_of_date)
            )
        if maintains_directory(user):
            context.update(
                services_to_review=Service.objects.needs_review().count(),
                services_to_review_url=reverse("wagtailsnippets_services_directory_service:list")
                + "?needs_review=true",
            )
        return context


class TranslationPanel(Component):
    """For those who translate: what is untranslated and what changed in Spanish since the
    translation was last synced, each with the action that fixes it."""

    name = "translation_status"
    order = 20
    template_name = "editorial/dashboard/translation_status.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        status = translation_status.status_for(self.request)
        untranslated, out_of_date = status.untranslated, status.out_of_date
        return {
            "untranslated": [self.describe(item) for item in untranslated[:PANEL_LIST_LIMIT]],
            "untranslated_count": len(untranslated),
            "out_of_date": [self.describe(item) for item in out_of_date[:PANEL_LIST_LIMIT]],
            "out_of_date_count": len(out_of_date),
            "report_url": reverse("wagtail_localize:translations_report"),
        }

    def describe(self, pending):
        instance = pending.instance
        meta = instance._meta
        if pending.source is not None:
            action_url = reverse("wagtail_localize:update_translations", args=[pending.source.pk])
        elif pending.is_page:
            action_url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
        else:
            action_url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, instance.pk],
            )
        if pending.is_page:
            edit_url = reverse("wagtailadmin_pages:edit", args=[instance.pk])
        else:
            edit_url = reverse(
                f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk]
            )
        return {
            "title": str(instance),
            "kind": meta.verbose_name,
            "edit_url": edit_url,
            "action_url": action_url,
        }

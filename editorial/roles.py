"""The editorial groups (docs/roles.md; their names are in `core.groups`). Their model
permissions come from this app's first migration; the page permissions that need pages of the
initial content (the English tree, the campaign sections) are granted here, by
`load_initial_data`, once those pages exist."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page

from core.groups import CAMPAIGN_STAFF, TRANSLATORS

# Translators add and edit pages of the translated trees only; they never publish.
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
# Campaign staff write campaigns; a Moderator approves them like every page.
CAMPAIGN_STAFF_PAGE_PERMISSIONS = ("add_page", "change_page")
CAMPAIGN_SECTION_MODEL = "campaigns.campaignindexpage"


def _grant(group_name, pages, codenames):
    group = Group.objects.get(name=group_name)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    )
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_section_permissions(loader=None):
    """Idempotent: run after the initial content, and again whenever a language is added.
    `loader` is accepted so that `load_initial_data` can run this as one of its steps."""
    default_locale = Locale.get_default()
    home_pages = Page.objects.filter(depth=2).exclude(locale=default_locale)
    _grant(TRANSLATORS, home_pages, TRANSLATOR_PAGE_PERMISSIONS)
    app_label, model = CAMPAIGN_SECTION_MODEL.split(".")
    campaign_sections = Page.objects.filter(
        content_type__app_label=app_label, content_type__model=model
    )
    _grant(CAMPAIGN_STAFF, campaign_sections, CAMPAIGN_STAFF_PAGE_PERMISSIONS)

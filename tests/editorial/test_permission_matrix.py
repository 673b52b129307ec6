"""Every group reaches what docs/roles.md says it may, and nothing else: the table in that
document is the test's input, so the two cannot drift apart."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu
from wagtail.models import Page, Site

from campaigns.models import CampaignPage
from core.groups import ALL_GROUPS, TRANSLATORS
from home.models import StandardPage
from plan.models import Institution
from services_directory.models import Service
from tests.utils import make_staff_user

pytestmark = pytest.mark.django_db

ROLES_DOC = Path(settings.BASE_DIR) / "docs" / "roles.md"


def roles_table():
    """{group: {column: bool}} from the markdown table whose first header cell is "Group"."""
    lines = [line.strip() for line in ROLES_DOC.read_text().splitlines()]
    start = next(i for i, line in enumerate(lines) if re.match(r"^\|\s*Group\s*\|", line))
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    table = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert set(cells[1:]) <= {"yes", "no"}, line
        table[cells[0]] = dict(zip(header[1:], (cell == "yes" for cell in cells[1:]), strict=True))
    return table


def spanish_page():
    return StandardPage.objects.filter(locale__language_code="es").first()


def english_page():
    return StandardPage.objects.filter(locale__language_code="en").first()


def spanish_institution():
    return Institution.objects.filter(locale__language_code="es").first()


def spanish_service():
    return Service.objects.filter(locale__language_code="es").first()


def site_id():
    return Site.objects.get(is_default_site=True).pk


# Column: (admin URLs that must open or be refused, the menu items (by address) of the area).
VIEWS = {
    "Edit Spanish pages": (lambda: [f"/admin/pages/{spanish_page().pk}/edit/"], []),
    "Edit English pages": (lambda: [f"/admin/pages/{english_page().pk}/edit/"], []),
    "Edit campaign pages": (
        lambda: [
            f"/admin/pages/{page.pk}/edit/"
            for page in CampaignPage.objects.filter(locale__language_code="es")[:1]
        ],
        [],
    ),
    "Images and documents": (
        lambda: ["/admin/images/", "/admin/documents/"],
        ["/admin/images/", "/admin/documents/"],
    ),
    "Translate": (lambda: [f"/admin/localize/submit/page/{spanish_page().pk}/"], []),
    "Edit Spanish institutions": (
        lambda: [f"/admin/snippets/plan/institution/edit/{spanish_institution().pk}/"],
        [],
    ),
    "Services directory": (
        lambda: [
            "/admin/snippets/services_directory/service/add/",
            f"/admin/snippets/services_directory/service/edit/{spanish_service().pk}/",
        ],
        ["/admin/snippets/services_directory/service/"],
    ),
    "Complaints": (lambda: ["/admin/complaints/"], ["/admin/complaints/"]),
    "Media partners": (
        lambda: ["/admin/snippets/campaigns/mediapartner/", "/admin/campaign-reach/"],
        ["/admin/snippets/campaigns/mediapartner/", "/admin/campaign-reach/"],
    ),
    "Site settings": (
        lambda: [f"/admin/settings/core/sitesettings/{site_id()}/"],
        ["/admin/settings/core/sitesettings/"],
    ),
    "Users": (lambda: ["/admin/users/", "/admin/groups/"], ["/admin/users/", "/admin/groups/"]),
}
# Areas whose listings Translators see in the menu (to open the translations), though
# they may not change the Spanish entries.
LISTED_FOR_TRANSLATION = {"Services directory"}
# Columns that are actions rather than pages of the admin: checked with Wagtail's own test.
ACTIONS = {
    "Publish pages": lambda user: (
        Page.objects.get(pk=spanish_page().pk).permissions_for_user(user).can_publish()
    ),
}


def menu_urls(user):
    """The addresses of every menu and submenu item the user is shown."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = set()

    def collect(items):
        for item in items:
            if getattr(item, "url", None):
                urls.add(str(item.url).split("?")[0])
            if getattr(item, "menu", None):
                collect(item.menu.menu_items_for_request(request))

    collect(admin_menu.menu_items_for_request(request))
    return urls


def shown(url, urls):
    return any(menu_url.startswith(url) for menu_url in urls)


def test_the_table_names_every_group_and_every_column_is_checked():
    table = roles_table()
    assert set(table) == set(ALL_GROUPS)
    assert set(Group.objects.values_list("name", flat=True)) >= set(ALL_GROUPS)
    columns = set(next(iter(table.values())))
    assert columns == set(VIEWS) | set(ACTIONS)


@pytest.mark.parametrize("group", ALL_GROUPS)
def test_each_group_reaches_what_the_table_allows_and_nothing_else(client, group):
    user = make_staff_user(group)
    client.force_login(user)
    allowed = roles_table()[group]
    urls_in_menu = menu_urls(user)
    for column, (urls, menu_items) in VIEWS.items():
        for url in urls():
            status = client.get(url).status_code
            if allowed[column]:
                assert status == 200, (group, column, url, status)
            else:
                assert status in (302, 403), (group, column, url, status)
        if allowed[column] or (group == TRANSLATORS and column in LISTED_FOR_TRANSLATION):
            continue
        for url in menu_items:
            assert not shown(url, urls_in_menu), (group, column, url)
    for column, can in ACTIONS.items():
        assert can(user) == allowed[column], (group, column)


def test_menu_items_shown_match_the_table():
    """The other way round: a group sees the menu item of each area it may use."""
    table = roles_table()
    for group in ALL_GROUPS:
        urls_in_menu = menu_urls(make_staff_user(group, username=f"menu-{group}".replace(" ", "-")))
        for column, (_urls, menu_items) in VIEWS.items():
            if table[group][column]:
                for url in menu_items:
                    assert shown(url, urls_in_menu), (group, column, url, urls_in_menu)

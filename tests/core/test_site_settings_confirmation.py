"""Changing the hotlines or the quick-exit link in the site settings asks the editor to
confirm first, through the real settings edit view; other settings save as before."""

import pytest
from bs4 import BeautifulSoup

from core.models import SiteSettings

pytestmark = pytest.mark.django_db


def edit_url(settings_object):
    return f"/admin/settings/core/sitesettings/{settings_object.site_id}/"


def form_data(settings_object, **changes):
    """The settings as the admin form posts them, unchanged unless `changes` says so."""
    data = {
        "quick_exit_url": settings_object.quick_exit_url,
        "safety_page": settings_object.safety_page_id or "",
        "privacy_page": settings_object.privacy_page_id or "",
        "open_data_page": settings_object.open_data_page_id or "",
    }
    contacts = settings_object.emergency_contacts.raw_data
    data["emergency_contacts-count"] = len(contacts)
    for position, contact in enumerate(contacts):
        prefix = f"emergency_contacts-{position}"
        data.update(
            {
                f"{prefix}-type": contact["type"],
                f"{prefix}-id": contact["id"],
                f"{prefix}-order": position,
                f"{prefix}-deleted": "",
            }
        )
        for name, value in contact["value"].items():
            data[f"{prefix}-value-{name}"] = value
    data.update(changes)
    return data


@pytest.fixture
def site_settings():
    return SiteSettings.objects.first()


def test_other_settings_save_without_confirmation(admin_client, site_settings):
    response = admin_client.post(edit_url(site_settings), form_data(site_settings, privacy_page=""))
    assert response.status_code == 302
    site_settings.refresh_from_db()
    assert site_settings.privacy_page_id is None


def test_a_changed_hotline_is_saved_only_once_confirmed(admin_client, site_settings):
    old_number = site_settings.emergency_contacts.raw_data[0]["value"]["number"]
    changed = form_data(site_settings, **{"emergency_contacts-0-value-number": "999"})

    response = admin_client.post(edit_url(site_settings), changed)
    assert response.status_code == 200
    page = response.content.decode()
    assert "confirme que los revisó" in page
    assert "999" in page  # the change is kept in the re-rendered form
    site_settings.refresh_from_db()
    assert site_settings.emergency_contacts.raw_data[0]["value"]["number"] == old_number

    response = admin_client.post(edit_url(site_settings), changed | {"confirm_safety_change": "on"})
    assert response.status_code == 302
    site_settings.refresh_from_db()
    assert site_settings.emergency_contacts.raw_data[0]["value"]["number"] == "999"


def test_a_changed_quick_exit_link_is_saved_only_once_confirmed(admin_client, site_settings):
    changed = form_data(site_settings, quick_exit_url="https://example.invalid/")
    assert admin_client.post(edit_url(site_settings), changed).status_code == 200
    site_settings.refresh_from_db()
    assert site_settings.quick_exit_url != "https://example.invalid/"

    confirmed = changed | {"confirm_safety_change": "on"}
    assert admin_client.post(edit_url(site_settings), confirmed).status_code == 302
    site_settings.refresh_from_db()
    assert site_settings.quick_exit_url == "https://example.invalid/"


def test_a_confirmed_change_is_in_the_site_history_with_who_what_and_before(
    admin_client, admin_user, site_settings
):
    old_link = site_settings.quick_exit_url
    changed = form_data(site_settings, quick_exit_url="https://example.invalid/otra")
    admin_client.post(edit_url(site_settings), changed | {"confirm_safety_change": "on"})

    response = admin_client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    change = f"“{old_link}” → “https://example.invalid/otra”"
    row = next(row.get_text(" ", strip=True) for row in rows if change in row.get_text())
    assert admin_user.get_username() in row.split()  # who; the row also says when

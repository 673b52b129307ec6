"""The objective page's editor in a real browser: its indicators open collapsed, each headed by
its statement; opened, baseline and target values sit beside their years, and the source beside
the date of the data, at desktop width; at phone width the form still fits the screen."""

import pytest

from core.groups import EDITORS
from plan.models import StrategicObjectivePage
from tests.utils import make_staff_user, sign_in_to_admin

pytestmark = pytest.mark.browser

EDITOR = "editora-indicadores"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
SIDE_BY_SIDE = [("baseline_value", "baseline_year"), ("target_value", "target_year")]
SIDE_BY_SIDE += [("source", "data_date")]


@pytest.fixture(scope="module")
def objective(live_site, django_db_blocker):
    """A committed Editor the server thread can see, removed after the module, and the first
    Spanish objective with the statements of its indicators."""
    with django_db_blocker.unblock():
        editor = make_staff_user(EDITORS, username=EDITOR)
        page = StrategicObjectivePage.objects.filter(locale__language_code="es").first()
        statements = [
            indicator["statement"]
            for block in page.intermediate_objectives
            for indicator in block.value["indicators"]
        ]
    yield {"id": page.id, "statements": statements}
    with django_db_blocker.unblock():
        editor.delete()


def open_editor(new_tab, site_url, objective, viewport):
    tab = new_tab(viewport=viewport, locale="es-PE")
    sign_in_to_admin(tab, site_url, EDITOR)
    tab.goto(f"{site_url}/admin/pages/{objective['id']}/edit/")
    return tab


def indicators(tab):
    """The panel of every indicator, in the page's order."""
    return tab.locator(
        "[data-contentpath='indicators'] [data-streamfield-list-container]"
        " > [data-streamfield-child] > section"
    )


def field(indicator, name):
    return indicator.locator(f"[data-contentpath='{name}'] :is(input, textarea)").first


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_indicators_open_collapsed_headed_by_their_statement(
    objective, new_tab, site_url, viewport
):
    tab = open_editor(new_tab, site_url, objective, viewport)
    found = indicators(tab)
    found.first.wait_for(state="attached")

    assert found.count() == len(objective["statements"])
    for indicator, statement in zip(found.all(), objective["statements"], strict=True):
        toggle = indicator.locator(":scope > .w-panel__header [data-panel-toggle]")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not field(indicator, "statement").is_visible()
        title = indicator.locator(":scope > .w-panel__header [data-panel-heading-text]")
        # Wagtail shortens a long heading with an ellipsis; what shows is the statement's start.
        shown = title.inner_text().rstrip("…").strip()
        assert len(shown) >= 20
        assert statement.startswith(shown)
        # Shown, not cut off by the header's width (on a phone it once read "Indicad…").
        heading = indicator.locator(":scope > .w-panel__header [data-panel-heading]")
        assert heading.evaluate("heading => heading.scrollWidth <= heading.clientWidth")
    assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_opened_values_sit_beside_their_years_at_desktop_width(objective, new_tab, site_url):
    tab = open_editor(new_tab, site_url, objective, DESKTOP)
    indicator = indicators(tab).first
    indicator.locator(":scope > .w-panel__header [data-panel-toggle]").click()
    field(indicator, "statement").wait_for()

    for left_name, right_name in SIDE_BY_SIDE:
        left = field(indicator, left_name).bounding_box()
        right = field(indicator, right_name).bounding_box()
        assert abs(left["y"] - right["y"]) < 4, (left_name, right_name)
        assert right["x"] >= left["x"] + left["width"], (left_name, right_name)


def test_opened_indicator_fits_a_phone_wide_screen(objective, new_tab, site_url):
    tab = open_editor(new_tab, site_url, objective, PHONE)
    indicator = indicators(tab).first
    indicator.locator(":scope > .w-panel__header [data-panel-toggle]").click()
    field(indicator, "statement").wait_for()

    for name in [name for pair in SIDE_BY_SIDE for name in pair]:
        box = field(indicator, name).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name

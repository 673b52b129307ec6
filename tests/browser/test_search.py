"""Site search in a real browser (Debian's chromium): the type-ahead as an ARIA 1.2 combobox
used with the keyboard alone, checked by axe-core with the list open, and the zero-result
page at 360 px."""

import pytest

from ..utils import axe_violations, axe_violations_in
from ..utils.accessibility import AXE_SCRIPT

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def test_type_ahead_with_the_keyboard(new_tab, site_url):
    tab = new_tab(bypass_csp=False, viewport=PHONE)
    tab.goto(f"{site_url}/es/buscar/")
    box = tab.get_by_role("combobox", name="Buscar en este sitio")

    box.focus()
    tab.keyboard.type("explotacion", delay=20)
    listbox = tab.get_by_role("listbox", name="Sugerencias")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert "Explotación laboral" in options.all_inner_texts()

    tab.keyboard.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert tab.evaluate("document.activeElement.id") == "search-page-query"
    tab.keyboard.press("ArrowUp")
    last = options.last
    assert last.get_attribute("aria-selected") == "true"

    tab.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()

    tab.keyboard.press("ArrowDown")
    title = options.first.inner_text()
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/es/conceptos/**")
    assert tab.get_by_role("heading", level=1).inner_text().startswith(title)


def test_typing_and_enter_without_a_highlighted_suggestion_searches(new_tab, site_url):
    tab = new_tab(viewport=PHONE)
    tab.goto(f"{site_url}/es/buscar/")
    tab.get_by_role("combobox").focus()
    tab.keyboard.type("deudas")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/es/buscar/?q=deudas")
    assert tab.get_by_role("link", name="Servidumbre por deudas").is_visible()


def test_the_open_suggestion_list_passes_axe(new_tab, site_url):
    tab = new_tab(bypass_csp=True, viewport=PHONE)
    tab.goto(f"{site_url}/es/buscar/?q=trata")
    tab.add_script_tag(path=str(AXE_SCRIPT))
    box = tab.get_by_role("combobox")
    box.fill("")
    box.focus()
    tab.keyboard.type("trata")
    tab.get_by_role("listbox").wait_for()
    tab.keyboard.press("ArrowDown")

    assert axe_violations_in(tab) == []


@pytest.mark.parametrize(
    "path",
    ["/es/buscar/?q=trata", "/es/buscar/?q=zzzyyyqqq", "/en/search/?q=shelter&kind=services"],
)
def test_search_pages_pass_axe_at_360_px(browser, site_url, path):
    assert axe_violations(browser, f"{site_url}{path}", PHONE) == []


def test_zero_results_without_javascript(new_tab, site_url):
    tab = new_tab(java_script_enabled=False, viewport=PHONE)
    tab.goto(f"{site_url}/es/buscar/?q=servidunbre")

    assert tab.get_by_role("combobox").count() == 0
    assert tab.get_by_role("link", name="Llamar a Línea 1818").is_visible()
    tab.get_by_role("link", name="servidumbre", exact=True).click()
    tab.wait_for_url("**/es/buscar/?q=servidumbre")
    assert tab.get_by_role("link", name="Servidumbre por deudas").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

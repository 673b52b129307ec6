"""The quick exit, in a real browser: by click, by Shift pressed three times, and without
JavaScript. Each time the neutral site replaces the page, and Back does not bring it back."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def open_from_blank(page, url):
    """Start from an empty tab, so history is [about:blank, url]."""
    page.goto("about:blank")
    page.goto(url)


def test_button_replaces_the_page_and_back_does_not_return(page, site_url, neutral_site_url):
    open_from_blank(page, f"{site_url}/es/")

    page.get_by_role("link", name="Salir rápido").click()
    page.wait_for_url(neutral_site_url)

    page.go_back()
    assert page.url == "about:blank", "Back must skip the page the visitor left"


def test_shift_three_times_leaves(page, site_url, neutral_site_url):
    open_from_blank(page, f"{site_url}/es/navegar-de-forma-segura/")

    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site_url)

    page.go_back()
    assert page.url == "about:blank"


def test_shift_presses_are_announced_and_other_keys_reset_the_count(
    page, site_url, neutral_site_url
):
    open_from_blank(page, f"{site_url}/es/")
    quick_exit = page.locator("[data-quick-exit]")
    one_press = quick_exit.get_attribute("data-shift-one")
    two_presses = quick_exit.get_attribute("data-shift-two")
    status = page.locator("[data-quick-exit-status]")

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_have_text(two_presses)
    # Another key starts the count again: the next Shift is the first, not the third (which
    # would leave). The announcement is written by the same handler that counts, so it shows
    # the count the script holds, with no need to read the URL before a navigation settles.
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    expect(status).to_have_text(one_press)
    page.keyboard.press("Shift")
    expect(status).to_have_text(two_presses)
    assert page.url == f"{site_url}/es/"
    # ...and the third Shift of the new sequence leaves.
    page.keyboard.press("Shift")
    page.wait_for_url(neutral_site_url)


def test_the_shortcut_is_announced_only_when_it_works(browser, site_url):
    with_script = browser.new_context()
    without_script = browser.new_context(java_script_enabled=False)
    try:
        # The accessible name is what a screen reader announces; it leaves out hidden text.
        scripted = with_script.new_page()
        scripted.goto(f"{site_url}/en/")
        expect(scripted.get_by_role("link", name=re.compile(r"^Exit this page"))).to_have_count(1)
        shortcut = re.compile(r"^Exit this page.*or press the Shift key 3 times$")
        expect(scripted.get_by_role("link", name=shortcut)).to_have_count(1)

        plain = without_script.new_page()
        plain.goto(f"{site_url}/en/")
        expect(plain.get_by_role("link", name=re.compile(r"^Exit this page"))).to_have_count(1)
        expect(plain.get_by_role("link", name=re.compile("Shift"))).to_have_count(0)
    finally:
        with_script.close()
        without_script.close()


def test_without_javascript_it_is_a_plain_link(browser, site_url, neutral_site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}/es/")
        exit_link = tab.get_by_role("link", name="Salir rápido")
        assert exit_link.get_attribute("href") == neutral_site_url
        exit_link.click()
        tab.wait_for_url(neutral_site_url)
    finally:
        context.close()


def test_language_switcher_lands_on_the_translated_page(page, site_url):
    page.goto(f"{site_url}/es/navegar-de-forma-segura/")
    assert page.locator("html").get_attribute("lang") == "es"

    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site_url}/en/browse-safely/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Browse safely"

    page.get_by_role("link", name="Español").click()
    page.wait_for_url(f"{site_url}/es/navegar-de-forma-segura/")


def test_home_is_usable_at_360_pixels(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}/es/")
        # Nothing wider than the screen: no sideways scrolling on a small phone.
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360
        # The quick exit and the first hotline are on the first screen.
        for locator in (
            tab.get_by_role("link", name="Salir rápido"),
            tab.locator(".emergency-bar a[href^='tel:']").first,
        ):
            box = locator.bounding_box()
            assert box is not None and box["y"] + box["height"] <= 740
            assert box["height"] >= 44, "touch targets are at least 44 px tall"
        # The menu collapses into a <details> that opens on tap.
        menu = tab.locator("[data-main-nav]")
        assert menu.get_attribute("open") is None
        tab.get_by_text("Menú").click()
        assert menu.get_attribute("open") == ""
    finally:
        context.close()

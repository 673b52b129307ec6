"""The plan prints as a clean document: content only, charts as their tables, links followed
by their address, collapsed details open."""

import pytest

pytestmark = pytest.mark.browser


def printed(browser, url):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(url)
    tab.emulate_media(media="print")
    return context, tab


def test_plan_page_prints_content_only(browser, site_url):
    context, tab = printed(browser, f"{site_url}/es/plan-nacional/")
    try:
        for selector in [
            ".quick-exit",
            ".emergency-bar",
            ".main-nav",
            ".search-form",
            ".site-footer",
        ]:
            assert not tab.locator(selector).first.is_visible(), selector
        assert tab.locator("h1").is_visible()
        # Collapsed lists of intermediate objectives print open.
        assert tab.locator(".objective-card .outline-list").first.is_visible()
        link_suffix = tab.evaluate(
            "getComputedStyle(document.querySelector('.objective-card .card__link'), '::after')"
            ".content"
        )
        assert "/es/plan-nacional/gobernanza-institucional/" in link_suffix
    finally:
        context.close()


def test_charts_print_as_tables(browser, site_url):
    context, tab = printed(browser, f"{site_url}/es/plan-nacional/objetivo-de-ejemplo/")
    try:
        assert not tab.locator(".chart__svg").first.is_visible()
        assert tab.locator(".chart table").first.is_visible()
        assert not tab.locator(".chart__download").first.is_visible()
        assert not tab.locator(".pager").is_visible()
        pdf = tab.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()

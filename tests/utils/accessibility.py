"""axe-core (from npm, pinned in package.json) run in a real browser on one page."""

from pathlib import Path

import pytest
from django.conf import settings

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations_in(tab):
    """What axe-core finds on the page open in `tab` (which must already have axe loaded)."""
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"at {[node['target'] for node in violation['nodes']]}"
        for violation in result["violations"]
    ]


def reflow_violations_in(tab, viewport):
    """Sideways scrolling, which axe-core cannot see (WCAG 1.4.10 Reflow): nothing may be wider
    than the screen."""
    width = tab.evaluate("document.documentElement.scrollWidth")
    if width <= viewport["width"]:
        return []
    return [f"reflow (WCAG 1.4.10): the page is {width} px wide on a {viewport['width']} px screen"]


def axe_violations(browser, url, viewport):
    """What axe-core finds on the page at `url`, plus any sideways scrolling."""
    if not AXE_SCRIPT.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does).")
    # The page's CSP rightly forbids injected scripts; the audit context alone may inject.
    context = browser.new_context(bypass_csp=True, viewport=viewport)
    try:
        tab = context.new_page()
        tab.goto(url)
        tab.add_script_tag(path=str(AXE_SCRIPT))
        return axe_violations_in(tab) + reflow_violations_in(tab, viewport)
    finally:
        context.close()

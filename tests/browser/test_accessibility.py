"""axe-core (from npm, pinned in package.json) finds no WCAG 2.x A/AA violation on each page
type, in both languages, on a phone and on a desktop screen."""

from pathlib import Path

import pytest
from django.conf import settings

from ..utils import paths_to_check

pytestmark = pytest.mark.browser

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(browser, url, viewport):
    if not AXE_SCRIPT.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does).")
    # The page's CSP rightly forbids injected scripts; the audit context alone may inject.
    context = browser.new_context(bypass_csp=True, viewport=viewport)
    try:
        tab = context.new_page()
        tab.goto(url)
        tab.add_script_tag(path=str(AXE_SCRIPT))
        result = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
    finally:
        context.close()
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"at {[node['target'] for node in violation['nodes']]}"
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("path", paths_to_check())
@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1280, "height": 900}],
    ids=["phone", "desktop"],
)
def test_no_axe_violations(browser, site_url, path, viewport):
    assert axe_violations(browser, site_url + path, viewport) == []

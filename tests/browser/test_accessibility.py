"""axe-core (from npm, pinned in package.json) finds no WCAG 2.x A/AA violation on each page
type, in both languages, on a phone and on a desktop screen."""

import pytest

from ..utils import axe_violations, paths_to_check

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", paths_to_check())
@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1280, "height": 900}],
    ids=["phone", "desktop"],
)
def test_no_axe_violations(browser, site_url, path, viewport):
    assert axe_violations(browser, site_url + path, viewport) == []

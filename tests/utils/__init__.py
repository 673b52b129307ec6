"""Helpers shared by the tests. Test modules import from here, never from one another."""

from .accessibility import axe_violations, axe_violations_in
from .campaigns import (
    EXAMPLE_CAPTIONS,
    WEBM_HEADER_ONLY,
    campaign_index,
    days_from_today,
    full_body,
    make_campaign,
    make_campaign_example,
    make_document,
    make_partner,
    video_file_block,
)
from .editorial import STAFF_PASSWORD, make_staff_user, make_superuser, sign_in_to_admin
from .factories import (
    EXAMPLE_SERIES,
    add_example_hotline,
    make_chart_examples,
    make_image,
    make_institution,
    make_objective_example,
    make_plan,
    make_series_example,
    make_standard_page,
    measured_indicator,
    publish,
    spanish_home,
)
from .html import nu_errors, soup
from .page_types import (
    PAGE_EXAMPLES,
    make_page_examples,
    missing_page_examples,
    paths_to_check,
    public_page_types,
)
from .processes import run_in_fresh_django
from .queries import count_queries

__all__ = [
    "EXAMPLE_CAPTIONS",
    "EXAMPLE_SERIES",
    "PAGE_EXAMPLES",
    "STAFF_PASSWORD",
    "WEBM_HEADER_ONLY",
    "add_example_hotline",
    "axe_violations",
    "axe_violations_in",
    "campaign_index",
    "count_queries",
    "days_from_today",
    "full_body",
    "make_campaign",
    "make_campaign_example",
    "make_chart_examples",
    "make_document",
    "make_image",
    "make_institution",
    "make_objective_example",
    "make_page_examples",
    "make_partner",
    "make_plan",
    "make_series_example",
    "make_staff_user",
    "make_standard_page",
    "make_superuser",
    "measured_indicator",
    "missing_page_examples",
    "nu_errors",
    "paths_to_check",
    "public_page_types",
    "publish",
    "run_in_fresh_django",
    "sign_in_to_admin",
    "soup",
    "spanish_home",
    "video_file_block",
]

"""The HTML of each page type passes the Nu HTML checker (npm vnu-jar; Java is on the machine)
with no errors. Page types are discovered from the code (tests/utils/page_types.py)."""

import pytest
from django.test import RequestFactory

from portal.error_views import bad_request, permission_denied
from portal.views import server_error

from .utils import make_page_examples, missing_page_examples, nu_errors, paths_to_check


@pytest.mark.django_db
def test_every_page_type_has_pages_to_check():
    assert missing_page_examples() == ""


def test_a_page_type_without_pages_to_check_is_reported():
    """Guards the test above: a page type missing from PAGE_EXAMPLES is named, with what to do."""

    class Meta:
        app_label = "newapp"

    unlisted = type("NewPage", (), {"_meta": Meta, "__name__": "NewPage"})
    message = missing_page_examples([unlisted])
    assert "newapp.NewPage" in message
    assert "PAGE_EXAMPLES" in message


@pytest.mark.django_db
def test_pages_are_valid_html(client, tmp_path):
    make_page_examples()
    documents = {}
    for path in paths_to_check():
        response = client.get(path)
        assert response.status_code in (200, 404), path
        documents[path] = response.content.decode()
    documents["500 page"] = server_error(RequestFactory().get("/")).content.decode()
    documents["400 page"] = bad_request(RequestFactory().get("/")).content.decode()
    documents["403 page"] = permission_denied(RequestFactory().get("/")).content.decode()

    assert nu_errors(documents, tmp_path) == []


def test_the_checker_reports_invalid_html(tmp_path):
    """Guards the test above against a checker that silently checks nothing."""
    broken = "<!doctype html><html lang='es'><title>x</title><p><div>unclosed</p>"
    assert nu_errors({"broken": broken}, tmp_path) != []

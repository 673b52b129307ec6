"""Editors can open the edit form of every page type and snippet, in both languages."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from core.models import SiteSettings
from plan.models import Institution

from .utils import public_page_types


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("admin-prueba", "a@example.org", "x" * 16)
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", public_page_types(), ids=lambda model: model.__name__)
def test_page_edit_forms_open(editor_client, model):
    for page in model.objects.all()[:2]:
        response = editor_client.get(f"/admin/pages/{page.id}/edit/")
        assert response.status_code == 200, (model.__name__, page.locale)


def test_page_tree_and_snippets_open(editor_client):
    home = Site.objects.get(is_default_site=True).root_page
    institution = Institution.objects.first()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    for url in [
        "/admin/",
        f"/admin/pages/{home.id}/",
        "/admin/snippets/plan/institution/",
        f"/admin/snippets/plan/institution/edit/{institution.pk}/",
        f"/admin/settings/core/sitesettings/{site_settings.site_id}/",
    ]:
        assert editor_client.get(url).status_code == 200, url


def test_editors_can_add_every_page_type_where_it_belongs(editor_client):
    for model in public_page_types():
        parent_models = model.allowed_parent_page_models()
        parent = Page.objects.type(*parent_models).first()
        if parent is None:  # the home page's parent is the tree root
            continue
        label = model._meta.app_label
        name = model._meta.model_name
        url = f"/admin/pages/add/{label}/{name}/{parent.id}/"
        assert editor_client.get(url).status_code == 200, url

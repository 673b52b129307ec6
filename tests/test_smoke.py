"""Every page type renders, in both languages. A new page type without a page of its own in
the initial content fails here: each type must be seen working."""

import pytest

from .utils import public_page_types


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("model", public_page_types(), ids=lambda model: model.__name__)
def test_every_page_type_renders(client, model, language):
    pages = model.objects.live().filter(locale__language_code=language)
    assert pages.exists(), f"no live {model.__name__} in {language}"

    for page in pages:
        response = client.get(page.get_url())
        assert response.status_code == 200, page.get_url()
        assert f'<html lang="{language}">' in response.content.decode()

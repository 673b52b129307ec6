"""Public pages cost a small, constant number of SQL queries, however big the menu."""

import pytest

from .utils import make_standard_page

MAX_QUERIES = 15


def add_menu_pages(count):
    return [
        make_standard_page(title=f"Sección del menú {number}", show_in_menus=True)
        for number in range(count)
    ]


def count_queries(client, path, django_assert_max_num_queries):
    client.get(path)  # warms the caches a running server keeps warm (site root paths)
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/es/", "/es/navegar-de-forma-segura/", "/en/browse-safely/"])
def test_pages_with_a_full_menu_stay_under_the_limit(client, path, django_assert_max_num_queries):
    small_menu = count_queries(client, path, django_assert_max_num_queries)
    add_menu_pages(10)
    full_menu = count_queries(client, path, django_assert_max_num_queries)

    assert full_menu == small_menu, "the menu must not cost a query per item"

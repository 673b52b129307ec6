"""Public pages cost a small, constant number of SQL queries, however big the menu."""

import pytest

from .utils import count_queries, make_standard_page

MAX_QUERIES = 15


def add_menu_pages(count):
    return [
        make_standard_page(title=f"Sección del menú {number}", show_in_menus=True)
        for number in range(count)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/es/", "/es/navegar-de-forma-segura/", "/en/browse-safely/"])
def test_pages_with_a_full_menu_stay_under_the_limit(client, path, django_assert_max_num_queries):
    small_menu = count_queries(client, path, django_assert_max_num_queries, MAX_QUERIES)
    add_menu_pages(10)
    full_menu = count_queries(client, path, django_assert_max_num_queries, MAX_QUERIES)

    assert full_menu == small_menu, "the menu must not cost a query per item"

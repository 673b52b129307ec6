"""Counting the SQL queries of a request."""


def count_queries(client, path, django_assert_max_num_queries, limit=100):
    """Queries of a second GET of `path` (the first warms the caches a running server keeps
    warm, such as the site root paths); fails above `limit` or on a status other than 200."""
    client.get(path)
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)

"""Reading the sitemap as a search engine does: the index at /sitemap.xml, then every file
it lists."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_files(client):
    """{address of each file the index lists: its XML text}, in the index's order."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    files = {}
    for element in ET.fromstring(index.content).findall("sm:sitemap/sm:loc", SITEMAP_NS):
        address = urlsplit(element.text)
        path = f"{address.path}?{address.query}" if address.query else address.path
        response = client.get(path)
        assert response.status_code == 200, path
        files[path] = response.content.decode()
    return files


def sitemap_addresses(client):
    """Every address listed in every sitemap file."""
    return [
        element.text
        for text in sitemap_files(client).values()
        for element in ET.fromstring(text).findall("sm:url/sm:loc", SITEMAP_NS)
    ]

"""Response headers of the directory page: it may ask for the visitor's position (on a click)
and, when a tile server is configured, show its map images. Every other page keeps the
site-wide policy, which allows neither."""

from urllib.parse import urlsplit

from django.conf import settings

from core.middleware import ContentSecurityPolicyMiddleware, build_content_security_policy

SITE_IMAGE_SOURCES = "img-src 'self' data:"


def tile_origin():
    """The origin of MAP_TILE_URL as a CSP source (`{s}` subdomains become `*`), or None."""
    parts = urlsplit(settings.MAP_TILE_URL or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def add_directory_headers(response):
    response["Permissions-Policy"] = ContentSecurityPolicyMiddleware.permissions_policy.replace(
        "geolocation=()", "geolocation=(self)"
    )
    origin = tile_origin()
    if origin:
        policy = build_content_security_policy(settings.CSP_FRAME_SOURCES)
        response["Content-Security-Policy"] = policy.replace(
            SITE_IMAGE_SOURCES, f"{SITE_IMAGE_SOURCES} {origin}", 1
        )
    return response

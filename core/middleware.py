"""Response headers that keep public pages safe to visit."""

from django.conf import settings


def build_content_security_policy(frame_sources, frame_ancestors=("'none'",), script_sources=()):
    """No inline script or style anywhere on public pages; only this site's own files, plus
    the video players an editor embedded (which load only when the visitor asks).

    A view that may be framed (a partner's iframe, the admin's preview panel) builds its own
    policy with the origins allowed to frame it, sets it on its response and marks the
    response `xframe_options_exempt`; this middleware then leaves both alone. A view that
    needs a third party's script (reCAPTCHA on the complaint form, when configured) names it in
    `script_sources` the same way."""
    directives = {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "script-src": ["'self'", *script_sources],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        # Campaign videos and their captions are files of this site (no provider's media).
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *frame_sources],
        "form-action": ["'self'"],
        "frame-ancestors": list(frame_ancestors),
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class ContentSecurityPolicyMiddleware:
    permissions_policy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = build_content_security_policy(settings.CSP_FRAME_SOURCES)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.CSP_EXEMPT_PATH_PREFIXES):
            return response
        # A view that needs another policy (the embeddable campaign view) sets its own.
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions_policy
        return response

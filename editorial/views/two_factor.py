"""The second sign-in step: enrolling an authenticator app, giving a code, and the sheet of
recovery codes. Codes are checked by django-otp; nothing here computes one."""

from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from .. import two_factor
from ..forms import CodeForm


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def qr_code_svg(text):
    """An SVG the admin page includes as markup: nothing loads from elsewhere."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    # Drop the XML declaration; the rest is markup generated from the key alone.
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308


@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request):
    if two_factor.has_enrolled(request.user):
        return redirect(next_url(request))
    device = two_factor.pending_authenticator(request.user)
    form = CodeForm(request.POST or None, user=request.user, devices=[device])
    if form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        codes = two_factor.new_recovery_codes(request.user)
        return TemplateResponse(
            request,
            "editorial/two_factor/recovery_codes.html",
            {"codes": codes, "next": next_url(request), "just_enrolled": True},
        )
    return TemplateResponse(
        request,
        "editorial/two_factor/enrol.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_code": qr_code_svg(device.config_url),
            "key": typed_key(device),
            "required": two_factor.is_required_for(request.user),
        },
    )


def typed_key(device):
    """The key as authenticator apps ask for it when typed in by hand, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    if request.user.is_verified() or not two_factor.has_enrolled(request.user):
        return redirect(next_url(request))
    form = CodeForm(request.POST or None, user=request.user)
    if form.is_valid():
        otp_login(request, form.device)
        return redirect(next_url(request))
    return TemplateResponse(
        request,
        "editorial/two_factor/verify.html",
        {
            "form": form,
            "next": next_url(request),
            "recovery_codes_left": two_factor.remaining_recovery_codes(request.user),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """A new sheet of recovery codes for a signed-in, verified user; the old one stops working."""
    if not two_factor.has_enrolled(request.user):
        return redirect("editorial_two_factor_enrol")
    if request.method == "POST":
        codes = two_factor.new_recovery_codes(request.user)
        return TemplateResponse(
            request,
            "editorial/two_factor/recovery_codes.html",
            {"codes": codes, "next": reverse("wagtailadmin_home"), "just_enrolled": False},
        )
    return TemplateResponse(
        request,
        "editorial/two_factor/recovery_codes_new.html",
        {"remaining": two_factor.remaining_recovery_codes(request.user)},
    )

"""The public views of the complaint page: the form (its confirmation is the answer to the
POST, so no address in the history reveals that a report was made) and the receipt lookup.

Imported by models/page.py; it imports the model modules it needs directly, never the page."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import content_cache
from core.middleware import build_content_security_policy

from . import rate_limit
from .bot_check import RECAPTCHA_SOURCES, recaptcha_configured
from .forms import ComplaintForm, ReceiptLookupForm
from .hashing import receipt_hash
from .intake import accept_complaint
from .models.complaint import Complaint


def private(response):
    """Nothing about a report may stay in a cache or leak to the next site visited."""
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    if recaptcha_configured():
        response["Content-Security-Policy"] = build_content_security_policy(
            [*settings.CSP_FRAME_SOURCES, *RECAPTCHA_SOURCES], script_sources=RECAPTCHA_SOURCES
        )
    return response


def _too_large(request):
    """Refuses oversized bodies before reading them (a full report is far smaller)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    if length > settings.COMPLAINTS_MAX_REQUEST_BYTES:
        return True
    try:
        request.POST  # noqa: B018 (reads the body, within Django's own limits)
    except RequestDataTooBig:
        return True
    return False


def _render(request, page, template, status=200, **context):
    context = {**page.get_context(request), **context}
    context.setdefault("status_url", page.status_url(request))
    context["uses_recaptcha"] = recaptcha_configured()
    return private(TemplateResponse(request, template, context, status=status))


def empty_form_fields(request, page, form):
    """The empty form's fields as HTML, rendered once per process, language and content version
    (core/content_cache.py): the choices, explainer links and hotlines they show are content,
    replaced on publish and on a save of the regions or the site settings. Only with ALTCHA,
    whose widget is the same for everyone (reCAPTCHA's carries an id of its own each time)."""

    def render():
        context = {"form": form, "explainers": page.explainers(), "uses_recaptcha": False}
        return render_to_string("complaints/includes/form_fields.html", context, request)

    return content_cache.rendered(f"complaints:empty-form:{page.pk}:{get_language()}", render)


def complaint_form(request, page):
    language = page.locale.language_code
    refusal = None
    status = 200
    if request.method != "POST":
        form = ComplaintForm(language=language)
        if not recaptcha_configured():
            return _render(
                request,
                page,
                "complaints/complaint_page.html",
                form=form,
                form_fields_html=empty_form_fields(request, page, form),
            )
    elif _too_large(request):
        form = ComplaintForm(language=language)
        refusal = _(
            "Your report was not sent because it is too large for this form (the description "
            "can have up to 10,000 characters). Shorten it and send it again, or call "
            "Línea 1818."
        )
        status = 413
    elif rate_limit.is_limited(request, "report"):
        # What was typed is shown again, unchecked, so it is not lost.
        form = ComplaintForm(initial=request.POST.dict(), language=language)
        refusal = _(
            "Your report was not sent: this connection has sent several reports in the last "
            "hour, which is the limit. Try again in an hour, or call Línea 1818 now: it "
            "answers day and night."
        )
        status = 429
    else:
        form = ComplaintForm(request.POST, language=language)
        if form.is_valid():
            answers = form.answers()
            receipt_code = accept_complaint(answers, language)
            rate_limit.count(request, "report")
            return _render(
                request,
                page,
                "complaints/complaint_confirmation.html",
                receipt_code=receipt_code,
                immediate_danger=answers["immediate_danger"],
            )
        status = 400
    return _render(
        request,
        page,
        "complaints/complaint_page.html",
        status=status,
        form=form,
        refusal=refusal,
        explainers=page.explainers(),
    )


def status_lookup(request, page):
    form = ReceiptLookupForm()
    context = {"looked_up": False}
    status = 200
    if request.method == "POST":
        if _too_large(request):
            status = 413
            context["refusal"] = _("This request is too large. Enter only your receipt code.")
        elif rate_limit.is_limited(request, "lookup"):
            status = 429
            context["refusal"] = _(
                "Too many codes were tried from this connection in the last hour. Try again "
                "in an hour, or call Línea 1818 to ask about your report."
            )
        else:
            rate_limit.count(request, "lookup")
            form = ReceiptLookupForm(request.POST)
            if form.is_valid():
                context["looked_up"] = True
                context["complaint"] = find_by_receipt(form.cleaned_data["code"])
                form = ReceiptLookupForm()
            else:
                status = 400
    return _render(
        request, page, "complaints/complaint_status.html", status=status, form=form, **context
    )


def find_by_receipt(digits):
    """The complaint with this receipt code, or None: a malformed code (None) and an unknown
    one get the same answer."""
    if digits is None:
        return None
    return (
        Complaint.objects.filter(receipt_hash=receipt_hash(digits))
        .prefetch_related("deliveries__authority")
        .first()
    )

"""Who may see complaints: superusers and the members of one group, nobody else."""

from functools import wraps

from django.template.response import TemplateResponse

from core.groups import COMPLAINT_HANDLERS


def is_handler(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=COMPLAINT_HANDLERS).exists()


def handlers_only(view):
    """Everyone else who can sign in to the admin gets a plain 403 (Wagtail would otherwise
    turn PermissionDenied into a redirect to the dashboard)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_handler(request.user):
            return TemplateResponse(request, "complaints/admin/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped

"""Who may see complaints: superusers and the members of one group, nobody else."""

from functools import wraps

from django.core.exceptions import PermissionDenied

HANDLERS_GROUP = "Complaint handlers"


def is_handler(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=HANDLERS_GROUP).exists()


def handlers_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_handler(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped

"""What every HTML view shares: domain errors answered as Django's error pages, and a
service's refusal shown on the form that caused it."""

from functools import wraps

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404

from mjc.core.errors import ApplicationError, NotFound, PermissionDenied


def html_errors(view):
    """Domain 404/403 errors become Django's, so the usual error pages answer (never a 500)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(str(exc.message)) from exc
        except PermissionDenied as exc:
            raise DjangoPermissionDenied(str(exc.message)) from exc

    return wrapper


def form_error(form, exc: ApplicationError, default_field=None) -> None:
    fields = exc.extra.get("fields") if isinstance(exc.extra, dict) else None
    if fields:
        for name, errors in fields.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(default_field, str(exc.message))

"""The one HTML error path: every page view shows a service's refusal the same way, in the
same words as the API's ``message``.

- 404 and 403 (``NotFound``, ``PermissionDenied``) become Django's, so the error pages answer
  with their status and the message (``templates/403.html``) — never a redirect.
- 400 and 409 put the message at the top of the form that was sent (``form_error``; a field
  named in ``extra["fields"]`` gets its own error), and the view re-renders it with that
  status; a lone button without a form flashes the message and goes back (``refusal``).

A view writes this once: ``submit(request, form, action, again=…, then=…, done=…)`` for a
typed form (``again(status)`` renders the page the form lives on, bound, and
``templates/includes/error_summaries.html`` lists ``error_forms`` at its top), ``attempt``
for a button.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404

from mjc.core.errors import ApplicationError, NotFound, PermissionDenied


def raise_page_error(exc: ApplicationError) -> None:
    """A 404 or 403 refusal becomes Django's (the error page, with the message); others pass."""
    if isinstance(exc, NotFound) or exc.status_code == 404:
        raise Http404(str(exc.message)) from exc
    if isinstance(exc, PermissionDenied) or exc.status_code == 403:
        raise DjangoPermissionDenied(str(exc.message)) from exc


def html_errors(view):
    """Decorator: domain 404/403 errors raised anywhere in the view become the error pages."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (NotFound, PermissionDenied) as exc:
            raise_page_error(exc)
            raise  # pragma: no cover - raise_page_error always raises for these two

    return wrapper


def form_error(form, exc: ApplicationError, default_field=None) -> None:
    """Put a 400/409 refusal on the form: on the fields it names, else at the top."""
    raise_page_error(exc)
    fields = exc.extra.get("fields") if isinstance(exc.extra, dict) else None
    if fields:
        for name, errors in fields.items():
            form.add_error(name if name in form.fields else default_field, errors)
    else:
        form.add_error(default_field, str(exc.message))


def refusal(request, exc: ApplicationError, form=None) -> None:
    """A refusal of a button or a form: 404/403 pages; a form gets the errors (re-render it
    with ``exc.status_code``); a lone button flashes the message (the view redirects back)."""
    raise_page_error(exc)
    fields = (exc.extra or {}).get("fields") if isinstance(exc.extra, dict) else None
    if form is not None and fields:
        form_error(form, exc)
    else:
        messages.error(request, exc.message)


INVALID = 400  # the status of a form re-rendered because what was typed does not parse


def rejected(form, exc: ApplicationError, default_field=None) -> int:
    """A service refused what a form sent: 404/403 become their pages; a 400/409 goes on the
    form (``form_error``) and its status is returned, to re-render the form with."""
    form_error(form, exc, default_field)
    return exc.status_code


REFUSED = object()  # what ``attempt`` answers when the service refused


def attempt(request, action, done=None):
    """A lone button: run ``action()``; a refusal goes through ``refusal`` (its page, or the
    message flashed) and ``REFUSED`` is returned; else ``done`` (a text, or a callable given the
    result) is flashed as a success and the result returned. The view redirects either way."""
    try:
        result = action()
    except ApplicationError as exc:
        refusal(request, exc)
        return REFUSED
    message = done(result) if callable(done) else done
    if message:
        messages.success(request, message)
    return result


def error_forms(forms) -> list:
    """The bound forms with errors, for the error summary at the top of a re-rendered page."""
    return [form for form in forms if form is not None and form.is_bound and form.errors]


def submit(request, form, action, *, again, then, done=None):
    """A typed form's post, the one way: does not parse → ``again(400)``; refused →
    ``again(status)`` with the refusal on the form; else ``done`` flashed and ``then(result)``.
    ``again(status)`` re-renders the page the form lives on with the bound ``form``."""
    if not form.is_valid():
        return again(INVALID)
    try:
        result = action(form.cleaned_data)
    except ApplicationError as exc:
        return again(rejected(form, exc))
    message = done(result) if callable(done) else done
    if message:
        messages.success(request, message)
    return then(result)


def id_or_404(value) -> int:
    """An id from the path, the query string or a form field, or 404 (not a number, or beyond a bigint)."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < number < 2**63:
        raise Http404
    return number

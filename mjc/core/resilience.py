"""A lost database connection is not a 500 (issue 10, SPEC rule 9).

Persistent connections are checked before reuse (``CONN_HEALTH_CHECKS``, mjc/settings.py), so a
connection that died between two requests is replaced without anyone noticing. One that dies
*during* a request (PostgreSQL restarted, a backend terminated, a failover) raises
``OperationalError`` or ``InterfaceError`` in the middle of the view or of a middleware.

``LostConnectionMiddleware`` watches the statements of the request. When the request met a
dead connection:

- a GET, HEAD or OPTIONS that had written nothing yet is run again on a fresh connection, up to
  ``READ_RETRIES`` times (the user sees the page, a little later);
- anything else is answered 503 in the shared shape (``database_unavailable``), or with a
  short translated page for a browser: the client may safely try again, and nothing half-done
  is hidden behind a retry;
- a deadlock or serialization failure that no service turned into its own 409 answers 409
  ``concurrent_update`` instead of a 500 (the services take their locks in one order, so this
  is a last line, not the rule).

The exception reaches us either in ``process_exception`` (raised by a view) or in the 500
handler (raised by a middleware, e.g. loading the session); both mark the request and answer.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from mjc.core.api import error_body

logger = logging.getLogger(__name__)

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
READ_PREFIXES = ("SELECT", "SHOW", "SET ", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN")  # no data changed
DEADLOCK_CODES = {"40P01", "40001"}  # deadlock_detected, serialization_failure


def _driver_errors() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """Django's classes and the driver's own: rows fetched in chunks (``QuerySet.iterator()``,
    the choices of a form's select) reach us as the driver's error, not wrapped by Django."""
    database = connections["default"].Database
    return (InterfaceError, database.InterfaceError), (OperationalError, database.OperationalError)


def is_lost_connection(exc: BaseException | None) -> bool:
    interface_errors, operational_errors = _driver_errors()
    if isinstance(exc, interface_errors):
        return True
    if not isinstance(exc, operational_errors):
        return False
    if _pgcode(exc) in DEADLOCK_CODES or _pgcode(exc) == "57014":  # 57014: statement timeout, not a lost link
        return False
    return True


def is_deadlock(exc: BaseException | None) -> bool:
    return (
        isinstance(exc, DatabaseError | connections["default"].Database.DatabaseError)
        and _pgcode(exc) in DEADLOCK_CODES
    )


def _pgcode(exc: BaseException) -> str | None:
    cause = exc.__cause__ or exc
    return getattr(cause, "pgcode", None)


def _wants_json(request) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", "")


def unavailable_response(request) -> HttpResponse:
    message = _("The database is not reachable at the moment. Please try again in a few seconds.")
    if _wants_json(request):
        response = JsonResponse(error_body(message, "database_unavailable"), status=503)
    else:
        # no base template: it would ask the database for the signed-in user and the unread count
        html = render_to_string("503.html", {"LANGUAGE_CODE": translation.get_language() or "id", "message": message})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = "5"
    return response


def conflict_response(request) -> HttpResponse:
    message = _("Someone changed this at the same moment. Please reload and try again.")
    if _wants_json(request):
        return JsonResponse(error_body(message, "concurrent_update"), status=409)
    html = render_to_string("503.html", {"LANGUAGE_CODE": translation.get_language() or "id", "message": message})
    return HttpResponse(html, status=409)


def answer_database_error(request, exc: BaseException | None) -> HttpResponse | None:
    """The response for a database error that reached the top, or None for any other error."""
    if is_lost_connection(exc):
        if request is not None:
            request._mjc_lost_connection = True
        logger.warning("database connection lost during %s %s: %s", request.method, request.path, exc)
        return unavailable_response(request)
    if is_deadlock(exc):
        logger.warning("deadlock reached the top in %s %s: %s", request.method, request.path, exc)
        return conflict_response(request)
    return None


def _close_all() -> None:
    for conn in connections.all(initialized_only=True):
        try:
            conn.close()
        except DatabaseError:
            conn.connection = None


# A read that lost its connection is run again on a fresh one, up to this many times: during a
# failover or a wave of terminated backends the first fresh connection may be cut as well.
READ_RETRIES = 2


class _Writes:
    """Remembers whether the request sent a statement that may change data."""

    def __init__(self):
        self.wrote = False

    def __call__(self, execute, sql, params, many, context):
        if not self.wrote and not str(sql).lstrip()[:10].upper().startswith(READ_PREFIXES):
            self.wrote = True
        return execute(sql, params, many, context)


class LostConnectionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        watch = _Writes()
        connection = connections["default"]
        with connection.execute_wrapper(watch):
            response = self.get_response(request)
            for attempt in range(1, READ_RETRIES + 1):
                if not (
                    getattr(request, "_mjc_lost_connection", False)
                    and request.method in SAFE_METHODS
                    and not watch.wrote
                ):
                    break
                request._mjc_lost_connection = False
                _close_all()  # a dead connection cannot even roll back; the next query opens a new one
                logger.warning(
                    "retrying %s %s on a fresh database connection (%s of %s)",
                    request.method,
                    request.path,
                    attempt,
                    READ_RETRIES,
                )
                response = self.get_response(request)
        if getattr(request, "_mjc_lost_connection", False):
            for conn in connections.all(initialized_only=True):
                conn.close_if_unusable_or_obsolete()
        return response

    def process_exception(self, request, exception):
        return answer_database_error(request, exception)

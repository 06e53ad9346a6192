import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from mjc.core.api import error_body
from mjc.core.resilience import answer_database_error

logger = logging.getLogger(__name__)


def healthz(request):
    """Liveness of the parts: the database and, when configured, the broker and the cache.
    503 when one is down, for monitors; user-facing requests keep answering meanwhile
    (mjc/core/cache.py, mjc/core/jobs.py, mjc/core/resilience.py)."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # report, do not raise: this page is for monitors
        checks["database"] = f"error: {exc.__class__.__name__}"
    if settings.REDIS_URL:
        try:
            import redis

            redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
            checks["broker"] = "ok"
        except Exception as exc:
            checks["broker"] = f"error: {exc.__class__.__name__}"
    else:
        checks["broker"] = "inline (REDIS_URL unset)"
    if hasattr(cache, "ping"):
        checks["cache"] = "ok" if cache.ping() else "error: unreachable (serving from the process)"
    healthy = all(value == "ok" or value.startswith("inline") for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)


def _wants_json(request) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", "")


def error_404(request, exception=None):
    if _wants_json(request):
        return JsonResponse(error_body(_("Not found."), "not_found"), status=404)
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    if _wants_json(request):
        return JsonResponse(error_body(_("You are not allowed to do this."), "permission_denied"), status=403)
    # the service's own words when a page view turned its refusal into this (mjc.core.web)
    message = str(exception) if exception is not None and exception.args else ""
    return render(request, "403.html", {"message": message}, status=403)


def error_400(request, exception=None):
    if _wants_json(request):
        return JsonResponse(error_body(_("The request could not be processed."), "bad_request"), status=400)
    return render(request, "400.html", status=400)


def error_500(request):
    # a database connection lost in a middleware (the view's own is caught by the middleware)
    answer = answer_database_error(request, sys.exc_info()[1])
    if answer is not None:
        return answer
    if _wants_json(request):
        return JsonResponse(
            error_body(_("Something went wrong on our side. Please try again."), "server_error"), status=500
        )
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    if _wants_json(request):
        return JsonResponse(
            error_body(_("Your session expired. Reload the page and try again."), "csrf_failed"), status=403
        )
    return render(request, "403_csrf.html", status=403)

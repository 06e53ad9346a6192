"""API plumbing shared by every app: the error shape, pagination, small permissions."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from mjc.core.errors import ApplicationError

DRF_CODES = {
    exceptions.ParseError: "parse_error",
    exceptions.AuthenticationFailed: "authentication_failed",
    exceptions.NotAuthenticated: "not_authenticated",
    exceptions.PermissionDenied: "permission_denied",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.NotAcceptable: "not_acceptable",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.Throttled: "throttled",
}


def error_body(message, code: str, extra: dict | None = None) -> dict:
    return {"message": str(message), "code": code, "extra": extra or {}}


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        for value in detail.values():
            return _first_message(value)
    if isinstance(detail, list | tuple) and detail:
        return _first_message(detail[0])
    return str(detail)


def exception_handler(exc, context):
    """Render every API error as ``{"message", "code", "extra"}``."""
    if isinstance(exc, ApplicationError):
        return Response(error_body(exc.message, exc.code, exc.extra), status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a real bug: let Django's 500 handling log it
    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        first_field = next(iter(fields), "")
        message = _first_message(fields)
        if first_field and first_field != "non_field_errors":
            message = _("%(field)s: %(message)s") % {"field": first_field, "message": message}
        response.data = error_body(message, "invalid", {"fields": fields})
        return response
    code = next((c for cls, c in DRF_CODES.items() if isinstance(exc, cls)), "error")
    message, extra = _first_message(exc.detail), {}
    if isinstance(exc, exceptions.ParseError):
        # DRF builds this one from the parser's English words; say it in the user's language
        message, extra = _("The request body could not be read. Send valid JSON or form data."), {"detail": message}
    elif isinstance(exc, exceptions.Throttled):
        message = _("Too many requests. Please wait a moment and try again.")
        if exc.wait is not None:
            extra["retry_after"] = int(exc.wait)
    response.data = error_body(message, code, extra)
    return response


class Pagination(pagination.PageNumberPagination):
    """Page numbers, for the short lists (one's own businesses, contracts, events). The long
    feeds use mjc.core.pagination.KeysetPagination; here pages stop at MAX_PAGE so that no
    request makes the database walk past thousands of rows."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    MAX_PAGE = 50

    def get_page_number(self, request, paginator):
        number = super().get_page_number(request, paginator)
        try:
            too_deep = int(number) > self.MAX_PAGE
        except (TypeError, ValueError):
            return number
        if too_deep:
            raise exceptions.NotFound(
                _("Only the first %(pages)s pages can be opened. Narrow the list with a filter.")
                % {"pages": self.MAX_PAGE}
            )
        return number

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }


def json_error(request, message, code: str, status_code: int) -> JsonResponse:
    return JsonResponse(error_body(message, code), status=status_code)


def api_not_found(request, exception=None):
    return json_error(request, _("Not found."), "not_found", status.HTTP_404_NOT_FOUND)


def public_list_cached(compute):
    """Answer an anonymous GET of a public list from a short-lived shared cache.

    The public gig list and search are what crawlers, partners' widgets and logged-out
    visitors open most; for MJC_PUBLIC_LIST_CACHE_SECONDS (10 s by default, 0 in tests) they
    are served from the cache, keyed by host, language and the exact query string, so a new
    gig shows there within seconds. Signed-in users always get a fresh answer. A cache that
    does not answer (Redis down) only costs the computation."""
    import hashlib
    import logging

    from django.conf import settings
    from django.core.cache import cache
    from django.utils.translation import get_language

    def view(self, request, *args, **kwargs):
        seconds = getattr(settings, "MJC_PUBLIC_LIST_CACHE_SECONDS", 0)
        if not seconds or request.user.is_authenticated:
            return compute(self, request, *args, **kwargs)
        raw = f"{request.get_host()}|{get_language()}|{request.get_full_path()}"
        key = "publiclist:" + hashlib.sha256(raw.encode()).hexdigest()
        try:
            data = cache.get(key)
        except Exception:  # noqa: BLE001 - a cache outage must not fail the list
            logging.getLogger(__name__).warning("public list cache unavailable", exc_info=True)
            return compute(self, request, *args, **kwargs)
        if data is not None:
            response = Response(data)
            response["X-Cache"] = "hit"
            return response
        response = compute(self, request, *args, **kwargs)
        if response.status_code == 200:
            try:
                cache.set(key, response.data, seconds)
            except Exception:  # noqa: BLE001
                logging.getLogger(__name__).warning("public list cache unavailable", exc_info=True)
        return response

    view.__name__ = compute.__name__
    view.__doc__ = compute.__doc__
    return view


def absolute_url(request, field_file) -> str | None:
    if not field_file:
        return None
    return request.build_absolute_uri(field_file.url) if request else field_file.url

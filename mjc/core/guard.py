"""The front door (issue 10, "No input makes a 500" and "Headers"): one middleware, first in
MIDDLEWARE, that refuses what no view should ever see, before any body is read:

- TRACE (and TRACK) on any path: 405;
- an unknown ``/api/`` path: 404 in the shared shape for every method (without this, the CSRF
  check of a POST ran before the resolver and answered 403 ``csrf_failed``);
- a body larger than the limit, judged from ``Content-Length`` before it is read: 413 in the
  shared shape. Multipart uploads have their own, larger limit (``MJC_MAX_REQUEST_UPLOAD_BYTES``:
  the most files one form takes, each at most ``MJC_MAX_UPLOAD_BYTES``); every other body is
  held to ``DATA_UPLOAD_MAX_MEMORY_SIZE``;
- a NUL byte in the path, in any query parameter or in a form body: 400 in the shared shape
  (PostgreSQL refuses NUL in text, so it would surface as a 500 deep in a query). JSON bodies
  are checked by the JSON parser (mjc.core.parsers), which also limits their nesting depth.

On the way out it adds the Permissions-Policy header and removes any ``Server`` banner.
The Content-Security-Policy itself comes from django-csp (settings ``CONTENT_SECURITY_POLICY``).
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _

from mjc.core.api import api_not_found, error_body
from mjc.core.middleware import UserLanguageMiddleware
from mjc.core.parsers import megabytes

REFUSED_METHODS = {"TRACE", "TRACK"}
ALLOWED_METHODS = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
        "interest-cohort",
        "browsing-topics",
    )
)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def body_limit(content_type: str) -> int:
    """The largest body a request of this content type may announce."""
    if content_type.startswith("multipart/form-data"):
        return settings.MJC_MAX_REQUEST_UPLOAD_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def has_nul(raw: str) -> bool:
    """A NUL byte in a raw (still percent-encoded) query string or form body."""
    return "\x00" in raw or ("%" in raw and b"\x00" in unquote_to_bytes(raw))


def nul_fields(raw: str) -> list[str]:
    """The names of the parameters of a query string or form body that hold a NUL byte."""
    names = []
    for pair in raw.split("&"):
        name, _sep, value = pair.partition("=")
        if has_nul(pair):
            names.append(unquote_to_bytes(name.replace("+", " ")).decode("utf-8", "replace").replace("\x00", "") or "?")
    return names or ["query"]


def _refusal(request, status: int, message, code: str, extra: dict | None = None) -> HttpResponse:
    if (
        request.path.startswith("/api/")
        or "json" in request.headers.get("Accept", "")
        or "json" in request.content_type
    ):
        return JsonResponse(error_body(message, code, extra), status=status)
    return HttpResponse(str(message), status=status, content_type="text/plain; charset=utf-8")


class GuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with translation.override(UserLanguageMiddleware.choose(request)):
            refusal = self.refuse(request)
        response = refusal if refusal is not None else self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "Server" in response.headers:
            del response.headers["Server"]
        return response

    def refuse(self, request) -> HttpResponse | None:
        if request.method in REFUSED_METHODS:
            response = _refusal(request, 405, _("This method is not allowed."), "method_not_allowed")
            response["Allow"] = ALLOWED_METHODS
            return response
        if "\x00" in request.path_info:
            return self._nul(request, "path")
        if request.path_info.startswith("/api/") and self._unknown_api_path(request.path_info):
            return api_not_found(request)
        refusal = self._too_large(request)
        if refusal is not None:
            return refusal
        query = request.META.get("QUERY_STRING", "")
        if has_nul(query):
            return self._nul(request, "query", nul_fields(query))
        return self._nul_in_form(request)

    @staticmethod
    def _unknown_api_path(path: str) -> bool:
        try:
            match = resolve(path)
        except Resolver404:
            return True
        return match.func is api_not_found

    @staticmethod
    def _too_large(request) -> HttpResponse | None:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _refusal(request, 400, _("The request could not be processed."), "bad_request")
        limit = body_limit(request.content_type or "")
        if length <= limit:
            return None
        return _refusal(
            request,
            413,
            _("The request is too large. The maximum is %(mb)s MB.") % {"mb": megabytes(limit)},
            "too_large",
            {"max_bytes": limit},
        )

    @staticmethod
    def _nul(request, where: str, fields: list[str] | None = None) -> HttpResponse:
        """400 ``invalid`` in the shape of a validation error, naming the fields that hold the NUL."""
        message = _("The request contains a character that is not allowed (NUL).")
        names = fields or [where]
        extra = {"fields": {name: [str(message)] for name in names}, "in": where}
        return _refusal(
            request, 400, _("%(field)s: %(message)s") % {"field": names[0], "message": message}, "invalid", extra
        )

    def _nul_in_form(self, request) -> HttpResponse | None:
        if request.method != "POST" or not request.content_type.startswith(FORM_TYPES):
            return None  # Django parses forms of POST only; the API's parsers check the rest
        try:
            if request.content_type.startswith("multipart/form-data"):
                # the text fields only; files may hold any byte
                fields = [key for key, items in request.POST.lists() if any("\x00" in v for v in [key, *items])]
            else:
                body = request.body.decode("latin-1")
                fields = nul_fields(body) if has_nul(body) else []
        except MultiPartParserError:
            return _refusal(
                request, 400, _("The request body could not be read. Send valid JSON or form data."), "parse_error"
            )
        return self._nul(request, "body", fields) if fields else None

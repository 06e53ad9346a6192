"""Typed application errors: a message for people, a code for programs, an HTTP status.

Services raise these; the DRF exception handler (mjc.core.api) and the HTML views render
them in the shared shape ``{"message", "code", "extra"}``.
"""

import sys
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class CoreErrorCode(StrEnum):
    """The platform's own codes; each app's ``errors.py`` holds a StrEnum of its domain's codes."""

    INVALID = "invalid"
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    ILLEGAL_TRANSITION = "illegal_transition"
    TOO_LARGE = "too_large"
    UNSUPPORTED_FILE = "unsupported_file"
    THROTTLED = "throttled"
    TOO_DEEP = "too_deep"
    FILE_TOO_LARGE = "file_too_large"
    IMAGE_TOO_MANY_PIXELS = "image_too_many_pixels"
    NOT_AN_IMAGE = "not_an_image"
    IMAGE_FORMAT = "image_format"
    IMAGE_BROKEN = "image_broken"
    FILE_TYPE = "file_type"
    FILE_CONTENT_MISMATCH = "file_content_mismatch"


class ApplicationError(Exception):
    status_code = 400
    default_code = CoreErrorCode.INVALID
    default_message = _("The request could not be processed.")

    def __init__(self, message=None, code: str | None = None, extra: dict | None = None):
        self.message = message if message is not None else self.default_message
        self.code = code or self.default_code
        self.extra = extra or {}
        super().__init__(str(self.message))


def error_kind(name: str, base: type[ApplicationError], code: str, message=None, **attrs) -> type[ApplicationError]:
    """A named kind of refusal: ``base``'s status (or ``status_code=``), its own code and,
    if given, its default message. ``NotFound = error_kind("NotFound", ApplicationError, …)``
    is the class statement of three lines each domain error would otherwise repeat."""
    namespace = {"default_code": code, "__module__": sys._getframe(1).f_globals["__name__"], **attrs}
    if message is not None:
        namespace["default_message"] = message
    return type(name, (base,), namespace)


ValidationFailed = error_kind("ValidationFailed", ApplicationError, CoreErrorCode.INVALID, status_code=400)
NotAuthenticated = error_kind(
    "NotAuthenticated", ApplicationError, CoreErrorCode.NOT_AUTHENTICATED, _("Please sign in first."), status_code=401
)
PermissionDenied = error_kind(
    "PermissionDenied",
    ApplicationError,
    CoreErrorCode.PERMISSION_DENIED,
    _("You are not allowed to do this."),
    status_code=403,
)
NotFound = error_kind("NotFound", ApplicationError, CoreErrorCode.NOT_FOUND, _("Not found."), status_code=404)
Conflict = error_kind(
    "Conflict", ApplicationError, CoreErrorCode.CONFLICT, _("This conflicts with the current state."), status_code=409
)
IllegalTransition = error_kind("IllegalTransition", Conflict, CoreErrorCode.ILLEGAL_TRANSITION)
PayloadTooLarge = error_kind(
    "PayloadTooLarge", ApplicationError, CoreErrorCode.TOO_LARGE, _("The file is too large."), status_code=413
)
UnsupportedMedia = error_kind(
    "UnsupportedMedia",
    ApplicationError,
    CoreErrorCode.UNSUPPORTED_FILE,
    _("This kind of file is not supported."),
    status_code=415,
)
Throttled = error_kind(
    "Throttled",
    ApplicationError,
    CoreErrorCode.THROTTLED,
    _("Too many requests. Please wait a moment and try again."),
    status_code=429,
)

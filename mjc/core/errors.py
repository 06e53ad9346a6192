"""Typed application errors: a message for people, a code for programs, an HTTP status.

Services raise these; the DRF exception handler (mjc.core.api) and the HTML views render
them in the shared shape ``{"message", "code", "extra"}``.
"""

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


class ValidationFailed(ApplicationError):
    status_code = 400
    default_code = CoreErrorCode.INVALID


class NotAuthenticated(ApplicationError):
    status_code = 401
    default_code = CoreErrorCode.NOT_AUTHENTICATED
    default_message = _("Please sign in first.")


class PermissionDenied(ApplicationError):
    status_code = 403
    default_code = CoreErrorCode.PERMISSION_DENIED
    default_message = _("You are not allowed to do this.")


class NotFound(ApplicationError):
    status_code = 404
    default_code = CoreErrorCode.NOT_FOUND
    default_message = _("Not found.")


class Conflict(ApplicationError):
    status_code = 409
    default_code = CoreErrorCode.CONFLICT
    default_message = _("This conflicts with the current state.")


class IllegalTransition(Conflict):
    default_code = CoreErrorCode.ILLEGAL_TRANSITION


class PayloadTooLarge(ApplicationError):
    status_code = 413
    default_code = CoreErrorCode.TOO_LARGE
    default_message = _("The file is too large.")


class UnsupportedMedia(ApplicationError):
    status_code = 415
    default_code = CoreErrorCode.UNSUPPORTED_FILE
    default_message = _("This kind of file is not supported.")


class Throttled(ApplicationError):
    status_code = 429
    default_code = CoreErrorCode.THROTTLED
    default_message = _("Too many requests. Please wait a moment and try again.")

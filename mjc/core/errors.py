"""Typed application errors: a message for people, a code for programs, an HTTP status.

Services raise these; the DRF exception handler (mjc.core.api) and the HTML views render
them in the shared shape ``{"message", "code", "extra"}``.
"""

from django.utils.translation import gettext_lazy as _


class ApplicationError(Exception):
    status_code = 400
    default_code = "invalid"
    default_message = _("The request could not be processed.")

    def __init__(self, message=None, code: str | None = None, extra: dict | None = None):
        self.message = message if message is not None else self.default_message
        self.code = code or self.default_code
        self.extra = extra or {}
        super().__init__(str(self.message))


class ValidationFailed(ApplicationError):
    status_code = 400
    default_code = "invalid"


class NotAuthenticated(ApplicationError):
    status_code = 401
    default_code = "not_authenticated"
    default_message = _("Please sign in first.")


class PermissionDenied(ApplicationError):
    status_code = 403
    default_code = "permission_denied"
    default_message = _("You are not allowed to do this.")


class NotFound(ApplicationError):
    status_code = 404
    default_code = "not_found"
    default_message = _("Not found.")


class Conflict(ApplicationError):
    status_code = 409
    default_code = "conflict"
    default_message = _("This conflicts with the current state.")


class IllegalTransition(Conflict):
    default_code = "illegal_transition"


class PayloadTooLarge(ApplicationError):
    status_code = 413
    default_code = "too_large"
    default_message = _("The file is too large.")


class UnsupportedMedia(ApplicationError):
    status_code = 415
    default_code = "unsupported_file"
    default_message = _("This kind of file is not supported.")


class Throttled(ApplicationError):
    status_code = 429
    default_code = "throttled"
    default_message = _("Too many requests. Please wait a moment and try again.")

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions

from mjc.core.errors import PermissionDenied, Throttled, ValidationFailed


class EmailTaken(ValidationFailed):
    default_code = "email_taken"
    default_message = _("An account with this e-mail address already exists.")


class AccountErrorCode(StrEnum):
    EMAIL_TAKEN = "email_taken"
    EMAIL_UNVERIFIED = "email_unverified"
    INVALID_CREDENTIALS = "invalid_credentials"
    TOO_MANY_LOGIN_ATTEMPTS = "too_many_login_attempts"
    VERIFICATION_NOT_SENT = "verification_not_sent"
    ALREADY_VERIFIED = "already_verified"


class EmailUnverified(PermissionDenied, exceptions.APIException):
    """Raised while authenticating (mjc.accounts.tokens), hence also a DRF APIException: DRF
    then marks the request anonymous before the shared handler renders the error."""

    default_code = AccountErrorCode.EMAIL_UNVERIFIED
    default_message = _("Please verify your e-mail address first: open the link we sent you, or ask for a new one.")


class TooManyLoginAttempts(Throttled):
    default_code = AccountErrorCode.TOO_MANY_LOGIN_ATTEMPTS
    default_message = _("Too many failed sign-in attempts. Please wait a few minutes and try again.")

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import ValidationFailed


class EmailTaken(ValidationFailed):
    default_code = "email_taken"
    default_message = _("An account with this e-mail address already exists.")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EjscConfig(AppConfig):
    name = "ejsc"
    verbose_name = _("EJSC coworking")

    def ready(self):
        from django.core.checks import Tags, register

        from ejsc import stats  # noqa: F401  the decision statistics hook (post_save of a booking)
        from ejsc.passes import pass_extras, periods_in_words
        from ejsc.slugs import hubs_with_reserved_slugs
        from ejsc.timefmt import when_in_words
        from ejsc.workdays import deadline_in_words
        from mjc.notifications.kinds import register_email_extras, register_formatter

        register(hubs_with_reserved_slugs, Tags.database)
        # one decision, one e-mail: the booking pass rides on the approval's notification (ejsc/passes.py)
        register_formatter("periods", periods_in_words)
        # a booking's time and a hold's or a decision's deadline, stored as data (ejsc/timefmt.py)
        register_formatter("when", when_in_words)
        register_formatter("until", deadline_in_words)
        register_formatter("deadline", deadline_in_words)
        register_email_extras("booking.approved", pass_extras)
        register_email_extras("booking.series_approved", pass_extras)

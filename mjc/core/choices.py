"""The empty choice of every select, in the reader's language.

Django writes it "---------" in every language (``BLANK_CHOICE_DASH`` for a model field with
choices, ``ModelChoiceField``'s ``empty_label`` for a foreign key), in the admin and in our
forms alike. Installed once from ``CoreConfig.ready``: the list is changed in place, as Django
binds that very list as a default argument (``Field.get_choices``, the admin's action select);
a form that names its own ``empty_label`` ("Semua kategori") keeps it."""

from django.utils.translation import gettext_lazy as _

EMPTY_CHOICE = _("— choose —")


def install_empty_choice() -> None:
    from django.db.models import fields
    from django.forms import models as model_forms

    fields.BLANK_CHOICE_DASH[:] = [("", EMPTY_CHOICE)]
    model_forms.ModelChoiceField.__init__.__kwdefaults__["empty_label"] = EMPTY_CHOICE

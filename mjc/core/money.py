"""The one way a Rupiah amount is read from a person or an API client.

Indonesians write ``1.500.000`` (dots group thousands), often with ``Rp`` in front, and say
``1,5 juta`` or ``750 ribu``. A browser's number field turns ``1.500.000`` into ``1.5``; that is
how an owner once published a gig at Rp 1. So every amount in the product is a text input read
here: exactly the amount that was meant is stored, and anything ambiguous is refused with a
message that says what was read.

Numbers are parsed with Babel's Indonesian locale rules in strict mode (``1.50.000`` is refused
instead of guessed); the spoken multipliers are ours.
"""

import re
from decimal import Decimal

import django_filters
from babel.numbers import NumberFormatError, parse_decimal
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mjc.core.formatting import rupiah

MAX_RUPIAH = 10**12  # the columns hold bigints; nothing on the platform is worth a trillion

_MULTIPLIERS = {
    "rb": 10**3,
    "ribu": 10**3,
    "k": 10**3,
    "jt": 10**6,
    "juta": 10**6,
    "m": 10**9,
    "miliar": 10**9,
    "milyar": 10**9,
}
_WORDS = re.compile(r"^(?P<number>.*?)\s*(?P<word>" + "|".join(sorted(_MULTIPLIERS, key=len, reverse=True)) + r")\.?$")


class RupiahParseError(ValueError):
    """``message`` is translatable and already says what was read."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def parse_rupiah(value) -> int:
    """``"Rp 1.500.000"``, ``"1500000"``, ``"1,5 juta"``, ``750000`` → whole Rupiah, or RupiahParseError."""
    if isinstance(value, bool):
        raise RupiahParseError(_("Write the amount in Rupiah, for example 1.500.000."))
    if isinstance(value, int):
        amount = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise RupiahParseError(_("Rupiah amounts are whole numbers, for example 1.500.000."))
        amount = int(value)
    else:
        amount = _parse_text(str(value))
    if amount > MAX_RUPIAH:
        raise RupiahParseError(_("That amount is too large: at most %(max)s.") % {"max": rupiah(MAX_RUPIAH)})
    if amount < 0:
        raise RupiahParseError(_("The amount cannot be negative."))
    return amount


def _parse_text(text: str) -> int:
    original = text.strip()
    cleaned = original.lower().replace("\u00a0", " ").strip()
    cleaned = re.sub(r"^rp\.?\s*", "", cleaned).strip()
    cleaned = cleaned.rstrip(",-").rstrip(".").strip() if cleaned.endswith((",-", ".-")) else cleaned
    if cleaned.endswith("-"):
        cleaned = cleaned[:-1].strip()
    if not cleaned:
        raise RupiahParseError(_("Write the amount in Rupiah, for example 1.500.000."))
    multiplier = 1
    match = _WORDS.match(cleaned)
    if match and match.group("number"):
        multiplier = _MULTIPLIERS[match.group("word")]
        cleaned = match.group("number").strip()
    cleaned = cleaned.replace(" ", "")
    if len(cleaned) > 40 or not re.fullmatch(r"[0-9.,]+", cleaned):
        raise RupiahParseError(
            _("“%(text)s” is not an amount. Write it in Rupiah, for example 1.500.000.") % {"text": original[:40]}
        )
    try:
        if multiplier == 1 and "," in cleaned and len(cleaned.rpartition(",")[2]) >= 3:
            # "1.500,000": Rupiah has no thousandths, so that comma was most likely meant as a dot
            raise NumberFormatError(cleaned)
        number = parse_decimal(cleaned, locale="id", strict=True)
    except NumberFormatError:
        suggestion = _suggest(cleaned)
        if suggestion is not None:
            raise RupiahParseError(
                _("“%(text)s” could be read more than one way. Did you mean %(amount)s?")
                % {"text": original[:40], "amount": rupiah(suggestion)}
            ) from None
        raise RupiahParseError(
            _("“%(text)s” is not an amount. Write it in Rupiah, for example 1.500.000.") % {"text": original[:40]}
        ) from None
    total = number * multiplier
    if total != total.to_integral_value():
        raise RupiahParseError(
            _("“%(text)s” was read as %(amount)s, which is not a whole Rupiah amount. Write it like 1.500.000.")
            % {"text": original[:40], "amount": f"{total.normalize():f}".replace(".", ",")}
        )
    return int(total)


def _suggest(cleaned: str) -> int | None:
    digits = cleaned.replace(".", "").replace(",", "")
    if digits.isdigit() and len(digits) <= 13:
        return int(Decimal(digits))
    return None


class RupiahInput(forms.TextInput):
    """A text input that a phone opens with the number pad; the typed text is kept as written."""

    def __init__(self, attrs=None):
        base = {
            "inputmode": "numeric",
            "autocomplete": "off",
            "data-rupiah": "",
            "placeholder": "1.500.000",
            # read by static/js/rupiah.js, which shows the amount as it is typed
            "data-rupiah-invalid": _("Not an amount yet, for example 1.500.000"),
        }
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", ".")
        return super().format_value(value)


class RupiahField(forms.Field):
    """Every Rupiah amount of every HTML form: reads ``1.500.000``, ``Rp 1.500.000``, ``1,5 juta``."""

    widget = RupiahInput

    def __init__(self, *, min_value: int | None = 1, max_value: int = MAX_RUPIAH, **kwargs):
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            amount = parse_rupiah(value)
        except RupiahParseError as error:
            raise ValidationError(error.message, code="invalid_amount") from None
        if self.min_value is not None and amount < self.min_value:
            raise ValidationError(
                _("The amount must be at least %(min)s.") % {"min": rupiah(self.min_value)}, code="min_value"
            )
        if amount > self.max_value:
            raise ValidationError(
                _("The amount must be at most %(max)s.") % {"max": rupiah(self.max_value)}, code="max_value"
            )
        return amount


class RupiahSerializerField(serializers.IntegerField):
    """Every Rupiah amount of the API: a JSON integer, or a string written as a person would."""

    default_error_messages = {"invalid_amount": "{message}"}

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_RUPIAH)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        try:
            amount = parse_rupiah(data)
        except RupiahParseError as error:
            self.fail("invalid_amount", message=str(error.message))
        return super().to_internal_value(amount)


@extend_schema_field({"type": "integer", "minimum": 0, "maximum": MAX_RUPIAH})
class RupiahFilter(django_filters.Filter):
    """An API list filter on an amount (``?budget_min=750.000``), read like every other amount."""

    field_class = RupiahField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        super().__init__(*args, **kwargs)

"""The fair price floor ("harga wajar", issue 12): one check, used by the bid services of
``gigs`` and the package services of ``packages``, so both refuse the same way."""

from django.utils.translation import gettext_lazy as _

from mjc.core.errors import ValidationFailed
from mjc.core.formatting import rupiah

PRICE_BELOW_FLOOR = "price_below_floor"


def price_floor_of(category) -> int | None:
    """The floor of a category (a row or a pk), or None when the admin set none."""
    from mjc.categories.models import Category

    if category is None:
        return None
    if isinstance(category, Category):
        return category.price_floor
    return Category.objects.filter(pk=category).values_list("price_floor", flat=True).first()


def check_price_floor(*, category, amount, field: str = "amount") -> None:
    """400 ``price_below_floor`` when ``amount`` is under the category's floor."""
    floor = price_floor_of(category)
    if floor and amount is not None and int(amount) < floor:
        message = _("The fair price for this category is at least %(floor)s.") % {"floor": rupiah(floor)}
        raise ValidationFailed(
            _("%(field)s: %(message)s") % {"field": field, "message": message},
            code=PRICE_BELOW_FLOOR,
            extra={"fields": {field: [str(message)]}, "price_floor": floor},
        )

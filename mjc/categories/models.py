"""The service categories of SPEC section 3: what a gig asks for, what a creative offers and
what a package sells. A layer of its own so that every domain app can name a category without
importing another domain app. The table keeps its first name (``gigs_category``)."""

from django.db import models
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mjc.categories.data import CATEGORIES

# one small SVG per shipped category (static/img/categories/<slug>.svg); a category added
# later in the admin shows the one of "lainnya"
ILLUSTRATED = frozenset(slug for slug, _name, _name_en in CATEGORIES)


class Category(models.Model):
    """A service category (SPEC section 3)."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name (Indonesian)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # "Harga wajar" (issue 12): set by the MJC admin; no bid, package tier or add-on-free
    # price in this category may be lower (mjc/categories/pricing.py). Empty: no floor.
    price_floor = models.PositiveBigIntegerField(
        _("fair price floor (Rp)"),
        null=True,
        blank=True,
        help_text=_("The lowest price a bid or a package may ask in this category. Empty: no floor."),
    )

    class Meta:
        db_table = "gigs_category"
        ordering = ["position", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "id").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    @property
    def illustration_url(self) -> str:
        """The category's illustration, shown for a gig without a photo (issue 11)."""
        return static(f"img/categories/{self.slug if self.slug in ILLUSTRATED else 'lainnya'}.svg")

"""Forms of the package pages: they only parse; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gigs.forms import MarketSearchForm, template_question_fields
from mjc.categories.models import Category
from mjc.core.forms import slug_choice
from mjc.core.money import RupiahField, RupiahInput
from mjc.core.widgets import QuickSelect
from packages.selectors import SORTS
from packages.statuses import TIER_ORDER, AddonKind


class PackageSearchForm(MarketSearchForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["placeholder"] = _("e.g. desain label")

    price_min = RupiahField(label=_("Price from (Rp)"), required=False, min_value=0)
    price_max = RupiahField(label=_("Price up to (Rp)"), required=False, min_value=0)
    max_days = forms.IntegerField(label=_("Delivered within (days)"), required=False, min_value=1, max_value=365)
    min_rating = forms.DecimalField(
        label=_("Creative rating at least"), required=False, min_value=0, max_value=5, decimal_places=1
    )
    ordering = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        widget=QuickSelect,
        choices=[
            ("", _("Best match / nearest")),
            ("newest", _("Newest")),
            ("price", _("Lowest price")),
            ("price_high", _("Highest price")),
            ("days", _("Fastest delivery")),
            ("rating", _("Best rated")),
        ],
    )

    def params(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            **self.place_args(),
            "price_min": data.get("price_min"),
            "price_max": data.get("price_max"),
            "max_days": data.get("max_days"),
            "min_rating": data.get("min_rating"),
            "sort": data.get("ordering") if data.get("ordering") in SORTS else "",
        }


TIER_LABELS = {"basic": _("Basic"), "standard": _("Standard"), "premium": _("Premium")}
PRESET_ADDONS = [AddonKind.EXPRESS, AddonKind.SOURCE_FILES, AddonKind.EXTRA_REVISION]


class PackageForm(forms.Form):
    """One form for the package, its three possible tiers and its add-ons (presets + two free ones)."""

    category = slug_choice(_("Category"), Category.objects.all())
    title = forms.CharField(label=_("Title"), max_length=140)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for level in TIER_ORDER:
            required = level == "basic"
            self.fields[f"{level}_price"] = RupiahField(label=_("Price (Rp)"), required=required, min_value=1)
            self.fields[f"{level}_days"] = forms.IntegerField(
                label=_("Delivery (days)"), required=required, min_value=1, max_value=365
            )
            self.fields[f"{level}_revisions"] = forms.IntegerField(
                label=_("Revisions"), required=False, min_value=0, max_value=20, initial=1
            )
            self.fields[f"{level}_deliverables"] = forms.CharField(
                label=_("What is delivered (one a line)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        for index in range(len(PRESET_ADDONS) + 2):
            self.fields[f"addon{index}_name"] = forms.CharField(label=_("Add-on"), required=False, max_length=120)
            self.fields[f"addon{index}_price"] = RupiahField(label=_("Price (Rp)"), required=False, min_value=1)
            self.fields[f"addon{index}_days"] = forms.IntegerField(
                label=_("Extra days (negative: faster)"), required=False, min_value=-365, max_value=365
            )

    def tier_rows(self):
        return [
            (TIER_LABELS[level], [self[f"{level}_{name}"] for name in ("price", "days", "revisions", "deliverables")])
            for level in TIER_ORDER
        ]

    def addon_rows(self):
        return [[self[f"addon{i}_{name}"] for name in ("name", "price", "days")] for i in range(len(PRESET_ADDONS) + 2)]

    def tiers(self) -> list[dict]:
        data, tiers = self.cleaned_data, []
        for level in TIER_ORDER:
            if data.get(f"{level}_price"):
                tiers.append(
                    {
                        "level": level,
                        "price": data[f"{level}_price"],
                        "delivery_days": data.get(f"{level}_days") or 0,
                        "revisions": data.get(f"{level}_revisions")
                        if data.get(f"{level}_revisions") is not None
                        else 1,
                        "deliverables": (data.get(f"{level}_deliverables") or "").splitlines(),
                    }
                )
        return tiers

    def addons(self) -> list[dict]:
        data, addons = self.cleaned_data, []
        for index in range(len(PRESET_ADDONS) + 2):
            if data.get(f"addon{index}_price"):
                kind = PRESET_ADDONS[index] if index < len(PRESET_ADDONS) else AddonKind.CUSTOM
                addons.append(
                    {
                        "kind": kind,
                        "name": data.get(f"addon{index}_name") or "",
                        "price": data[f"addon{index}_price"],
                        "extra_days": data.get(f"addon{index}_days") or 0,
                    }
                )
        return addons

    @classmethod
    def initial_for(cls, package=None) -> dict:
        initial = {}
        for index, kind in enumerate(PRESET_ADDONS):
            initial[f"addon{index}_name"] = str(AddonKind(kind).label)
        initial["addon0_days"] = -1
        if package is None:
            return initial
        initial.update(category=package.category.slug, title=package.title, description=package.description)
        for tier in package.tiers.all():
            initial[f"{tier.level}_price"] = tier.price
            initial[f"{tier.level}_days"] = tier.delivery_days
            initial[f"{tier.level}_revisions"] = tier.revisions
            initial[f"{tier.level}_deliverables"] = "\n".join(tier.deliverables or [])
        presets = {kind: index for index, kind in enumerate(PRESET_ADDONS)}
        free = len(PRESET_ADDONS)
        for addon in package.addons.all():
            index = presets.pop(addon.kind, None)
            if index is None:
                index, free = free, free + 1
            if index >= len(PRESET_ADDONS) + 2:
                break
            initial[f"addon{index}_name"] = addon.name
            initial[f"addon{index}_price"] = addon.price
            initial[f"addon{index}_days"] = addon.extra_days
        return initial


class OrderForm(forms.Form):
    """The order on the package page. With the category's brief template, its questions come
    first (all optional) and the brief may stay empty once one is answered; the service writes
    the answers into the brief the creative reads (``gigs.services.compose_brief``)."""

    tier = forms.CharField(max_length=20)
    business = forms.IntegerField(required=False, min_value=1, max_value=2**62)
    brief = forms.CharField(label=_("Your brief"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, template=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        questions = template_question_fields(template) if template is not None else {}
        self.question_names = list(questions)
        self.fields.update(questions)
        if questions:  # without a template the brief stays required, as it always was
            self.fields["brief"].required = False
            self.fields["brief"].help_text = _("Anything else, in your own words. Your answers above are added to it.")

    def clean(self):
        data = super().clean()
        if self.question_names and not (data.get("brief") or "").strip():
            if not any(data.get(name) for name in self.question_names):
                self.add_error("brief", _("Write a short brief (or answer the template's questions)."))
        return data

    def answers(self) -> dict:
        return {name.removeprefix("answer_"): self.cleaned_data.get(name) for name in self.question_names}

    def question_fields(self):
        return [self[name] for name in self.question_names]


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


__all__ = ["PackageSearchForm", "PackageForm", "OrderForm", "DeclineForm", "RupiahInput"]

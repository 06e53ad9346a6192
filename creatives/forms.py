from django import forms
from django.utils.translation import gettext_lazy as _

from mjc.categories.models import Category
from mjc.core.forms import code_choice, slug_choice
from mjc.core.money import RupiahField, RupiahInput
from mjc.regions.models import Bakorwil, Kabupaten


class ProfileForm(forms.Form):
    headline = forms.CharField(
        label=_("Headline"),
        max_length=140,
        required=False,
        help_text=_("One line about what you do, e.g. “Packaging designer for food UMKM”."),
    )
    bio = forms.CharField(label=_("About me"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    day_rate = RupiahField(
        label=_("Day rate (Rp)"), max_value=10**10, required=False, widget=RupiahInput(attrs={"placeholder": "500.000"})
    )
    kabupaten = forms.ModelChoiceField(
        label=_("Kabupaten/kota"),
        queryset=Kabupaten.objects.order_by("name"),
        required=False,
        empty_label=_("Choose a kabupaten/kota"),
    )
    available = forms.BooleanField(label=_("Available for new work"), required=False)

    @classmethod
    def initial_for(cls, profile) -> dict:
        if profile is None:
            return {"available": True}
        return {
            "headline": profile.headline,
            "bio": profile.bio,
            "skills": [c.slug for c in profile.skills.all()],
            "day_rate": profile.day_rate,
            "kabupaten": profile.kabupaten_id,
            "available": profile.available,
        }


class PortfolioForm(forms.Form):
    title = forms.CharField(label=_("Title of the work"), max_length=140)
    category = slug_choice(_("Category"), Category.objects.all(), required=False, empty_label=_("Choose a category"))
    image = forms.FileField(
        label=_("Image"),
        help_text=_("JPG, PNG or WEBP, at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )


class CreativeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = slug_choice(_("Category"), Category.objects.all(), required=False, empty_label=_("All categories"))
    bakorwil = code_choice(
        _("Bakorwil"), Bakorwil.objects.order_by("code"), required=False, empty_label=_("All Bakorwil")
    )
    kabupaten = code_choice(
        _("Kabupaten/kota"), Kabupaten.objects.order_by("name"), required=False, empty_label=_("All kabupaten/kota")
    )
    available = forms.BooleanField(label=_("Available now"), required=False)
    verified = forms.BooleanField(label=_("Only verified (Talenta MJC)"), required=False)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data.get("q") or None,
            "category": data["category"].slug if data.get("category") else None,
            "bakorwil": data["bakorwil"].code if data.get("bakorwil") else None,
            "kabupaten": data["kabupaten"].code if data.get("kabupaten") else None,
            "available": True if data.get("available") else None,
            "verified": bool(data.get("verified")),
        }


class TalentaForm(forms.Form):
    """An MJC admin's note when granting or withdrawing "Talenta MJC" (the service asks for it)."""

    note = forms.CharField(label=_("Note (e.g. the MJC training attended)"), required=False, max_length=4000)

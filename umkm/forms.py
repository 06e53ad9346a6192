from django import forms
from django.utils.translation import gettext_lazy as _

from mjc.core.money import RupiahField, RupiahInput
from mjc.regions.models import Kabupaten
from umkm.models import Business


class BusinessForm(forms.ModelForm):
    kabupaten = forms.ModelChoiceField(
        label=_("Kabupaten/kota"),
        queryset=Kabupaten.objects.order_by("name"),
        empty_label=_("Choose a kabupaten/kota"),
    )
    nib = forms.RegexField(
        label=_("NIB (business ID number)"),
        regex=r"^\s*[0-9]{13}\s*$",
        required=False,
        max_length=20,
        help_text=_("13 digits, from OSS. Optional."),
        error_messages={"invalid": _("The NIB must be exactly 13 digits.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Business
        fields = ["name", "sector", "kabupaten", "description", "nib"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_nib(self):
        return (self.cleaned_data.get("nib") or "").strip()


class ProductForm(forms.Form):
    name = forms.CharField(label=_("Product name"), max_length=120)
    price = RupiahField(label=_("Price (Rp)"), required=False, widget=RupiahInput(attrs={"placeholder": "25.000"}))
    description = forms.CharField(label=_("Short description"), max_length=300, required=False)
    # A plain FileField: mjc.core.files.clean_image does the real checks (and says why in Indonesian).
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPG, PNG or WEBP, at most 20 MB. You can take a photo with your phone."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )


class NibVerificationForm(forms.Form):
    nib = forms.RegexField(
        label=_("NIB (business ID number)"),
        regex=r"^\s*[0-9]{13}\s*$",
        max_length=20,
        help_text=_("13 digits, from OSS."),
        error_messages={"invalid": _("The NIB must be exactly 13 digits.")},
    )
    document = forms.FileField(
        label=_("NIB document (optional)"),
        required=False,
        help_text=_("The OSS certificate as PDF or photo. Only MJC admins see it."),
    )


class NibDecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (needed to reject)"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )

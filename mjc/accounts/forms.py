from django import forms
from django.utils.translation import gettext_lazy as _

from mjc.accounts.models import Role
from mjc.accounts.services import apply_role
from mjc.regions.selectors import kabupaten_choices

SIGNUP_ROLES = [(Role.OWNER.value, Role.OWNER.label), (Role.CREATIVE.value, Role.CREATIVE.label)]


class SignupForm(forms.Form):
    """The extra questions of sign-up; allauth asks for e-mail and password."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    role = forms.ChoiceField(
        label=_("I want to…"),
        choices=[
            (Role.OWNER.value, _("hire creatives for my business (UMKM owner)")),
            (Role.CREATIVE.value, _("find gigs as a creative")),
        ],
        widget=forms.RadioSelect,
        initial=Role.OWNER.value,
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=30, required=False)
    kabupaten = forms.ModelChoiceField(
        label=_("Kabupaten/kota"), queryset=kabupaten_choices(), empty_label=_("— choose —")
    )

    field_order = ["full_name", "email", "role", "kabupaten", "phone", "password1", "password2"]

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.phone = self.cleaned_data.get("phone", "")
        user.kabupaten = self.cleaned_data["kabupaten"]
        user.language = getattr(request, "LANGUAGE_CODE", "id")
        apply_role(user, self.cleaned_data["role"])
        user.save()

"""HTML forms of the payment pages: they parse and label input; services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mjc.core.forms import text_area
from mjc.core.money import RupiahField
from payments.services import PRESET_LABELS
from payments.statuses import PaymentMethod


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")  # what a date input reads, in every language


class PresetForm(forms.Form):
    preset = forms.ChoiceField(
        label=_("Payment schedule"), choices=list(PRESET_LABELS.items()), widget=forms.RadioSelect, initial="single"
    )


class PaymentForm(forms.Form):
    instalment = forms.TypedChoiceField(label=_("For the instalment"), coerce=int, choices=())
    amount = RupiahField(label=_("Amount paid"))
    method = forms.ChoiceField(label=_("Method"), choices=PaymentMethod.choices)
    paid_on = forms.DateField(label=_("Date paid"), widget=DateInput, initial=timezone.localdate)
    proof = forms.FileField(
        label=_("Proof (optional)"),
        required=False,
        help_text=_("A photo or PDF of the transfer slip; only the two of you and MJC admins can open it."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
    )

    def __init__(self, *args, summary=None, **kwargs):
        super().__init__(*args, **kwargs)
        views = [view for view in (summary.instalments if summary else []) if view.remaining > 0]
        self.fields["instalment"].choices = [(view.instalment.pk, view.instalment.shown_label) for view in views]
        if views and not self.is_bound:
            self.initial.setdefault("instalment", views[0].instalment.pk)
            self.initial.setdefault("amount", views[0].remaining)


class DisputeVoidForm(forms.Form):
    note = text_area(
        _("MJC's decision"),
        max_length=4000,
        rows=2,
        help_text=_("Both parties read it, e.g. what the bank statement showed."),
    )


class NotReceivedForm(forms.Form):
    note = text_area(
        _("What did you find?"),
        max_length=4000,
        rows=2,
        help_text=_("MJC admins see this and will contact you both."),
    )

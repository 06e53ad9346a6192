"""HTML forms of the payment pages: they parse and label input; services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mjc.core.forms import text_area
from mjc.core.money import RupiahField
from payments.models import MAX_INSTALMENTS
from payments.services import PRESET_LABELS
from payments.statuses import DueEvent, PaymentMethod


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")  # what a date input reads, in every language


class PresetForm(forms.Form):
    preset = forms.ChoiceField(
        label=_("Payment schedule"), choices=list(PRESET_LABELS.items()), widget=forms.RadioSelect, initial="single"
    )


class ScheduleForm(forms.Form):
    """The owner's own schedule: up to four rows, each a label, an amount and when it is due (a
    date or an event). Empty rows are left out; the service checks the count and the sum."""

    def __init__(self, *args, instalments=(), **kwargs):
        super().__init__(*args, **kwargs)
        events = [("", _("(or choose a date)")), *DueEvent.choices]
        for n in range(1, MAX_INSTALMENTS + 1):
            self.fields[f"label_{n}"] = forms.CharField(label=_("Label"), max_length=80, required=False)
            self.fields[f"amount_{n}"] = RupiahField(label=_("Amount"), required=False)
            self.fields[f"due_event_{n}"] = forms.ChoiceField(label=_("Due"), choices=events, required=False)
            self.fields[f"due_on_{n}"] = forms.DateField(label=_("or on the date"), required=False, widget=DateInput)
        if not self.is_bound:  # start from the current schedule
            for n, instalment in enumerate(instalments, start=1):
                self.initial |= {
                    f"label_{n}": instalment.shown_label,
                    f"amount_{n}": instalment.amount,
                    f"due_event_{n}": instalment.due_event,
                    f"due_on_{n}": instalment.due_on,
                }

    def rows(self) -> list[list]:
        """The fields of each instalment, for the template."""
        names = ("label", "amount", "due_event", "due_on")
        return [[self[f"{name}_{n}"] for name in names] for n in range(1, MAX_INSTALMENTS + 1)]

    def instalments(self) -> list[dict]:
        data, rows = self.cleaned_data, []
        for n in range(1, MAX_INSTALMENTS + 1):
            if data.get(f"amount_{n}") is None and not data.get(f"label_{n}"):
                continue
            rows.append(
                {
                    "label": data.get(f"label_{n}") or "",
                    "amount": data.get(f"amount_{n}"),
                    "due_on": data.get(f"due_on_{n}"),
                    "due_event": data.get(f"due_event_{n}") or "",
                }
            )
        return rows


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

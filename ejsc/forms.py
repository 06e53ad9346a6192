from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from ejsc.models import Room
from ejsc.statuses import RoomKind
from ejsc.timefmt import EARLIEST_DAY, LATEST_DAY, at_wib, day_in_range
from mjc.core.widgets import QuickSelect

MAX_BLOCK_DAYS = 62


class PeriodForm(forms.Form):
    """A WIB day with a start and an end clock time; an end at or before the start means the next day."""

    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    start_time = forms.TimeField(
        label=_("Start (WIB)"), widget=forms.TimeInput(attrs={"type": "time", "step": 1800}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End (WIB)"), widget=forms.TimeInput(attrs={"type": "time", "step": 1800}, format="%H:%M")
    )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if not day_in_range(day):
            raise forms.ValidationError(
                _("Please choose a date between %(first)s and %(last)s.")
                % {"first": EARLIEST_DAY.year, "last": LATEST_DAY.year}
            )
        return day

    def clean(self):
        data = super().clean()
        if {"date", "start_time", "end_time"} <= data.keys():
            data["start"] = at_wib(data["date"], data["start_time"])
            end_day = data["date"] if data["end_time"] > data["start_time"] else data["date"] + timedelta(days=1)
            data["end"] = at_wib(end_day, data["end_time"])
        return data

    def period(self, *names) -> dict:
        """The start and end (and the other fields named) as the services take them."""
        return {name: self.cleaned_data[name] for name in ("start", "end", *names)}


class BookingForm(PeriodForm):
    attendees = forms.IntegerField(label=_("Attendees"), min_value=1, initial=1)
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. client meeting about packaging")}),
    )
    # issue 14: a weekly booking
    repeat = forms.ChoiceField(
        label=_("Repeat"),
        required=False,
        choices=[
            ("", _("Does not repeat")),
            ("week", _("Every week")),
            ("weekday", _("Every weekday (Monday to Friday)")),
        ],
    )
    repeat_count = forms.IntegerField(
        label=_("Number of occurrences"), required=False, min_value=1, max_value=12, help_text=_("At most 12.")
    )
    repeat_until = forms.DateField(
        label=_("Or until"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class FeedbackForm(forms.Form):
    """A rating after a visit or an event; the service checks the score (the API's words)."""

    score = forms.CharField(label=_("Your score (1 = poor, 5 = excellent)"), required=False, max_length=2)
    comment = forms.CharField(label=_("Comment (optional)"), required=False, max_length=2000)


class BlockForm(PeriodForm):
    """One period, or several days in a row (a holiday week): from the first day's start to the last day's end, in WIB."""

    room = forms.ModelChoiceField(label=_("Room"), queryset=Room.objects.none(), widget=QuickSelect)
    end_date = forms.DateField(
        label=_("Last day (for several days)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty to block part of one day."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. public holiday, official use")}),
    )

    field_order = ["room", "date", "start_time", "end_date", "end_time", "reason"]

    def __init__(self, *args, rooms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].label = _("First day")
        if rooms is not None:
            self.fields["room"].queryset = rooms

    def clean(self):
        data = super().clean()
        last = data.get("end_date")
        if last and {"date", "start_time", "end_time"} <= data.keys():
            if last < data["date"]:
                self.add_error("end_date", _("The last day cannot be before the first day."))
            elif (last - data["date"]).days >= MAX_BLOCK_DAYS:
                self.add_error("end_date", _("Block at most %(days)s days at once.") % {"days": MAX_BLOCK_DAYS})
            elif last > data["date"]:
                data["end"] = at_wib(last, data["end_time"])
        return data


class RoomChoiceField(forms.ModelChoiceField):
    """Each room with its hub and capacity, so the organizer picks one that fits (issue 11)."""

    def label_from_instance(self, room):
        return _("%(room)s, %(space)s (up to %(capacity)s people)") % {
            "room": room.label,
            "space": room.space.name,
            "capacity": room.capacity,
        }


class EventForm(PeriodForm):
    room = RoomChoiceField(
        label=_("Room"),
        queryset=Room.objects.filter(is_active=True)
        .exclude(kind=RoomKind.DESK_AREA)
        .select_related("space")
        .order_by("space__bakorwil__id", "space__name", "name"),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, max_length=5000)
    organization = forms.CharField(label=_("Organizing group"), max_length=150, required=False)
    expected_attendees = forms.IntegerField(label=_("Expected attendees"), min_value=1)
    public = forms.BooleanField(
        label=_("Public: show it on the events calendar and take RSVPs"), required=False, initial=True
    )

    def __init__(self, *args, space=None, **kwargs):
        super().__init__(*args, **kwargs)
        if space is not None:  # asked from a hub or one of its rooms: that hub's rooms only
            self.fields["room"].queryset = self.fields["room"].queryset.filter(space=space)

    field_order = [
        "room",
        "title",
        "description",
        "organization",
        "date",
        "start_time",
        "end_time",
        "expected_attendees",
        "public",
    ]

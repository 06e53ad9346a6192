"""HTML pages of issue 14: weekly series, waitlist, check-in by code or QR, booking on a visitor's behalf,
the staff day view, feedback and the service figures. Thin: each parses input, calls a service, renders."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ejsc import checkin, feedback, selectors, series, visitors, waitlist
from ejsc.days import staff_day
from ejsc.forms import FeedbackForm, PeriodForm
from ejsc.models import RejectionReason, Space
from ejsc.statuses import CHECK_IN_EARLY
from ejsc.timefmt import parse_day, when
from ejsc.views import _get, _next, _require_staff, booking_detail, chosen_reason, event_detail, room_page
from mjc.core.errors import ApplicationError, NotFound
from mjc.core.formatting import wib
from mjc.core.web import INVALID, error_forms, rejected, submit

# --- weekly series -----------------------------------------------------------------------------


@login_required
def series_detail(request, pk):
    found = _get(series.series_get, user=request.user, pk=pk)
    bookings = list(found.bookings.select_related("room__space").order_by("start", "id")[: series.MAX_OCCURRENCES])
    can_decide = selectors.can_decide(request.user, found.room.space)
    skipped = request.session.pop(f"ejsc-series-skipped-{found.pk}", [])
    return render(
        request,
        "ejsc/series.html",
        {
            "series": found,
            "bookings": bookings,
            "skipped": skipped,
            "can_decide": can_decide,
            "is_requester": found.requester_id == request.user.pk,
            "has_requested": any(b.status == "requested" for b in bookings),
            "reasons": list(RejectionReason.objects.filter(is_active=True)) if can_decide else [],
        },
    )


@login_required
@require_POST
def series_action(request, pk):
    found = _get(series.series_get, user=request.user, pk=pk)
    action = request.POST.get("action")
    reason = (request.POST.get("reason") or "").strip()[:300]
    try:
        if action == "approve":
            result = series.series_approve(actor=request.user, series=found)
            messages.success(request, _("Approved %(count)s occurrences.") % {"count": len(result["approved"])})
            for refused in result["refused"]:
                messages.error(request, refused["message"])
        elif action == "reject":
            chosen = chosen_reason(request)
            series.series_reject(actor=request.user, series=found, reason=reason, rejection_reason=chosen)
            messages.success(request, _("Rejected. The requester has been told why."))
        elif action == "cancel":
            series.series_cancel(actor=request.user, series=found, reason=reason)
            messages.success(request, _("The remaining occurrences are cancelled."))
    except ApplicationError as exc:
        if exc.status_code == 403:
            raise DjangoPermissionDenied(str(exc.message))
        messages.error(request, exc.message)
    return redirect(_next(request, reverse("ejsc:series", args=[found.pk])))


def remember_skipped(request, result) -> None:
    request.session[f"ejsc-series-skipped-{result.series.pk}"] = [
        {"when": when(s["start"], s["end"]), "message": s["message"], "code": s["code"]} for s in result.skipped
    ]


# --- waitlist ------------------------------------------------------------------------------------


class WaitlistForm(PeriodForm):
    attendees = forms.IntegerField(label=gettext_lazy("Attendees"), min_value=1, initial=1)
    purpose = forms.CharField(label=gettext_lazy("Purpose"), max_length=300, required=False)


@login_required
def my_waitlist(request):
    entries = list(waitlist.entries_of(request.user)[:50])
    return render(request, "ejsc/waitlist.html", {"entries": entries, "now": timezone.now()})


@login_required
@require_POST
def waitlist_join(request, pk):
    room = _get(selectors.room_get, pk)
    form = WaitlistForm(request.POST, prefix="wait")
    return submit(
        request,
        form,
        lambda data: waitlist.waitlist_join(user=request.user, room=room, **form.period("attendees", "purpose")),
        again=lambda status: room_page(request, room, wait_form=form, status=status),
        done=_("You are on the waitlist. If the time frees up you will be told and it is held for you."),
        then=lambda _entry: redirect("ejsc:waitlist"),
    )


@login_required
@require_POST
def waitlist_action(request, pk):
    entry = _get(waitlist.entry_get, user=request.user, pk=pk)
    try:
        if request.POST.get("action") == "claim":
            booking = waitlist.waitlist_claim(user=request.user, entry=entry)
            messages.success(request, _("The slot is yours."))
            return redirect(booking.get_absolute_url())
        waitlist.waitlist_leave(user=request.user, entry=entry)
        messages.success(request, _("You left the waitlist."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("ejsc:waitlist")


# --- check-in ------------------------------------------------------------------------------------


class CheckInForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Check-in code"), max_length=8)


@login_required
def check_in_page(request):
    """Staff type the visitor's code on their phone; a refused code stays in the field."""
    _require_staff(request.user)
    form = CheckInForm(request.POST or None, auto_id="%s")
    status = 200
    if request.method == "POST":
        status = INVALID
        if form.is_valid():
            try:
                booking = checkin.booking_by_code(actor=request.user, code=form.cleaned_data["code"])
                checked = checkin.check_in(actor=request.user, booking=booking)
            except NotFound as exc:  # a mistyped code: the form again with the API's words, as its 404
                form.add_error("code", str(exc.message))
                status = exc.status_code
            except ApplicationError as exc:
                status = rejected(form, exc)
            else:
                messages.success(
                    request, _("Checked in: %(who)s, %(room)s.") % {"who": checked.who, "room": checked.room.label}
                )
                return redirect(reverse("ejsc:check_in") + f"?done={checked.pk}")
    return render(request, "ejsc/check_in.html", {"form": form, "error_forms": error_forms([form])}, status=status)


@login_required
def check_in_scan(request, token):
    """The QR's signed URL: only staff of the booking's Bakorwil see it; anyone else gets a 404."""
    booking = _get(checkin.booking_by_token, actor=request.user, token=token)
    if request.method == "POST":
        try:
            checkin.check_in(actor=request.user, booking=booking)
            messages.success(
                request, _("Checked in: %(who)s, %(room)s.") % {"who": booking.who, "room": booking.room.label}
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        return redirect(request.path)
    booking.refresh_from_db()
    return render(
        request,
        "ejsc/check_in_scan.html",
        {
            "booking": booking,
            "actions": selectors.booking_actions(booking, request.user),  # the button, as on the booking page
            "now": timezone.now(),
            "early_minutes": int(CHECK_IN_EARLY.total_seconds() // 60),
        },
    )


# --- on behalf --------------------------------------------------------------------------------------


class OnBehalfForm(PeriodForm):
    room = forms.ModelChoiceField(label=gettext_lazy("Room"), queryset=None)
    visitor_name = forms.CharField(label=gettext_lazy("Visitor's name"), max_length=150)
    visitor_phone = forms.CharField(label=gettext_lazy("Phone"), max_length=30, required=False)
    visitor_email = forms.EmailField(label=gettext_lazy("E-mail (for the confirmation)"), required=False)
    visitor_organisation = forms.CharField(
        label=gettext_lazy("Organisation or business"), max_length=150, required=False
    )
    attendees = forms.IntegerField(label=gettext_lazy("Attendees"), min_value=1, initial=1)
    purpose = forms.CharField(label=gettext_lazy("Purpose"), max_length=300)

    field_order = [
        "room",
        "visitor_name",
        "visitor_phone",
        "visitor_email",
        "visitor_organisation",
        "date",
        "start_time",
        "end_time",
        "attendees",
        "purpose",
    ]

    def __init__(self, *args, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms


@login_required
def on_behalf(request):
    _require_staff(request.user)
    rooms = selectors.staff_rooms(request.user)
    form = OnBehalfForm(request.POST or None, rooms=rooms)
    status = INVALID if form.is_bound and not form.is_valid() else 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            booking = visitors.booking_on_behalf(
                actor=request.user,
                **form.period("room", "attendees", "purpose"),
                visitor={
                    "name": data["visitor_name"],
                    "phone": data["visitor_phone"],
                    "email": data["visitor_email"],
                    "organisation": data["visitor_organisation"],
                },
            )
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            messages.success(request, _("Booked for %(who)s.") % {"who": booking.who})
            return redirect(booking.get_absolute_url())
    return render(request, "ejsc/on_behalf.html", {"form": form}, status=status)


# --- the staff day view ----------------------------------------------------------------------------


@login_required
def day_view(request):
    _require_staff(request.user)
    day = parse_day(request.GET.get("date")) or wib(timezone.now()).date()
    spaces = list(
        Space.objects.filter(
            **({} if request.user.is_superuser else {"bakorwil_id": request.user.bakorwil_id})
        ).order_by("name")[:20]
    )
    if not spaces:
        raise Http404
    chosen = next((s for s in spaces if s.slug == request.GET.get("space")), spaces[0])
    return render(
        request,
        "ejsc/day.html",
        {
            "day": day,
            "spaces": spaces,
            "space": chosen,
            "rows": staff_day(chosen, day),
            "prev_day": day - timedelta(days=1),
            "next_day": day + timedelta(days=1),
            "now": timezone.now(),
        },
    )


# --- feedback --------------------------------------------------------------------------------------


def _rate(request, service, again, back: str, **target):
    """A rating (a score, an optional comment) of a booking or an event: refused, its page again
    with what was typed and the status (``again``); given, back to the page's rating."""
    form = FeedbackForm(request.POST)
    return submit(
        request,
        form,
        lambda data: service(user=request.user, score=data["score"], comment=data["comment"], **target),
        again=lambda status: again(form, status),
        done=_("Thank you for your rating!"),
        then=lambda _feedback: redirect(back + "#feedback"),
    )


@login_required
@require_POST
def booking_feedback(request, pk):
    booking = _get(selectors.booking_get, user=request.user, pk=pk)
    again = lambda form, status: booking_detail(request, booking.pk, feedback_form=form, status=status)  # noqa: E731
    return _rate(request, feedback.booking_feedback, again, booking.get_absolute_url(), booking=booking)


@login_required
@require_POST
def event_feedback(request, pk):
    event = _get(selectors.event_get, user=request.user, pk=pk)
    again = lambda form, status: event_detail(request, event.pk, feedback_form=form, status=status)  # noqa: E731
    return _rate(request, feedback.event_feedback, again, event.get_absolute_url(), event=event)


# --- service figures on the staff side ------------------------------------------------------------


@login_required
def service_figures(request):
    from ejsc.stats import hub_service_figures, recent_comments

    _require_staff(request.user)
    bakorwil_id = None if request.user.is_superuser else request.user.bakorwil_id
    return render(
        request,
        "ejsc/service.html",
        {
            "figures": hub_service_figures(bakorwil_id=bakorwil_id),
            "comments": recent_comments(bakorwil_id=bakorwil_id),
        },
    )


@login_required
def service_csv(request):
    """The service figures per hub and month as CSV (an admin: every hub; staff: their Bakorwil's)."""
    import csv

    from django.http import HttpResponse

    from ejsc.selectors import hub_service_csv_rows

    _require_staff(request.user)
    bakorwil_id = None if request.user.is_superuser else request.user.bakorwil_id
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ejsc-layanan-{timezone.localdate().isoformat()}.csv"'
    response.write("\ufeff")
    csv.writer(response).writerows(hub_service_csv_rows(bakorwil_id=bakorwil_id)[1:])
    return response

"""HTML pages of the EJSC hubs: thin, each parses input, calls one service or selector, renders."""

import re
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ejsc import calendars, selectors, services
from ejsc.forms import BlockForm, BookingForm, EventForm, ReasonForm
from ejsc.statuses import BookingStatus, EventStatus
from ejsc.timefmt import at_wib, parse_day, week_start, when
from mjc.core.errors import ApplicationError, NotFound
from mjc.core.formatting import wib
from mjc.core.pagination import html_page
from mjc.core.transitions import history
from mjc.core.web import INVALID, error_forms, refusal, rejected
from mjc.regions.models import Bakorwil


def _get(fn, *args, **kwargs):
    """Call a selector; its NotFound becomes the 404 page."""
    try:
        return fn(*args, **kwargs)
    except NotFound:
        raise Http404


def _next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: redirect() would try any other word ("abc", "25:99") as a URL name and 500.
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- hubs and rooms --------------------------------------------------------------------------


def hubs(request):
    return render(request, "ejsc/hubs.html", {"spaces": selectors.spaces_with_rooms()})


def hub_detail(request, slug):
    space = _get(selectors.space_get, slug)
    return render(
        request,
        "ejsc/hub.html",
        {
            "space": space,
            "events": selectors.public_events(space=space.slug)[:5],
            "can_decide": selectors.can_decide(request.user, space),
        },
    )


def _week(request) -> date:
    """The Monday of the asked week; a malformed or absurd ``?week=`` shows this week."""
    return week_start(parse_day(request.GET.get("week")) or wib(timezone.now()).date())


def _reason(request) -> str | None:
    """The posted reason, or None (after telling the user) when it cannot be stored (too long, NUL bytes)."""
    form = ReasonForm(request.POST)
    if form.is_valid():
        return form.cleaned_data["reason"]
    messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return None


def _slot_initial(room, query) -> dict:
    """A tapped calendar slot fills the form: its day and start, and an end that meets the room's minimum
    (an hour, or longer if the room asks), never past closing time."""
    day = parse_day(query.get("date"))
    try:
        start = datetime.strptime(query.get("start_time", ""), "%H:%M").time()
    except ValueError:
        return {}
    if day is None:
        return {}
    initial = {"date": day, "start_time": start}
    try:
        end = datetime.strptime(query.get("end_time", ""), "%H:%M").time()
    except ValueError:
        begin = at_wib(day, start)
        end_moment = begin + timedelta(minutes=max(room.min_minutes, 60))
        opening = selectors.opening_for(room.space, day)
        if opening and end_moment > opening[1]:
            end_moment = opening[1]
        end = wib(end_moment).time() if end_moment > begin else None
    if end is not None:
        initial["end_time"] = end
    return initial


def room_detail(request, pk):
    room = _get(selectors.room_get, pk)
    monday = _week(request)
    if request.method != "POST":
        initial = {"attendees": 1, **_slot_initial(room, request.GET)}
        return room_page(request, room, form=BookingForm(initial=initial), monday=monday)
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?next={request.path}")
    form = BookingForm(request.POST)
    status = INVALID
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data.get("repeat"):
                from ejsc import pages, series

                result = series.series_request(
                    requester=request.user,
                    room=room,
                    **form.period("attendees", "purpose"),
                    every=data["repeat"],
                    count=data.get("repeat_count"),
                    until=data.get("repeat_until"),
                )
                pages.remember_skipped(request, result)
                messages.success(
                    request,
                    _("Weekly request sent: %(created)s occurrences, %(skipped)s skipped.")
                    % {"created": len(result.created), "skipped": len(result.skipped)},
                )
                return redirect("ejsc:series", result.series.pk)
            booking = services.booking_request(requester=request.user, room=room, **form.period("attendees", "purpose"))
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            if booking.status == BookingStatus.APPROVED:
                messages.success(request, _("Booked! Your place is confirmed."))
            else:
                messages.success(
                    request, _("Request sent. The Bakorwil staff will decide it; you will get a notification.")
                )
            return redirect(booking.get_absolute_url())
    monday = week_start(form.cleaned_data.get("date") or monday) if hasattr(form, "cleaned_data") else monday
    return room_page(request, room, form=form, monday=monday, status=status)


def room_page(request, room, *, form=None, wait_form=None, monday=None, status=200):
    """The room's week and its two forms; a refused booking or waitlist post comes back here
    bound (what was typed kept, the refusal at the top of its form) with ``status``."""
    monday = monday or _week(request)
    calendar = selectors.room_week(room, monday)
    if "week" not in request.GET and request.method == "GET" and not selectors.week_has_bookable_slot(calendar):
        monday += timedelta(days=7)  # nothing left this week (say, on a Sunday): show the next one
        calendar = selectors.room_week(room, monday)
    return render(
        request,
        "ejsc/room.html",
        {
            "room": room,
            "space": room.space,
            "form": form or BookingForm(initial={"attendees": 1}),
            "calendar": calendar,
            "monday": monday,
            "prev_week": monday - timedelta(days=7),
            "next_week": monday + timedelta(days=7),
            "this_week": week_start(wib(timezone.now()).date()),
            "wait_form": wait_form or _wait_form(),
            **_phone_day(request, room),
        },
        status=status,
    )


PHONE_DAYS = 7


def _phone_day(request, room) -> dict:
    """Issue 11, the room on a phone: tabs for the seven days from today and the chosen day's half
    hours as a list (links, no script); wider screens keep the week table (CSS decides)."""
    today = wib(timezone.now()).date()
    tabs = [today + timedelta(days=i) for i in range(PHONE_DAYS)]
    chosen = parse_day(request.GET.get("day"))
    if chosen is None or not (today <= chosen < today + timedelta(days=room.max_days_ahead + 1)):
        chosen = today
    if chosen not in tabs:
        tabs = [chosen + timedelta(days=i) for i in range(PHONE_DAYS)]
    previous = max(today, tabs[0] - timedelta(days=PHONE_DAYS))
    return {
        "day_tabs": tabs,
        "day_chosen": chosen,
        "day_column": selectors.room_one_day(room, chosen),
        "day_prev": previous if tabs[0] > today else None,
        "day_next": tabs[-1] + timedelta(days=1),
    }


def _wait_form():
    from ejsc.pages import WaitlistForm

    return WaitlistForm(prefix="wait", initial={"attendees": 1})


# --- the requester's side --------------------------------------------------------------------


PAGE_SIZE = 25
UPCOMING_SHOWN = 50


@login_required
def my_bookings(request):
    now = timezone.now()
    upcoming = list(selectors.my_upcoming_bookings(request.user, now=now)[: UPCOMING_SHOWN + 1])
    return render(
        request,
        "ejsc/my_bookings.html",
        {
            "upcoming": upcoming[:UPCOMING_SHOWN],
            "more_upcoming": len(upcoming) > UPCOMING_SHOWN,
            "past": html_page(request, selectors.my_past_bookings(request.user, now=now), size=PAGE_SIZE),
            # the organizer's events: upcoming ones first (soonest on top), then the latest past ones
            "events": [
                *request.user.organized_events.select_related("room__space").filter(end__gt=now).order_by("start")[:20],
                *request.user.organized_events.select_related("room__space")
                .filter(end__lte=now)
                .order_by("-start")[:5],
            ],
            "rsvps": request.user.rsvps.select_related("event__room__space")
            .filter(event__end__gt=now)
            .order_by("event__start"),
            "feed_url": request.build_absolute_uri(reverse("ejsc:user_calendar", args=[request.user.calendar_token])),
            "now": now,
        },
    )


@login_required
def booking_detail(request, pk, feedback_form=None, status=200):
    """The booking; a refused rating comes back here with its score and comment (``feedback_form``)."""
    booking = _get(selectors.booking_get, user=request.user, pk=pk)
    can_decide = selectors.can_decide(request.user, booking.room.space)
    now = timezone.now()
    actions = selectors.booking_actions(booking, request.user, now=now)  # the buttons, as the API's "actions"
    return render(
        request,
        "ejsc/booking.html",
        {
            "booking": booking,
            "history": history(booking),
            "can_decide": can_decide,
            "is_requester": booking.requester_id == request.user.pk,
            "actions": actions,
            "can_cancel": "cancel" in actions,
            "can_check_in": "check_in" in actions,
            "check_in_opens": booking.start - services.CHECK_IN_EARLY,
            "no_show_after": booking.start + settings.MJC_NO_SHOW_GRACE,
            "is_event_booking": hasattr(booking, "event"),
            "reason_form": ReasonForm(),
            "feedback_form": feedback_form,
            "error_forms": error_forms([feedback_form]),
            **_public_service_context(request, booking, can_decide, actions),
        },
        status=status,
    )


def _public_service_context(request, booking, can_decide, actions) -> dict:
    """Issue 14 on the booking page: the QR and code, the decision deadline, the rating, the reasons list."""
    from ejsc import feedback

    is_requester = booking.requester_id == request.user.pk
    used = booking.status in (BookingStatus.CHECKED_IN, BookingStatus.COMPLETED) and not hasattr(booking, "event")
    return {
        "show_pass": booking.status == BookingStatus.APPROVED and booking.check_code and (is_requester or can_decide),
        "can_rate": used and is_requester and not booking.visitor_name,
        "rated": used and is_requester and feedback.has_given(request.user, booking=booking),
        "reasons": list(_active_reasons()) if "reject" in actions else [],
    }


def _active_reasons():
    from ejsc.models import RejectionReason

    return RejectionReason.objects.filter(is_active=True)


def chosen_reason(request):
    """The rejection reason picked from the admin's list (``reason_code``), or None."""
    from ejsc.models import RejectionReason

    code = (request.POST.get("reason_code") or "").strip()[:50]
    return RejectionReason.objects.filter(code=code, is_active=True).first() if code else None


@login_required
@require_POST
def booking_action(request, pk):
    booking = _get(selectors.booking_get, user=request.user, pk=pk)
    action = request.POST.get("action")
    if action == "cancel" and request.POST.get("confirm") != "yes":
        return _to_confirm("ejsc:booking_cancel", pk, request)  # one more step, so a stray tap cancels nothing
    reason = _reason(request)
    if reason is None:
        return redirect(_next(request, booking.get_absolute_url()))
    try:
        if action == "approve":
            services.booking_approve(actor=request.user, booking=booking)
            messages.success(request, _("Approved. The requester has been told."))
        elif action == "reject":
            chosen = chosen_reason(request)
            services.booking_reject(actor=request.user, booking=booking, reason=reason, rejection_reason=chosen)
            messages.success(request, _("Rejected. The requester has been told why."))
        elif action == "cancel":
            services.booking_cancel(actor=request.user, booking=booking, reason=reason)
            messages.success(request, _("Cancelled."))
        elif action == "check_in":
            services.booking_check_in(actor=request.user, booking=booking)
            messages.success(request, _("Checked in. Welcome!"))
        else:
            messages.error(request, _("Unknown action."))
    except ApplicationError as exc:
        refusal(request, exc)  # 403/404: the error page; otherwise the message, back on the page
    return redirect(_next(request, booking.get_absolute_url()))


def _to_confirm(url_name: str, pk: int, request):
    target = reverse(url_name, args=[pk])
    back = _next(request, "")
    return redirect(f"{target}?{urlencode({'next': back})}" if back else target)


@login_required
def booking_cancel(request, pk):
    """Are you sure? The booking, what cancelling means, an optional reason, and a button that really cancels."""
    booking = _get(selectors.booking_get, user=request.user, pk=pk)
    if "cancel" not in selectors.booking_actions(booking, request.user):
        messages.error(request, _("This booking can no longer be cancelled."))
        return redirect(booking.get_absolute_url())
    return render(
        request,
        "ejsc/booking_cancel.html",
        {
            "booking": booking,
            "is_requester": booking.requester_id == request.user.pk,
            "next": _next(request, booking.get_absolute_url()),
        },
    )


@login_required
def booking_ics(request, pk):
    booking = _get(selectors.booking_get, user=request.user, pk=pk)
    return _ics(calendars.booking_ics(booking), f"ejsc-booking-{booking.pk}.ics")


def user_calendar(request, token):
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,64}", token or ""):  # token_urlsafe; anything else (a NUL byte…) is no token
        raise Http404
    user = get_user_model().objects.filter(calendar_token=token, is_active=True).first()
    if user is None:
        raise Http404
    bookings, events = selectors.user_calendar(user)
    return _ics(calendars.user_feed(user, bookings, events), "ejsc.ics")


# --- staff -----------------------------------------------------------------------------------


def _require_staff(user):
    if not (user.is_bakorwil_staff or user.is_superuser):
        raise DjangoPermissionDenied


@login_required
def staff_queue(request):
    """The requests waiting for a decision, the event requests and today's check-ins. Blocking a
    period has its own page (``staff_block``): the queue is the staff's busiest page (issue 8)."""
    _require_staff(request.user)
    queue = html_page(request, selectors.staff_queue(request.user), size=PAGE_SIZE, with_count=True)
    selectors.queue_flags(queue.items)
    events = list(selectors.staff_events_queue(request.user)[: PAGE_SIZE + 1])
    return render(
        request,
        "ejsc/staff_queue.html",
        {
            "queue": queue,
            "events": events[:PAGE_SIZE],
            "more_events": len(events) > PAGE_SIZE,
            "today": selectors.staff_today(request.user),
            # the admin's list of rejection reasons, written once and offered in every row's reject form
            "reason_options": format_html_join(
                "", '<option value="{}">{}</option>', ((r.code, r.shown_label) for r in _active_reasons())
            ),
            "now": timezone.now(),
        },
    )


def _staff_block_page(request, form=None, status=200):
    blocks = html_page(request, selectors.staff_blocks(request.user), size=PAGE_SIZE)  # the soonest first
    return render(
        request,
        "ejsc/staff_block.html",
        {"form": form or BlockForm(rooms=selectors.staff_rooms(request.user)), "blocks": blocks},
        status=status,
    )


@login_required
def staff_block(request):
    """Block one period or several whole days (a holiday, official use, maintenance), and the
    region's current blocks; a refused block shows the form again with what was typed."""
    _require_staff(request.user)
    if request.method != "POST":
        return _staff_block_page(request)
    form = BlockForm(request.POST, rooms=selectors.staff_rooms(request.user))
    status = INVALID
    if form.is_valid():
        data = form.cleaned_data
        try:
            block = services.booking_block(
                actor=request.user, room=data["room"], start=data["start"], end=data["end"], reason=data["reason"]
            )
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            messages.success(
                request,
                _("Blocked: %(room)s, %(when)s.") % {"room": block.room.label, "when": when(block.start, block.end)},
            )
            waiting = selectors.overlapping(
                block.room, block.start, block.end, statuses=[BookingStatus.REQUESTED]
            ).count()
            if waiting:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)s request waits in that period; it is flagged in the queue: please reject it with a reason.",
                        "%(count)s requests wait in that period; they are flagged in the queue: please reject them with a reason.",
                        waiting,
                    )
                    % {"count": waiting},
                )
                return redirect(f"{reverse('ejsc:staff_queue')}#q-bookings")  # where they are flagged
            return redirect(f"{reverse('ejsc:staff_block')}#blocks")
    return _staff_block_page(request, form=form, status=status)


# --- events ----------------------------------------------------------------------------------


def events(request):
    bakorwil = selectors.clean_param(request.GET.get("bakorwil"))
    space = selectors.clean_param(request.GET.get("space"))
    return render(
        request,
        "ejsc/events.html",
        {
            "events": selectors.public_events(bakorwil=bakorwil, space=space),
            "bakorwils": Bakorwil.objects.order_by("id"),
            "spaces": selectors.spaces_with_rooms(),
            "chosen_bakorwil": bakorwil,
            "chosen_space": space,
        },
    )


def _event_space(request):
    """The hub an event request comes from (``?hub=<slug>`` or ``?room=<id>``), with the room to preselect."""
    raw_room, slug = request.GET.get("room", ""), request.GET.get("hub", "")
    if raw_room.isdigit():
        room = _get(selectors.room_get, int(raw_room))
        return room.space, room
    if slug:
        return _get(selectors.space_get, slug), None
    return None, None


@login_required
def event_new(request):
    space, room = _event_space(request)
    status = 200
    if request.method == "POST":
        form = EventForm(request.POST, space=space)
        status = INVALID
        if form.is_valid():
            try:
                event = services.event_request(
                    organizer=request.user,
                    **form.period("room", "title", "description", "expected_attendees", "public", "organization"),
                )
            except ApplicationError as exc:
                status = rejected(form, exc)  # a clash: the form again, with the day's free times, as a 409
            else:
                messages.success(request, _("Event request sent. The Bakorwil staff will decide it."))
                return redirect(event.get_absolute_url())
    else:
        initial = {"expected_attendees": 20, "public": True}
        if room is not None:
            initial["room"] = room.pk
        form = EventForm(initial=initial, space=space)
    return render(request, "ejsc/event_new.html", {"form": form, "space": space}, status=status)


def event_detail(request, pk, feedback_form=None, status=200):
    """The event; a refused rating comes back here with its score and comment (``feedback_form``)."""
    event = _get(selectors.event_get, user=request.user, pk=pk)
    return render(
        request,
        "ejsc/event.html",
        {
            "event": event,
            "going": selectors.user_has_rsvp(request.user, event),
            "can_decide": selectors.can_decide(request.user, event.room.space),
            "actions": selectors.event_actions(event, request.user),
            "open_for_rsvp": selectors.event_open_for_rsvp(event),
            "feedback_form": feedback_form,
            "error_forms": error_forms([feedback_form]),
            **_event_public_service_context(request, event),
        },
        status=status,
    )


def _event_public_service_context(request, event) -> dict:
    """Issue 14 on the event page: the RSVP waitlist position, and the rating after the event."""
    from ejsc import feedback, waitlist

    going = selectors.user_has_rsvp(request.user, event)
    can_rate = going and event.status == EventStatus.APPROVED and event.end <= timezone.now()
    return {
        "waiting_position": waitlist.event_waiting_position(request.user, event),
        "can_rate": can_rate,
        "rated": can_rate and feedback.has_given(request.user, event=event),
    }


def event_ics(request, pk):
    event = _get(selectors.event_get, user=request.user, pk=pk)
    return _ics(calendars.event_ics(event), f"ejsc-event-{event.pk}.ics")


@login_required
@require_POST
def event_rsvp(request, pk):
    event = _get(selectors.event_get, user=request.user, pk=pk)
    try:
        if request.POST.get("action") == "cancel":
            services.rsvp_cancel(user=request.user, event=event)
            messages.success(request, _("Your place has been given back."))
        elif request.POST.get("action") == "wait":
            from ejsc import waitlist

            waitlist.event_wait(user=request.user, event=event)
            messages.success(request, _("You are on the waitlist. If a place frees up it is yours, and you are told."))
        else:
            services.event_rsvp(user=request.user, event=event)
            messages.success(request, _("You're going! The event is in your calendar feed."))
    except ApplicationError as exc:
        refusal(request, exc)
    return redirect(event.get_absolute_url())


@login_required
@require_POST
def event_decide(request, pk):
    event = _get(selectors.event_get, user=request.user, pk=pk)
    action = request.POST.get("action")
    if action == "cancel" and request.POST.get("confirm") != "yes":
        return _to_confirm("ejsc:event_cancel", pk, request)
    reason = _reason(request)
    if reason is None:
        return redirect(_next(request, event.get_absolute_url()))
    try:
        if action == "approve":
            services.event_approve(actor=request.user, event=event)
            messages.success(request, _("Event approved. The organizer has been told."))
        elif action == "reject":
            services.event_reject(actor=request.user, event=event, reason=reason)
            messages.success(request, _("Event rejected. The organizer has been told why."))
        elif action == "cancel":
            services.event_cancel(actor=request.user, event=event, reason=reason)
            messages.success(request, _("Event cancelled. Everyone who said they were coming has been told."))
        else:
            messages.error(request, _("Unknown action."))
    except ApplicationError as exc:
        refusal(request, exc)  # 403/404: the error page; otherwise the message, back on the page
    return redirect(_next(request, event.get_absolute_url()))


@login_required
def event_cancel(request, pk):
    """Are you sure? Says how many people hold a place and will be told."""
    event = _get(selectors.event_get, user=request.user, pk=pk)
    if "cancel" not in selectors.event_actions(event, request.user):
        messages.error(request, _("This event can no longer be cancelled."))
        return redirect(event.get_absolute_url())
    return render(request, "ejsc/event_cancel.html", {"event": event, "next": _next(request, event.get_absolute_url())})

"""EJSC API (SPEC section 6): hubs, availability, bookings, events, RSVPs, room calendars."""

import json

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import generics, permissions, renderers, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ejsc import calendars, selectors, services
from ejsc.errors import BookingCode
from ejsc.models import Booking, Event, OpeningHours, Room, Space
from ejsc.statuses import BookingStatus, EventStatus
from ejsc.timefmt import EARLIEST_DAY, LATEST_DAY, day_in_range, parse_day
from mjc.core.errors import NotFound, ValidationFailed
from mjc.core.formatting import WIB
from mjc.core.pagination import KeysetPagination

ERROR = inline_serializer(
    "EjscError", {"message": serializers.CharField(), "code": serializers.CharField(), "extra": serializers.DictField()}
)
ERRORS = {
    400: OpenApiResponse(ERROR, description=_("A rule of the room is broken, or the input is invalid.")),
    403: OpenApiResponse(ERROR, description=_("Not allowed on this object.")),
    404: OpenApiResponse(ERROR, description=_("Not found, or not visible to you.")),
    409: OpenApiResponse(
        ERROR,
        description=_(
            "Conflict: the room is taken (booking_conflict), the event is full (event_full), or an illegal transition."
        ),
        examples=[
            OpenApiExample(
                "booking_conflict",
                value={
                    "message": "Ruangan ini sudah dipesan atau diblokir pada sebagian waktu itu.",
                    "code": "booking_conflict",
                    "extra": {},
                },
            )
        ],
    ),
}


# --- serializers ---------------------------------------------------------------------------


class OpeningHoursSerializer(serializers.ModelSerializer):
    class Meta:
        model = OpeningHours
        fields = ["weekday", "opens", "closes"]


READER_LANGUAGE = _(
    "In the reader's language (Accept-Language): the English text when there is one, else the Indonesian."
)
ENGLISH_AS_ENTERED = _("The English text as entered by the hub's staff; empty when not translated yet.")


class RoomSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="label", help_text=READER_LANGUAGE)
    name_en = serializers.CharField(help_text=ENGLISH_AS_ENTERED)
    amenities = serializers.ListField(child=serializers.CharField(), source="amenity_labels", help_text=READER_LANGUAGE)
    amenities_en = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("The amenities in English, in the same order as in Indonesian; empty when not translated yet."),
    )
    description = serializers.CharField(source="description_text", help_text=READER_LANGUAGE)
    description_en = serializers.CharField(help_text=ENGLISH_AS_ENTERED)

    class Meta:
        model = Room
        fields = [
            "id", "name", "name_en", "kind", "capacity", "amenities", "amenities_en", "description", "description_en",
            "min_minutes", "max_minutes", "lead_minutes", "max_days_ahead", "needs_approval", "weekly_quota_hours",
        ]  # fmt: skip


class SpaceSerializer(serializers.ModelSerializer):
    bakorwil = serializers.CharField(source="bakorwil.code")
    bakorwil_name = serializers.CharField(source="bakorwil.name")
    kabupaten = serializers.CharField(source="kabupaten.code")
    kabupaten_name = serializers.CharField(source="kabupaten.name")
    opening_hours = OpeningHoursSerializer(many=True)
    photos = serializers.SerializerMethodField()
    rooms = RoomSerializer(many=True)
    service_standard = serializers.SerializerMethodField()
    description = serializers.CharField(source="description_text", help_text=READER_LANGUAGE)
    description_en = serializers.CharField(help_text=ENGLISH_AS_ENTERED)

    class Meta:
        model = Space
        fields = [
            "id",
            "slug",
            "name",
            "bakorwil",
            "bakorwil_name",
            "kabupaten",
            "kabupaten_name",
            "address",
            "description",
            "description_en",
            "opening_hours",
            "photos",
            "rooms",
            "service_standard",
        ]

    def get_photos(self, space) -> list[str]:
        return [photo.image.url for photo in space.photos.all()]

    def get_service_standard(self, space) -> dict:
        from ejsc.workdays import service_standard

        return service_standard(space)


def _caller(serializer):
    request = serializer.context.get("request")
    return getattr(request, "user", None)


class BookingSerializer(serializers.ModelSerializer):
    room_name = serializers.CharField(source="room.label", read_only=True, help_text=READER_LANGUAGE)
    space = serializers.CharField(source="room.space.slug", read_only=True)
    event = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField(
        help_text="What the caller may do now: approve, reject, cancel, check_in (draw these buttons)."
    )

    class Meta:
        model = Booking
        fields = [
            "id", "room", "room_name", "space", "start", "end", "attendees", "purpose", "status",
            "decision_reason", "decided_at", "checked_in_at", "created_at", "event", "actions",
            "series", "decide_by", "visitor_name",
        ]  # fmt: skip

    def get_event(self, booking) -> int | None:
        event = getattr(booking, "event", None)
        return event.pk if event else None

    def get_actions(self, booking) -> list[str]:
        return selectors.booking_actions(booking, _caller(self))


# The years the schema promises: the service takes days from EARLIEST_DAY to LATEST_DAY in WIB;
# a year off either end stays inside that whatever offset the moment is written with.
WIB_MOMENT_SCHEMA = {
    "type": "string",
    "format": "date-time",
    "pattern": "^20(0[1-9]|[1-9][0-9])-",  # 2001-2099, inside EARLIEST_DAY..LATEST_DAY (2000-2100)
}
WIB_DAY_SCHEMA = {"type": "string", "format": "date", "pattern": "^(20[0-9]{2}|2100)-"}  # EARLIEST..LATEST_DAY


@extend_schema_field(WIB_MOMENT_SCHEMA)
class WibDateTimeField(serializers.DateTimeField):
    """An ISO 8601 moment; without an offset it is read as WIB (Asia/Jakarta), whatever timezone is active.

    Answers are given in WIB too. Absurd years (0001, 9999) are refused with a 400 instead of
    overflowing into a 500 when converted between time zones.
    """

    default_error_messages = {"out_of_range": _("Please give a time between the years {first} and {last}.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("default_timezone", WIB)
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        try:
            moment = super().to_internal_value(value)
        except OverflowError:
            moment = None
        if moment is None or not day_in_range(moment.date()):
            self.fail("out_of_range", first=EARLIEST_DAY.year, last=LATEST_DAY.year)
        return moment


class RepeatSerializer(serializers.Serializer):
    every = serializers.ChoiceField(choices=["week", "weekday"])
    count = serializers.IntegerField(min_value=1, max_value=12, required=False)
    until = serializers.DateField(required=False, help_text=_("The last day (WIB), within the room's horizon."))


class BookingCreateSerializer(serializers.Serializer):
    room = serializers.PrimaryKeyRelatedField(queryset=Room.objects.filter(is_active=True))
    start = WibDateTimeField(help_text=_("ISO 8601; without an offset the time is read as WIB (+07:00)."))
    end = WibDateTimeField(help_text=_("ISO 8601, after start; the booking is the half-open period [start, end)."))
    attendees = serializers.IntegerField(min_value=1, max_value=100000, default=1)
    purpose = serializers.CharField(max_length=300)
    repeat = RepeatSerializer(
        required=False, help_text=_("Repeat weekly or every weekday, up to 12 occurrences or until a date.")
    )


class SkippedSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    code = serializers.CharField()
    message = serializers.CharField()


class SeriesCreatedSerializer(serializers.Serializer):
    series = serializers.IntegerField()
    created = BookingSerializer(many=True)
    skipped = SkippedSerializer(many=True)


class BookingReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    reason_code = serializers.SlugField(
        required=False, allow_blank=True, default="", help_text=_("A rejection reason from the admin's list.")
    )
    code = serializers.CharField(
        max_length=16, required=False, allow_blank=True, default="", help_text=_("Check-in: the booking's short code.")
    )


class RoomPeriodSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    status = serializers.CharField(required=False)


class AvailabilitySerializer(serializers.Serializer):
    room = serializers.IntegerField()
    date = serializers.DateField()
    open = serializers.BooleanField()
    opens = serializers.DateTimeField(allow_null=True)
    closes = serializers.DateTimeField(allow_null=True)
    free = RoomPeriodSerializer(many=True)
    busy = RoomPeriodSerializer(many=True)
    requested = RoomPeriodSerializer(many=True)


class EventSerializer(serializers.ModelSerializer):
    space = serializers.CharField(source="room.space.slug", read_only=True)
    bakorwil = serializers.CharField(source="room.space.bakorwil.code", read_only=True)
    organizer_name = serializers.SerializerMethodField()
    capacity = serializers.IntegerField(read_only=True)
    places_left = serializers.IntegerField(read_only=True)
    actions = serializers.SerializerMethodField(
        help_text="What the caller may do now: approve, reject, cancel, rsvp (draw these buttons)."
    )

    class Meta:
        model = Event
        fields = [
            "id", "room", "space", "bakorwil", "title", "description", "organizer_name", "organization", "start", "end",
            "expected_attendees", "public", "status", "decision_reason", "rsvp_count", "capacity", "places_left",
            "actions",
        ]  # fmt: skip

    def get_actions(self, event) -> list[str]:
        return selectors.event_actions(event, _caller(self))

    def get_organizer_name(self, event) -> str:
        return event.organization or event.organizer.full_name


class EventCreateSerializer(serializers.Serializer):
    room = serializers.PrimaryKeyRelatedField(queryset=Room.objects.filter(is_active=True))
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=5000)
    organization = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    start = WibDateTimeField(help_text=_("ISO 8601; without an offset the time is read as WIB (+07:00)."))
    end = WibDateTimeField(help_text=_("ISO 8601, after start."))
    expected_attendees = serializers.IntegerField(min_value=1, max_value=100000)
    public = serializers.BooleanField(default=True)


class RsvpSerializer(serializers.Serializer):
    event = serializers.IntegerField()
    rsvp = serializers.BooleanField()
    rsvp_count = serializers.IntegerField()
    places_left = serializers.IntegerField()


# --- hubs and rooms ------------------------------------------------------------------------


class SpaceListApi(generics.ListAPIView):
    """EJSC hubs with their opening hours (WIB, weekday 0 = Monday) and bookable rooms."""

    serializer_class = SpaceSerializer
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        return selectors.spaces_with_rooms()


class RoomAvailabilityApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("date", WIB_DAY_SCHEMA, required=True, description=_("The day (WIB), YYYY-MM-DD."))
        ],
        responses={200: AvailabilitySerializer, 400: ERRORS[400], 404: ERRORS[404]},
        examples=[
            OpenApiExample(
                "A meeting room on a Saturday",
                response_only=True,
                value={
                    "room": 3,
                    "date": "2026-12-05",
                    "open": True,
                    "opens": "2026-12-05T09:00:00+07:00",
                    "closes": "2026-12-05T17:00:00+07:00",
                    "free": [{"start": "2026-12-05T09:00:00+07:00", "end": "2026-12-05T10:00:00+07:00"}],
                    "busy": [
                        {"start": "2026-12-05T10:00:00+07:00", "end": "2026-12-05T12:00:00+07:00", "status": "booked"}
                    ],
                    "requested": [],
                },
            )
        ],  # fmt: skip
    )
    def get(self, request, pk: int):
        """Free and busy periods of one room on one day (times in WIB)."""
        room = selectors.room_get(pk)
        raw = request.query_params.get("date", "")
        day = parse_day(raw)
        if day is None:
            raise ValidationFailed(
                _("Give the day as date=YYYY-MM-DD."), code=BookingCode.INVALID_DATE, extra={"date": raw}
            )
        return Response(AvailabilitySerializer(selectors.room_day(room, day)).data)


class IcsRenderer(renderers.BaseRenderer):
    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes | str):
            return data
        return json.dumps(data).encode()


class RoomCalendarApi(APIView):
    permission_classes = [permissions.AllowAny]
    renderer_classes = [IcsRenderer, renderers.JSONRenderer]

    @extend_schema(responses={(200, "text/calendar"): OpenApiTypes.STR, 404: ERRORS[404]})
    def get(self, request, pk: int):
        """The room's busy periods as iCalendar (times in Asia/Jakarta); no personal data."""
        room = selectors.room_get(pk)
        body = calendars.room_feed(room, selectors.room_busy_periods(room))
        response = Response(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="ejsc-room-{room.pk}.ics"'
        return response


# --- bookings ------------------------------------------------------------------------------


class BookingListApi(generics.ListCreateAPIView):
    """Your bookings, latest start first; staff also see their own Bakorwil's; an admin sees all. POST asks for a room.

    Paged by cursor: follow ``next``; ``count`` is exact up to 1 000 (then ``count_capped``)."""

    serializer_class = BookingSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = KeysetPagination  # page 2 000 costs what page 1 costs; new bookings never shift a page

    def get_queryset(self):
        qs = selectors.bookings_visible_to(self.request.user).select_related("event").order_by("-start", "-id")
        status_filter = self.request.query_params.get("status")
        if status_filter in BookingStatus.values:
            qs = qs.filter(status=status_filter)
        return qs

    @extend_schema(
        parameters=[OpenApiParameter("status", OpenApiTypes.STR, enum=BookingStatus.values, required=False)],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=BookingCreateSerializer,
        responses={201: BookingSerializer, **ERRORS},
        examples=[
            OpenApiExample(
                "Two hours in a meeting room",
                request_only=True,
                value={
                    "room": 3,
                    "start": "2026-12-05T09:00:00+07:00",
                    "end": "2026-12-05T11:00:00+07:00",
                    "attendees": 4,
                    "purpose": "Rapat klien kemasan",
                },
            )
        ],
    )
    def post(self, request, *args, **kwargs):
        data = BookingCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        repeat = values.pop("repeat", None)
        if repeat:
            from ejsc import series

            result = series.series_request(requester=request.user, **values, **repeat)
            return Response(series_answer(result), status=status.HTTP_201_CREATED)
        booking = services.booking_request(requester=request.user, **values)
        return Response(BookingSerializer(booking, context={"request": request}).data, status=status.HTTP_201_CREATED)


def series_answer(result) -> dict:
    return {
        "series": result.series.pk,
        "created": BookingSerializer(result.created, many=True).data,
        "skipped": SkippedSerializer(result.skipped, many=True).data,
    }


class BookingActionApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    action = ""

    def post(self, request, pk: int):
        booking = selectors.booking_get(user=request.user, pk=pk)
        reason = BookingReasonSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        text = reason.validated_data["reason"]
        if self.action == "approve":
            booking = services.booking_approve(actor=request.user, booking=booking)
        elif self.action == "reject":
            booking = services.booking_reject(
                actor=request.user,
                booking=booking,
                reason=text,
                rejection_reason=rejection_reason_get(reason.validated_data["reason_code"]),
            )
        elif self.action == "cancel":
            booking = services.booking_cancel(actor=request.user, booking=booking, reason=text)
        else:
            code = reason.validated_data["code"]
            if code:
                from ejsc import checkin

                if checkin.clean_code(code) != booking.check_code:
                    raise NotFound()
            booking = services.booking_check_in(actor=request.user, booking=booking)
        return Response(BookingSerializer(booking, context={"request": request}).data)


def rejection_reason_get(code: str):
    if not code:
        return None
    from ejsc.errors import RejectionCode
    from ejsc.models import RejectionReason

    found = RejectionReason.objects.filter(code=code, is_active=True).first()
    if found is None:
        raise ValidationFailed(_("Choose a reason from the list."), code=RejectionCode.UNKNOWN_REASON)
    return found


def _booking_action(name: str, summary: str, with_reason: bool):
    def post(self, request, pk: int):
        return BookingActionApi.post(self, request, pk)

    post = extend_schema(
        summary=summary,
        request=BookingReasonSerializer if with_reason else None,
        responses={200: BookingSerializer, **ERRORS},
    )(post)
    return type(
        f"Booking{name.title().replace('-', '')}Api",
        (BookingActionApi,),
        {"action": name.replace("-", "_"), "post": post},
    )


BookingApproveApi = _booking_action(
    "approve", "Staff of the hub's Bakorwil approve a request (409 booking_conflict if the room is taken).", False
)
BookingRejectApi = _booking_action("reject", "Staff of the hub's Bakorwil reject a request with a reason.", True)
BookingCancelApi = _booking_action("cancel", "The requester (before the start) or staff cancel a booking.", True)
BookingCheckInApi = _booking_action(
    "check-in", "The requester or staff check in, from 30 minutes before the start.", False
)


# --- events --------------------------------------------------------------------------------


class EventListApi(generics.ListCreateAPIView):
    """Approved public events (upcoming), plus your own requests and, for staff, their region's. POST asks to host one."""

    serializer_class = EventSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        qs = selectors.events_visible_to(self.request.user).order_by("start", "id")
        params = self.request.query_params
        bakorwil, space = selectors.clean_param(params.get("bakorwil")), selectors.clean_param(params.get("space"))
        if bakorwil:
            qs = qs.filter(room__space__bakorwil__code=bakorwil)
        if space:
            qs = qs.filter(room__space__slug=space)
        if params.get("status") in EventStatus.values:
            qs = qs.filter(status=params["status"])
        return qs

    @extend_schema(
        parameters=[
            OpenApiParameter("bakorwil", OpenApiTypes.STR, required=False, description="I, II, III, IV or V"),
            OpenApiParameter("space", OpenApiTypes.STR, required=False, description=_("hub slug")),
            OpenApiParameter("status", OpenApiTypes.STR, enum=EventStatus.values, required=False),
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=EventCreateSerializer,
        responses={201: EventSerializer, **ERRORS},
        examples=[
            OpenApiExample(
                "A workshop",
                request_only=True,
                value={
                    "room": 4,
                    "title": "Workshop foto produk UMKM",
                    "description": "Praktik foto produk dengan ponsel.",
                    "organization": "Komunitas Fotografer Malang",
                    "start": "2026-12-12T13:00:00+07:00",
                    "end": "2026-12-12T16:00:00+07:00",
                    "expected_attendees": 40,
                    "public": True,
                },
            )
        ],  # fmt: skip
    )
    def post(self, request, *args, **kwargs):
        data = EventCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event = services.event_request(organizer=request.user, **data.validated_data)
        return Response(EventSerializer(event, context={"request": request}).data, status=status.HTTP_201_CREATED)


class EventApproveApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: EventSerializer, **ERRORS})
    def post(self, request, pk: int):
        """Staff of the hub's Bakorwil approve an event; its room booking is approved with it."""
        event = selectors.event_get(user=request.user, pk=pk)
        return Response(
            EventSerializer(services.event_approve(actor=request.user, event=event), context={"request": request}).data
        )


def _event_with_reason(request, pk: int, service):
    """Reject or cancel an event with a reason: the event (404), the reason (400), the service."""
    event = selectors.event_get(user=request.user, pk=pk)
    reason = BookingReasonSerializer(data=request.data)
    reason.is_valid(raise_exception=True)
    moved = service(actor=request.user, event=event, reason=reason.validated_data["reason"])
    return Response(EventSerializer(moved, context={"request": request}).data)


class EventRejectApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=BookingReasonSerializer, responses={200: EventSerializer, **ERRORS})
    def post(self, request, pk: int):
        """Staff of the hub's Bakorwil reject an event with a reason."""
        return _event_with_reason(request, pk, services.event_reject)


class EventCancelApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=BookingReasonSerializer, responses={200: EventSerializer, **ERRORS})
    def post(self, request, pk: int):
        """The organizer, or staff of the hub's Bakorwil, cancel an event; everyone with an RSVP is notified once."""
        return _event_with_reason(request, pk, services.event_cancel)


class EventRsvpApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def _answer(self, event, going: bool):
        event.refresh_from_db()
        return Response(
            {"event": event.pk, "rsvp": going, "rsvp_count": event.rsvp_count, "places_left": event.places_left}
        )

    @extend_schema(request=None, responses={200: RsvpSerializer, **ERRORS})
    def post(self, request, pk: int):
        """Take a place (409 event_full when none is left). Doing it twice keeps one place."""
        event = selectors.event_get(user=request.user, pk=pk)
        services.event_rsvp(user=request.user, event=event)
        return self._answer(event, True)

    @extend_schema(request=None, responses={200: RsvpSerializer, 404: ERRORS[404]})
    def delete(self, request, pk: int):
        """Give your place back."""
        event = selectors.event_get(user=request.user, pk=pk)
        services.rsvp_cancel(user=request.user, event=event)
        return self._answer(event, False)


# --- issue 14: series, waitlist, check-in by code, on behalf, feedback -----------------------


class SeriesDecisionSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    reason_code = serializers.SlugField(required=False, allow_blank=True, default="")
    from_booking = serializers.IntegerField(
        required=False, help_text=_("Cancel: this occurrence and the ones after it (default: every remaining one).")
    )


class SeriesActionApi(APIView):
    """Staff of the series' Bakorwil approve or reject its remaining requested occurrences; the requester or
    staff cancel the remaining ones. Anyone else: 404."""

    permission_classes = [permissions.IsAuthenticated]
    action = ""

    @extend_schema(request=SeriesDecisionSerializer, responses={200: OpenApiTypes.OBJECT, **ERRORS})
    def post(self, request, pk: int):
        from ejsc import series

        found = series.series_get(user=request.user, pk=pk)
        data = SeriesDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if self.action == "approve":
            result = series.series_approve(actor=request.user, series=found)
            if not result["approved"] and result["refused"]:
                first = result["refused"][0]
                from mjc.core.errors import Conflict

                raise Conflict(first["message"], code=first["code"], extra={"refused": result["refused"]})
            return Response(
                {
                    "series": found.pk,
                    "approved": BookingSerializer(result["approved"], many=True).data,
                    "refused": result["refused"],
                }
            )
        if self.action == "reject":
            rejected = series.series_reject(
                actor=request.user,
                series=found,
                reason=values["reason"],
                rejection_reason=rejection_reason_get(values["reason_code"]),
            )
            return Response({"series": found.pk, "rejected": BookingSerializer(rejected, many=True).data})
        start_from = None
        if values.get("from_booking"):
            start_from = selectors.booking_get(user=request.user, pk=values["from_booking"])
            if start_from.series_id != found.pk:
                raise NotFound()
        cancelled = series.series_cancel(
            actor=request.user, series=found, reason=values["reason"], from_booking=start_from
        )
        return Response({"series": found.pk, "cancelled": BookingSerializer(cancelled, many=True).data})


SeriesApproveApi = type("SeriesApproveApi", (SeriesActionApi,), {"action": "approve"})
SeriesRejectApi = type("SeriesRejectApi", (SeriesActionApi,), {"action": "reject"})
SeriesCancelApi = type("SeriesCancelApi", (SeriesActionApi,), {"action": "cancel"})


class WaitlistEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    room = serializers.IntegerField(source="room_id")
    room_name = serializers.CharField(source="room.label", help_text=READER_LANGUAGE)
    space = serializers.CharField(source="room.space.slug")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    attendees = serializers.IntegerField()
    status = serializers.CharField()
    offered_at = serializers.DateTimeField(allow_null=True)
    hold_until = serializers.DateTimeField(allow_null=True)
    booking = serializers.IntegerField(source="booking_id", allow_null=True)
    created_at = serializers.DateTimeField()


class WaitlistJoinSerializer(serializers.Serializer):
    start = WibDateTimeField()
    end = WibDateTimeField()
    attendees = serializers.IntegerField(min_value=1, max_value=100000, default=1)
    purpose = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class RoomWaitlistApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=WaitlistJoinSerializer, responses={201: WaitlistEntrySerializer, **ERRORS})
    def post(self, request, pk: int):
        """Join the waitlist of a taken slot (400 waitlist_slot_free when it is free: book it)."""
        from ejsc import waitlist

        room = selectors.room_get(pk)
        data = WaitlistJoinSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = waitlist.waitlist_join(user=request.user, room=room, **data.validated_data)
        entry = waitlist.entry_get(user=request.user, pk=entry.pk)
        return Response(WaitlistEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class WaitlistListApi(generics.ListAPIView):
    """Your waitlist entries and offers, newest first."""

    serializer_class = WaitlistEntrySerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        from ejsc import waitlist
        from ejsc.models import WaitlistEntry

        if getattr(self, "swagger_fake_view", False):
            return WaitlistEntry.objects.none()
        return waitlist.entries_of(self.request.user)


class WaitlistEntryApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: WaitlistEntrySerializer, 404: ERRORS[404], 409: ERRORS[409]})
    def delete(self, request, pk: int):
        """Leave the waitlist (an offer you hold passes to the next person)."""
        from ejsc import waitlist

        entry = waitlist.waitlist_leave(user=request.user, entry=waitlist.entry_get(user=request.user, pk=pk))
        return Response(WaitlistEntrySerializer(waitlist.entry_get(user=request.user, pk=entry.pk)).data)


class WaitlistClaimApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={201: BookingSerializer, **ERRORS})
    def post(self, request, pk: int):
        """Take the slot you were offered, during the hold: a booking, requested or approved as the room says."""
        from ejsc import waitlist

        entry = waitlist.entry_get(user=request.user, pk=pk)
        booking = waitlist.waitlist_claim(user=request.user, entry=entry)
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)


class CheckInCodeSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=16)


class BookingCheckInByCodeApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="bookings_check_in_by_code",
        request=CheckInCodeSerializer,
        responses={200: BookingSerializer, **ERRORS},
    )
    def post(self, request):
        """Staff check a visitor in by the booking's short code (404 for an unknown code or another region's)."""
        from ejsc import checkin

        data = CheckInCodeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        booking = checkin.booking_by_code(actor=request.user, code=data.validated_data["code"])
        return Response(BookingSerializer(checkin.check_in(actor=request.user, booking=booking)).data)


class VisitorSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True)
    organisation = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")


class OnBehalfSerializer(serializers.Serializer):
    room = serializers.PrimaryKeyRelatedField(queryset=Room.objects.filter(is_active=True))
    start = WibDateTimeField()
    end = WibDateTimeField()
    attendees = serializers.IntegerField(min_value=1, max_value=100000, default=1)
    purpose = serializers.CharField(max_length=300)
    visitor = VisitorSerializer()


class BookingOnBehalfApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=OnBehalfSerializer, responses={201: BookingSerializer, **ERRORS})
    def post(self, request):
        """Staff book a room of their Bakorwil for a visitor without an account (same rules; approved at once)."""
        from ejsc import visitors

        data = OnBehalfSerializer(data=request.data)
        if not data.is_valid():
            room_error = "room" in data.errors
            if room_error:
                raise NotFound()
            data.is_valid(raise_exception=True)
        booking = visitors.booking_on_behalf(actor=request.user, **data.validated_data)
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)


class FeedbackSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class FeedbackAnswerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    score = serializers.IntegerField()
    comment = serializers.CharField()
    created_at = serializers.DateTimeField()


class BookingFeedbackApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=FeedbackSerializer, responses={201: FeedbackAnswerSerializer, **ERRORS})
    def post(self, request, pk: int):
        """The requester rates a used booking once (409 feedback_already_given the second time)."""
        from ejsc import feedback

        booking = selectors.booking_get(user=request.user, pk=pk)
        data = FeedbackSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        given = feedback.booking_feedback(user=request.user, booking=booking, **data.validated_data)
        return Response(FeedbackAnswerSerializer(given).data, status=status.HTTP_201_CREATED)


class EventFeedbackApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=FeedbackSerializer, responses={201: FeedbackAnswerSerializer, **ERRORS})
    def post(self, request, pk: int):
        """An attendee rates an event after it ended, once."""
        from ejsc import feedback

        event = selectors.event_get(user=request.user, pk=pk)
        data = FeedbackSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        given = feedback.event_feedback(user=request.user, event=event, **data.validated_data)
        return Response(FeedbackAnswerSerializer(given).data, status=status.HTTP_201_CREATED)


class EventWaitlistApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: OpenApiTypes.OBJECT, **ERRORS})
    def post(self, request, pk: int):
        """Take a place, or join the waitlist when the event is full (promoted and told when a place frees)."""
        from ejsc import waitlist
        from ejsc.models import Rsvp

        event = selectors.event_get(user=request.user, pk=pk)
        got = waitlist.event_wait(user=request.user, event=event)
        event.refresh_from_db()
        return Response(
            {
                "event": event.pk,
                "rsvp": isinstance(got, Rsvp),
                "waiting": not isinstance(got, Rsvp),
                "position": waitlist.event_waiting_position(request.user, event),
                "places_left": event.places_left,
            }
        )

    @extend_schema(request=None, responses={204: None, 404: ERRORS[404]})
    def delete(self, request, pk: int):
        from ejsc import waitlist

        event = selectors.event_get(user=request.user, pk=pk)
        waitlist.event_leave_waitlist(user=request.user, event=event)
        return Response(status=status.HTTP_204_NO_CONTENT)

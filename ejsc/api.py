"""EJSC API (SPEC section 6): hubs, availability, bookings, events, RSVPs, room calendars."""

import json

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, permissions, renderers, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ejsc import calendars, selectors, services
from ejsc.errors import BookingCode
from ejsc.models import Booking, Event, OpeningHours, Room, Space
from ejsc.statuses import BookingStatus, EventStatus
from ejsc.timefmt import EARLIEST_DAY, LATEST_DAY, day_in_range, parse_day
from mjc.core.errors import ValidationFailed
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


class RoomSerializer(serializers.ModelSerializer):
    class Meta:
        model = Room
        fields = [
            "id", "name", "kind", "capacity", "amenities", "description", "min_minutes", "max_minutes",
            "lead_minutes", "max_days_ahead", "needs_approval", "weekly_quota_hours",
        ]  # fmt: skip


class SpaceSerializer(serializers.ModelSerializer):
    bakorwil = serializers.CharField(source="bakorwil.code")
    bakorwil_name = serializers.CharField(source="bakorwil.name")
    kabupaten = serializers.CharField(source="kabupaten.code")
    kabupaten_name = serializers.CharField(source="kabupaten.name")
    opening_hours = OpeningHoursSerializer(many=True)
    photos = serializers.SerializerMethodField()
    rooms = RoomSerializer(many=True)

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
            "opening_hours",
            "photos",
            "rooms",
        ]

    def get_photos(self, space) -> list[str]:
        return [photo.image.url for photo in space.photos.all()]


def _caller(serializer):
    request = serializer.context.get("request")
    return getattr(request, "user", None)


class BookingSerializer(serializers.ModelSerializer):
    room_name = serializers.CharField(source="room.name", read_only=True)
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
        ]  # fmt: skip

    def get_event(self, booking) -> int | None:
        event = getattr(booking, "event", None)
        return event.pk if event else None

    def get_actions(self, booking) -> list[str]:
        return selectors.booking_actions(booking, _caller(self))


class WibDateTimeField(serializers.DateTimeField):
    """An ISO 8601 moment; without an offset it is read as WIB (Asia/Jakarta), whatever timezone is active.

    Answers are given in WIB too. Absurd years (0001, 9999) are refused with a 400 instead of
    overflowing into a 500 when converted between time zones.
    """

    default_error_messages = {"out_of_range": _("Please give a time between the years %(first)s and %(last)s.")}

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


class BookingCreateSerializer(serializers.Serializer):
    room = serializers.PrimaryKeyRelatedField(queryset=Room.objects.filter(is_active=True))
    start = WibDateTimeField(help_text=_("ISO 8601; without an offset the time is read as WIB (+07:00)."))
    end = WibDateTimeField(help_text=_("ISO 8601, after start; the booking is the half-open period [start, end)."))
    attendees = serializers.IntegerField(min_value=1, max_value=100000, default=1)
    purpose = serializers.CharField(max_length=300)


class BookingReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


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
            OpenApiParameter("date", OpenApiTypes.DATE, required=True, description=_("The day (WIB), YYYY-MM-DD."))
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
        booking = services.booking_request(requester=request.user, **data.validated_data)
        return Response(BookingSerializer(booking, context={"request": request}).data, status=status.HTTP_201_CREATED)


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
            booking = services.booking_reject(actor=request.user, booking=booking, reason=text)
        elif self.action == "cancel":
            booking = services.booking_cancel(actor=request.user, booking=booking, reason=text)
        else:
            booking = services.booking_check_in(actor=request.user, booking=booking)
        return Response(BookingSerializer(booking, context={"request": request}).data)


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


class EventRejectApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=BookingReasonSerializer, responses={200: EventSerializer, **ERRORS})
    def post(self, request, pk: int):
        """Staff of the hub's Bakorwil reject an event with a reason."""
        event = selectors.event_get(user=request.user, pk=pk)
        reason = BookingReasonSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        return Response(
            EventSerializer(
                services.event_reject(actor=request.user, event=event, reason=reason.validated_data["reason"]),
                context={"request": request},
            ).data
        )


class EventCancelApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=BookingReasonSerializer, responses={200: EventSerializer, **ERRORS})
    def post(self, request, pk: int):
        """The organizer, or staff of the hub's Bakorwil, cancel an event; everyone with an RSVP is notified once."""
        event = selectors.event_get(user=request.user, pk=pk)
        reason = BookingReasonSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        return Response(
            EventSerializer(
                services.event_cancel(actor=request.user, event=event, reason=reason.validated_data["reason"]),
                context={"request": request},
            ).data
        )


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

from datetime import time

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, DateTimeRangeField, RangeBoundary, RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ejsc.slugs import validate_hub_slug
from ejsc.statuses import (
    HOLDING_STATUSES,
    BookingStatus,
    DecisionOutcome,
    EventStatus,
    RoomKind,
    SeriesRepeat,
    WaitlistStatus,
)
from mjc.core.content import in_reader_language, list_in_reader_language
from mjc.core.formatting import clock
from mjc.core.models import ChoicesDisplay
from mjc.core.paths import path_to

CHECK_CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"  # no 0/O, 1/I, 2/Z, 5/S, 8/B: read aloud and typed on a phone


def new_check_code() -> str:
    """A short check-in code staff type on a phone (unique in the table; 26⁶ ≈ 309 million)."""
    import secrets

    return "".join(secrets.choice(CHECK_CODE_ALPHABET) for _ in range(6))


class TsTzRange(Func):
    """``tstzrange(start, end, '[)')``: the half-open period a booking covers."""

    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class Space(models.Model):
    """An EJSC hub (one per Bakorwil seat) or the KEK Singhasari coworking building."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    bakorwil = models.ForeignKey(
        "regions.Bakorwil", on_delete=models.PROTECT, related_name="spaces", verbose_name=_("Bakorwil")
    )
    kabupaten = models.ForeignKey("regions.Kabupaten", on_delete=models.PROTECT, verbose_name=_("kabupaten/kota"))
    address = models.CharField(_("address"), max_length=255)
    # the hub's own desk, shown on the help & contact page (empty: the programme's address is shown)
    phone = models.CharField(_("phone / WhatsApp"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    description = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(
        _("description (English)"), blank=True, help_text=_("Shown to English readers; empty: the Indonesian one.")
    )
    # The hub's published service standard (issue 14): a request is decided within this many working days,
    # counted in the staff's hours (WIB); weekends and the admin's national holidays are not working days.
    decision_days = models.PositiveSmallIntegerField(_("decided within (working days)"), default=2)
    staff_opens = models.TimeField(_("staff hours from"), default=time(8))
    staff_closes = models.TimeField(_("staff hours until"), default=time(16))

    class Meta:
        ordering = ["bakorwil__id", "name"]
        verbose_name = _("EJSC hub")
        verbose_name_plural = _("EJSC hubs")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("ejsc:hub", args=[self.slug])

    @property
    def description_text(self) -> str:
        """The description in the reader's language (the Indonesian one while the English one is empty)."""
        return in_reader_language(self.description, self.description_en)

    def clean(self):
        super().clean()
        try:
            validate_hub_slug(self.slug)
        except ValidationError as error:
            raise ValidationError({"slug": error}) from error


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(ChoicesDisplay, models.Model):
    """When a hub is open on one weekday, in WIB. A weekday without a row is closed."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("hub"))
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"), default=time(8))
    closes = models.TimeField(_("closes"), default=time(20))

    class Meta:
        ordering = ["space", "weekday"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.UniqueConstraint(fields=["space", "weekday"], name="ejsc_opening_hours_one_per_weekday"),
            models.CheckConstraint(condition=Q(closes__gt=F("opens")), name="ejsc_opening_hours_closes_after_opens"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {clock(self.opens)}–{clock(self.closes)}"


class SpacePhoto(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="photos", verbose_name=_("hub"))
    image = models.ImageField(_("image"), upload_to="public/ejsc/spaces/")
    caption = models.CharField(_("caption (Indonesian)"), max_length=200, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["space", "position", "id"]
        verbose_name = _("hub photo")
        verbose_name_plural = _("hub photos")

    def __str__(self):
        return self.caption_text or self.image.name

    @property
    def caption_text(self) -> str:
        return in_reader_language(self.caption, self.caption_en)


class Room(ChoicesDisplay, models.Model):
    """A bookable place in a hub, with its booking rules."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("hub"))
    name = models.CharField(_("name (Indonesian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=RoomKind.choices, default=RoomKind.MEETING_ROOM)
    capacity = models.PositiveIntegerField(_("capacity"), default=8)
    amenities = ArrayField(
        models.CharField(max_length=60),
        verbose_name=_("amenities (Indonesian)"),
        blank=True,
        default=list,
        help_text=_("Separated by commas, e.g. Wi-Fi,Papan tulis,AC."),
    )
    amenities_en = ArrayField(
        models.CharField(max_length=60),
        verbose_name=_("amenities (English)"),
        blank=True,
        default=list,
        help_text=_("The same amenities in the same order, in English, e.g. Wi-Fi,Whiteboard,Air conditioning."),
    )
    description = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(
        _("description (English)"), blank=True, help_text=_("Shown to English readers; empty: the Indonesian one.")
    )
    min_minutes = models.PositiveIntegerField(_("minimum minutes"), default=30)
    max_minutes = models.PositiveIntegerField(_("maximum minutes"), default=240)
    lead_minutes = models.PositiveIntegerField(
        _("lead time (minutes)"), default=60, help_text=_("How long before the start a request must arrive.")
    )
    max_days_ahead = models.PositiveIntegerField(
        _("days ahead"), default=30, help_text=_("How far ahead a booking may start.")
    )
    needs_approval = models.BooleanField(
        _("needs approval"),
        default=True,
        help_text=_("Otherwise a request is confirmed at once when the rules and capacity allow."),
    )
    weekly_quota_hours = models.PositiveIntegerField(
        _("weekly quota (hours)"),
        null=True,
        blank=True,
        help_text=_("Hours one person may book in this room per week (Monday to Sunday, WIB). Empty: no quota."),
    )
    is_active = models.BooleanField(_("bookable"), default=True)
    hold_minutes = models.PositiveIntegerField(
        _("waitlist hold (minutes)"),
        default=120,
        help_text=_("How long a freed slot is kept for the person first on its waitlist."),
    )

    class Meta:
        ordering = ["space", "kind", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="ejsc_room_capacity_positive"),
            models.CheckConstraint(condition=Q(max_minutes__gte=F("min_minutes")), name="ejsc_room_max_ge_min"),
        ]

    def __str__(self):
        return f"{self.label} · {self.space.name}"

    def get_absolute_url(self):
        return path_to("ejsc:room", self.pk)

    def clean(self):
        super().clean()
        if self.amenities_en and len(self.amenities_en) != len(self.amenities or []):
            raise ValidationError(
                {"amenities_en": _("Give one English name for each amenity, in the same order (or none).")}
            )

    @property
    def label(self) -> str:
        """The room's name in the reader's language."""
        return in_reader_language(self.name, self.name_en)

    @property
    def description_text(self) -> str:
        return in_reader_language(self.description, self.description_en)

    @property
    def amenity_labels(self) -> list[str]:
        """The amenities in the reader's language, each falling back to its Indonesian name."""
        return list_in_reader_language(self.amenities, self.amenities_en)

    @property
    def is_exclusive(self) -> bool:
        """A desk area is shared up to its capacity; every other room is one booking at a time."""
        return self.kind != RoomKind.DESK_AREA


class Booking(ChoicesDisplay, models.Model):
    """A request for a room for ``[start, end)``, or a staff block (status ``blocked``)."""

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("room"))
    # The room's hub's Bakorwil, kept on the row so "my region's bookings" is one indexed column instead of a
    # join through room and hub. The service sets it; a trigger (migration 0003) derives it on every insert
    # and follows a room or hub that moves, so no writer can leave it wrong.
    bakorwil = models.ForeignKey(
        "regions.Bakorwil",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        db_index=False,
        verbose_name=_("Bakorwil"),
    )
    # Indexed by the (requester, start, id) index below.
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="bookings",
        db_index=False,
        verbose_name=_("requester"),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    attendees = models.PositiveIntegerField(_("attendees"), default=1)
    purpose = models.CharField(_("purpose"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.REQUESTED, db_index=True
    )
    # Copied from the room (or true for a block) so the exclusion constraint can use it.
    exclusive = models.BooleanField(_("exclusive"), default=True, editable=False)
    decision_reason = models.CharField(_("reason"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # issue 14: weekly series, check-in code, booking on a visitor's behalf, service standard, feedback
    series = models.ForeignKey(
        "ejsc.BookingSeries",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
        verbose_name=_("series"),
    )
    check_code = models.CharField(_("check-in code"), max_length=8, unique=True, null=True, blank=True)
    visitor_name = models.CharField(_("visitor"), max_length=150, blank=True)
    visitor_phone = models.CharField(_("visitor's phone"), max_length=30, blank=True)
    visitor_email = models.EmailField(_("visitor's e-mail"), blank=True)
    visitor_organisation = models.CharField(_("visitor's organisation or business"), max_length=150, blank=True)
    rejection_reason = models.ForeignKey(
        "ejsc.RejectionReason",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("rejection reason"),
    )
    decide_by = models.DateTimeField(_("decision due"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    feedback_asked_at = models.DateTimeField(_("feedback asked at"), null=True, blank=True)
    # the visitor's booking pass went out (ejsc/visitors.py): a redelivered job sends nothing
    pass_sent_at = models.DateTimeField(_("pass sent at"), null=True, blank=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [
            models.Index(fields=["room", "start", "end"], name="ejsc_booking_room_period"),
            # the blocks that overlap a period, found by their end (see ejsc.periods._overlap)
            models.Index(
                fields=["room", "end"], name="ejsc_booking_room_block_end", condition=Q(status=BookingStatus.BLOCKED)
            ),
            # One index per list order, each led by who may see the rows: a page reads its rows and no others.
            models.Index(fields=["-start", "-id"], name="ejsc_booking_recent"),  # an admin's list, the admin site
            models.Index(fields=["requester", "-start", "-id"], name="ejsc_booking_requester_recent"),
            models.Index(fields=["bakorwil", "-start", "-id"], name="ejsc_booking_bakorwil_recent"),
            models.Index(fields=["bakorwil", "status", "-start", "-id"], name="ejsc_booking_bakorwil_status"),
            # The staff dashboard's "decided this week".
            models.Index(fields=["bakorwil", "decided_at"], name="ejsc_booking_bakorwil_decided"),
            # The approval queue: only the waiting requests, oldest first.
            models.Index(
                fields=["bakorwil", "created_at", "id"],
                name="ejsc_booking_waiting",
                condition=Q(status=BookingStatus.REQUESTED),
            ),
            # The queue by the service standard's deadline (issue 14).
            models.Index(
                fields=["bakorwil", "decide_by", "created_at", "id"],
                name="ejsc_booking_deadline",
                condition=Q(status=BookingStatus.REQUESTED),
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="ejsc_booking_end_after_start"),
            models.CheckConstraint(condition=Q(attendees__gte=1), name="ejsc_booking_attendees_positive"),
            # SPEC rule 3: two holding bookings of one exclusive room never overlap; [) lets them touch.
            ExclusionConstraint(
                name="ejsc_booking_no_overlap",
                expressions=[
                    (
                        TsTzRange("start", "end", RangeBoundary(inclusive_lower=True, inclusive_upper=False)),
                        RangeOperators.OVERLAPS,
                    ),
                    ("room", RangeOperators.EQUAL),
                ],
                condition=Q(exclusive=True, status__in=[str(s) for s in HOLDING_STATUSES]),
            ),
        ]

    def __str__(self):
        return f"{self.room} {self.start:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return path_to("ejsc:booking", self.pk)

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def on_behalf(self) -> bool:
        return bool(self.visitor_name)

    @property
    def who(self) -> str:
        """The person the booking is for: the visitor staff booked in, or the requester."""
        if self.visitor_name:
            return self.visitor_name
        return self.requester.full_name or self.requester.email


class Event(ChoicesDisplay, models.Model):
    """A request to host an event in a room; it holds the room through its booking."""

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="events", verbose_name=_("room"))
    booking = models.OneToOneField(Booking, on_delete=models.PROTECT, related_name="event", verbose_name=_("booking"))
    organizer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="organized_events", verbose_name=_("organizer")
    )
    organization = models.CharField(_("organizing group"), max_length=150, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    expected_attendees = models.PositiveIntegerField(_("expected attendees"))
    public = models.BooleanField(
        _("public"), default=True, help_text=_("Public events appear on the events calendar and take RSVPs.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.REQUESTED, db_index=True
    )
    decision_reason = models.CharField(_("reason"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    rsvp_count = models.PositiveIntegerField(_("RSVPs"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="ejsc_event_end_after_start"),
            models.CheckConstraint(condition=Q(expected_attendees__gte=1), name="ejsc_event_attendees_positive"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return path_to("ejsc:event", self.pk)

    @property
    def capacity(self) -> int:
        """RSVP places: the organizer's expected attendees, never more than the room holds."""
        return min(self.expected_attendees, self.room.capacity)

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.rsvp_count, 0)


class Rsvp(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("event"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("user")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="ejsc_rsvp_once_per_user")]

    def __str__(self):
        return f"{self.user} → {self.event}"


# --- issue 14: a public service ------------------------------------------------------------


class BookingSeries(ChoicesDisplay, models.Model):
    """A weekly (or every-weekday) request: one booking per occurrence, decided together or one by one."""

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="series", verbose_name=_("room"))
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="booking_series", verbose_name=_("requester")
    )
    every = models.CharField(_("repeats"), max_length=10, choices=SeriesRepeat.choices)
    purpose = models.CharField(_("purpose"), max_length=300)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("booking series")
        verbose_name_plural = _("booking series")

    def __str__(self):
        return f"{self.room} · {self.get_every_display()}"


class Holiday(models.Model):
    """A national holiday the admin enters: not a working day for the service standard."""

    day = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["day"]
        verbose_name = _("national holiday")
        verbose_name_plural = _("national holidays")

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.name}"


class RejectionReason(models.Model):
    """A reason staff choose when they reject a request (the admin manages the list)."""

    code = models.SlugField(_("code"), unique=True)
    label = models.CharField(_("label"), max_length=120)
    label_en = models.CharField(_("label (English)"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("rejection reason")
        verbose_name_plural = _("rejection reasons")

    def __str__(self):
        return self.label

    @property
    def shown_label(self) -> str:
        """The label in the reader's language (Indonesian when no English is given)."""
        return in_reader_language(self.label, self.label_en)


class WaitlistEntry(ChoicesDisplay, models.Model):
    """Someone waiting for a taken slot of a room; offered it with a hold when it frees."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="waitlist", verbose_name=_("room"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="waitlist_entries", verbose_name=_("user")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    attendees = models.PositiveIntegerField(_("attendees"), default=1)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=WaitlistStatus.choices, default=WaitlistStatus.WAITING
    )
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True)
    hold_until = models.DateTimeField(_("held until"), null=True, blank=True)
    booking = models.OneToOneField(
        Booking, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("booking")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("waitlist entry")
        verbose_name_plural = _("waitlist entries")
        indexes = [
            models.Index(
                fields=["room", "start", "created_at"],
                name="ejsc_waitlist_open",
                condition=Q(status__in=["waiting", "offered"]),
            ),
            models.Index(fields=["user", "-created_at"], name="ejsc_waitlist_user"),
            models.Index(fields=["hold_until"], name="ejsc_waitlist_holds", condition=Q(status="offered")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="ejsc_waitlist_end_after_start"),
            # one open entry per person and slot
            models.UniqueConstraint(
                fields=["room", "user", "start", "end"],
                name="ejsc_waitlist_once",
                condition=Q(status__in=["waiting", "offered"]),
            ),
        ]

    def __str__(self):
        return f"{self.user} ⏳ {self.room} {self.start:%Y-%m-%d %H:%M}"


class EventWait(models.Model):
    """Someone waiting for a place at a full event; promoted to an RSVP when one frees."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="waiting", verbose_name=_("event"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_waits", verbose_name=_("user")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("event waitlist entry")
        verbose_name_plural = _("event waitlist entries")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="ejsc_event_wait_once")]

    def __str__(self):
        return f"{self.user} ⏳ {self.event}"


class Feedback(models.Model):
    """A visitor's 1–5 rating of a completed booking or an event they attended, given once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ejsc_feedback", verbose_name=_("user")
    )
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("hub"))
    booking = models.ForeignKey(
        Booking, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback", verbose_name=_("booking")
    )
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback", verbose_name=_("event")
    )
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        indexes = [models.Index(fields=["space", "created_at"], name="ejsc_feedback_space_month")]
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="ejsc_feedback_score_1_5"),
            models.UniqueConstraint(fields=["user", "booking"], name="ejsc_feedback_once_per_booking"),
            models.UniqueConstraint(fields=["user", "event"], name="ejsc_feedback_once_per_event"),
        ]

    def __str__(self):
        return f"{self.score}/5 · {self.space}"


class DecisionRecord(ChoicesDisplay, models.Model):
    """One row per booking decision, kept when the booking is deleted: the service statistics."""

    booking_ref = models.BigIntegerField(_("booking number"), unique=True)
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="+", verbose_name=_("hub"))
    bakorwil = models.ForeignKey(
        "regions.Bakorwil", on_delete=models.PROTECT, related_name="+", verbose_name=_("Bakorwil")
    )
    room = models.ForeignKey(Room, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("room"))
    room_kind = models.CharField(_("kind"), max_length=20, choices=RoomKind.choices)
    kabupaten = models.ForeignKey(
        "regions.Kabupaten",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kabupaten/kota"),
    )
    requested_at = models.DateTimeField(_("requested at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decide_by = models.DateTimeField(_("decision due"), null=True, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=DecisionOutcome.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    attendees = models.PositiveIntegerField(_("attendees"), default=1)
    on_behalf = models.BooleanField(_("booked on a visitor's behalf"), default=False)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("decision record")
        verbose_name_plural = _("decision records")
        indexes = [models.Index(fields=["bakorwil", "requested_at"], name="ejsc_decision_bakorwil_month")]

    def __str__(self):
        return f"#{self.booking_ref} {self.outcome}"

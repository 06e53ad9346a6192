from django.contrib import admin

from ejsc.models import (
    Booking,
    BookingSeries,
    DecisionRecord,
    Event,
    Feedback,
    Holiday,
    OpeningHours,
    RejectionReason,
    Room,
    Rsvp,
    Space,
    SpacePhoto,
    WaitlistEntry,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class SpacePhotoInline(admin.TabularInline):
    model = SpacePhoto
    extra = 0


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0
    fields = ["name", "name_en", "kind", "capacity", "needs_approval", "is_active"]
    show_change_link = True


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ["name", "bakorwil", "kabupaten", "address"]
    list_filter = ["bakorwil"]
    search_fields = ["name", "address"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline, SpacePhotoInline, RoomInline]


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "space", "kind", "capacity", "needs_approval", "weekly_quota_hours", "is_active"]
    list_filter = ["kind", "space__bakorwil", "space", "needs_approval", "is_active"]
    search_fields = ["name", "space__name"]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read-mostly: status moves go through the services (the approval queue), so they are recorded."""

    list_display = ["room", "requester", "start", "end", "attendees", "status"]
    list_filter = ["status", "room__space__bakorwil", "room__space"]
    search_fields = ["purpose", "requester__email", "room__name"]
    date_hierarchy = "start"
    raw_id_fields = ["room", "requester", "decided_by"]
    readonly_fields = [
        "status",
        "exclusive",
        "decided_by",
        "decided_at",
        "checked_in_at",
        "reminded_at",
        "created_at",
        "updated_at",
    ]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "room", "start", "status", "public", "rsvp_count"]
    list_filter = ["status", "public", "room__space__bakorwil"]
    search_fields = ["title", "organization"]
    raw_id_fields = ["room", "booking", "organizer", "decided_by"]
    readonly_fields = ["status", "rsvp_count", "decided_by", "decided_at", "created_at", "updated_at"]


@admin.register(Rsvp)
class RsvpAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "created_at"]
    raw_id_fields = ["event", "user"]


# --- issue 14: what the admin manages for the public service ---------------------------------

BookingAdmin.raw_id_fields = [*BookingAdmin.raw_id_fields, "series"]
BookingAdmin.readonly_fields = [
    *BookingAdmin.readonly_fields,
    "check_code",
    "decide_by",
    "escalated_at",
    "pass_sent_at",
]


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """National holidays: not working days for the hubs' service standard."""

    list_display = ["day", "name"]
    date_hierarchy = "day"
    search_fields = ["name"]


@admin.register(RejectionReason)
class RejectionReasonAdmin(admin.ModelAdmin):
    list_display = ["label", "label_en", "code", "position", "is_active"]
    list_editable = ["position", "is_active"]
    prepopulated_fields = {"code": ["label"]}


@admin.register(BookingSeries)
class BookingSeriesAdmin(admin.ModelAdmin):
    list_display = ["room", "requester", "every", "created_at"]
    raw_id_fields = ["room", "requester"]


@admin.register(WaitlistEntry)
class WaitlistEntryAdmin(admin.ModelAdmin):
    list_display = ["room", "user", "start", "end", "status", "hold_until"]
    list_filter = ["status"]
    raw_id_fields = ["room", "user", "booking"]
    readonly_fields = ["status", "offered_at", "hold_until"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["space", "score", "user", "created_at"]
    list_filter = ["score", "space__bakorwil"]
    raw_id_fields = ["user", "booking", "event"]


@admin.register(DecisionRecord)
class DecisionRecordAdmin(admin.ModelAdmin):
    list_display = ["booking_ref", "space", "room_kind", "outcome", "requested_at", "decided_at"]
    list_filter = ["outcome", "bakorwil"]
    raw_id_fields = ["room"]

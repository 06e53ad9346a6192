from django.contrib import admin

from ejsc.models import Booking, Event, OpeningHours, Room, Rsvp, Space, SpacePhoto


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class SpacePhotoInline(admin.TabularInline):
    model = SpacePhoto
    extra = 0


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0
    fields = ["name", "kind", "capacity", "needs_approval", "is_active"]
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

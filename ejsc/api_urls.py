from django.urls import path

from ejsc import api

urlpatterns = [
    path("spaces/", api.SpaceListApi.as_view(), name="spaces"),
    path("rooms/<int:pk>/availability/", api.RoomAvailabilityApi.as_view(), name="room-availability"),
    path("rooms/<int:pk>/calendar.ics", api.RoomCalendarApi.as_view(), name="room-calendar"),
    path("bookings/", api.BookingListApi.as_view(), name="bookings"),
    path("bookings/<int:pk>/approve/", api.BookingApproveApi.as_view(), name="booking-approve"),
    path("bookings/<int:pk>/reject/", api.BookingRejectApi.as_view(), name="booking-reject"),
    path("bookings/<int:pk>/cancel/", api.BookingCancelApi.as_view(), name="booking-cancel"),
    path("bookings/<int:pk>/check-in/", api.BookingCheckInApi.as_view(), name="booking-check-in"),
    path("events/", api.EventListApi.as_view(), name="events"),
    path("events/<int:pk>/approve/", api.EventApproveApi.as_view(), name="event-approve"),
    path("events/<int:pk>/reject/", api.EventRejectApi.as_view(), name="event-reject"),
    path("events/<int:pk>/cancel/", api.EventCancelApi.as_view(), name="event-cancel"),
    path("events/<int:pk>/rsvp/", api.EventRsvpApi.as_view(), name="event-rsvp"),
]

from django.urls import path

from ejsc import api

urlpatterns = [
    path("spaces/", api.SpaceListApi.as_view(), name="spaces"),
    path("rooms/<int:pk>/availability/", api.RoomAvailabilityApi.as_view(), name="room-availability"),
    path("rooms/<int:pk>/calendar.ics", api.RoomCalendarApi.as_view(), name="room-calendar"),
    path("rooms/<int:pk>/waitlist/", api.RoomWaitlistApi.as_view(), name="room-waitlist"),
    path("bookings/", api.BookingListApi.as_view(), name="bookings"),
    path("bookings/on-behalf/", api.BookingOnBehalfApi.as_view(), name="booking-on-behalf"),
    path("bookings/check-in/", api.BookingCheckInByCodeApi.as_view(), name="booking-check-in-code"),
    path("bookings/<int:pk>/approve/", api.BookingApproveApi.as_view(), name="booking-approve"),
    path("bookings/<int:pk>/reject/", api.BookingRejectApi.as_view(), name="booking-reject"),
    path("bookings/<int:pk>/cancel/", api.BookingCancelApi.as_view(), name="booking-cancel"),
    path("bookings/<int:pk>/check-in/", api.BookingCheckInApi.as_view(), name="booking-check-in"),
    path("bookings/<int:pk>/feedback/", api.BookingFeedbackApi.as_view(), name="booking-feedback"),
    path("booking-series/<int:pk>/approve/", api.SeriesApproveApi.as_view(), name="series-approve"),
    path("booking-series/<int:pk>/reject/", api.SeriesRejectApi.as_view(), name="series-reject"),
    path("booking-series/<int:pk>/cancel/", api.SeriesCancelApi.as_view(), name="series-cancel"),
    path("waitlist/", api.WaitlistListApi.as_view(), name="waitlist"),
    path("waitlist/<int:pk>/", api.WaitlistEntryApi.as_view(), name="waitlist-entry"),
    path("waitlist/<int:pk>/claim/", api.WaitlistClaimApi.as_view(), name="waitlist-claim"),
    path("events/", api.EventListApi.as_view(), name="events"),
    path("events/<int:pk>/approve/", api.EventApproveApi.as_view(), name="event-approve"),
    path("events/<int:pk>/reject/", api.EventRejectApi.as_view(), name="event-reject"),
    path("events/<int:pk>/cancel/", api.EventCancelApi.as_view(), name="event-cancel"),
    path("events/<int:pk>/rsvp/", api.EventRsvpApi.as_view(), name="event-rsvp"),
    path("events/<int:pk>/waitlist/", api.EventWaitlistApi.as_view(), name="event-waitlist"),
    path("events/<int:pk>/feedback/", api.EventFeedbackApi.as_view(), name="event-feedback"),
]

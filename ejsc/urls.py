from django.urls import path

from ejsc import pages, views

app_name = "ejsc"

urlpatterns = [
    path("ejsc/", views.hubs, name="hubs"),
    path("ejsc/events/", views.events, name="events"),
    path("ejsc/events/new/", views.event_new, name="event_new"),
    path("ejsc/events/<int:pk>/", views.event_detail, name="event"),
    path("ejsc/events/<int:pk>/rsvp/", views.event_rsvp, name="event_rsvp"),
    path("ejsc/events/<int:pk>.ics", views.event_ics, name="event_ics"),
    path("ejsc/events/<int:pk>/decide/", views.event_decide, name="event_decide"),
    path("ejsc/events/<int:pk>/cancel/", views.event_cancel, name="event_cancel"),
    path("ejsc/my-bookings/", views.my_bookings, name="my_bookings"),
    path("ejsc/bookings/<int:pk>/", views.booking_detail, name="booking"),
    path("ejsc/bookings/<int:pk>/action/", views.booking_action, name="booking_action"),
    path("ejsc/bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("ejsc/bookings/<int:pk>.ics", views.booking_ics, name="booking_ics"),
    path("ejsc/staff/", views.staff_queue, name="staff_queue"),
    path("ejsc/staff/block/", views.staff_block, name="staff_block"),
    path("ejsc/calendar/<str:token>.ics", views.user_calendar, name="user_calendar"),
    # issue 14
    path("ejsc/series/<int:pk>/", pages.series_detail, name="series"),
    path("ejsc/series/<int:pk>/action/", pages.series_action, name="series_action"),
    path("ejsc/waitlist/", pages.my_waitlist, name="waitlist"),
    path("ejsc/waitlist/<int:pk>/action/", pages.waitlist_action, name="waitlist_action"),
    path("ejsc/rooms/<int:pk>/waitlist/", pages.waitlist_join, name="waitlist_join"),
    path("ejsc/staff/check-in/", pages.check_in_page, name="check_in"),
    path("ejsc/check-in/<str:token>/", pages.check_in_scan, name="check_in_scan"),
    path("ejsc/staff/on-behalf/", pages.on_behalf, name="on_behalf"),
    path("ejsc/staff/day/", pages.day_view, name="day"),
    path("ejsc/staff/service/", pages.service_figures, name="service"),
    path("ejsc/staff/service.csv", pages.service_csv, name="service_csv"),
    path("ejsc/bookings/<int:pk>/feedback/", pages.booking_feedback, name="booking_feedback"),
    path("ejsc/events/<int:pk>/feedback/", pages.event_feedback, name="event_feedback"),
    path("ejsc/rooms/<int:pk>/", views.room_detail, name="room"),
    path("ejsc/<slug:slug>/", views.hub_detail, name="hub"),
]

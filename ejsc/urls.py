from django.urls import path

from ejsc import views

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
    path("ejsc/rooms/<int:pk>/", views.room_detail, name="room"),
    path("ejsc/<slug:slug>/", views.hub_detail, name="hub"),
]

from django.urls import path

from ejsc import pages, views

app_name = "ejsc"

urlpatterns = [
    path("ejsc/", views.hubs, name="hubs"),
    path("ejsc/acara/", views.events, name="events"),
    path("ejsc/acara/baru/", views.event_new, name="event_new"),
    path("ejsc/acara/<int:pk>/", views.event_detail, name="event"),
    path("ejsc/acara/<int:pk>/hadir/", views.event_rsvp, name="event_rsvp"),
    path("ejsc/acara/<int:pk>.ics", views.event_ics, name="event_ics"),
    path("ejsc/acara/<int:pk>/putuskan/", views.event_decide, name="event_decide"),
    path("ejsc/acara/<int:pk>/batalkan/", views.event_cancel, name="event_cancel"),
    path("ejsc/pemesanan-saya/", views.my_bookings, name="my_bookings"),
    path("ejsc/pemesanan/<int:pk>/", views.booking_detail, name="booking"),
    path("ejsc/pemesanan/<int:pk>/tindakan/", views.booking_action, name="booking_action"),
    path("ejsc/pemesanan/<int:pk>/batalkan/", views.booking_cancel, name="booking_cancel"),
    path("ejsc/pemesanan/<int:pk>.ics", views.booking_ics, name="booking_ics"),
    path("ejsc/petugas/", views.staff_queue, name="staff_queue"),
    path("ejsc/petugas/blokir/", views.staff_block, name="staff_block"),
    path("ejsc/kalender/<str:token>.ics", views.user_calendar, name="user_calendar"),
    # issue 14
    path("ejsc/seri/<int:pk>/", pages.series_detail, name="series"),
    path("ejsc/seri/<int:pk>/tindakan/", pages.series_action, name="series_action"),
    path("ejsc/daftar-tunggu/", pages.my_waitlist, name="waitlist"),
    path("ejsc/daftar-tunggu/<int:pk>/tindakan/", pages.waitlist_action, name="waitlist_action"),
    path("ejsc/ruang/<int:pk>/daftar-tunggu/", pages.waitlist_join, name="waitlist_join"),
    path("ejsc/petugas/presensi/", pages.check_in_page, name="check_in"),
    path("ejsc/presensi/<str:token>/", pages.check_in_scan, name="check_in_scan"),
    path("ejsc/petugas/atas-nama/", pages.on_behalf, name="on_behalf"),
    path("ejsc/petugas/hari/", pages.day_view, name="day"),
    path("ejsc/petugas/layanan/", pages.service_figures, name="service"),
    path("ejsc/petugas/layanan.csv", pages.service_csv, name="service_csv"),
    path("ejsc/pemesanan/<int:pk>/ulasan/", pages.booking_feedback, name="booking_feedback"),
    path("ejsc/acara/<int:pk>/ulasan/", pages.event_feedback, name="event_feedback"),
    path("ejsc/ruang/<int:pk>/", views.room_detail, name="room"),
    path("ejsc/<slug:slug>/", views.hub_detail, name="hub"),
]

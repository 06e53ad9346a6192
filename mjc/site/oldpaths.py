"""The English page paths used before issue 9 answer with a permanent redirect to today's Indonesian ones.

Page paths are Indonesian (the audience); the API stays English under ``/api/v1/``. Links handed out
earlier (e-mails, notifications stored with a path, calendar feeds, printed QR check-in codes,
bookmarks) keep working: every old path below is matched with its old route, reversed by its URL name
with the same arguments, and answered 301 (GET/HEAD) or 308 (anything else, so a form posted from a
tab opened before the move still reaches its view), the query string kept.

One row per old route: ``(old route, URL name)``. URL names never changed, so ``{% url %}`` and
``reverse()`` give the new path."""

from django.http import HttpResponsePermanentRedirect
from django.http.response import HttpResponseRedirectBase
from django.urls import path, reverse

OLD_PATHS: tuple[tuple[str, str], ...] = (
    ("notifications/", "notifications:list"),
    ("gigs/", "gigs:list"),
    ("gigs/post/", "gigs:create"),
    ("gigs/price-guidance/", "gigs:price_guidance"),
    ("gigs/mine/", "gigs:my_gigs"),
    ("gigs/<int:pk>/", "gigs:detail"),
    ("gigs/<int:pk>/edit/", "gigs:edit"),
    ("gigs/<int:pk>/publish/", "gigs:publish"),
    ("gigs/<int:pk>/cancel/", "gigs:cancel"),
    ("gigs/<int:pk>/bid/", "gigs:bid"),
    ("gigs/<int:pk>/invite/<int:creative_pk>/", "gigs:invite"),
    ("bids/mine/", "gigs:my_bids"),
    ("bids/<int:pk>/edit/", "gigs:bid_edit"),
    ("bids/<int:pk>/<str:action>/", "gigs:bid_action"),
    ("conversations/<int:pk>/", "gigs:conversation"),
    ("contracts/<int:pk>/", "gigs:contract"),
    ("contracts/<int:pk>/<str:action>/", "gigs:contract_action"),
    ("gigs/<int:pk>/attachments/", "gigs:attachment_add"),
    ("files/briefs/<int:pk>/", "gigs:attachment"),
    ("files/briefs/<int:pk>/remove/", "gigs:attachment_remove"),
    ("files/deliveries/<int:pk>/", "gigs:delivery_file"),
    ("report/", "gigs:report"),
    ("contracts/<int:pk>/payments/terms/", "payments:terms_propose"),
    ("contracts/<int:pk>/payments/terms/agree/", "payments:terms_agree"),
    ("contracts/<int:pk>/payments/record/", "payments:record"),
    ("contracts/<int:pk>/bast.pdf", "payments:handover_pdf"),
    ("payments/<int:pk>/confirm/", "payments:confirm"),
    ("payments/<int:pk>/not-received/", "payments:not_received"),
    ("files/payment-proofs/<int:pk>/", "payments:proof"),
    ("payments/<int:pk>/kwitansi.pdf", "payments:receipt_pdf"),
    ("notifications/<int:pk>/open/", "notifications:open"),
    ("notifications/preferences/", "notifications:preferences"),
    ("notifications/read-all/", "notifications:read_all"),
    ("dashboard/", "dashboard"),
    ("language/", "set_language"),
    ("accounts/security/", "account_security"),
    ("accounts/calendar-feed/rotate/", "calendar_token_rotate"),
    ("ejsc/events/", "ejsc:events"),
    ("ejsc/events/new/", "ejsc:event_new"),
    ("ejsc/events/<int:pk>/", "ejsc:event"),
    ("ejsc/events/<int:pk>/rsvp/", "ejsc:event_rsvp"),
    ("ejsc/events/<int:pk>.ics", "ejsc:event_ics"),
    ("ejsc/events/<int:pk>/decide/", "ejsc:event_decide"),
    ("ejsc/events/<int:pk>/cancel/", "ejsc:event_cancel"),
    ("ejsc/my-bookings/", "ejsc:my_bookings"),
    ("ejsc/bookings/<int:pk>/", "ejsc:booking"),
    ("ejsc/bookings/<int:pk>/action/", "ejsc:booking_action"),
    ("ejsc/bookings/<int:pk>/cancel/", "ejsc:booking_cancel"),
    ("ejsc/bookings/<int:pk>.ics", "ejsc:booking_ics"),
    ("ejsc/staff/", "ejsc:staff_queue"),
    ("ejsc/staff/block/", "ejsc:staff_block"),
    ("ejsc/calendar/<str:token>.ics", "ejsc:user_calendar"),
    ("ejsc/series/<int:pk>/", "ejsc:series"),
    ("ejsc/series/<int:pk>/action/", "ejsc:series_action"),
    ("ejsc/waitlist/", "ejsc:waitlist"),
    ("ejsc/waitlist/<int:pk>/action/", "ejsc:waitlist_action"),
    ("ejsc/rooms/<int:pk>/waitlist/", "ejsc:waitlist_join"),
    ("ejsc/staff/check-in/", "ejsc:check_in"),
    ("ejsc/check-in/<str:token>/", "ejsc:check_in_scan"),
    ("ejsc/staff/on-behalf/", "ejsc:on_behalf"),
    ("ejsc/staff/day/", "ejsc:day"),
    ("ejsc/staff/service/", "ejsc:service"),
    ("ejsc/staff/service.csv", "ejsc:service_csv"),
    ("ejsc/bookings/<int:pk>/feedback/", "ejsc:booking_feedback"),
    ("ejsc/events/<int:pk>/feedback/", "ejsc:event_feedback"),
    ("ejsc/rooms/<int:pk>/", "ejsc:room"),
)


class HttpResponsePermanentRedirectKeepMethod(HttpResponseRedirectBase):
    status_code = 308


def moved(request, *, url_name: str, **kwargs):
    target = reverse(url_name, kwargs=kwargs)
    query = request.META.get("QUERY_STRING", "")
    if query:
        target = f"{target}?{query}"
    if request.method in ("GET", "HEAD"):
        return HttpResponsePermanentRedirect(target)
    return HttpResponsePermanentRedirectKeepMethod(target)


urlpatterns = [path(old, moved, {"url_name": name}) for old, name in OLD_PATHS]

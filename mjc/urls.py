from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from mjc.accounts import api as accounts_api
from mjc.accounts import views as accounts_views
from mjc.categories.api import CategoryListApi
from mjc.core import views as core_views
from mjc.core.api import api_not_found
from mjc.core.media import public_media
from mjc.notifications import api as notifications_api
from mjc.regions.api import RegionListApi
from mjc.site import views as site_views

api_v1 = [
    path("auth/register/", accounts_api.RegisterApi.as_view(), name="register"),
    path("auth/token/", accounts_api.TokenApi.as_view(), name="token"),
    path("auth/verification/resend/", accounts_api.VerificationResendApi.as_view(), name="verification-resend"),
    path("me/", accounts_api.MeApi.as_view(), name="me"),
    path("me/calendar-feed/rotate/", accounts_api.CalendarFeedRotateApi.as_view(), name="calendar-feed-rotate"),
    path("regions/", RegionListApi.as_view(), name="regions"),
    path("categories/", CategoryListApi.as_view(), name="categories"),
    path("notifications/", notifications_api.NotificationListApi.as_view(), name="notifications"),
    path("notifications/<int:pk>/read/", notifications_api.NotificationReadApi.as_view(), name="notification-read"),
    path("", include("mjc.notifications.api_urls")),
    path("", include("gigs.api_urls")),
    path("", include("packages.api_urls")),
    path("", include("umkm.api_urls")),
    path("", include("creatives.api_urls")),
    path("", include("ejsc.api_urls")),
    path("", include("payments.api_urls")),
]

urlpatterns = [
    path("", site_views.landing, name="landing"),
    path("dasbor/", site_views.dashboard, name="dashboard"),
    path("healthz", core_views.healthz, name="healthz"),
    path("provinsi/", site_views.province_dashboard, name="province_dashboard"),
    path("provinsi/export.csv", site_views.province_export, name="province_export"),
    path("bahasa/", accounts_views.set_language, name="set_language"),
    path("akun/keamanan/", accounts_views.security, name="account_security"),
    path("akun/kalender/token-baru/", accounts_views.calendar_token_rotate, name="calendar_token_rotate"),
    path("accounts/", include("allauth.urls")),
    path("", include("mjc.site.trust")),
    path("notifikasi/", include("mjc.notifications.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # the split view serves its script as a file: the CSP allows no inline script
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    re_path(r"^api/.*$", api_not_found),
    # the English page paths of before issue 9 answer 301/308 to the Indonesian ones (mjc/site/oldpaths.py)
    path("", include("mjc.site.oldpaths")),
    path("", include("umkm.urls")),
    path("", include("creatives.urls")),
    path("", include("gigs.urls")),
    path("", include("packages.urls")),
    path("", include("ejsc.urls")),
    path("", include("payments.urls")),
]

# Public uploads (photos, portfolio images, already re-encoded by Pillow) live under
# public/ of the public storage; private files (deliveries, brief attachments, payment
# proofs) are never served from here but only through views that check who is asking.
# mjc.core.media.public_media serves MEDIA_ROOT/public/ only and refuses any path with
# "..", ".", backslashes or leftover percent signs (404). On object storage the bucket or
# the CDN serves public files and this route answers 404.
urlpatterns += [re_path(r"^media/public/(?P<path>.*)$", public_media, name="public_media")]

handler400 = "mjc.core.views.error_400"
handler403 = "mjc.core.views.error_403"
handler404 = "mjc.core.views.error_404"
handler500 = "mjc.core.views.error_500"

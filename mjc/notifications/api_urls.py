"""Extra notification endpoints (include under /api/v1/ next to the list and read routes)."""

from django.urls import path

from mjc.notifications import api

urlpatterns = [
    path("notifications/unread-count/", api.UnreadCountApi.as_view(), name="notification-unread-count"),
    path("notifications/preferences/", api.PreferenceApi.as_view(), name="notification-preferences"),
]

from django.urls import path

from mjc.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/buka/", views.notification_open, name="open"),
    path("pengaturan/", views.notification_preferences, name="preferences"),
    path("tandai-dibaca/", views.notification_read_all, name="read_all"),
]

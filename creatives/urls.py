from django.urls import path

from creatives import views

app_name = "creatives"

urlpatterns = [
    path("kreator/", views.creative_list, name="list"),
    path("kreator/saya/", views.creative_edit, name="edit"),
    path("kreator/saya/portofolio/", views.portfolio_add, name="portfolio_add"),
    path("kreator/saya/portofolio/<int:item_pk>/hapus/", views.portfolio_remove, name="portfolio_remove"),
    path("kreator/<int:pk>/", views.creative_detail, name="detail"),
    path("kreator/<int:pk>/talenta/", views.talenta_decide, name="talenta"),
]

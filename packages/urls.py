from django.urls import path

from packages import views

app_name = "packages"

urlpatterns = [
    path("paket/", views.catalogue, name="list"),
    path("paket/saya/", views.my_packages, name="mine"),
    path("paket/baru/", views.package_create, name="create"),
    path("paket/pesanan/", views.my_orders, name="orders"),
    path("paket/pesanan/<int:pk>/", views.order_detail, name="order"),
    path("paket/pesanan/<int:pk>/berkas/<int:file_pk>/", views.order_file, name="order_file"),
    path("paket/<int:pk>/", views.package_detail, name="detail"),
    path("paket/<int:pk>/ubah/", views.package_edit, name="edit"),
    path("paket/<int:pk>/status/", views.package_status, name="status"),
    path("paket/<int:pk>/foto/<int:photo_pk>/hapus/", views.photo_remove, name="photo_remove"),
]

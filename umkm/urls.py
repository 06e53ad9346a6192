from django.urls import path

from umkm import views

app_name = "umkm"

urlpatterns = [
    path("usaha/", views.my_businesses, name="my_businesses"),
    path("usaha/baru/", views.business_create, name="create"),
    path("usaha/verifikasi-nib/", views.verification_review, name="verification_review"),
    path("usaha/verifikasi-nib/<int:pk>/dokumen/", views.verification_document, name="verification_document"),
    path("usaha/verifikasi-nib/<int:pk>/<str:decision>/", views.verification_decide, name="verification_decide"),
    path("usaha/<int:pk>/verifikasi/", views.business_verification, name="verification"),
    path("usaha/<int:pk>/", views.business_detail, name="detail"),
    path("usaha/<int:pk>/ubah/", views.business_edit, name="edit"),
    path("usaha/<int:pk>/produk/baru/", views.product_create, name="product_create"),
    path("usaha/<int:pk>/produk/<int:product_pk>/hapus/", views.product_delete, name="product_delete"),
]

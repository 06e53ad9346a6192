from django.urls import path

from payments import views

app_name = "payments"

urlpatterns = [
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path("kontrak/<int:pk>/pembayaran/termin/", views.terms_propose, name="terms_propose"),
    path("kontrak/<int:pk>/pembayaran/termin/atur/", views.terms_schedule, name="terms_schedule"),
    path("kontrak/<int:pk>/pembayaran/termin/setujui/", views.terms_agree, name="terms_agree"),
    path("kontrak/<int:pk>/pembayaran/catat/", views.payment_record, name="record"),
    path("kontrak/<int:pk>/bast.pdf", views.handover_pdf, name="handover_pdf"),
    path("pembayaran/sengketa/", views.dispute_review, name="dispute_review"),
    path("pembayaran/sengketa/<int:pk>/batalkan/", views.dispute_void, name="dispute_void"),
    path("pembayaran/<int:pk>/konfirmasi/", views.payment_confirm, name="confirm"),
    path("pembayaran/<int:pk>/belum-diterima/", views.payment_not_received, name="not_received"),
    path("berkas/bukti-bayar/<int:pk>/", views.payment_proof, name="proof"),
    path("pembayaran/<int:pk>/kwitansi.pdf", views.receipt_pdf, name="receipt_pdf"),
]

from django.urls import path

from payments import views

app_name = "payments"

urlpatterns = [
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path("contracts/<int:pk>/payments/terms/", views.terms_propose, name="terms_propose"),
    path("contracts/<int:pk>/payments/terms/agree/", views.terms_agree, name="terms_agree"),
    path("contracts/<int:pk>/payments/record/", views.payment_record, name="record"),
    path("contracts/<int:pk>/bast.pdf", views.handover_pdf, name="handover_pdf"),
    path("payments/<int:pk>/confirm/", views.payment_confirm, name="confirm"),
    path("payments/<int:pk>/not-received/", views.payment_not_received, name="not_received"),
    path("files/payment-proofs/<int:pk>/", views.payment_proof, name="proof"),
    path("payments/<int:pk>/kwitansi.pdf", views.receipt_pdf, name="receipt_pdf"),
]

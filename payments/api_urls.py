from django.urls import path

from payments import api

urlpatterns = [
    path("contracts/<int:pk>/payment-terms/", api.PaymentTermsApi.as_view(), name="contract-payment-terms"),
    path(
        "contracts/<int:pk>/payment-terms/agree/",
        api.PaymentTermsAgreeApi.as_view(),
        name="contract-payment-terms-agree",
    ),
    path("contracts/<int:pk>/payments/", api.ContractPaymentsApi.as_view(), name="contract-payments"),
    path("contracts/<int:pk>/handover.pdf", api.ContractHandoverApi.as_view(), name="contract-handover"),
    path("payments/<int:pk>/confirm/", api.PaymentConfirmApi.as_view(), name="payment-confirm"),
    path("payments/<int:pk>/not-received/", api.PaymentNotReceivedApi.as_view(), name="payment-not-received"),
    path("payments/<int:pk>/proof/", api.PaymentProofApi.as_view(), name="payment-proof"),
    path("payments/<int:pk>/receipt.pdf", api.PaymentReceiptApi.as_view(), name="payment-receipt"),
]

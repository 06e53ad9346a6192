from django.urls import path

from umkm import api

urlpatterns = [
    path("businesses/", api.BusinessListCreateApi.as_view(), name="businesses"),
    path("businesses/<int:pk>/", api.BusinessDetailApi.as_view(), name="business-detail"),
    path("businesses/<int:pk>/verification/", api.BusinessVerificationApi.as_view(), name="business-verification"),
    path("businesses/<int:pk>/products/", api.ProductCreateApi.as_view(), name="business-products"),
    path("businesses/<int:pk>/products/<int:product_pk>/", api.ProductDetailApi.as_view(), name="business-product"),
]

from django.urls import path

from packages import api

urlpatterns = [
    path("packages/", api.PackageListCreateApi.as_view(), name="packages"),
    path("packages/<int:pk>/", api.PackageDetailApi.as_view(), name="package-detail"),
    path("packages/<int:pk>/publish/", api.PackagePublishApi.as_view(), name="package-publish"),
    path("packages/<int:pk>/pause/", api.PackagePauseApi.as_view(), name="package-pause"),
    path("packages/<int:pk>/archive/", api.PackageArchiveApi.as_view(), name="package-archive"),
    path("packages/<int:pk>/photos/", api.PhotoApi.as_view(), name="package-photos"),
    path("packages/<int:pk>/photos/<int:photo_id>/", api.PhotoDetailApi.as_view(), name="package-photo"),
    path("packages/<int:pk>/orders/", api.PackageOrderApi.as_view(), name="package-orders"),
    path("orders/", api.OrderListApi.as_view(), name="orders"),
    path("orders/<int:pk>/", api.OrderDetailApi.as_view(), name="order-detail"),
    path("orders/<int:pk>/accept/", api.OrderAcceptApi.as_view(), name="order-accept"),
    path("orders/<int:pk>/decline/", api.OrderDeclineApi.as_view(), name="order-decline"),
    path("orders/<int:pk>/cancel/", api.OrderCancelApi.as_view(), name="order-cancel"),
]

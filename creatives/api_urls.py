from django.urls import path

from creatives import api

urlpatterns = [
    path("creatives/", api.CreativeListApi.as_view(), name="creatives"),
    path("creatives/me/", api.CreativeMeApi.as_view(), name="creative-me"),
    path("creatives/me/portfolio/", api.PortfolioCreateApi.as_view(), name="creative-portfolio"),
    path("creatives/me/portfolio/<int:pk>/", api.PortfolioDeleteApi.as_view(), name="creative-portfolio-item"),
    path("creatives/<int:pk>/", api.CreativeDetailApi.as_view(), name="creative-detail"),
]

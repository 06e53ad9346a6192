from django.urls import path

from gigs import api

urlpatterns = [
    path("categories/", api.CategoryListApi.as_view(), name="categories"),
]

"""``GET /api/v1/categories/``: the service categories, named in the caller's language."""

from rest_framework import generics, permissions, serializers

from mjc.categories.models import Category


class CategorySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="label", read_only=True)

    class Meta:
        model = Category
        fields = ["slug", "name", "price_floor"]


class CategoryListApi(generics.ListAPIView):
    """The service categories, named in the caller's language."""

    serializer_class = CategorySerializer
    permission_classes = [permissions.AllowAny]
    pagination_class = None
    queryset = Category.objects.all()

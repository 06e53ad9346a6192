"""API v1 for creative profiles and portfolios (SPEC section 6).

``PATCH /creatives/me/`` by a signed-in user who is not a creative yet creates their
profile and makes them a creative (one account may hold both roles, as the SPEC says;
the web's "Become a creative" page does the same). ``GET /creatives/me/`` answers 404
``creative_not_found`` for an account that is not a creative; for a creative who signed
up without a profile it starts an empty one.
"""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import parsers, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from creatives import selectors, services
from creatives.errors import CreativeNotFound, NotACreative
from creatives.models import CreativeProfile, PortfolioItem
from mjc.categories.models import Category
from mjc.core.api import absolute_url
from mjc.core.badges import badge_list, badge_serializer_field, creative_badge_codes
from mjc.core.money import RupiahSerializerField
from mjc.core.pagination import KeysetPagination
from mjc.regions.models import Kabupaten


class PortfolioItemSerializer(serializers.ModelSerializer):
    # an item keeps its place when its category is removed (SET_NULL): the slug may be null
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    image = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()

    class Meta:
        model = PortfolioItem
        fields = ["id", "title", "category", "image", "thumbnail", "width", "height", "position", "created"]

    def get_image(self, item) -> str | None:
        return absolute_url(self.context.get("request"), item.image)

    def get_thumbnail(self, item) -> str | None:
        return absolute_url(self.context.get("request"), item.thumbnail)


class CreativeListSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(source="user.full_name")
    skills = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    kabupaten = serializers.CharField(source="kabupaten.code", allow_null=True, default=None)
    kabupaten_name = serializers.CharField(source="kabupaten.name", allow_null=True, default=None)
    bakorwil = serializers.CharField(source="kabupaten.bakorwil.code", allow_null=True, default=None)
    rating_avg = serializers.FloatField()
    badges = badge_serializer_field()

    class Meta:
        model = CreativeProfile
        fields = [
            "id", "full_name", "headline", "skills", "day_rate", "kabupaten", "kabupaten_name", "bakorwil",
            "available", "rating_avg", "rating_count", "completed_count", "badges",
        ]  # fmt: skip

    def get_badges(self, profile) -> list[dict]:
        return badge_list(creative_badge_codes(profile))


class CreativeSerializer(CreativeListSerializer):
    portfolio = PortfolioItemSerializer(many=True)

    class Meta(CreativeListSerializer.Meta):
        fields = [*CreativeListSerializer.Meta.fields, "bio", "portfolio"]


class CreativeWriteSerializer(serializers.Serializer):
    headline = serializers.CharField(max_length=140, required=False, allow_blank=True)
    bio = serializers.CharField(required=False, allow_blank=True)
    skills = serializers.ListField(child=serializers.SlugField(max_length=40), required=False, max_length=20)
    day_rate = RupiahSerializerField(max_value=10**10, required=False, allow_null=True)
    kabupaten = serializers.SlugRelatedField(
        slug_field="code", queryset=Kabupaten.objects.all(), required=False, allow_null=True
    )
    available = serializers.BooleanField(required=False)


class CreativeFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)
    category = serializers.SlugField(required=False, allow_blank=True)
    bakorwil = serializers.CharField(required=False, allow_blank=True, max_length=4)
    kabupaten = serializers.CharField(required=False, allow_blank=True, max_length=4)
    available = serializers.BooleanField(required=False, allow_null=True, default=None)
    verified = serializers.BooleanField(
        required=False, default=False, help_text="Only creatives with the Talenta MJC badge (hanya terverifikasi)."
    )


class PortfolioWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=140)
    category = serializers.SlugRelatedField(
        slug_field="slug", queryset=Category.objects.all(), required=False, allow_null=True
    )
    image = serializers.FileField(help_text="JPEG, PNG or WEBP, at most 20 MB")


PROFILE_EXAMPLE = OpenApiExample(
    "A packaging designer in Kota Malang",
    value={
        "headline": "Desainer kemasan untuk UMKM makanan",
        "bio": "Lima tahun mendesain kemasan keripik dan kopi.",
        "skills": ["kemasan", "logo-branding"],
        "day_rate": 450000,
        "kabupaten": "3573",
        "available": True,
    },
    request_only=True,
)


def _serialize(profile, request):
    return CreativeSerializer(profile, context={"request": request}).data


class CreativeMeApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(summary="My creative profile", responses=CreativeSerializer)
    def get(self, request):
        profile = selectors.creative_of(request.user)
        if profile is None and request.user.is_creative:
            # Signed up as a creative (role only): start the empty profile they are entitled to.
            services.creative_profile_update(user=request.user)
            profile = selectors.creative_of(request.user)
        if profile is None:
            raise CreativeNotFound()
        return Response(_serialize(profile, request))

    @extend_schema(
        summary="Change my creative profile (creates it, and makes me a creative, the first time)",
        request=CreativeWriteSerializer,
        responses=CreativeSerializer,
        examples=[
            PROFILE_EXAMPLE,
            OpenApiExample(
                "Unknown skill",
                value={
                    "message": "Kategori tidak dikenal: desain-baju.",
                    "code": "unknown_category",
                    "extra": {"fields": {"skills": ["Kategori tidak dikenal: desain-baju."]}},
                },
                response_only=True,
                status_codes=["400"],
            ),
        ],
    )
    def patch(self, request):
        serializer = CreativeWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.creative_profile_update(user=request.user, **serializer.validated_data)
        return Response(_serialize(selectors.creative_of(request.user), request))


class CreativeDetailApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(summary="A creative's public profile with portfolio", responses=CreativeSerializer)
    def get(self, request, pk):
        return Response(_serialize(selectors.creative_get(pk=pk), request))


class CreativeListApi(APIView):
    permission_classes = [permissions.AllowAny]
    pagination_class = KeysetPagination  # named so that the schema documents the page envelope

    @extend_schema(
        summary="Public creatives, best rated first",
        parameters=[
            OpenApiParameter("q", str, description="name, headline or bio contains"),
            OpenApiParameter("category", str, description="category slug, e.g. kemasan"),
            OpenApiParameter("bakorwil", {"type": "string", "maxLength": 4}, description="Bakorwil code, I..V"),
            OpenApiParameter("kabupaten", {"type": "string", "maxLength": 4}, description="BPS code, e.g. 3509"),
            OpenApiParameter("available", bool),
            OpenApiParameter("verified", bool, description="only creatives with the Talenta MJC badge"),
        ],
        responses=CreativeListSerializer(many=True),
    )
    def get(self, request):
        filters = CreativeFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        qs = selectors.creative_list(**filters.validated_data)
        paginator = KeysetPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(
            CreativeListSerializer(page, many=True, context={"request": request}).data
        )


def _my_profile(request) -> CreativeProfile:
    profile = selectors.creative_of(request.user)
    if profile is None:
        raise NotACreative()
    return profile


class PortfolioCreateApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]

    @extend_schema(
        summary="Add an image to my portfolio (multipart)",
        request={"multipart/form-data": PortfolioWriteSerializer},
        responses={201: PortfolioItemSerializer},
        examples=[
            OpenApiExample(
                "Too many pixels",
                value={
                    "message": "Gambar terlalu besar: paling banyak 40 juta piksel dan 8000 piksel di sisi terpanjang.",
                    "code": "image_too_many_pixels",
                    "extra": {"max_pixels": 40000000, "max_side": 8000, "width": 20000, "height": 20000},
                },
                response_only=True,
                status_codes=["400"],
            ),
        ],
    )
    def post(self, request):
        profile = _my_profile(request)
        serializer = PortfolioWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = services.portfolio_add(profile=profile, **serializer.validated_data)
        return Response(
            PortfolioItemSerializer(item, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


class PortfolioDeleteApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(summary="Remove an item from my portfolio", responses={204: None})
    def delete(self, request, pk):
        services.portfolio_remove(profile=_my_profile(request), item_id=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

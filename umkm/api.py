"""API v1 for businesses and products (SPEC section 6).

Reading a business is public. Creating one needs a signed-in account and makes it an
owner. Only the business's owner changes it or adds products: the business is public,
so anyone else gets 403 on those actions (the HTML edit pages answer 404 instead, as
they are pages that simply do not exist for others).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import parsers, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from mjc.core.api import Pagination, absolute_url
from mjc.core.badges import badge_list, badge_serializer_field, business_badge_codes
from mjc.core.errors import PermissionDenied
from mjc.core.formatting import rupiah
from mjc.core.money import RupiahSerializerField
from mjc.regions.models import Kabupaten
from umkm import selectors, services
from umkm.errors import BusinessNotFound, UmkmErrorCode
from umkm.models import NIB_PATTERN, Business, Product

NIB_ERROR = _("The NIB must be exactly 13 digits.")


class KabupatenRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    bakorwil = serializers.CharField(source="bakorwil.code")


class ProductSerializer(serializers.ModelSerializer):
    price_display = serializers.SerializerMethodField()
    photo = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = ["id", "name", "description", "price", "price_display", "photo", "thumbnail"]

    def get_price_display(self, product) -> str:
        return rupiah(product.price)

    def get_photo(self, product) -> str | None:
        return absolute_url(self.context.get("request"), product.photo)

    def get_thumbnail(self, product) -> str | None:
        return absolute_url(self.context.get("request"), product.thumbnail)


class BusinessSerializer(serializers.ModelSerializer):
    kabupaten = KabupatenRefSerializer()
    owner = inline_serializer("BusinessOwner", {"id": serializers.IntegerField(), "full_name": serializers.CharField()})
    products = ProductSerializer(many=True)
    badges = badge_serializer_field()

    class Meta:
        model = Business
        fields = [
            "id",
            "name",
            "sector",
            "kabupaten",
            "description",
            "nib",
            "owner",
            "products",
            "badges",
            "created_at",
        ]

    def get_badges(self, business) -> list[dict]:
        return badge_list(business_badge_codes(business))


class BusinessWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    sector = serializers.CharField(max_length=80)
    kabupaten = serializers.SlugRelatedField(
        slug_field="code", queryset=Kabupaten.objects.all(), help_text="BPS code, e.g. 3573 (Kota Malang)"
    )
    description = serializers.CharField(required=False, allow_blank=True, default="")
    nib = serializers.RegexField(
        NIB_PATTERN,
        required=False,
        allow_blank=True,
        default="",
        error_messages={"invalid": NIB_ERROR},
        help_text="13 digits (optional)",
    )


class ProductWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    price = RupiahSerializerField(required=False, allow_null=True)
    description = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    # A plain FileField: the service's clean_image checks it and answers 413/415/400 with a code.
    photo = serializers.FileField(required=False, allow_null=True, help_text="JPEG, PNG or WEBP, at most 20 MB")


BUSINESS_EXAMPLE = OpenApiExample(
    "Keripik tempe in Malang",
    value={
        "name": "Keripik Tempe Sanan",
        "sector": "Makanan ringan",
        "kabupaten": "3573",
        "description": "Keripik tempe renyah dari sentra Sanan, Kota Malang.",
        "nib": "1234567890123",
    },
    request_only=True,
)
ERROR_EXAMPLE = OpenApiExample(
    "Invalid NIB",
    value={
        "message": "nib: NIB harus tepat 13 digit.",
        "code": "invalid",
        "extra": {"fields": {"nib": ["NIB harus tepat 13 digit."]}},
    },
    response_only=True,
    status_codes=["400"],
)


def _owned(request, pk) -> Business:
    business = selectors.business_get(pk=pk)
    if business.owner_id != request.user.pk:
        raise PermissionDenied(
            _("Only the owner of this business can change it."), code=UmkmErrorCode.NOT_BUSINESS_OWNER
        )
    return business


class BusinessListCreateApi(APIView):
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    pagination_class = Pagination  # named so that the schema documents the page envelope

    @extend_schema(
        summary="List businesses",
        parameters=[
            OpenApiParameter("kabupaten", str, description="BPS code of a kabupaten/kota"),
            OpenApiParameter("mine", bool, description="only the signed-in user's businesses"),
        ],
        responses=BusinessSerializer(many=True),
    )
    def get(self, request):
        owner = (
            request.user
            if request.query_params.get("mine") in ("1", "true") and request.user.is_authenticated
            else None
        )
        kabupaten = request.query_params.get("kabupaten")
        try:
            ProhibitNullCharactersValidator()(kabupaten)  # PostgreSQL cannot compare a NUL byte: 400, not 500
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"kabupaten": exc.messages})
        qs = selectors.business_list(kabupaten=kabupaten, owner=owner)
        paginator = Pagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(BusinessSerializer(page, many=True, context={"request": request}).data)

    @extend_schema(
        summary="Register a business (the caller becomes an UMKM owner)",
        request=BusinessWriteSerializer,
        responses={201: BusinessSerializer},
        examples=[BUSINESS_EXAMPLE, ERROR_EXAMPLE],
    )
    def post(self, request):
        serializer = BusinessWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        business = services.business_create(owner=request.user, **serializer.validated_data)
        business = selectors.business_get(pk=business.pk)
        return Response(BusinessSerializer(business, context={"request": request}).data, status=status.HTTP_201_CREATED)


class BusinessDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    @extend_schema(summary="A business with its products", responses=BusinessSerializer)
    def get(self, request, pk):
        return Response(BusinessSerializer(selectors.business_get(pk=pk), context={"request": request}).data)

    @extend_schema(
        summary="Change a business (its owner only)",
        request=BusinessWriteSerializer(partial=True),
        responses=BusinessSerializer,
        examples=[
            OpenApiExample("New description", value={"description": "Sekarang juga rasa balado."}, request_only=True)
        ],
    )
    def patch(self, request, pk):
        business = _owned(request, pk)
        serializer = BusinessWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        services.business_update(business=business, **serializer.validated_data)
        business = selectors.business_get(pk=pk)
        return Response(BusinessSerializer(business, context={"request": request}).data)


class ProductCreateApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [parsers.MultiPartParser, parsers.FormParser, parsers.JSONParser]

    @extend_schema(
        summary="Add a product with a photo (multipart)",
        request={"multipart/form-data": ProductWriteSerializer},
        responses={201: ProductSerializer},
        examples=[
            OpenApiExample(
                "Keripik tempe 100 g",
                value={"name": "Keripik tempe original 100 g", "price": 15000, "description": "Renyah, tanpa pengawet"},
                request_only=True,
            ),
            OpenApiExample(
                "Not an image",
                value={"message": "Berkas ini bukan gambar yang bisa kami baca.", "code": "not_an_image", "extra": {}},
                response_only=True,
                status_codes=["415"],
            ),
        ],
    )
    def post(self, request, pk):
        business = _owned(request, pk)
        serializer = ProductWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        product = services.product_create(business=business, **serializer.validated_data)
        return Response(ProductSerializer(product, context={"request": request}).data, status=status.HTTP_201_CREATED)


class ProductDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(summary="Remove a product (the business's owner only)", responses={204: None})
    def delete(self, request, pk, product_pk):
        business = _owned(request, pk)
        services.product_delete(product=selectors.product_of(business=business, pk=product_pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class BusinessVerificationApi(APIView):
    """The owner asks MJC to verify the business's NIB (badge "NIB terverifikasi")."""

    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [parsers.MultiPartParser, parsers.FormParser, parsers.JSONParser]

    @extend_schema(
        summary="Submit the NIB for verification (its owner only)",
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {
                    "nib": {"type": "string", "pattern": NIB_PATTERN},
                    "document": {"type": "string", "format": "binary"},
                },
                "required": ["nib"],
            },
            "application/json": {
                "type": "object",
                "properties": {"nib": {"type": "string", "pattern": NIB_PATTERN}},
                "required": ["nib"],
            },
        },
        responses={
            201: inline_serializer(
                "VerificationStatus", {"id": serializers.IntegerField(), "status": serializers.CharField()}
            )
        },
    )
    def post(self, request, pk):
        business = selectors.business_get(pk=pk)
        if business.owner_id != request.user.pk:
            raise BusinessNotFound()  # a private request: nobody else learns about it
        nib = request.data.get("nib", "") if hasattr(request.data, "get") else ""
        row = services.nib_verification_submit(
            business=business, user=request.user, nib=str(nib)[:40], document=request.FILES.get("document")
        )
        return Response({"id": row.pk, "status": row.status}, status=status.HTTP_201_CREATED)

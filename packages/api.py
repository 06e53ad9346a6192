"""API v1 of the packages app (issue 12). Views parse input, call one service or selector
and answer; errors come back in the shared shape from mjc.core.api."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, permissions, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from gigs.contacts import contract_between
from gigs.models import GigTemplate
from mjc.categories.models import Category
from mjc.core.api import public_list_cached
from mjc.core.badges import badge_list, badge_serializer_field, creative_badge_codes
from mjc.core.contacts import mask_contacts, shown
from mjc.core.errors import NotFound
from mjc.core.money import MAX_RUPIAH
from mjc.core.pagination import KeysetPagination
from mjc.core.paths import path_to
from packages import selectors, services
from packages.errors import PackageErrorCode
from packages.models import Order, Package
from packages.selectors import order_actions, package_actions  # noqa: F401 (their old home: imports keep working)
from umkm.models import Business


def _photo_url(request, field_file):
    if not field_file:
        return None
    return request.build_absolute_uri(field_file.url) if request else field_file.url


class TierSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="level")
    label = serializers.CharField(source="get_level_display")
    price = serializers.IntegerField()
    delivery_days = serializers.IntegerField()
    revisions = serializers.IntegerField()
    deliverables = serializers.ListField(child=serializers.CharField())


class AddonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    name = serializers.CharField()
    price = serializers.IntegerField()
    extra_days = serializers.IntegerField()
    extra_revisions = serializers.IntegerField()


class CreativeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="user.full_name")
    rating = serializers.DecimalField(source="rating_avg", max_digits=3, decimal_places=2)
    rating_count = serializers.IntegerField()
    kabupaten = serializers.CharField(source="kabupaten.code", default=None)
    kabupaten_name = serializers.CharField(source="kabupaten.name", default=None)
    bakorwil = serializers.CharField(source="kabupaten.bakorwil.code", default=None)
    badges = badge_serializer_field()

    def get_badges(self, profile) -> list[dict]:
        return badge_list(creative_badge_codes(profile))


class PackageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.SerializerMethodField()
    description = serializers.SerializerMethodField()
    category = serializers.CharField(source="category.slug")
    status = serializers.CharField(help_text="draft, active, paused, archived")
    price_from = serializers.IntegerField()
    days_from = serializers.IntegerField()
    creative = CreativeRefSerializer()
    photo = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField()
    url = serializers.CharField(source="get_absolute_url")

    def _masked(self, package) -> bool:
        """Package texts are shown as written to the creative and to someone with a
        contract with them; masked to everyone else (see mjc/core/contacts.py)."""
        cache = self.context.setdefault("_unmasked", {})
        user = getattr(self.context.get("request"), "user", None)
        if user is None or not user.is_authenticated:
            return True
        key = package.creative.user_id
        if key not in cache:
            cache[key] = (
                contract_between(user, package.creative.user) if self.context.get("detail") else (user.pk == key)
            )
        return not cache[key]

    def get_title(self, package) -> str:
        return mask_contacts(package.title) if self._masked(package) else package.title

    def get_description(self, package) -> str:
        return mask_contacts(package.description) if self._masked(package) else package.description

    def get_photo(self, package) -> str | None:
        photos = list(package.photos.all())
        return _photo_url(self.context.get("request"), photos[0].thumbnail) if photos else None


class PhotoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    image = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()

    def get_image(self, photo) -> str | None:
        return _photo_url(self.context.get("request"), photo.image)

    def get_thumbnail(self, photo) -> str | None:
        return _photo_url(self.context.get("request"), photo.thumbnail)


class PackageDetailSerializer(PackageSerializer):
    tiers = serializers.SerializerMethodField()
    addons = serializers.SerializerMethodField()
    photos = serializers.SerializerMethodField()
    # the photos with their ids (``photos`` stays a list of image URLs for the clients that read it)
    photo_items = PhotoSerializer(source="photos.all", many=True)
    actions = serializers.SerializerMethodField()
    price_floor = serializers.IntegerField(source="category.price_floor")

    # deliverables and add-on names are package texts too: masked like the description
    @extend_schema_field(TierSerializer(many=True))
    def get_tiers(self, package) -> list:
        rows = TierSerializer(package.tiers.all(), many=True).data
        masked = self._masked(package)
        return [{**row, "deliverables": [shown(item, masked=masked) for item in row["deliverables"]]} for row in rows]

    @extend_schema_field(AddonSerializer(many=True))
    def get_addons(self, package) -> list:
        rows = AddonSerializer([a for a in package.addons.all() if a.active], many=True).data
        masked = self._masked(package)
        return [{**row, "name": shown(row["name"], masked=masked)} for row in rows]

    def get_photos(self, package) -> list[str]:
        request = self.context.get("request")
        return [_photo_url(request, photo.image) for photo in package.photos.all()]

    def get_actions(self, package) -> list[str]:
        return package_actions(package, getattr(self.context.get("request"), "user", None))


@extend_schema_field(
    {"type": "array", "items": {"type": "object", "additionalProperties": True}, "minItems": 1, "maxItems": 3}
)
class TiersField(serializers.ListField):
    """One to three tiers (basic, standard, premium); the service says when none is given."""


@extend_schema_field({"type": "integer", "minimum": 0, "maximum": MAX_RUPIAH})
class RupiahParamField(serializers.CharField):
    """An amount in a query (``1500000``, also ``1.500.000``): read by ``_rupiah_param``."""


class PackageWriteSerializer(serializers.Serializer):
    category = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Category.objects.all(),
        error_messages={"does_not_exist": _("Unknown category “{value}”.")},
    )
    title = serializers.CharField(max_length=140)
    description = serializers.CharField()
    tiers = TiersField(child=serializers.DictField(), max_length=3)
    addons = serializers.ListField(child=serializers.DictField(), required=False, default=list, max_length=8)


class PackageUpdateSerializer(PackageWriteSerializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class PackageFilter(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200)
    category = serializers.CharField(required=False, allow_blank=True)
    bakorwil = serializers.CharField(required=False, allow_blank=True)
    kabupaten = serializers.CharField(required=False, allow_blank=True)
    price_min = RupiahParamField(required=False, allow_blank=True)
    price_max = RupiahParamField(required=False, allow_blank=True)
    max_days = serializers.IntegerField(required=False, min_value=1, max_value=365)
    min_rating = serializers.DecimalField(required=False, max_digits=3, decimal_places=2, min_value=0, max_value=5)
    ordering = serializers.ChoiceField(choices=list(selectors.SORTS), required=False)

    def validate_price_min(self, value):
        return _rupiah_param("price_min", value)

    def validate_price_max(self, value):
        return _rupiah_param("price_max", value)


def _rupiah_param(name, value):
    from mjc.core.money import RupiahParseError, parse_rupiah

    if value in (None, ""):
        return None
    try:
        return parse_rupiah(value)
    except RupiahParseError as exc:
        raise serializers.ValidationError(str(exc.message)) from exc


def search_params(data) -> dict:
    params = PackageFilter(data=data)
    params.is_valid(raise_exception=True)
    values = params.validated_data
    return {
        "q": values.get("q", ""),
        "category": values.get("category") or None,
        "bakorwil": values.get("bakorwil") or None,
        "kabupaten": values.get("kabupaten") or None,
        "price_min": values.get("price_min"),
        "price_max": values.get("price_max"),
        "max_days": values.get("max_days"),
        "min_rating": values.get("min_rating"),
        "sort": values.get("ordering", ""),
    }


def _visible_package(request, pk) -> Package:
    package = selectors.package_detail(pk=pk, user=request.user)
    if package is None:
        raise NotFound(_("Package not found."), code="package_not_found")
    return package


def _detail(request, pk, code=status.HTTP_200_OK):
    package = _visible_package(request, pk)
    context = {"request": request, "detail": True}
    return Response(PackageDetailSerializer(package, context=context).data, status=code)


class PackageListCreateApi(generics.GenericAPIView):
    """Active packages (anyone), searched and filtered; a creative creates one as a draft."""

    serializer_class = PackageSerializer
    pagination_class = KeysetPagination
    queryset = Package.objects.none()  # for the schema; get() reads through the selector

    @extend_schema(parameters=[PackageFilter], responses={200: PackageSerializer(many=True)})
    @public_list_cached  # anonymous catalogue reads, like the gig list (docs/bench-after-2026-12-03.md)
    def get(self, request):
        near = getattr(request.user, "kabupaten", None) if request.user.is_authenticated else None
        queryset = selectors.package_search(**search_params(request.query_params), near=near)
        page = self.paginate_queryset(queryset)
        data = PackageSerializer(page, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    @extend_schema(request=PackageWriteSerializer, responses={201: PackageDetailSerializer})
    def post(self, request):
        if not request.user.is_authenticated:
            from mjc.core.errors import NotAuthenticated

            raise NotAuthenticated()
        data = PackageWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        package = services.package_create(user=request.user, **data.validated_data)
        return _detail(request, package.pk, code=status.HTTP_201_CREATED)


class PackageDetailApi(APIView):
    @extend_schema(responses={200: PackageDetailSerializer})
    def get(self, request, pk: int):
        return _detail(request, pk)

    @extend_schema(request=PackageUpdateSerializer, responses={200: PackageDetailSerializer})
    def patch(self, request, pk: int):
        package = _visible_package(request, pk)
        data = PackageUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.package_update(package=package, user=request.user, **data.validated_data)
        return _detail(request, pk)


def _package_action(service_name: str, description: str):
    class PackageActionApi(APIView):
        permission_classes = [permissions.IsAuthenticated]

        @extend_schema(request=None, responses={200: PackageDetailSerializer}, description=description)
        def post(self, request, pk: int):
            getattr(services, service_name)(package=_visible_package(request, pk), user=request.user)
            return _detail(request, pk)

    PackageActionApi.__name__ = f"Package{service_name.split('_')[1].title()}Api"
    return PackageActionApi


PackagePublishApi = _package_action("package_publish", "Its creative publishes the package (draft or paused → active).")
PackagePauseApi = _package_action("package_pause", "Its creative pauses the package (active → paused).")
PackageArchiveApi = _package_action("package_archive", "Its creative archives the package for good.")


class PhotoAddSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, help_text="An image (JPG, PNG or WEBP), cleaned like every image.")
    portfolio_item = serializers.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, help_text="Or the id of one of your portfolio items."
    )


class PhotoFromPortfolioSerializer(serializers.Serializer):
    """The JSON form of PhotoAddSerializer: a JSON body cannot carry a file."""

    portfolio_item = serializers.IntegerField(
        min_value=1, max_value=2**63 - 1, help_text="The id of one of your portfolio items."
    )


class PhotoApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request={"multipart/form-data": PhotoAddSerializer, "application/json": PhotoFromPortfolioSerializer},
        responses={201: PackageDetailSerializer},
        description="Its creative adds a photo: an upload (multipart ``file``) or one of their portfolio items.",
    )
    def post(self, request, pk: int):
        data = PhotoAddSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.package_photo_add(
            package=_visible_package(request, pk),
            user=request.user,
            upload=data.validated_data.get("file"),
            portfolio_item=data.validated_data.get("portfolio_item"),
        )
        return _detail(request, pk, code=status.HTTP_201_CREATED)


class PhotoDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=None,
        responses={204: None},
        description="Its creative removes a photo (404 for anyone else, and once it is gone). The stored "
        "files go too, unless a portfolio item still shows them.",
    )
    def delete(self, request, pk: int, photo_id: int):
        photo = selectors.own_package_photo(package_pk=pk, photo_pk=photo_id, user=request.user)
        if photo is None or not services.package_photo_remove(photo=photo, user=request.user):
            raise NotFound(_("Photo not found."), code=PackageErrorCode.PHOTO_NOT_FOUND)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- orders ------------------------------------------------------------------------------------


class OrderFileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:

        return path_to("packages:order_file", obj.order_id, obj.pk)


class OrderSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField(help_text="requested, accepted, declined, cancelled, expired")
    package = serializers.IntegerField(source="package_id")
    package_title = serializers.CharField(source="package.title")
    tier = serializers.CharField(source="tier_level")
    addons = serializers.SerializerMethodField()
    deliverables = serializers.SerializerMethodField()
    amount = serializers.IntegerField()
    due_days = serializers.IntegerField()
    revisions = serializers.IntegerField()
    brief = serializers.SerializerMethodField()
    business = serializers.IntegerField(source="business_id")
    business_name = serializers.CharField(source="business.name")
    creative = serializers.IntegerField(source="creative_id")
    expires_at = serializers.DateTimeField()
    decline_reason = serializers.CharField()
    contract = serializers.IntegerField(source="contract_id", allow_null=True)
    actions = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def _masked_for_owner(self, order) -> bool:
        """The add-ons' names and the deliverables are the creative's words: the owner reads them
        masked until the contract exists."""
        user = getattr(self.context.get("request"), "user", None)
        return not order.contract_id and (user is None or user.pk != order.creative.user_id)

    def get_addons(self, order) -> list:
        masked = self._masked_for_owner(order)
        return [{**addon, "name": shown(addon.get("name"), masked=masked)} for addon in order.addons or []]

    def get_deliverables(self, order) -> list:
        masked = self._masked_for_owner(order)
        return [shown(item, masked=masked) for item in order.deliverables or []]

    def get_brief(self, order) -> str:
        user = getattr(self.context.get("request"), "user", None)
        # the brief is the owner's text: the creative sees it masked until the contract exists
        if user is not None and (user.pk == order.owner_id or order.contract_id):
            return order.brief
        return mask_contacts(order.brief)

    def get_actions(self, order) -> list[str]:
        return order_actions(order, getattr(self.context.get("request"), "user", None))


class OrderDetailSerializer(OrderSerializer):
    files = OrderFileSerializer(many=True)


class OrderWriteSerializer(serializers.Serializer):
    tier = serializers.CharField(max_length=20, help_text="basic, standard, premium or the tier's id")
    addons = serializers.ListField(child=serializers.IntegerField(), required=False, default=list, max_length=20)
    business = serializers.PrimaryKeyRelatedField(queryset=Business.objects.all(), required=False)
    brief = serializers.CharField(
        max_length=5000,
        required=False,
        allow_blank=True,
        default="",
        help_text="Plain text. May be left empty when `answers` to the `template` say enough.",
    )
    template = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=GigTemplate.objects.all(),
        required=False,
        help_text="A brief template of the package's category (GET /api/v1/gig-templates/); else 400 unknown_template",
    )
    answers = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text="The template's answers by question key; they become the first lines of the brief",
    )


class PackageOrderApi(APIView):
    """An owner orders a tier (and add-ons) of an active package; multipart for brief files."""

    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(request=OrderWriteSerializer, responses={201: OrderDetailSerializer})
    def post(self, request, pk: int):
        package = _visible_package(request, pk)
        raw = request.data
        if hasattr(raw, "getlist"):  # multipart: add-ons as repeated fields
            raw = {key: raw.get(key) for key in raw if key not in ("addons", "files")} | {
                "addons": [value for value in raw.getlist("addons") if value != ""]
            }
        data = OrderWriteSerializer(data=raw)
        data.is_valid(raise_exception=True)
        order = services.order_create(
            package=package, user=request.user, uploads=request.FILES.getlist("files"), **data.validated_data
        )
        return _order_response(request, order.pk, code=status.HTTP_201_CREATED)


def _visible_order(request, pk) -> Order:
    order = selectors.order_detail(pk=pk, user=request.user)
    if order is None:
        raise NotFound(_("Order not found."), code="order_not_found")
    return order


def _order_response(request, pk, code=status.HTTP_200_OK):
    return Response(OrderDetailSerializer(_visible_order(request, pk), context={"request": request}).data, status=code)


class OrderListApi(generics.ListAPIView):
    """The signed-in user's orders, as owner or as the package's creative (``role`` narrows)."""

    serializer_class = OrderSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = KeysetPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Order.objects.none()
        return selectors.orders_of(user=self.request.user, role=self.request.query_params.get("role", ""))


class OrderDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: OrderDetailSerializer})
    def get(self, request, pk: int):
        return _order_response(request, pk)


class ContractRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    amount = serializers.IntegerField()
    due_date = serializers.DateField()
    revisions_allowed = serializers.IntegerField()
    url = serializers.CharField(source="get_absolute_url")


class OrderAcceptApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={201: ContractRefSerializer})
    def post(self, request, pk: int):
        contract = services.order_accept(order=_visible_order(request, pk), user=request.user)
        from gigs.models import Contract

        contract = Contract.objects.get(pk=contract.pk)
        return Response(ContractRefSerializer(contract).data, status=status.HTTP_201_CREATED)


class DeclineReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class OrderDeclineApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=DeclineReasonSerializer, responses={200: OrderDetailSerializer})
    def post(self, request, pk: int):
        data = DeclineReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.order_decline(
            order=_visible_order(request, pk), user=request.user, reason=data.validated_data["reason"]
        )
        return _order_response(request, pk)


class OrderCancelApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: OrderDetailSerializer})
    def post(self, request, pk: int):
        services.order_cancel(order=_visible_order(request, pk), user=request.user)
        return _order_response(request, pk)

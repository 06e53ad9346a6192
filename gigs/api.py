"""The marketplace rows of the API (SPEC section 6). Views parse input, call one service or
selector and answer; errors come back in the shared shape from mjc.core.api."""

import django_filters
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, permissions, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from creatives.models import CreativeProfile
from gigs import selectors, services
from gigs.contacts import mask_field
from gigs.models import Bid, Contract, Gig, GigTemplate, Report, Review
from gigs.statuses import ReportAction, WorkMode
from mjc.categories.models import Category
from mjc.core.api import public_list_cached
from mjc.core.errors import NotFound
from mjc.core.money import RupiahFilter, RupiahSerializerField
from mjc.core.pagination import KeysetPagination
from mjc.regions.models import Bakorwil, Kabupaten
from umkm.models import Business

# --- serializers ---------------------------------------------------------------------------


class FileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        from django.urls import reverse

        name = "gigs:attachment" if obj.__class__.__name__ == "GigAttachment" else "gigs:delivery_file"
        return reverse(name, args=[obj.pk])


class GigSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    business = serializers.IntegerField(source="business_id", read_only=True)
    business_name = serializers.CharField(source="business.name", read_only=True)
    kabupaten = serializers.CharField(source="kabupaten.code", read_only=True)
    kabupaten_name = serializers.CharField(source="kabupaten.name", read_only=True)
    bakorwil = serializers.CharField(source="kabupaten.bakorwil.code", read_only=True)
    bid_count = serializers.IntegerField(read_only=True, default=None)
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    status = serializers.CharField(read_only=True, help_text="draft, open, in_progress, completed, cancelled, expired")

    class Meta:
        model = Gig
        fields = [
            "id",
            "title",
            "description",
            "category",
            "business",
            "business_name",
            "budget_min",
            "budget_max",
            "deadline",
            "kabupaten",
            "kabupaten_name",
            "bakorwil",
            "work_mode",
            "status",
            "published_at",
            "created_at",
            "bid_count",
            "url",
        ]
        read_only_fields = fields

    # issue 12: contact details in a brief are masked for all but its owner (lists do not
    # look for contracts; the detail does, see GigDetailSerializer)
    check_contract_for_contacts = False

    def to_representation(self, gig):
        data = super().to_representation(gig)
        return mask_field(
            self, data, "description", author_id=gig.business.owner_id, check_contract=self.check_contract_for_contacts
        )


class GigDetailSerializer(GigSerializer):
    check_contract_for_contacts = True

    attachments = serializers.SerializerMethodField(
        help_text="Brief attachments (name, size, download URL): only for the owner and creatives whose bid is "
        "in the running or accepted; an empty list for everyone else."
    )
    attachment_count = serializers.SerializerMethodField(help_text="How many brief attachments the gig has.")
    contract = serializers.SerializerMethodField()

    class Meta(GigSerializer.Meta):
        fields = [*GigSerializer.Meta.fields, "attachments", "attachment_count", "contract"]
        read_only_fields = fields

    @extend_schema_field(FileSerializer(many=True))
    def get_attachments(self, gig) -> list:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if not selectors.may_read_brief_files(gig=gig, user=user):
            return []
        return FileSerializer(gig.attachments.all(), many=True).data

    def get_attachment_count(self, gig) -> int:
        return len(gig.attachments.all())

    def get_contract(self, gig) -> int | None:
        contract = getattr(gig, "contract", None) if hasattr(gig, "contract") else None
        return contract.pk if contract else None


class GigWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=140)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    category = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Category.objects.all(),
        error_messages={"does_not_exist": _("Unknown category “{value}”.")},
    )
    budget_min = RupiahSerializerField()
    budget_max = RupiahSerializerField()
    deadline = serializers.DateField()
    kabupaten = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Kabupaten.objects.all(),
        required=False,
        error_messages={"does_not_exist": _("Unknown kabupaten/kota code “{value}”.")},
    )
    work_mode = serializers.ChoiceField(choices=WorkMode.choices, default=WorkMode.REMOTE)
    business = serializers.PrimaryKeyRelatedField(queryset=Business.objects.all(), required=False)
    template = serializers.SlugRelatedField(slug_field="slug", queryset=GigTemplate.objects.all(), required=False)
    answers = serializers.DictField(child=serializers.JSONField(), required=False)

    def validate(self, data):
        if data.get("budget_min") and data.get("budget_max") and data["budget_min"] > data["budget_max"]:
            raise serializers.ValidationError({"budget_max": [str(_max_below_min())]})
        if not self.partial and not (data.get("description") or "").strip() and not data.get("answers"):
            raise serializers.ValidationError({"description": [str(_describe())]})
        return data


def _max_below_min():
    from django.utils.translation import gettext as _

    return _("The maximum budget cannot be lower than the minimum.")


def _describe():
    from django.utils.translation import gettext as _

    return _("Please describe the job (or answer the template's questions).")


class GigUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=140, required=False)
    description = serializers.CharField(required=False)
    category = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Category.objects.all(),
        required=False,
        error_messages={"does_not_exist": _("Unknown category “{value}”.")},
    )
    budget_min = RupiahSerializerField(required=False)
    budget_max = RupiahSerializerField(required=False)
    deadline = serializers.DateField(required=False)
    kabupaten = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Kabupaten.objects.all(),
        required=False,
        error_messages={"does_not_exist": _("Unknown kabupaten/kota code “{value}”.")},
    )
    work_mode = serializers.ChoiceField(choices=WorkMode.choices, required=False)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class CreativeBriefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.full_name")
    rating_avg = serializers.DecimalField(max_digits=3, decimal_places=2, coerce_to_string=False)

    class Meta:
        model = CreativeProfile
        fields = ["id", "name", "headline", "rating_avg", "rating_count", "completed_count"]


class BidSerializer(serializers.ModelSerializer):
    creative = CreativeBriefSerializer(read_only=True)
    conversation = serializers.IntegerField(source="conversation.pk", read_only=True, default=None)
    status = serializers.CharField(read_only=True, help_text="pending, shortlisted, accepted, rejected, withdrawn")

    class Meta:
        model = Bid
        fields = [
            "id",
            "gig",
            "creative",
            "amount",
            "delivery_days",
            "proposal",
            "status",
            "conversation",
            "created_at",
        ]
        read_only_fields = ["id", "gig", "creative", "status", "conversation", "created_at"]

    def to_representation(self, bid):  # issue 12: the proposal masked until a contract exists
        return mask_field(self, super().to_representation(bid), "proposal", author_id=bid.creative.user_id)


class BidWriteSerializer(serializers.Serializer):
    amount = RupiahSerializerField()
    delivery_days = serializers.IntegerField(min_value=1, max_value=365)
    proposal = serializers.CharField(max_length=5000)


class BidUpdateSerializer(serializers.Serializer):
    amount = RupiahSerializerField(required=False)
    delivery_days = serializers.IntegerField(min_value=1, max_value=365, required=False)
    proposal = serializers.CharField(max_length=5000, required=False)


class PartySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")


class DeliverySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    note = serializers.CharField()
    created_at = serializers.DateTimeField()
    files = FileSerializer(many=True)


class ReviewSerializer(serializers.ModelSerializer):
    author = PartySerializer(read_only=True)
    subject = PartySerializer(read_only=True)

    class Meta:
        model = Review
        fields = ["id", "contract", "author", "subject", "rating", "comment", "created_at"]
        read_only_fields = fields


class ContractSerializer(serializers.ModelSerializer):
    gig = serializers.SerializerMethodField()
    owner = PartySerializer(read_only=True)
    creative = serializers.SerializerMethodField()
    revisions_left = serializers.IntegerField(read_only=True)
    deliveries = DeliverySerializer(many=True, read_only=True)
    reviews = serializers.SerializerMethodField()
    conversation = serializers.IntegerField(source="bid.conversation.pk", read_only=True, default=None)
    status = serializers.CharField(
        read_only=True, help_text="active, delivered, revision_requested, completed, cancelled, disputed"
    )

    class Meta:
        model = Contract
        fields = [
            "id",
            "gig",
            "bid",
            "owner",
            "creative",
            "amount",
            "due_date",
            "revisions_allowed",
            "revisions_used",
            "revisions_left",
            "status",
            "cancel_reason",
            "dispute_reason",
            "disputed_by",
            "disputed_at",
            "dispute_resolution",
            "completed_at",
            "created_at",
            "deliveries",
            "reviews",
            "conversation",
        ]
        read_only_fields = fields

    def get_gig(self, contract) -> dict:
        return {"id": contract.gig_id, "title": contract.gig.title}

    def get_creative(self, contract) -> dict:
        return {"id": contract.creative_id, "user": contract.creative.user_id, "name": contract.creative.user.full_name}

    def get_reviews(self, contract) -> list:
        request = self.context.get("request")
        return ReviewSerializer(visible_reviews(contract, request.user if request else None), many=True).data


def visible_reviews(contract: Contract, user) -> list[Review]:
    """Double-blind, from the prefetched reviews: each party always sees their own."""
    reviews = list(contract.reviews.all())
    authors = {review.author_id for review in reviews}
    unblinded = contract.reviews_unblinded_at is not None and contract.reviews_unblinded_at <= timezone.now()
    both = {contract.owner_id, contract.creative.user_id} <= authors
    return [r for r in reviews if both or unblinded or (user is not None and r.author_id == user.pk)]


class DeliverRequestSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    files = serializers.ListField(child=serializers.FileField(), min_length=1, max_length=services.MAX_FILES_PER_UPLOAD)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5000)


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class DisputeSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)


class ReviewWriteSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    comment = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    sender = PartySerializer(read_only=True)
    body = serializers.CharField(max_length=5000)
    created_at = serializers.DateTimeField(read_only=True)

    def to_representation(self, message):  # issue 12: contact details masked until a contract exists
        return mask_field(self, super().to_representation(message), "body", author_id=message.sender_id)


class ReportWriteSerializer(serializers.Serializer):
    gig = serializers.IntegerField(required=False)
    bid = serializers.IntegerField(required=False)
    user = serializers.IntegerField(required=False)
    reason = serializers.CharField(max_length=4000)


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    created_at = serializers.DateTimeField()


class ReportResolveSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=ReportAction.choices, default=ReportAction.NONE)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class ReportResolvedSerializer(ReportSerializer):
    action = serializers.CharField()
    resolution_note = serializers.CharField()
    resolved_at = serializers.DateTimeField()


class PriceGuidanceQuerySerializer(serializers.Serializer):
    category = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Category.objects.all(),
        error_messages={"does_not_exist": _("Unknown category “{value}”.")},
    )
    bakorwil = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Bakorwil.objects.all(),
        required=False,
        error_messages={"does_not_exist": _("Unknown Bakorwil “{value}”.")},
    )


class PriceGuidanceSerializer(serializers.Serializer):
    category = serializers.CharField()
    scope = serializers.CharField(help_text="bakorwil when that region has enough accepted bids, else province")
    bakorwil = serializers.CharField(allow_null=True)
    count = serializers.IntegerField()
    median = serializers.IntegerField(allow_null=True)
    low = serializers.IntegerField(allow_null=True)
    high = serializers.IntegerField(allow_null=True)
    p25 = serializers.IntegerField(allow_null=True)
    p75 = serializers.IntegerField(allow_null=True)
    refreshed_at = serializers.DateTimeField(
        allow_null=True,
        help_text="when these figures were computed (they are refreshed hourly and after a bid is accepted)",
    )


class GigTemplateSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = serializers.CharField(source="label")
    intro = serializers.CharField(source="intro_text")
    questions = serializers.SerializerMethodField()

    class Meta:
        model = GigTemplate
        fields = ["slug", "category", "title", "intro", "questions", "suggested_budget_min", "suggested_budget_max"]

    def get_questions(self, template) -> list:
        return [
            {"key": q["key"], "label": q["text"], "kind": q["kind"], "choices": q["choices"]}
            for q in template.question_list()
        ]


# --- filters -------------------------------------------------------------------------------


class GigFilter(django_filters.FilterSet):
    """The public list's filters; the search itself is selectors.gig_search."""

    q = django_filters.CharFilter(label="q", method="noop", help_text="Words to search (typos allowed)")
    category = django_filters.CharFilter(method="noop", help_text="Category slug, e.g. kemasan")
    bakorwil = django_filters.CharFilter(method="noop", help_text="Bakorwil code I–V")
    kabupaten = django_filters.CharFilter(method="noop", help_text="BPS code, e.g. 3507")
    budget_min = RupiahFilter(method="noop", help_text="Whole Rupiah, e.g. 750000 or 750.000")
    budget_max = RupiahFilter(method="noop", help_text="Whole Rupiah, e.g. 1500000 or 1.500.000")
    work_mode = django_filters.ChoiceFilter(method="noop", choices=WorkMode.choices)
    sort = django_filters.ChoiceFilter(method="noop", choices=[(key, key) for key in selectors.SORTS])

    class Meta:
        model = Gig
        fields = []

    def noop(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return selectors.gig_search(
            q=data.get("q") or "",
            category=data.get("category") or None,
            bakorwil=data.get("bakorwil") or None,
            kabupaten=data.get("kabupaten") or None,
            budget_min=int(data["budget_min"]) if data.get("budget_min") else None,
            budget_max=int(data["budget_max"]) if data.get("budget_max") else None,
            work_mode=data.get("work_mode") or None,
            sort=data.get("sort") or "",
        )


# --- helpers -------------------------------------------------------------------------------


def _visible_gig(request, pk) -> Gig:
    gig = selectors.gig_detail(pk=pk, user=request.user)
    if gig is None:
        raise NotFound()
    return gig


def _visible_bid(request, pk) -> Bid:
    return get_object_or_404(selectors.bids_visible_to(request.user), pk=pk)


def _visible_contract(request, pk) -> Contract:
    contract = selectors.contract_detail(pk=pk, user=request.user)
    if contract is None:
        raise NotFound()
    return contract


def _contract_response(request, contract: Contract, code=status.HTTP_200_OK) -> Response:
    fresh = selectors.contract_detail(pk=contract.pk, user=request.user)
    return Response(ContractSerializer(fresh, context={"request": request}).data, status=code)


GIG_EXAMPLE = OpenApiExample(
    "From a template",
    request_only=True,
    value={
        "title": "Desain kemasan keripik tempe",
        "category": "kemasan",
        "template": "desain-kemasan-keripik",
        "answers": {"product": "Keripik tempe original dan balado", "size": "100 g", "medium": "Cetak"},
        "description": "Kemasan standing pouch yang menonjol di rak oleh-oleh.",
        "budget_min": 750000,
        "budget_max": 1500000,
        "deadline": "2026-12-31",
        "kabupaten": "3507",
        "work_mode": "remote",
    },
)
ERROR_EXAMPLE = OpenApiExample(
    "Illegal move",
    response_only=True,
    status_codes=["409"],
    value={
        "message": "Another bid has already been accepted for this gig.",
        "code": "bid_already_accepted",
        "extra": {},
    },
)


# --- gigs ----------------------------------------------------------------------------------


class GigListCreateApi(generics.ListCreateAPIView):
    """Open gigs (anyone), searched and filtered; an owner creates a gig as a draft."""

    serializer_class = GigSerializer
    filterset_class = GigFilter
    pagination_class = KeysetPagination

    def get_queryset(self) -> QuerySet:
        return selectors.gig_search()

    @public_list_cached
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=GigWriteSerializer, responses={201: GigDetailSerializer}, examples=[GIG_EXAMPLE])
    def post(self, request):
        data = GigWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gig = services.gig_create(user=request.user, **data.validated_data)
        return Response(
            GigDetailSerializer(_visible_gig(request, gig.pk), context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class GigDetailApi(APIView):
    @extend_schema(responses={200: GigDetailSerializer})
    def get(self, request, pk: int):
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)

    @extend_schema(request=GigUpdateSerializer, responses={200: GigDetailSerializer})
    def patch(self, request, pk: int):
        gig = _visible_gig(request, pk)
        data = GigUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.gig_update(gig=gig, user=request.user, **data.validated_data)
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)


class GigPublishApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: GigDetailSerializer}, examples=[ERROR_EXAMPLE])
    def post(self, request, pk: int):
        services.gig_publish(gig=_visible_gig(request, pk), user=request.user)
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)


class GigCancelApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=ReasonSerializer, responses={200: GigDetailSerializer})
    def post(self, request, pk: int):
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.gig_cancel(gig=_visible_gig(request, pk), user=request.user, reason=data.validated_data["reason"])
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)


class GigAttachmentApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={
            "multipart/form-data": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
        },
        responses={201: FileSerializer},
    )
    def post(self, request, pk: int):
        attachment = services.gig_attachment_add(
            gig=_visible_gig(request, pk), user=request.user, upload=request.FILES.get("file")
        )
        return Response(FileSerializer(attachment).data, status=status.HTTP_201_CREATED)


class GigAttachmentDetailApi(APIView):
    """The owner removes a brief attachment while the gig is a draft or open."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, pk: int, attachment_pk: int):
        gig = _visible_gig(request, pk)
        attachment = gig.attachments.filter(pk=attachment_pk).first()
        if attachment is None:
            raise NotFound()
        services.gig_attachment_remove(attachment=attachment, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationWriteSerializer(serializers.Serializer):
    creative = serializers.PrimaryKeyRelatedField(queryset=CreativeProfile.objects.all())


class InvitationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    gig = serializers.IntegerField(source="gig_id")
    creative = serializers.IntegerField(source="creative_id")


class GigInvitationApi(APIView):
    """The owner invites a creative (by profile id) to bid on an open gig."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=InvitationWriteSerializer, responses={201: InvitationSerializer})
    def post(self, request, pk: int):
        gig = _visible_gig(request, pk)
        data = InvitationWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        creative = data.validated_data["creative"]
        invitation = services.invitation_create(gig=gig, creative=creative, user=request.user)
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


# --- bids ----------------------------------------------------------------------------------


class GigBidsApi(generics.ListAPIView):
    """The owner sees every bid of the gig; a creative sees their own. Creatives bid here."""

    serializer_class = BidSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = KeysetPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Bid.objects.none()
        gig = _visible_gig(self.request, self.kwargs["pk"])
        return selectors.bids_of_gig(gig=gig, user=self.request.user)

    @extend_schema(
        request=BidWriteSerializer,
        responses={201: BidSerializer},
        examples=[
            OpenApiExample(
                "A bid",
                request_only=True,
                value={"amount": 1200000, "delivery_days": 7, "proposal": "Tiga alternatif desain, revisi dua kali."},
            ),
            OpenApiExample(
                "Second bid",
                response_only=True,
                status_codes=["409"],
                value={"message": "You have already bid on this gig.", "code": "bid_exists", "extra": {}},
            ),
        ],
    )
    def post(self, request, pk: int):
        gig = _visible_gig(request, pk)
        data = BidWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        bid = services.bid_place(gig=gig, user=request.user, **data.validated_data)
        return Response(
            BidSerializer(_visible_bid(request, bid.pk), context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class BidDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: BidSerializer})
    def get(self, request, pk: int):
        return Response(BidSerializer(_visible_bid(request, pk), context={"request": request}).data)

    @extend_schema(request=BidUpdateSerializer, responses={200: BidSerializer})
    def patch(self, request, pk: int):
        bid = _visible_bid(request, pk)
        data = BidUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.bid_update(bid=bid, user=request.user, **data.validated_data)
        return Response(BidSerializer(_visible_bid(request, pk), context={"request": request}).data)


class BidAcceptApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={201: ContractSerializer, 200: ContractSerializer}, examples=[ERROR_EXAMPLE])
    def post(self, request, pk: int):
        contract = services.bid_accept(bid=_visible_bid(request, pk), user=request.user)
        return _contract_response(request, contract, code=status.HTTP_201_CREATED)


def _bid_action(service_name: str, description: str):
    class BidActionApi(APIView):
        permission_classes = [permissions.IsAuthenticated]

        @extend_schema(request=None, responses={200: BidSerializer}, description=description)
        def post(self, request, pk: int):
            getattr(services, service_name)(bid=_visible_bid(request, pk), user=request.user)
            return Response(BidSerializer(_visible_bid(request, pk), context={"request": request}).data)

    BidActionApi.__name__ = f"Bid{service_name.split('_')[1].title()}Api"
    return BidActionApi


BidRejectApi = _bid_action("bid_reject", "The gig's owner turns this bid down.")
BidShortlistApi = _bid_action("bid_shortlist", "The gig's owner shortlists this bid.")
BidWithdrawApi = _bid_action("bid_withdraw", "The bidder withdraws the bid.")


class BidMessagesApi(APIView):
    """The conversation between the gig's owner and this bidder (it carries on into the contract)."""

    permission_classes = [permissions.IsAuthenticated]

    def _conversation(self, request, pk):
        bid = _visible_bid(request, pk)
        return get_object_or_404(selectors.conversations_visible_to(request.user), bid=bid)

    @extend_schema(responses={200: MessageSerializer(many=True)})
    def get(self, request, pk: int):
        messages = selectors.messages_of(conversation=self._conversation(request, pk))
        return Response(MessageSerializer(messages, many=True, context={"request": request}).data)

    @extend_schema(request=MessageSerializer, responses={201: MessageSerializer})
    def post(self, request, pk: int):
        data = MessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.message_send(
            conversation=self._conversation(request, pk), user=request.user, body=data.validated_data["body"]
        )
        return Response(MessageSerializer(message, context={"request": request}).data, status=status.HTTP_201_CREATED)


# --- contracts -----------------------------------------------------------------------------


class ContractListApi(generics.ListAPIView):
    """The signed-in user's contracts, as owner or as creative."""

    serializer_class = ContractSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return selectors.contracts_visible_to(self.request.user).prefetch_related(
            "deliveries__files", "reviews__author", "reviews__subject", "bid__conversation"
        )


class ContractDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: ContractSerializer})
    def get(self, request, pk: int):
        contract = _visible_contract(request, pk)
        return Response(ContractSerializer(contract, context={"request": request}).data)


class ContractDeliverApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {
                    "note": {"type": "string"},
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                },
                "required": ["files"],
            }
        },
        responses={200: ContractSerializer},
        description="The contracted creative delivers: a note and one or more files (PDF, images, ZIP, Office…).",
    )
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        uploads = request.FILES.getlist("files") or request.FILES.getlist("file")
        note = request.data.get("note", "") if hasattr(request.data, "get") else ""
        services.contract_deliver(contract=contract, user=request.user, note=str(note)[:5000], uploads=uploads)
        return _contract_response(request, contract)


class ContractRevisionApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=NoteSerializer,
        responses={200: ContractSerializer},
        examples=[OpenApiExample("Ask for changes", value={"note": "Logonya diperbesar, warna lebih hangat."})],
    )
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.contract_request_revision(contract=contract, user=request.user, note=data.validated_data["note"])
        return _contract_response(request, contract)


class ContractCompleteApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: ContractSerializer})
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        services.contract_complete(contract=contract, user=request.user)
        return _contract_response(request, contract)


class ContractCancelApi(APIView):
    """The owner cancels the contract (SPEC rule 5): the creative gets 403 and withdraws instead."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=CancelSerializer, responses={200: ContractSerializer})
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        data = CancelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.contract_cancel(contract=contract, user=request.user, reason=data.validated_data["reason"])
        return _contract_response(request, contract)


class ContractWithdrawApi(APIView):
    """The contracted creative withdraws from an active contract before any delivery, with a
    reason: the contract ends `withdrawn`, the gig is `open` for bids again and the owner is
    notified. 403 for anyone but the creative; 409 `contract_not_withdrawable` after a delivery
    or in any other status (a dispute settles those)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=CancelSerializer,
        responses={200: ContractSerializer},
        examples=[OpenApiExample("Withdraw", value={"reason": "Saya sakit dan tidak bisa menyelesaikan tepat waktu."})],
    )
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        data = CancelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.contract_withdraw(contract=contract, user=request.user, reason=data.validated_data["reason"])
        return _contract_response(request, contract)


class ContractDisputeApi(APIView):
    """Either party asks MJC to settle the contract (while it is in progress, delivered or in
    revision); 409 in any other state or when a dispute is already open."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=DisputeSerializer,
        responses={200: ContractSerializer},
        examples=[
            OpenApiExample("Open a dispute", value={"reason": "Sudah 3 minggu lewat tenggat, belum ada hasil."}),
            ERROR_EXAMPLE,
        ],
    )
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        data = DisputeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.contract_dispute(contract=contract, user=request.user, reason=data.validated_data["reason"])
        return _contract_response(request, contract)


class ContractReviewsApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: ReviewSerializer(many=True)})
    def get(self, request, pk: int):
        contract = _visible_contract(request, pk)
        return Response(ReviewSerializer(visible_reviews(contract, request.user), many=True).data)

    @extend_schema(
        request=ReviewWriteSerializer,
        responses={201: ReviewSerializer},
        examples=[OpenApiExample("Five stars", value={"rating": 5, "comment": "Cepat dan rapi. Terima kasih!"})],
    )
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        data = ReviewWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = services.review_create(contract=contract, user=request.user, **data.validated_data)
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)


class ContractMessagesApi(BidMessagesApi):
    def _conversation(self, request, pk):
        contract = _visible_contract(request, pk)
        return get_object_or_404(selectors.conversations_visible_to(request.user), bid_id=contract.bid_id)


# --- reports, price guidance, templates ----------------------------------------------------


class ReportCreateApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ReportWriteSerializer,
        responses={201: ReportSerializer},
        examples=[
            OpenApiExample("Report a gig", value={"gig": 12, "reason": "Penipuan: minta transfer di luar platform."})
        ],
    )
    def post(self, request):
        data = ReportWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        from django.contrib.auth import get_user_model

        gig = _visible_gig(request, values["gig"]) if values.get("gig") else None
        bid = _visible_bid(request, values["bid"]) if values.get("bid") else None
        target = get_object_or_404(get_user_model(), pk=values["user"], is_active=True) if values.get("user") else None
        report = services.report_create(
            user=request.user, reason=values["reason"], gig=gig, bid=bid, target_user=target
        )
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)


class ReportResolveApi(APIView):
    """MJC admins close a report, optionally cancelling the gig, rejecting the bid or
    deactivating the account. For anyone else reports do not exist (404)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ReportResolveSerializer,
        responses={200: ReportResolvedSerializer},
        examples=[OpenApiExample("Cancel a fraudulent gig", value={"action": "gig_cancelled", "note": "Penipuan."})],
    )
    def post(self, request, pk: int):
        if not request.user.is_superuser:
            raise NotFound()
        report = get_object_or_404(Report, pk=pk)
        data = ReportResolveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_resolve(report=report, admin=request.user, **data.validated_data)
        return Response(ReportResolvedSerializer(report).data)


class PriceGuidanceApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("category", str, required=True, description="Category slug, e.g. kemasan"),
            OpenApiParameter("bakorwil", str, required=False, description="Bakorwil code I–V"),
        ],
        responses={200: PriceGuidanceSerializer},
        examples=[
            OpenApiExample(
                "Packaging in Bakorwil III",
                response_only=True,
                value={
                    "category": "kemasan",
                    "scope": "bakorwil",
                    "bakorwil": "III",
                    "count": 7,
                    "median": 1200000,
                    "low": 600000,
                    "high": 2500000,
                    "p25": 900000,
                    "p75": 1500000,
                },
            )
        ],
    )
    def get(self, request):
        data = PriceGuidanceQuerySerializer(data=request.query_params)
        data.is_valid(raise_exception=True)
        category, code = data.validated_data["category"], data.validated_data.get("bakorwil")
        guidance = selectors.price_guidance(category=category, bakorwil=code.code if code else None)
        return Response(PriceGuidanceSerializer(guidance).data)


class GigTemplateListApi(generics.ListAPIView):
    serializer_class = GigTemplateSerializer
    permission_classes = [permissions.AllowAny]
    pagination_class = None

    def get_queryset(self):
        templates = selectors.templates_active()
        category = self.request.query_params.get("category")
        return templates.filter(category__slug=category) if category else templates

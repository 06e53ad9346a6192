"""The marketplace's API serializers (SPEC section 6): the shapes of gigs, bids, contracts,
reviews, messages, reports, price guidance and templates."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from creatives.models import CreativeProfile
from gigs import selectors, services
from gigs.contacts import mask_field
from gigs.models import Bid, Contract, Gig, GigTemplate, Review
from gigs.selectors import visible_reviews
from gigs.statuses import GigStatus, ReportAction, WorkMode
from mjc.categories.models import Category
from mjc.core.badges import badge_list, badge_serializer_field, business_badge_codes
from mjc.core.money import RupiahSerializerField
from mjc.core.paths import path_to
from mjc.regions.models import Bakorwil, Kabupaten
from umkm.models import Business, Product


class FileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:

        name = "gigs:attachment" if obj.__class__.__name__ == "GigAttachment" else "gigs:delivery_file"
        return path_to(name, obj.pk)


def _user(serializer):
    request = serializer.context.get("request")
    return getattr(request, "user", None)


PICTURE_PRODUCT_HELP = (
    "The id of one of the business's products whose photo the gig shows (another business's is refused, "
    "400 picture_not_own_product). To upload a photo instead, POST it to /api/gigs/{id}/picture/."
)
ACTIONS_HELP = "What the caller may do with it now (draw these buttons); anything else is refused."


class GigSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    business = serializers.IntegerField(source="business_id", read_only=True)
    business_name = serializers.CharField(source="business.name", read_only=True)
    business_badges = badge_serializer_field()
    kabupaten = serializers.CharField(source="kabupaten.code", read_only=True)
    kabupaten_name = serializers.CharField(source="kabupaten.name", read_only=True)
    bakorwil = serializers.CharField(source="kabupaten.bakorwil.code", read_only=True)
    bid_count = serializers.IntegerField(read_only=True, default=None)
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    status = serializers.CharField(read_only=True, help_text="draft, open, in_progress, completed, cancelled, expired")
    actions = serializers.SerializerMethodField(help_text=ACTIONS_HELP + " edit, attach, publish, invite, cancel, bid")
    picture = serializers.SerializerMethodField(
        help_text="Absolute URL of the gig's list picture: its photo (a square thumbnail, 192 px) or, "
        "without one, its category's illustration (SVG)."
    )
    picture_is_photo = serializers.SerializerMethodField(
        help_text="Whether `picture` is a photo (else an illustration)."
    )

    class Meta:
        model = Gig
        fields = [
            "id",
            "title",
            "description",
            "category",
            "business",
            "business_name",
            "business_badges",
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
            "picture",
            "picture_is_photo",
            "actions",
        ]
        read_only_fields = fields

    def get_business_badges(self, gig) -> list[dict]:
        return badge_list(business_badge_codes(gig.business))

    def get_actions(self, gig) -> list[str]:
        return selectors.gig_actions(gig, _user(self))

    def get_picture(self, gig) -> str:
        request = self.context.get("request")
        url = gig.list_picture_url
        return request.build_absolute_uri(url) if request is not None else url

    def get_picture_is_photo(self, gig) -> bool:
        return bool(gig.picture_list)

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
        fields = [*GigSerializer.Meta.fields, "picture_product", "attachments", "attachment_count", "contract"]
        read_only_fields = fields

    @extend_schema_field(FileSerializer(many=True))
    def get_attachments(self, gig) -> list:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if not selectors.may_read_brief_files(gig=gig, user=user):
            return []
        return FileSerializer(gig.attachments.all(), many=True).data

    def get_actions(self, gig) -> list[str]:
        # one object: whether the caller already bid is worth its one query here
        user = _user(self)
        my_bid = False
        if user is not None and user.is_authenticated and user.is_creative and gig.status == GigStatus.OPEN:
            my_bid = Bid.objects.filter(gig=gig, creative__user=user).first()
        return selectors.gig_actions(gig, user, my_bid=my_bid)

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
    picture_product = serializers.PrimaryKeyRelatedField(
        queryset=Product.objects.all(),
        required=False,
        allow_null=True,
        help_text=PICTURE_PRODUCT_HELP,
    )

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

    return _("Please describe the gig (or answer the template's questions).")


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
    picture_product = serializers.PrimaryKeyRelatedField(
        queryset=Product.objects.all(),
        required=False,
        allow_null=True,
        help_text=PICTURE_PRODUCT_HELP + " null takes the picture off.",
    )


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
    actions = serializers.SerializerMethodField()

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
            "actions",
        ]
        read_only_fields = ["id", "gig", "creative", "status", "conversation", "created_at", "actions"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), help_text=ACTIONS_HELP))
    def get_actions(self, bid) -> list[str]:
        return selectors.bid_actions(bid, _user(self))

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
    actions = serializers.SerializerMethodField()

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
            "actions",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), help_text=ACTIONS_HELP))
    def get_actions(self, contract) -> list[str]:
        return selectors.contract_actions(contract, _user(self))

    def get_gig(self, contract) -> dict:
        return {"id": contract.gig_id, "title": contract.gig.title}

    def get_creative(self, contract) -> dict:
        return {"id": contract.creative_id, "user": contract.creative.user_id, "name": contract.creative.user.full_name}

    def get_reviews(self, contract) -> list:
        request = self.context.get("request")
        return ReviewSerializer(visible_reviews(contract, request.user if request else None), many=True).data


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


_READER_LANGUAGE = (
    "In the reader's language (Accept-Language): the English text when there is one, else the Indonesian."
)
_ENGLISH_AS_ENTERED = "The English text as entered in the admin; empty when not translated yet."


class TemplateQuestionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The key to answer in `answers`.")
    label = serializers.CharField(help_text=_READER_LANGUAGE)
    label_en = serializers.CharField(help_text=_ENGLISH_AS_ENTERED)
    kind = serializers.ChoiceField(choices=["text", "choice", "checklist"])
    help = serializers.CharField(help_text=_READER_LANGUAGE)
    help_en = serializers.CharField(help_text=_ENGLISH_AS_ENTERED)
    choices = serializers.ListField(
        child=serializers.CharField(),
        help_text="The values to send in `answers` (Indonesian; they never change with the language).",
    )
    choices_en = serializers.ListField(
        child=serializers.CharField(),
        help_text="The English labels of `choices`, in the same order (an answer may also be sent as one of them).",
    )
    choice_labels = serializers.ListField(
        child=serializers.CharField(), help_text="The labels of `choices` in the reader's language, same order."
    )


class GigTemplateSerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = serializers.CharField(source="label", help_text=_READER_LANGUAGE)
    title_en = serializers.CharField(help_text=_ENGLISH_AS_ENTERED)
    intro = serializers.CharField(source="intro_text", help_text=_READER_LANGUAGE)
    intro_en = serializers.CharField(help_text=_ENGLISH_AS_ENTERED)
    questions = serializers.SerializerMethodField()

    class Meta:
        model = GigTemplate
        fields = [
            "slug", "category", "title", "title_en", "intro", "intro_en", "questions",
            "suggested_budget_min", "suggested_budget_max",
        ]  # fmt: skip

    @extend_schema_field(TemplateQuestionSerializer(many=True))
    def get_questions(self, template) -> list:
        return [
            {
                "key": q["key"],
                "label": q["text"],
                "label_en": q.get("label_en") or "",
                "kind": q["kind"],
                "help": q["help_text"],
                "help_en": q.get("help_en") or "",
                "choices": q["choices"],
                "choices_en": list(q.get("choices_en") or []),
                "choice_labels": [label for _value, label in q["options"]],
            }
            for q in template.question_list()
        ]

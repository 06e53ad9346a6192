import functools
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gigs.statuses import BidStatus, ContractStatus, GigSource, GigStatus, ReportAction, ReportStatus, WorkMode
from mjc.categories.models import Category
from mjc.core.content import in_reader_language, list_in_reader_language
from mjc.core.files import keep_name
from mjc.core.models import ChoicesDisplay, title_and_text_document
from mjc.core.paths import path_to

# A review is shown when both sides have written theirs, or this long after completion.
REVIEW_BLIND_DAYS = 14


def server_named(instance, filename: str) -> str:
    """``upload_to`` for private files: the service already chose a server-generated name
    (``mjc.core.files.server_name``) under private/…, so keep it as it is."""
    return filename


class Gig(ChoicesDisplay, models.Model):
    business = models.ForeignKey(
        "umkm.Business", on_delete=models.PROTECT, related_name="gigs", verbose_name=_("business")
    )
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("brief"))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="gigs", verbose_name=_("category"))
    budget_min = models.PositiveBigIntegerField(_("minimum budget (Rp)"))
    budget_max = models.PositiveBigIntegerField(_("maximum budget (Rp)"))
    deadline = models.DateField(_("deadline"))
    kabupaten = models.ForeignKey("regions.Kabupaten", on_delete=models.PROTECT, verbose_name=_("kabupaten/kota"))
    work_mode = models.CharField(_("work mode"), max_length=10, choices=WorkMode.choices, default=WorkMode.REMOTE)
    status = models.CharField(
        _("status"), max_length=20, choices=GigStatus.choices, default=GigStatus.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    # Bids in the running or decided (all but withdrawn): kept by the bid services in the
    # same transaction as the bid, so lists show it without joining a million bids
    # (gigs.services.gig_bid_counts_repair proves and repairs it).
    bid_count = models.PositiveIntegerField(_("bids"), default=0, editable=False)
    # issue 12: "package" gigs are made by gigs/package_contracts.py when a creative accepts
    # a package order; they are never open, so never listed, and carry the order's brief.
    source = models.CharField(_("source"), max_length=10, choices=GigSource.choices, default=GigSource.BRIEF)
    # issue 11 "Pictures": one of the business's product photos, or a photo uploaded with the
    # brief (public, re-encoded by mjc.core.files.clean_image, with its page-sized thumbnail);
    # neither: the category's illustration. ``picture_list`` is the gig's own list-sized crop in
    # both cases, so a list reads a small file and no product row (gigs/services/pictures.py).
    picture_product = models.ForeignKey(
        "umkm.Product",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("product photo"),
    )
    picture = models.ImageField(_("picture"), upload_to=keep_name, max_length=255, blank=True)
    picture_thumbnail = models.ImageField(_("picture thumbnail"), upload_to=keep_name, max_length=255, blank=True)
    picture_list = models.ImageField(_("picture for lists"), upload_to=keep_name, max_length=255, blank=True)
    search_document = title_and_text_document()  # title A, description B, stored by PostgreSQL

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("gig")
        verbose_name_plural = _("gigs")
        constraints = [
            models.CheckConstraint(condition=Q(budget_min__gt=0), name="gig_budget_min_positive"),
            models.CheckConstraint(condition=Q(budget_min__lte=F("budget_max")), name="gig_budget_range"),
            # a picked product photo or an uploaded one, never both
            models.CheckConstraint(
                condition=Q(picture_product__isnull=True) | Q(picture=""), name="gig_one_picture_source"
            ),
        ]
        # The public lists read open gigs only: partial indexes in each list order, so a page
        # is an index range scan however many gigs history holds.
        indexes = [
            GinIndex(fields=["search_document"], name="gig_open_document", condition=Q(status=GigStatus.OPEN)),
            # nearest titles first (KNN on trigram word distance) for the typo-tolerant search
            GistIndex(
                fields=["title"],
                opclasses=["gist_trgm_ops"],
                name="gig_open_title_gist",
                condition=Q(status=GigStatus.OPEN),
            ),
            models.Index(
                F("published_at").desc(nulls_first=True),
                F("id").desc(),
                name="gig_open_newest",
                condition=Q(status=GigStatus.OPEN),
            ),
            models.Index(
                F("budget_max").desc(), F("id").desc(), name="gig_open_budget", condition=Q(status=GigStatus.OPEN)
            ),
            models.Index(fields=["budget_min", "id"], name="gig_open_budget_low", condition=Q(status=GigStatus.OPEN)),
            models.Index(fields=["deadline", "id"], name="gig_open_deadline", condition=Q(status=GigStatus.OPEN)),
            models.Index(fields=["business", "-created_at", "-id"], name="gig_business_created"),
            models.Index(fields=["status", "-published_at"], name="gig_status_published"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return path_to("gigs:detail", self.pk)

    @functools.cached_property
    def contract(self):
        """The contract in force (or finished), if any; one the creative withdrew from is history."""
        return self.contracts.exclude(status=ContractStatus.WITHDRAWN).select_related("creative__user").first()

    @property
    def owner_id(self):
        return self.business.owner_id

    @property
    def list_picture_url(self) -> str:
        """The list's picture: the gig's list-sized crop, else its category's illustration."""
        return self.picture_list.url if self.picture_list else self.category.illustration_url

    @property
    def picture_shown(self):
        """What the gig page shows: (page-sized image, full image or None) of the upload, else
        of the picked product (select ``picture_product`` with the gig), else the list crop."""
        if self.picture:
            return self.picture_thumbnail or self.picture, self.picture
        product = self.picture_product if self.picture_product_id else None
        if product is not None and product.photo:
            return product.thumbnail or product.photo, product.photo
        return (self.picture_list or None), None


class GigTemplate(models.Model):
    """A guided brief for one kind of job: its questions become the plain-language brief."""

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="templates", verbose_name=_("category")
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title = models.CharField(_("title (Indonesian)"), max_length=140)
    title_en = models.CharField(_("title (English)"), max_length=140, blank=True)
    intro = models.TextField(_("introduction (Indonesian)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    questions = models.JSONField(
        _("questions"),
        default=list,
        blank=True,
        help_text=_(
            'A list of {"key", "label", "label_en", "kind": "text"|"choice"|"checklist", "choices": [...], '
            '"choices_en": [...], "help", "help_en"}. The choices are the values kept in briefs: change only '
            "their English labels (choices_en, same order); an empty English text shows the Indonesian one."
        ),
    )
    suggested_budget_min = models.PositiveBigIntegerField(_("suggested minimum budget (Rp)"), null=True, blank=True)
    suggested_budget_max = models.PositiveBigIntegerField(_("suggested maximum budget (Rp)"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["category__position", "position", "id"]
        verbose_name = _("gig template")
        verbose_name_plural = _("gig templates")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return in_reader_language(self.title, self.title_en)

    @property
    def intro_text(self) -> str:
        return in_reader_language(self.intro, self.intro_en)

    def question_list(self) -> list[dict]:
        """The questions in the current language: ``text`` (the label), ``help_text``, and
        ``options``, the (value, label) pairs of a choice or checklist; ``choices`` stay the values."""
        result = []
        for question in self.questions or []:
            item = dict(question)
            item["text"] = in_reader_language(question.get("label"), question.get("label_en")) or question.get("key")
            item["help_text"] = in_reader_language(question.get("help", ""), question.get("help_en", "")) or ""
            item.setdefault("kind", "text")
            item["choices"] = [str(choice) for choice in question.get("choices") or []]
            labels = list_in_reader_language(item["choices"], question.get("choices_en"))
            item["options"] = list(zip(item["choices"], labels, strict=True))
            result.append(item)
        return result

    @staticmethod
    def choice_value(question: dict, submitted):
        """The stored value for an answer given as the value or as a label in either language
        (an English reader, or an API client, may send "Print" for "Cetak"); anything else as given."""
        if not isinstance(submitted, str):
            return submitted
        wanted = submitted.strip().casefold()
        english = question.get("choices_en") or []
        for index, value in enumerate(question.get("choices") or []):
            label = english[index] if index < len(english) else ""
            if wanted in {str(value).casefold(), str(label).casefold()}:
                return value
        return submitted

    @staticmethod
    def answer_label(question: dict, value) -> str:
        """How a stored answer value reads in the current language (a choice's label)."""
        for choice, label in question.get("options") or []:
            if choice == value:
                return label
        return str(value)


class GigAttachment(models.Model):
    """A brief attachment: private, served only to the owner and the gig's bidders."""

    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("gig"))
    file = models.FileField(_("file"), upload_to=server_named, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("brief attachment")
        verbose_name_plural = _("brief attachments")

    def __str__(self):
        return self.original_name


class Bid(ChoicesDisplay, models.Model):
    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="bids", verbose_name=_("gig"))
    creative = models.ForeignKey(
        "creatives.CreativeProfile", on_delete=models.PROTECT, related_name="bids", verbose_name=_("creative")
    )
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    delivery_days = models.PositiveIntegerField(_("delivery time (days)"))
    proposal = models.TextField(_("proposal"))
    status = models.CharField(_("status"), max_length=20, choices=BidStatus.choices, default=BidStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("bid")
        verbose_name_plural = _("bids")
        indexes = [
            models.Index(fields=["gig", "amount", "delivery_days", "id"], name="bid_gig_compare"),
            models.Index(fields=["creative", "-created_at", "-id"], name="bid_creative_newest"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["gig", "creative"], name="bid_one_per_creative_per_gig"),
            models.UniqueConstraint(
                fields=["gig"], condition=Q(status=BidStatus.ACCEPTED), name="bid_one_accepted_per_gig"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="bid_amount_positive"),
            models.CheckConstraint(condition=Q(delivery_days__gt=0), name="bid_delivery_days_positive"),
        ]

    def __str__(self):
        return f"{self.gig} · {self.creative}"


class Contract(ChoicesDisplay, models.Model):
    # one contract in force per gig (the constraint below); a contract the creative withdrew
    # from stays for the record while the reopened gig gets another
    gig = models.ForeignKey(Gig, on_delete=models.PROTECT, related_name="contracts", verbose_name=_("gig"))
    bid = models.OneToOneField(Bid, on_delete=models.PROTECT, related_name="contract", verbose_name=_("bid"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owner_contracts", verbose_name=_("owner")
    )
    creative = models.ForeignKey(
        "creatives.CreativeProfile", on_delete=models.PROTECT, related_name="contracts", verbose_name=_("creative")
    )
    amount = models.PositiveBigIntegerField(_("agreed amount (Rp)"))
    due_date = models.DateField(_("due date"))
    revisions_allowed = models.PositiveSmallIntegerField(_("revisions allowed"), default=2)
    revisions_used = models.PositiveSmallIntegerField(_("revisions used"), default=0)
    status = models.CharField(
        _("status"), max_length=24, choices=ContractStatus.choices, default=ContractStatus.ACTIVE, db_index=True
    )
    cancel_reason = models.TextField(_("cancellation reason"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # a dispute: opened by either party, settled by an MJC admin (complete for the creative or cancel)
    dispute_reason = models.TextField(_("dispute reason"), blank=True)
    disputed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dispute opened by"),
    )
    disputed_at = models.DateTimeField(_("dispute opened"), null=True, blank=True)
    dispute_resolution = models.TextField(_("dispute settlement"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="contract_amount_positive"),
            models.UniqueConstraint(
                fields=["gig"], condition=~Q(status=ContractStatus.WITHDRAWN), name="contract_one_in_force_per_gig"
            ),
            models.CheckConstraint(
                condition=Q(revisions_used__lte=F("revisions_allowed")), name="contract_revisions_within_limit"
            ),
        ]

    def __str__(self):
        return f"{self.gig} · {self.creative}"

    def get_absolute_url(self):
        return path_to("gigs:contract", self.pk)

    def is_party(self, user) -> bool:
        return bool(user and user.is_authenticated) and user.pk in (self.owner_id, self.creative.user_id)

    @property
    def revisions_left(self) -> int:
        return max(self.revisions_allowed - self.revisions_used, 0)

    @property
    def reviews_unblinded_at(self):
        return self.completed_at + timedelta(days=REVIEW_BLIND_DAYS) if self.completed_at else None


class Delivery(models.Model):
    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("contract")
    )
    note = models.TextField(_("note"), blank=True)
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("delivered by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self):
        return f"{self.contract} · {self.created_at:%Y-%m-%d}"


class DeliveryFile(models.Model):
    """A delivered file: private, served only to the two parties of the contract."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="files", verbose_name=_("delivery"))
    file = models.FileField(_("file"), upload_to=server_named, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)

    class Meta:
        ordering = ["id"]
        verbose_name = _("delivered file")
        verbose_name_plural = _("delivered files")

    def __str__(self):
        return self.original_name


class Conversation(models.Model):
    """The thread between a gig's owner and one bidder; it carries on into the contract."""

    bid = models.OneToOneField(Bid, on_delete=models.CASCADE, related_name="conversation", verbose_name=_("bid"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return str(self.bid)


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages", verbose_name=_("conversation")
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("sender")
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.body[:60]


class ReviewQuerySet(models.QuerySet):
    def visible(self, now=None):
        """Double-blind: shown when both sides reviewed, or REVIEW_BLIND_DAYS after completion."""
        now = now or timezone.now()
        other_side = Review.objects.filter(contract=models.OuterRef("contract"), author=models.OuterRef("subject"))
        return self.filter(
            Q(models.Exists(other_side)) | Q(contract__completed_at__lte=now - timedelta(days=REVIEW_BLIND_DAYS))
        )


class Review(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("contract"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews_written", verbose_name=_("author")
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews_received", verbose_name=_("about")
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["contract", "author"], name="review_one_per_author_per_contract"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="review_rating_1_to_5"),
        ]

    def __str__(self):
        return f"{self.rating}★ · {self.contract}"


class Report(ChoicesDisplay, models.Model):
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reports_made", verbose_name=_("reporter")
    )
    gig = models.ForeignKey(
        Gig, null=True, blank=True, on_delete=models.CASCADE, related_name="reports", verbose_name=_("gig")
    )
    bid = models.ForeignKey(
        Bid, null=True, blank=True, on_delete=models.CASCADE, related_name="reports", verbose_name=_("bid")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports_received",
        verbose_name=_("reported account"),
    )
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    action = models.CharField(_("action taken"), max_length=20, choices=ReportAction.choices, blank=True)
    resolution_note = models.TextField(_("resolution note"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(gig__isnull=False) | Q(bid__isnull=False) | Q(user__isnull=False), name="report_has_target"
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"

    @property
    def target(self):
        return self.bid or self.gig or self.user


def gig_for_you_key(gig_pk: int, creative_pk: int) -> str:
    """The one notification a creative gets about a gig meant for them (the matching job's
    "gig for you" and the owner's invitation share it). The match job's historic key, so the
    rows already sent still count."""
    return f"gig.match:{gig_pk}:{creative_pk}"


class GigInvitation(models.Model):
    """An owner (or the matching job on their behalf) invites a creative to bid."""

    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("gig"))
    creative = models.ForeignKey(
        "creatives.CreativeProfile", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("creative")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["gig", "creative"], name="invitation_one_per_creative_per_gig")]

    def __str__(self):
        return f"{self.gig} → {self.creative}"


class GigMatch(models.Model):
    """A creative scored for an open gig by the matching job (gigs/matching/ owns the logic)."""

    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="matches", verbose_name=_("gig"))
    creative = models.ForeignKey(
        "creatives.CreativeProfile", on_delete=models.CASCADE, related_name="gig_matches", verbose_name=_("creative")
    )
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["-score", "id"]
        verbose_name = _("gig match")
        verbose_name_plural = _("gig matches")
        constraints = [models.UniqueConstraint(fields=["gig", "creative"], name="gigmatch_one_per_creative_per_gig")]

    def __str__(self):
        return f"{self.gig} ~ {self.creative} ({self.score:.2f})"


class PriceGuidanceFigures(models.Model):
    """Accepted bid amounts of one category in one Bakorwil, or across the province when
    ``bakorwil`` is empty: a summary row refreshed by ``gigs.refresh_price_guidance``
    (hourly and after a bid is accepted), so the gig page reads it instead of taking
    percentiles over every accepted bid (gigs/selectors.py ``price_guidance``)."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+")
    bakorwil = models.ForeignKey("regions.Bakorwil", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()
    median = models.PositiveBigIntegerField(null=True)
    p25 = models.PositiveBigIntegerField(null=True)
    p75 = models.PositiveBigIntegerField(null=True)
    low = models.PositiveBigIntegerField(null=True)
    high = models.PositiveBigIntegerField(null=True)
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "bakorwil"], nulls_distinct=False, name="price_guidance_one_row_per_scope"
            )
        ]

    def __str__(self):
        return f"price guidance {self.category_id}/{self.bakorwil_id or 'province'}"

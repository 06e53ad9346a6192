"""The admin: categories and templates to edit, the report queue to moderate. Marketplace
objects are read-mostly here; their statuses move only through the services."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from gigs import services
from gigs.models import (
    Bid,
    Contract,
    Delivery,
    DeliveryFile,
    Gig,
    GigAttachment,
    GigInvitation,
    GigMatch,
    GigTemplate,
    Message,
    Report,
    Review,
)
from gigs.services import DisputeOutcome
from gigs.statuses import ContractStatus, ReportAction, ReportStatus
from mjc.core.errors import ApplicationError


@admin.register(GigTemplate)
class GigTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "position", "active"]
    list_filter = ["category", "active"]
    list_editable = ["position", "active"]
    prepopulated_fields = {"slug": ["title"]}


class GigAttachmentInline(admin.TabularInline):
    model = GigAttachment
    extra = 0
    readonly_fields = ["original_name", "size", "uploaded_by", "created_at"]
    exclude = ["file"]
    can_delete = False


@admin.register(Gig)
class GigAdmin(admin.ModelAdmin):
    list_display = ["title", "business", "category", "status", "budget_min", "budget_max", "deadline", "kabupaten"]
    list_filter = ["status", "category", "kabupaten__bakorwil"]
    search_fields = ["title", "business__name"]
    list_select_related = ["business", "category", "kabupaten"]
    # the picture is set by its owner through gigs/services/pictures.py (cleaned, cropped), not typed here
    readonly_fields = [
        "status",
        "published_at",
        "created_by",
        "created_at",
        "updated_at",
        "picture_product",
        "picture",
        "picture_thumbnail",
        "picture_list",
    ]
    raw_id_fields = ["business"]
    inlines = [GigAttachmentInline]


@admin.register(Bid)
class BidAdmin(admin.ModelAdmin):
    list_display = ["gig", "creative", "amount", "delivery_days", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["gig", "creative__user"]
    readonly_fields = ["gig", "creative", "status"]


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    readonly_fields = ["note", "delivered_by", "created_at"]
    can_delete = False


def _settle(outcome: str, label):
    @admin.action(description=label)
    def settle(modeladmin, request, queryset):
        done = 0
        for contract in queryset.filter(status=ContractStatus.DISPUTED):
            try:
                services.contract_dispute_settle(contract=contract, admin=request.user, outcome=outcome)
                done += 1
            except ApplicationError as exc:
                modeladmin.message_user(request, f"#{contract.pk}: {exc.message}", messages.ERROR)
        skipped = queryset.exclude(status=ContractStatus.DISPUTED).count()
        if skipped:
            modeladmin.message_user(
                request,
                _("%(count)s selected contracts have no open dispute and were left as they are.") % {"count": skipped},
                messages.WARNING,
            )
        modeladmin.message_user(request, _("%(count)s disputes settled.") % {"count": done}, messages.SUCCESS)

    settle.__name__ = f"settle_{outcome}"
    return settle


class DisputedFilter(admin.SimpleListFilter):
    """The dispute queue: open disputes first thing on the contract list."""

    title = _("dispute")
    parameter_name = "dispute"

    def lookups(self, request, model_admin):
        return [("open", _("Open disputes")), ("settled", _("Settled disputes"))]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(status=ContractStatus.DISPUTED)
        if self.value() == "settled":
            return queryset.exclude(status=ContractStatus.DISPUTED).exclude(disputed_at=None)
        return queryset


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    """Contracts move only through the services; a disputed one is settled with the actions
    "complete for the creative" or "cancel" (filter "Open disputes" is the queue)."""

    list_display = ["gig", "owner", "creative", "amount", "status", "due_date", "disputed_at", "completed_at"]
    list_filter = [DisputedFilter, "status"]
    list_select_related = ["gig", "owner", "creative__user"]
    readonly_fields = [
        "gig",
        "bid",
        "owner",
        "creative",
        "status",
        "revisions_used",
        "completed_at",
        "cancel_reason",
        "dispute_reason",
        "disputed_by",
        "disputed_at",
        "dispute_resolution",
    ]
    inlines = [DeliveryInline]
    actions = [
        _settle(DisputeOutcome.COMPLETE, _("Settle dispute: complete for the creative")),
        _settle(DisputeOutcome.CANCEL, _("Settle dispute: cancel the contract")),
    ]

    def has_add_permission(self, request):
        return False  # a contract is made by accepting a bid


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["contract", "author", "subject", "rating", "created_at"]
    list_filter = ["rating"]
    list_select_related = ["contract__gig", "author", "subject"]


def _resolve(action: str, label):
    @admin.action(description=label)
    def resolve(modeladmin, request, queryset):
        done = 0
        for report in queryset.filter(status=ReportStatus.OPEN):
            try:
                services.report_resolve(report=report, admin=request.user, action=action)
                done += 1
            except ApplicationError as exc:
                modeladmin.message_user(request, f"#{report.pk}: {exc.message}", messages.ERROR)
        modeladmin.message_user(request, _("%(count)s reports resolved.") % {"count": done}, messages.SUCCESS)

    resolve.__name__ = f"resolve_{action}"
    return resolve


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """The moderation queue: open reports first; actions resolve them through the service."""

    list_display = ["id", "status", "target_label", "reporter", "reason_short", "created_at", "action"]
    list_filter = ["status", "action"]
    list_select_related = ["reporter", "gig", "bid__gig", "user"]
    readonly_fields = [
        "reporter",
        "gig",
        "bid",
        "user",
        "reason",
        "status",
        "action",
        "resolved_by",
        "resolved_at",
        "created_at",
    ]
    fields = [*readonly_fields, "resolution_note"]
    actions = [
        _resolve(ReportAction.NONE, _("Resolve: no action needed")),
        _resolve(ReportAction.GIG_CANCELLED, _("Resolve: cancel the gig")),
        _resolve(ReportAction.BID_REJECTED, _("Resolve: reject the bid")),
        _resolve(ReportAction.USER_DEACTIVATED, _("Resolve: deactivate the account")),
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("about"))
    def target_label(self, report):
        if report.bid_id:
            return f"{_('bid')}: {report.bid}"
        if report.gig_id:
            return f"{_('gig')}: {report.gig}"
        return f"{_('account')}: {report.user}"

    @admin.display(description=_("reason"))
    def reason_short(self, report):
        return report.reason[:80]


admin.site.register(Message, list_display=["conversation", "sender", "created_at"])
admin.site.register(GigInvitation, list_display=["gig", "creative", "invited_by", "created_at"])
admin.site.register(GigMatch, list_display=["gig", "creative", "score", "created_at"])
admin.site.register(DeliveryFile, list_display=["delivery", "original_name", "size"], exclude=["file"])

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from payments import services
from payments.models import Document, Instalment, Payment, PaymentTerms
from payments.statuses import PaymentStatus


class InstalmentInline(admin.TabularInline):
    model = Instalment
    extra = 0
    fields = ["position", "label", "amount", "due_on", "due_event"]
    readonly_fields = fields
    can_delete = False


@admin.register(PaymentTerms)
class PaymentTermsAdmin(admin.ModelAdmin):
    list_display = ["contract", "status", "is_default", "agreed_at"]
    list_filter = ["status", "is_default"]
    raw_id_fields = ["contract", "proposed_by"]
    readonly_fields = ["status", "is_default", "agreed_at"]
    inlines = [InstalmentInline]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    """Payment disputes (status "not received") are the admins' queue: filter by status."""

    list_display = ["id", "contract", "instalment", "amount", "method", "paid_on", "status", "created_at"]
    list_filter = ["status", "method"]
    raw_id_fields = ["contract", "instalment", "recorded_by"]
    # the proof is private: it has no URL, it is opened through the contract page's checked download
    exclude = ["proof"]
    readonly_fields = ["status", "amount", "method", "paid_on", "proof_name", "note", "confirmed_at"]
    actions = ["void_disputed"]

    @admin.action(description=_("Void the selected disputed payments"))
    def void_disputed(self, request, queryset):
        count = 0
        for payment in queryset.filter(status=PaymentStatus.NOT_RECEIVED):
            services.payment_void(payment=payment, admin=request.user)
            count += 1
        self.message_user(request, _("%(count)s payments voided.") % {"count": count}, messages.SUCCESS)


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "code", "amount", "issued_on"]
    list_filter = ["kind"]
    search_fields = ["number", "code"]
    raw_id_fields = ["contract", "payment"]
    readonly_fields = ["kind", "number", "code", "amount", "payer_name", "payee_name", "issued_on"]

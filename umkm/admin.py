"""Admin for businesses: searchable and editable; product photos only come in through the
services (which clean them), so here they are shown, not uploaded."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mjc.core.admin import thumbnail_preview
from umkm.models import Business, NibVerification, Product


class ProductInline(admin.TabularInline):
    model = Product
    extra = 0
    fields = ["name", "price", "description", "preview"]
    readonly_fields = ["preview"]

    @admin.display(description=_("photo"))
    def preview(self, obj):
        return thumbnail_preview(obj)


@admin.register(Business)
class BusinessAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "sector", "kabupaten", "created_at"]
    list_filter = ["kabupaten__bakorwil", "sector"]
    search_fields = ["name", "owner__email", "owner__full_name", "nib"]
    list_select_related = ["owner", "kabupaten"]
    raw_id_fields = ["owner"]
    inlines = [ProductInline]


@admin.register(NibVerification)
class NibVerificationAdmin(admin.ModelAdmin):
    """Read-only here: admins decide on the review page (/usaha/verifikasi-nib/), which notifies the owner."""

    list_display = ["business", "nib", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["business__name", "nib"]
    raw_id_fields = ["business", "submitted_by", "decided_by"]
    readonly_fields = ["status", "nib", "reason", "decided_at", "decided_by", "document_name"]
    exclude = ["document"]  # private: opened from the review page's checked download

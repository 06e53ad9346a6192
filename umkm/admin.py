"""Admin for businesses: searchable and editable; product photos only come in through the
services (which clean them), so here they are shown, not uploaded."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mjc.core.admin import thumbnail_preview
from umkm.models import Business, Product


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

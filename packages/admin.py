"""Admin for packages and orders: read and moderate; statuses change through the services."""

from django.contrib import admin

from packages.models import Order, OrderFile, Package, PackageAddon, PackagePhoto, PackageTier


class TierInline(admin.TabularInline):
    model = PackageTier
    extra = 0


class AddonInline(admin.TabularInline):
    model = PackageAddon
    extra = 0


class PhotoInline(admin.TabularInline):
    model = PackagePhoto
    extra = 0
    fields = ["image", "position"]
    readonly_fields = ["image"]


@admin.register(Package)
class PackageAdmin(admin.ModelAdmin):
    list_display = ["title", "creative", "category", "status", "price_from", "days_from", "published_at"]
    list_filter = ["status", "category"]
    search_fields = ["title", "creative__user__email", "creative__user__full_name"]
    readonly_fields = ["status", "price_from", "days_from", "published_at"]
    raw_id_fields = ["creative"]
    inlines = [TierInline, AddonInline, PhotoInline]


class OrderFileInline(admin.TabularInline):
    model = OrderFile
    extra = 0
    readonly_fields = ["original_name", "size"]
    fields = ["original_name", "size"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["id", "package", "owner", "creative", "amount", "status", "expires_at", "created_at"]
    list_filter = ["status"]
    search_fields = ["package__title", "owner__email", "business__name"]
    readonly_fields = [f.name for f in Order._meta.fields]
    inlines = [OrderFileInline]

    def has_add_permission(self, request):
        return False

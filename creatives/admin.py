"""Admin for creative profiles: moderation (edit text, hide a portfolio image); images only
come in through the services, which clean them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from creatives.models import CreativeProfile, PortfolioItem
from mjc.core.admin import thumbnail_preview


class PortfolioInline(admin.TabularInline):
    model = PortfolioItem
    extra = 0
    fields = ["title", "category", "position", "preview"]
    readonly_fields = ["preview"]

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("image"))
    def preview(self, obj):
        return thumbnail_preview(obj)


@admin.register(CreativeProfile)
class CreativeProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "headline", "kabupaten", "day_rate", "available", "rating_avg", "completed_count"]
    list_filter = ["available", "kabupaten__bakorwil", "skills"]
    search_fields = ["user__email", "user__full_name", "headline"]
    list_select_related = ["user", "kabupaten"]
    raw_id_fields = ["user"]
    filter_horizontal = ["skills"]
    readonly_fields = ["rating_avg", "rating_count", "completed_count"]
    inlines = [PortfolioInline]

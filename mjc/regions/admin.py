from django.contrib import admin

from mjc.regions.models import Bakorwil, Kabupaten


class KabupatenInline(admin.TabularInline):
    model = Kabupaten
    extra = 0


@admin.register(Bakorwil)
class BakorwilAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "seat"]
    inlines = [KabupatenInline]


@admin.register(Kabupaten)
class KabupatenAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "bakorwil"]
    list_filter = ["bakorwil"]
    search_fields = ["name", "code"]

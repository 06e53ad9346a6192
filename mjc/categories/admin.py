from django.contrib import admin

from mjc.categories.models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "name_en", "position", "price_floor"]
    list_editable = ["position", "price_floor"]

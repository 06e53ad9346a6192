from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from mjc.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "full_name",
        "kabupaten",
        "is_owner",
        "is_creative",
        "bakorwil",
        "is_superuser",
        "is_active",
    ]
    list_filter = ["is_owner", "is_creative", "bakorwil", "is_superuser", "is_active"]
    search_fields = ["email", "full_name", "phone"]
    autocomplete_fields = ["kabupaten"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("full_name", "phone", "kabupaten", "language")}),
        (_("Roles"), {"fields": ("is_owner", "is_creative", "bakorwil")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "bakorwil", "password1", "password2")}),
    )

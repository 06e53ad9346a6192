"""Helpers for the admin pages of every app."""

from django.utils.html import format_html


def thumbnail_preview(obj, field="thumbnail"):
    image = getattr(obj, field)
    return format_html('<img src="{}" alt="" style="max-height:80px">', image.url) if image else "–"

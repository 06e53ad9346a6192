"""The admin's own titles, in the reader's language (Django's default says "Django administration")."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("MJC East Java administration")
admin.site.site_title = _("MJC administration")
admin.site.index_title = _("Platform administration")

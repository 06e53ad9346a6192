"""The admin's own titles, in the reader's language (Django's default says "Django administration"),
and a third-party label no catalog can reach."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_celery_beat.admin import PeriodicTaskInline

admin.site.site_header = _("MJC East Java administration")
admin.site.site_title = _("MJC administration")
admin.site.index_title = _("Platform administration")


# django-celery-beat names the task column of its schedule inlines with a bare 'Task Name' (no
# gettext): shown through a method of ours instead, in the reader's language.
@admin.display(description=_("Task name"))
def _task_name(inline, obj):
    return obj.task


PeriodicTaskInline.task_name = _task_name
PeriodicTaskInline.fields = PeriodicTaskInline.readonly_fields = tuple(
    "task_name" if name == "task" else name for name in PeriodicTaskInline.fields
)

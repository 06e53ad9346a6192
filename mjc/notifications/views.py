from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mjc.core.pagination import html_page
from mjc.notifications.forms import PreferenceForm
from mjc.notifications.selectors import notifications_for, preferences_for
from mjc.notifications.services import notification_mark_read, notifications_mark_all_read, preferences_update


@login_required
def notification_list(request):
    page = html_page(request, notifications_for(user=request.user), size=25)
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_open(request, pk: int):
    notification = get_object_or_404(notifications_for(user=request.user), pk=pk)
    notification_mark_read(notification=notification)
    target = (
        notification.url
        if url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()})
        else ""
    )
    return redirect(target or "notifications:list")


@login_required
@require_POST
def notification_read_all(request):
    notifications_mark_all_read(user=request.user)
    return redirect("notifications:list")


@login_required
def notification_preferences(request):
    """E-mail per kind group and the daily digest; in-app notifications are always on."""
    form = PreferenceForm(request.POST or None, instance=preferences_for(user=request.user))
    if request.method == "POST" and form.is_valid():
        preferences_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})

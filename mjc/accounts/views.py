from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from mjc.accounts.services import (
    MAX_TOKENS_PER_USER,
    user_calendar_token_rotate,
    user_log_out_everywhere,
    user_set_language,
    user_token_revoke,
)
from mjc.core.middleware import SUPPORTED


@require_POST
def set_language(request):
    """Switch the language for this browser and, when signed in, for the account."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in SUPPORTED:
        user_set_language(user=request.user, language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


@login_required
def security(request):
    """The account's signed-in apps (API tokens), each revocable, and "log out everywhere"."""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "everywhere":
            revoked = user_log_out_everywhere(user=request.user)
            update_session_auth_hash(request, request.user)  # this browser stays signed in
            messages.success(
                request,
                ngettext(
                    "Logged out everywhere: %(count)s app sign-in ended, and every other browser session.",
                    "Logged out everywhere: %(count)s app sign-ins ended, and every other browser session.",
                    revoked,
                )
                % {"count": revoked},
            )
        elif action == "revoke" and (request.POST.get("token") or "").isdigit():
            user_token_revoke(user=request.user, token_id=int(request.POST["token"]))
            messages.success(request, _("The app is logged out."))
        return redirect("account_security")
    return render(
        request,
        "accounts/security.html",
        {
            "tokens": list(request.user.api_tokens.filter(expires_at__gt=timezone.now())[:MAX_TOKENS_PER_USER]),
            "token_days": settings.MJC_TOKEN_LIFETIME.days,
        },
    )


@login_required
@require_POST
def calendar_token_rotate(request):
    """A new private calendar-feed address (the old one stops working)."""
    user_calendar_token_rotate(user=request.user)
    messages.success(request, _("Your calendar feed has a new address. Update it in your calendar app."))
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    return HttpResponseRedirect(next_url)

"""HTML pages: the public creatives list and profile, and a creative's own edit page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from creatives import selectors, services
from creatives.errors import NotACreative
from creatives.forms import CreativeFilterForm, PortfolioForm, ProfileForm, TalentaForm
from mjc.core.errors import ApplicationError
from mjc.core.pagination import html_page
from mjc.core.web import error_forms, form_error, html_errors, submit

PAGE_SIZE = 12


@html_errors
def creative_list(request):
    form = CreativeFilterForm(request.GET or None)
    creatives = selectors.creative_list(**form.filters())
    page = html_page(request, creatives, size=PAGE_SIZE, with_count=True)
    return render(request, "creatives/list.html", {"form": form, "page": page, "creatives": page.items})


@html_errors
def creative_detail(request, pk, talenta_form=None, status=200):
    """The profile; a refused Talenta decision comes back here with its note (``talenta_form``)."""
    profile = selectors.creative_get(pk=pk)
    return render(
        request,
        "creatives/detail.html",
        {
            "profile": profile,
            "portfolio": list(profile.portfolio.all()),
            "is_me": profile.user_id == request.user.pk,
            "talenta_form": talenta_form or TalentaForm(),
            "error_forms": error_forms([talenta_form]),
        },
        status=status,
    )


def _edit_page(request, *, profile_form=None, portfolio_form=None, status=200):
    profile = selectors.creative_of(request.user)
    profile_form = profile_form or ProfileForm(initial=ProfileForm.initial_for(profile))
    portfolio_form = portfolio_form or PortfolioForm()
    context = {
        "profile": profile,
        "form": profile_form,
        "portfolio_form": portfolio_form,
        "portfolio": list(profile.portfolio.all()) if profile else [],
    }
    return render(request, "creatives/edit.html", context, status=status)


@login_required
@html_errors
def creative_edit(request):
    if request.method != "POST":
        return _edit_page(request)
    form = ProfileForm(request.POST)
    if not form.is_valid():
        return _edit_page(request, profile_form=form, status=400)
    try:
        profile = services.creative_profile_update(user=request.user, **form.cleaned_data)
    except ApplicationError as exc:
        form_error(form, exc)
        return _edit_page(request, profile_form=form, status=exc.status_code)
    if not profile.portfolio.exists():
        # the next step of a new profile: owners hire from the work they can see
        messages.success(request, _("Your profile is saved. Now add a first piece of work to your portfolio."))
        return redirect(f"{reverse('creatives:edit')}#portfolio")
    messages.success(request, _("Your profile is saved."))
    return redirect("creatives:detail", pk=profile.pk)


@login_required
@require_POST
@html_errors
def portfolio_add(request):
    profile = selectors.creative_of(request.user)
    if profile is None:
        messages.error(request, str(NotACreative.default_message))
        return redirect("creatives:edit")
    form = PortfolioForm(request.POST, request.FILES)
    if not form.is_valid():
        return _edit_page(request, portfolio_form=form, status=400)
    try:
        services.portfolio_add(profile=profile, **form.cleaned_data)
    except ApplicationError as exc:
        form_error(form, exc, default_field="image")
        return _edit_page(request, portfolio_form=form, status=exc.status_code)
    messages.success(request, _("Added to your portfolio."))
    return redirect("creatives:edit")


@login_required
@require_POST
@html_errors
def portfolio_remove(request, item_pk):
    profile = selectors.creative_of(request.user)
    if profile is None:
        raise Http404
    services.portfolio_remove(profile=profile, item_id=item_pk)
    messages.success(request, _("Removed from your portfolio."))
    return redirect("creatives:edit")


@login_required
@require_POST
@html_errors
def talenta_decide(request, pk):
    """An MJC admin grants or withdraws the "Talenta MJC" badge with a note (issue 13)."""
    if not request.user.is_superuser:
        raise Http404
    profile = selectors.creative_get(pk=pk)
    grant = request.POST.get("grant") == "1"
    form = TalentaForm(request.POST)
    return submit(
        request,
        form,
        lambda data: (services.talenta_grant if grant else services.talenta_withdraw)(
            profile=profile, admin=request.user, note=data["note"]
        ),
        again=lambda status: creative_detail(request, profile.pk, talenta_form=form, status=status),
        done=_("Talenta MJC granted.") if grant else _("Talenta MJC withdrawn."),
        then=lambda _profile: redirect("creatives:detail", pk=profile.pk),
    )

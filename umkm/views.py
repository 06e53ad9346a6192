"""HTML pages for owners: their businesses and products. Thin: parse, call, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mjc.core.errors import ApplicationError
from mjc.core.web import form_error, html_errors
from umkm import selectors, services
from umkm.forms import BusinessForm, ProductForm

# the one HTML error path (mjc.core.web); the old names stay importable here
_form_error = form_error


@login_required
@html_errors
def my_businesses(request):
    businesses = selectors.businesses_of(owner=request.user)
    return render(request, "umkm/my_businesses.html", {"businesses": businesses})


@login_required
@html_errors
def business_create(request):
    # the kabupaten given at sign-up is the likeliest place of the business
    initial = {"kabupaten": request.user.kabupaten_id} if request.user.kabupaten_id else None
    form = BusinessForm(request.POST or None, initial=initial)
    next_url = _safe_next(request)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            business = services.business_create(owner=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            form_error(form, exc)
            status = exc.status_code
        else:
            if next_url:
                messages.success(request, _("Your business is registered. Now describe the job."))
                return redirect(next_url)
            messages.success(request, _("Your business is registered. Now add your products."))
            return redirect("umkm:detail", pk=business.pk)
    elif request.method == "POST":
        status = 400
    return render(
        request, "umkm/business_form.html", {"form": form, "business": None, "next_url": next_url}, status=status
    )


def _safe_next(request) -> str:
    """A ``next`` that stays on this site (never an open redirect)."""
    candidate = (request.POST.get("next") or request.GET.get("next") or "")[:500]
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@login_required
@html_errors
def business_edit(request, pk):
    business = selectors.business_for_owner(pk=pk, user=request.user)
    form = BusinessForm(request.POST or None, instance=business)
    status = 200
    if request.method == "POST" and form.is_valid():
        # The form must not save by itself: the service owns writes.
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            business.refresh_from_db()
            services.business_update(business=business, **changes)
        except ApplicationError as exc:
            form_error(form, exc)
            status = exc.status_code
        else:
            messages.success(request, _("Changes saved."))
            return redirect("umkm:detail", pk=business.pk)
    elif request.method == "POST":
        status = 400
    return render(request, "umkm/business_form.html", {"form": form, "business": business}, status=status)


@html_errors
def business_detail(request, pk):
    business = selectors.business_get(pk=pk)
    is_owner = request.user.is_authenticated and business.owner_id == request.user.pk
    return render(
        request,
        "umkm/business_detail.html",
        {"business": business, "products": list(business.products.all()), "is_owner": is_owner},
    )


@login_required
@html_errors
def product_create(request, pk):
    business = selectors.business_for_owner(pk=pk, user=request.user)
    form = ProductForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.product_create(business=business, **form.cleaned_data)
        except ApplicationError as exc:
            form_error(form, exc, default_field="photo")
            status = exc.status_code
        else:
            messages.success(request, _("Product added."))
            return redirect("umkm:detail", pk=business.pk)
    elif request.method == "POST":
        status = 400
    return render(request, "umkm/product_form.html", {"form": form, "business": business}, status=status)


@login_required
@require_POST
@html_errors
def product_delete(request, pk, product_pk):
    business = selectors.business_for_owner(pk=pk, user=request.user)
    product = selectors.product_of(business=business, pk=product_pk)
    services.product_delete(product=product)
    messages.success(request, _("Product removed."))
    return redirect("umkm:detail", pk=business.pk)

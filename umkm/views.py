"""HTML pages for owners: their businesses and products. Thin: parse, call, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mjc.core.errors import ApplicationError
from mjc.core.files import private_file_response
from mjc.core.web import error_forms, form_error, html_errors, submit
from umkm import selectors, services
from umkm.forms import BusinessForm, NibDecisionForm, NibVerificationForm, ProductForm

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
                messages.success(request, _("Your business is registered. Now describe the gig."))
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
        {
            "business": business,
            "products": list(business.products.all()),
            "is_owner": is_owner,
            "verification": selectors.nib_verification_latest(business=business) if is_owner else None,
        },
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


# --- NIB verification (issue 13) ------------------------------------------------------------------


@login_required
@html_errors
def business_verification(request, pk):
    """The owner submits the NIB for MJC to check, and sees the answer (with the reason when rejected)."""
    business = selectors.business_for_owner(pk=pk, user=request.user)
    form = NibVerificationForm(request.POST or None, request.FILES or None, initial={"nib": business.nib})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.nib_verification_submit(
                business=business,
                user=request.user,
                nib=form.cleaned_data["nib"],
                document=form.cleaned_data["document"],
            )
        except ApplicationError as exc:
            _form_error(form, exc, default_field="nib")
            status = exc.status_code
        else:
            messages.success(request, _("Sent. An MJC admin will check the NIB; you will be notified."))
            return redirect("umkm:verification", pk=business.pk)
    elif request.method == "POST":
        status = 400
    latest = selectors.nib_verification_latest(business=business)
    return render(
        request,
        "umkm/verification.html",
        {"business": business, "form": form, "verification": latest},
        status=status,
    )


def _require_admin(request):
    if not request.user.is_superuser:
        raise Http404


REVIEW_PAGE_SIZE = 50


@login_required
@html_errors
def verification_review(request):
    """MJC admins' review page: pending NIB submissions, oldest first, each approved or rejected here."""
    _require_admin(request)
    return _review_page(request)


def _review_page(request, form=None, status=200):
    """The review page; a refused decision comes back with its form bound (the typed reason kept)."""
    return render(
        request,
        "umkm/verification_review.html",
        {
            "pending": list(selectors.nib_verifications_pending()[:REVIEW_PAGE_SIZE]),
            "decided": list(selectors.nib_verifications_decided()[:20]),
            "decision_form": form or NibDecisionForm(),
            "error_forms": error_forms([form]),
        },
        status=status,
    )


@login_required
@require_POST
@html_errors
def verification_decide(request, pk, decision):
    _require_admin(request)
    if decision not in ("approve", "reject"):
        raise Http404
    row = selectors.nib_verification_readable(pk=pk, user=request.user)
    form = NibDecisionForm(request.POST)
    form.row_pk = row.pk  # the submission whose reason field shows the typed text again
    return submit(
        request,
        form,
        lambda data: services.nib_verification_decide(
            verification=row, admin=request.user, approve=decision == "approve", reason=data["reason"]
        ),
        again=lambda status: _review_page(request, form, status),
        done=_("Decision saved; the owner has been notified."),
        then=lambda _row: redirect("umkm:verification_review"),
    )


@login_required
@html_errors
def verification_document(request, pk):
    row = selectors.nib_verification_readable(pk=pk, user=request.user)
    return private_file_response(row.document, row.document_name)

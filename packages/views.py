"""HTML pages of the packages app (issue 12): the catalogue ``/paket/``, a package page with
its tiers and the order form, the creative's own packages and the order page of both sides.
Every refusal (ApplicationError) becomes a message on the page, never a 500."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gigs import selectors as gig_selectors
from gigs.contacts import contract_between
from mjc.core import files
from mjc.core.contacts import NOTICE, has_contacts, mask_contacts, shown
from mjc.core.errors import ApplicationError
from mjc.core.pagination import html_page
from mjc.core.transitions import history
from mjc.core.web import INVALID, REFUSED, attempt, error_forms, id_or_404, rejected
from packages import selectors, services
from packages.forms import DeclineForm, OrderForm, PackageForm, PackageSearchForm
from packages.models import OrderFile, PackagePhoto

PAGE_SIZE = 24


_id = id_or_404  # an id from the path, the query or a form, or 404


def catalogue(request):
    form = PackageSearchForm(request.GET or None)
    params = form.params() if form.is_bound else {}
    near = getattr(request.user, "kabupaten", None) if request.user.is_authenticated else None
    queryset = selectors.package_search(**params, near=near)
    page = html_page(request, queryset, size=PAGE_SIZE, with_count=True)
    for package in page:
        package.shown_title = mask_contacts(package.title)
    return render(request, "packages/list.html", {"form": form, "page": page})


def _package_or_404(request, pk):
    package = selectors.package_detail(pk=_id(pk), user=request.user)
    if package is None:
        raise Http404
    return package


def _brief_templates(request, package):
    """The category's brief templates and the one the order form asks (``?template=<slug>``
    picks another of them; the first by default; none when the category has none)."""
    templates = list(gig_selectors.templates_active().filter(category_id=package.category_id))
    wanted = (request.POST.get("template") or request.GET.get("template") or "").strip()
    chosen = next((item for item in templates if item.slug == wanted), None)
    return templates, chosen or (templates[0] if templates else None)


def package_detail(request, pk):
    package = _package_or_404(request, pk)
    user = request.user
    unmasked = user.is_authenticated and contract_between(user, package.creative.user)
    title = package.title if unmasked else mask_contacts(package.title)
    description = package.description if unmasked else mask_contacts(package.description)
    businesses = list(user.businesses.order_by("id")) if user.is_authenticated else []
    templates, template = _brief_templates(request, package)
    form = OrderForm(request.POST or None, template=template)
    status = 200
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"/accounts/login/?next={request.path}")
        status = INVALID
        if form.is_valid():
            business = next((b for b in businesses if b.pk == form.cleaned_data.get("business")), None)
            try:
                order = services.order_create(
                    package=package,
                    user=user,
                    tier=form.cleaned_data["tier"],
                    business=business,
                    brief=form.cleaned_data["brief"],
                    template=template,
                    answers=form.answers(),
                    addons=request.POST.getlist("addons"),
                    uploads=request.FILES.getlist("files"),
                )
            except ApplicationError as exc:
                status = rejected(form, exc)
            else:
                messages.success(request, _("Your order was sent. The creative decides within 48 hours."))
                return redirect("packages:order", pk=order.pk)
    tiers = list(package.tiers.all())
    addons = [addon for addon in package.addons.all() if addon.active]
    # every text of the package is the creative's: deliverables and add-on names are masked like the description
    for tier in tiers:
        tier.shown_deliverables = [shown(item, masked=not unmasked) for item in tier.deliverables or []]
    for addon in addons:
        addon.shown_name = shown(addon.name, masked=not unmasked)
    texts = [package.title, package.description, *(a.name for a in addons)]
    texts += [item for tier in tiers for item in tier.deliverables or []]
    context = {
        "package": package,
        "title": title,
        "description": description,
        "masked_notice": NOTICE if not unmasked and has_contacts("\n".join(texts)) else "",
        "tiers": tiers,
        "addons": addons,
        "photos": list(package.photos.all()),
        "reviews": list(selectors.package_reviews(package=package)),
        "actions": selectors.package_actions(package, user),
        "businesses": businesses,
        "form": form,
        "brief_template": template,
        "other_templates": [item for item in templates if item != template],
        "is_creative": user.is_authenticated and package.creative.user_id == user.pk,
        "error_forms": error_forms([form]),
    }
    return render(request, "packages/detail.html", context, status=status)


@login_required
def my_packages(request):
    profile = getattr(request.user, "creative_profile", None)
    if profile is None:
        messages.info(request, _("Set up your creative profile first."))
        return redirect("creatives:edit")
    page = html_page(request, selectors.packages_of_creative(profile=profile), size=PAGE_SIZE)
    return render(request, "packages/mine.html", {"page": page})


def _save_package(request, package=None):
    form = PackageForm(request.POST or None, initial=PackageForm.initial_for(package))
    status = INVALID if form.is_bound and not form.is_valid() else 200
    if request.method == "POST" and form.is_valid():
        values = {
            "category": form.cleaned_data["category"],
            "title": form.cleaned_data["title"],
            "description": form.cleaned_data["description"],
            "tiers": form.tiers(),
            "addons": form.addons(),
        }
        try:
            if package is None:
                package = services.package_create(user=request.user, photos=request.FILES.getlist("photos"), **values)
            else:
                services.package_update(package=package, user=request.user, **values)
                for upload in request.FILES.getlist("photos"):
                    services.package_photo_add(package=package, user=request.user, upload=upload)
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            messages.success(request, _("The package is saved."))
            return redirect("packages:detail", pk=package.pk)
    guidance = selectors.price_guidance_table()
    photos = list(package.photos.all()) if package is not None else []
    return render(
        request,
        "packages/form.html",
        {"form": form, "package": package, "guidance": guidance, "photos": photos, "error_forms": error_forms([form])},
        status=status,
    )


@login_required
def package_create(request):
    if getattr(request.user, "creative_profile", None) is None:
        messages.info(request, _("Set up your creative profile first."))
        return redirect("creatives:edit")
    return _save_package(request)


@login_required
def package_edit(request, pk):
    package = _package_or_404(request, pk)
    if "edit" not in selectors.package_actions(package, request.user):  # not theirs, or archived
        raise Http404
    return _save_package(request, package)


@login_required
@require_POST
def photo_remove(request, pk, photo_pk):
    """Its creative removes one photo (after the confirm on the edit page); anyone else: 404."""
    package = _package_or_404(request, pk)
    if "edit" not in selectors.package_actions(package, request.user):  # not theirs, or archived
        raise Http404
    photo = PackagePhoto.objects.filter(package=package, pk=_id(photo_pk)).first()
    if photo is None:
        messages.info(request, _("The photo was already removed."))
        return redirect("packages:edit", pk=package.pk)
    attempt(request, lambda: services.package_photo_remove(photo=photo, user=request.user), _("The photo was removed."))
    return redirect("packages:edit", pk=package.pk)


@login_required
@require_POST
def package_status(request, pk):
    package = _package_or_404(request, pk)
    action = request.POST.get("action")
    service = {
        "publish": services.package_publish,
        "pause": services.package_pause,
        "archive": services.package_archive,
    }
    if action not in service:
        raise Http404
    attempt(
        request,
        lambda: service[action](package=package, user=request.user),
        lambda _result: _("The package is now “%(status)s”.") % {"status": _status_label(package.pk)},
    )
    return redirect("packages:detail", pk=package.pk)


def _status_label(pk) -> str:
    from packages.models import Package

    return Package.objects.get(pk=pk).get_status_display()


@login_required
def my_orders(request):
    role = request.GET.get("role", "")
    page = html_page(request, selectors.orders_of(user=request.user, role=role), size=PAGE_SIZE)
    return render(request, "packages/orders.html", {"page": page, "role": role})


def _order_or_404(request, pk):
    order = selectors.order_detail(pk=_id(pk), user=request.user)
    if order is None:
        raise Http404
    return order


@login_required
def order_detail(request, pk):
    order = _order_or_404(request, pk)
    user = request.user
    decline_form = DeclineForm(request.POST or None)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "accept":
            contract = attempt(
                request,
                lambda: services.order_accept(order=order, user=user),
                _("Order accepted: the contract has started."),
            )
            return (
                redirect("packages:order", pk=order.pk)
                if contract is REFUSED
                else redirect("gigs:contract", pk=contract.pk)
            )
        if action == "cancel":
            attempt(request, lambda: services.order_cancel(order=order, user=user), _("Order cancelled."))
            return redirect("packages:order", pk=order.pk)
        if action != "decline":
            raise Http404
        status = INVALID
        if decline_form.is_valid():
            try:
                services.order_decline(order=order, user=user, reason=decline_form.cleaned_data["reason"])
            except ApplicationError as exc:
                status = rejected(decline_form, exc)
            else:
                messages.success(request, _("Order declined; the owner is told."))
                return redirect("packages:order", pk=order.pk)
    is_owner = order.owner_id == user.pk
    brief = order.brief if is_owner or order.contract_id else mask_contacts(order.brief)
    # the add-on names are the creative's words: masked for the owner until the contract exists
    for addon in order.addons or []:
        addon["shown_name"] = shown(addon.get("name"), masked=not (order.contract_id or not is_owner))
    context = {
        "order": order,
        "brief": brief,
        "masked_notice": NOTICE if brief != order.brief else "",
        "is_owner": is_owner,
        "actions": selectors.order_actions(order, user),
        "decline_form": decline_form,
        "error_forms": error_forms([decline_form]),
        "history": history(order),
        "order_files": list(order.files.all()),
    }
    return render(request, "packages/order.html", context, status=status)


@login_required
def order_file(request, pk, file_pk):
    order = _order_or_404(request, pk)
    row = OrderFile.objects.filter(order=order, pk=_id(file_pk)).first()
    if row is None:
        raise Http404
    return files.private_file_response(row.file, row.original_name)

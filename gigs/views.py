"""HTML pages of the marketplace: parse input, call one service or selector, render.
Every refusal (ApplicationError) becomes a message on the page, never a 500."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from gigs import selectors, services, views_hire
from gigs.contacts import contact_partners, contract_between
from gigs.forms import (
    AttachmentForm,
    BidForm,
    CancelForm,
    DeliverForm,
    DisputeForm,
    GigCancelForm,
    GigForm,
    GigSearchForm,
    MessageForm,
    ReportForm,
    ReviewForm,
    RevisionForm,
    WithdrawForm,
)
from gigs.models import DeliveryFile, GigAttachment, GigTemplate
from gigs.statuses import LIVE_BID_STATUSES, BidStatus, ContractStatus, GigStatus
from mjc.categories.models import Category
from mjc.core import files
from mjc.core.errors import ApplicationError
from mjc.core.pagination import html_page
from mjc.core.transitions import history
from mjc.core.web import INVALID, REFUSED, attempt, error_forms, id_or_404, rejected, submit
from umkm import selectors as umkm_selectors


def _param(data, name: str) -> str:
    """A raw GET/POST value as text PostgreSQL accepts (no NUL characters)."""
    return (data.get(name) or "").replace("\x00", "")


_id = id_or_404  # an id from the path, the query or a form, or 404


# Lists a person opens often, a page at a time (keyset: page 100 costs what page 1 costs)
MINE_PAGE_SIZE = 20
WIZARD_BUSINESS_KEY = "gigs.post.business"  # the business a job is posted for, when chosen
# ten offers a page, cheapest first: one comparison card per screen on a phone, the next ten a
# tap away (what Fiverr and Upwork show); the heading counts them all, the marks compare them all
BIDS_PAGE_SIZE = 10


def _gig_or_404(request, pk):
    gig = selectors.gig_detail(pk=_id(pk), user=request.user)
    if gig is None:
        raise Http404
    return gig


# --- browse and detail ------------------------------------------------------------------------


def gig_list(request):
    form = GigSearchForm(request.GET or None)
    gigs = selectors.gig_search(**form.search_args()) if form.is_bound else selectors.gig_search()
    page = html_page(request, gigs, size=20, with_count=True)
    return render(request, "gigs/list.html", {"form": form, "page": page})


def gig_detail(request, pk: int, forms=None, status=200):
    """The gig page; ``forms`` (``bid``, ``cancel``, ``attachment``) are bound forms a refused
    post re-renders here with ``status``, so what was typed stays in them."""
    gig = _gig_or_404(request, pk)
    user = request.user
    forms = forms or {}
    is_owner = user.is_authenticated and gig.business.owner_id == user.pk
    # the owner reads the bids a page at a time (cheapest first); a creative sees their own
    bids_page = html_page(request, selectors.bids_of_gig(gig=gig, user=user, with_gig=False), size=BIDS_PAGE_SIZE)
    bids = selectors.with_their_gig(bids_page.items, gig)
    my_bid = next((bid for bid in bids if bid.creative.user_id == user.pk), None) if user.is_authenticated else None
    profile = getattr(user, "creative_profile", None) if user.is_authenticated and user.is_creative else None
    contract = (
        getattr(gig, "contract", None)
        if gig.status in (GigStatus.IN_PROGRESS, GigStatus.COMPLETED, GigStatus.CANCELLED)
        else None
    )
    actions = selectors.gig_actions(gig, user, my_bid=my_bid)  # the buttons, as the API's "actions"
    can_bid = profile is not None and "bid" in actions
    # brief attachments: the owner and creatives whose bid is in the running or accepted
    # (decided from the bids already read)
    can_see_files = selectors.may_read_brief_files(gig=gig, user=user, my_bid=my_bid)
    # the comparison marks the lowest price and the quickest delivery among all bids still in the running
    best = selectors.best_live_offer(gig=gig) if is_owner and bids else {"live": 0}
    context = {
        "gig": gig,
        "is_owner": is_owner,
        "bids": bids,
        "bids_page": bids_page,
        "best_amount": best["amount"] if best["live"] > 1 else None,
        "best_days": best["days"] if best["live"] > 1 else None,
        "my_bid": my_bid,
        "can_bid": can_bid,
        "can_see_files": can_see_files,
        "contract": contract if contract and contract.is_party(user) else None,
        "bid_form": (forms.get("bid") or BidForm()) if can_bid else None,
        "cancel_form": (forms.get("cancel") or GigCancelForm()) if "cancel" in actions else None,
        "guidance": selectors.price_guidance(category=gig.category, bakorwil=gig.kabupaten.bakorwil.code)
        if (can_bid or is_owner)
        else None,
        "live_statuses": LIVE_BID_STATUSES,
        "actions": actions,
        # hire from a profile: the creative this draft will invite when it is published
        "hire_creative": views_hire.draft_invite(request, gig) if is_owner and "publish" in actions else None,
        "attachment_form": (forms.get("attachment") or AttachmentForm()) if "attach" in actions else None,
        # issue 12: contact details in the brief and the proposals are masked until a contract
        # exists between author and reader (gigs/contacts.py)
        "contacts_open": is_owner or contract_between(gig.business.owner, user),
        "contact_partners": contact_partners(user, [b.creative.user_id for b in bids]) if is_owner else set(),
        # a refused post: its message at the top of the page (the refused form may be gone by now)
        "error_forms": error_forms(forms.values()),
    }
    return render(request, "gigs/detail.html", context, status=status)


def price_guidance_partial(request):
    category = Category.objects.filter(slug=_param(request.GET, "category")).first()
    bakorwil = _param(request.GET, "bakorwil")[:8] or None
    guidance = selectors.price_guidance(category=category, bakorwil=bakorwil) if category else None
    return render(request, "gigs/_price_guidance.html", {"guidance": guidance, "category": category})


# --- posting a job ----------------------------------------------------------------------------


@login_required
def gig_create(request):
    """Step 1: pick a template (or a blank brief in a category); step 2: answer and detail."""
    if not request.user.businesses.exists():
        # A first job needs a business: send the owner to its form and bring them back here after.
        messages.info(request, _("Register your business first, then post a gig."))
        return redirect(f"{reverse('umkm:create')}?{urlencode({'next': request.get_full_path()})}")
    # hire from a profile: "?invite=<creative>" is kept (session) until the gig is published
    if "invite" in request.GET:
        views_hire.remember_invite(request, request.GET.get("invite"))
    # "Pasang pekerjaan" from a business page: that business, through every step of the wizard
    if "business" in request.GET:
        chosen = request.user.businesses.filter(pk=_id(request.GET.get("business"))).values_list("pk", flat=True)
        request.session[WIZARD_BUSINESS_KEY] = chosen.first()
    template = None
    category = None
    slug = _param(request.GET, "template") or _param(request.POST, "template")
    if slug:
        template = get_object_or_404(GigTemplate, slug=slug, active=True)
        category = template.category
    elif request.GET.get("category") or request.POST.get("blank"):
        category = Category.objects.filter(
            slug=_param(request.GET, "category") or _param(request.POST, "category")
        ).first()
    if template is None and category is None:
        if "invite" not in request.GET:
            views_hire.forget_invite(request)  # a fresh start of the wizard invites nobody
        if "business" not in request.GET:
            request.session.pop(WIZARD_BUSINESS_KEY, None)  # … and is for the first business
        return render(
            request,
            "gigs/create_step1.html",
            {
                "templates": selectors.templates_active(),
                "categories": Category.objects.all(),
                "hire_creative": views_hire.pending_invite(request),
            },
        )

    businesses = request.user.businesses.select_related("kabupaten__bakorwil").order_by("id")
    chosen = request.session.get(WIZARD_BUSINESS_KEY)
    business = (businesses.filter(pk=chosen).first() if chosen else None) or businesses.first()
    initial = {
        "title": template.label if template else "",
        "category": category.slug,
        "kabupaten": business.kabupaten.code,
        "budget_min": template.suggested_budget_min if template else None,
        "budget_max": template.suggested_budget_max if template else None,
    }
    # the business's product photos are offered as the job's picture, the first one chosen
    products = umkm_selectors.products_with_photos(business=business)
    initial["picture_choice"] = str(products[0].pk) if products else GigForm.NO_PICTURE
    form = GigForm(request.POST or None, request.FILES or None, template=template, initial=initial, products=products)
    status = INVALID if form.is_bound and not form.is_valid() else 200  # a failed post: the form again, errors on top
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            gig = services.gig_create(
                user=request.user,
                business=business,
                title=data["title"],
                category=data["category"],
                description=data.get("description") or "",
                budget_min=data["budget_min"],
                budget_max=data["budget_max"],
                deadline=data["deadline"],
                kabupaten=data["kabupaten"],
                work_mode=data["work_mode"],
                template=template,
                answers=form.answers(),
                attachments=data.get("attachments") or [],
                **form.picture_changes(),
            )
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            views_hire.attach_invite_to_draft(request, gig)
            messages.success(request, _("Your gig is saved as a draft. Check the brief, then publish it."))
            return redirect(gig)
    guidance = selectors.price_guidance(category=category, bakorwil=business.kabupaten.bakorwil.code)
    return render(
        request,
        "gigs/create_step2.html",
        {
            "form": form,
            "template": template,
            "category": category,
            "guidance": guidance,
            "business": business,
            "hire_creative": views_hire.pending_invite(request),
        },
        status=status,
    )


@login_required
def gig_edit(request, pk: int):
    gig = _gig_or_404(request, pk)
    if gig.business.owner_id != request.user.pk:
        raise Http404
    initial = {
        "title": gig.title,
        "category": gig.category.slug,
        "description": gig.description,
        "budget_min": gig.budget_min,
        "budget_max": gig.budget_max,
        "deadline": gig.deadline,
        "kabupaten": gig.kabupaten.code,
        "work_mode": gig.work_mode,
    }
    products = umkm_selectors.products_with_photos(business=gig.business)
    picked = str(gig.picture_product_id) if gig.picture_product_id else None
    if picked in {str(product.pk) for product in products}:
        initial["picture_choice"], current = picked, None
    else:  # an uploaded photo, or one of a product not offered (any more): "keep it"
        current = gig.picture_list.url if gig.picture_list else None
        initial["picture_choice"] = GigForm.KEEP_PICTURE if current else GigForm.NO_PICTURE
    form = GigForm(
        request.POST or None, request.FILES or None, initial=initial, products=products, current_picture=current
    )
    status = INVALID if form.is_bound and not form.is_valid() else 200  # a failed post: the form again, errors on top
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.gig_update(
                gig=gig,
                user=request.user,
                title=data["title"],
                category=data["category"],
                description=data.get("description") or gig.description,
                budget_min=data["budget_min"],
                budget_max=data["budget_max"],
                deadline=data["deadline"],
                kabupaten=data["kabupaten"],
                work_mode=data["work_mode"],
                **form.picture_changes(),
            )
            for upload in data.get("attachments") or []:
                services.gig_attachment_add(gig=gig, user=request.user, upload=upload)
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(gig)
    guidance = selectors.price_guidance(category=gig.category, bakorwil=gig.kabupaten.bakorwil.code)
    return render(request, "gigs/edit.html", {"form": form, "gig": gig, "guidance": guidance}, status=status)


@login_required
@require_POST
def gig_publish(request, pk: int):
    gig = _gig_or_404(request, pk)
    done = _("Published! Creatives can now find your gig and bid.")
    if attempt(request, lambda: services.gig_publish(gig=gig, user=request.user), done) is not REFUSED:
        views_hire.invite_on_publish(request, gig)
    return redirect(gig)


def _gig_page_post(request, pk: int, name: str, form, run, done):
    """A form of the gig page (``name`` in gig_detail's ``forms``): refused, the gig page again
    with it bound and the status; done, ``done`` flashed and back to the gig."""
    gig = _gig_or_404(request, pk)
    return submit(
        request,
        form,
        lambda data: run(gig, data),
        again=lambda status: gig_detail(request, pk, forms={name: form}, status=status),
        done=done,
        then=lambda _result: redirect(gig),
    )


@login_required
@require_POST
def gig_cancel(request, pk: int):
    def cancel(gig, data):
        return services.gig_cancel(gig=gig, user=request.user, reason=data["reason"])

    return _gig_page_post(request, pk, "cancel", GigCancelForm(request.POST), cancel, _("The gig was cancelled."))


# --- bids --------------------------------------------------------------------------------------


@login_required
@require_POST
def bid_place(request, pk: int):
    def place(gig, data):
        return services.bid_place(gig=gig, user=request.user, **data)

    done = _("Your bid was sent. The owner will be notified.")
    return _gig_page_post(request, pk, "bid", BidForm(request.POST), place, done)


@login_required
def bid_edit(request, pk: int):
    bid = get_object_or_404(selectors.bids_visible_to(request.user), pk=pk)
    if bid.creative.user_id != request.user.pk:
        raise Http404
    form = BidForm(
        request.POST or None,
        initial={"amount": bid.amount, "delivery_days": bid.delivery_days, "proposal": bid.proposal},
    )
    status = INVALID if form.is_bound and not form.is_valid() else 200
    if request.method == "POST" and form.is_valid():
        try:
            services.bid_update(bid=bid, user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            messages.success(request, _("Your bid was updated."))
            return redirect(bid.gig)
    return render(request, "gigs/bid_edit.html", {"form": form, "bid": bid}, status=status)


BID_ACTIONS = {
    "accept": (services.bid_accept, _("Bid accepted. The contract is ready.")),
    "reject": (services.bid_reject, _("Bid turned down.")),
    "shortlist": (services.bid_shortlist, _("Bid shortlisted.")),
    "withdraw": (services.bid_withdraw, _("Your bid was withdrawn.")),
}


@login_required
@require_POST
def bid_action(request, pk: int, action: str):
    if action not in BID_ACTIONS:
        raise Http404
    bid = get_object_or_404(selectors.bids_visible_to(request.user), pk=pk)
    service, done = BID_ACTIONS[action]
    result = attempt(request, lambda: service(bid=bid, user=request.user), done)
    if action == "accept" and result is not REFUSED:
        return redirect(result)
    return redirect(bid.gig)


# --- conversations -------------------------------------------------------------------------------


@login_required
def conversation(request, pk: int):
    thread = get_object_or_404(selectors.conversations_visible_to(request.user), pk=pk)
    contract = getattr(thread.bid, "contract", None) if thread.bid.status == BidStatus.ACCEPTED else None
    if contract is not None:
        return redirect(contract)
    form = MessageForm(request.POST or None)
    status = INVALID if form.is_bound and not form.is_valid() else 200
    if request.method == "POST" and form.is_valid():
        try:
            services.message_send(conversation=thread, user=request.user, body=form.cleaned_data["body"])
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            return redirect("gigs:conversation", pk=thread.pk)
    return render(
        request,
        "gigs/conversation.html",
        {
            "thread": thread,
            "bid": thread.bid,
            "messages_list": selectors.messages_of(conversation=thread),
            "form": form if status != 200 else MessageForm(),
            "error_forms": error_forms([form]),
            # issue 12: the other side's contact details stay masked until a contract exists
            "contacts_open": contract_between(thread.bid.gig.business.owner, thread.bid.creative.user),
        },
        status=status,
    )


# --- contract workspace --------------------------------------------------------------------------


def _contract_or_404(request, pk):
    contract = selectors.contract_detail(pk=pk, user=request.user)
    if contract is None:
        raise Http404
    return contract


@login_required
def contract_detail(request, pk: int, forms=None, status=None):
    """The contract workspace; ``forms`` are bound forms a refused post re-renders here (by the
    action's name; the payments part reads its own from ``page_forms``), with ``status``."""
    contract = _contract_or_404(request, pk)
    user = request.user
    is_owner = contract.owner_id == user.pk
    is_creative = contract.creative.user_id == user.pk
    contract_status = contract.status
    reviews = selectors.visible_reviews(contract, user)
    my_review = next((r for r in contract.reviews.all() if r.author_id == user.pk), None)
    forms = forms or {}
    actions = selectors.contract_actions(contract, user)  # the buttons, as the API's "actions"
    changes = list(history(contract))
    revision_note = (
        next((change.note for change in reversed(changes) if change.to_status == ContractStatus.REVISION_REQUESTED), "")
        if contract_status == ContractStatus.REVISION_REQUESTED
        else ""
    )
    context = {
        "contract": contract,
        "gig": contract.gig,
        "is_owner": is_owner,
        "is_creative": is_creative,
        "thread": contract.bid.conversation,
        "contacts_open": True,  # issue 12: the contract exists, both parties see each other's contacts
        "messages_list": selectors.messages_of(conversation=contract.bid.conversation),
        "history": changes,
        "revision_note": revision_note,
        "reviews": reviews,
        "my_review": my_review,
        "waiting_for_other_review": my_review is not None and len(reviews) < 2 and contract.completed_at is not None,
        "message_form": forms.get("message") or MessageForm(),
        "actions": actions,
        "deliver_form": (forms.get("deliver") or DeliverForm()) if "deliver" in actions else None,
        "revision_form": (forms.get("revision") or RevisionForm()) if "request_revision" in actions else None,
        "can_complete": "complete" in actions,
        "cancel_form": (forms.get("cancel") or CancelForm()) if "cancel" in actions else None,
        "withdraw_form": (forms.get("withdraw") or WithdrawForm()) if "withdraw" in actions else None,
        "review_form": (forms.get("review") or ReviewForm()) if "review" in actions else None,
        "dispute_form": (forms.get("dispute") or DisputeForm()) if "dispute" in actions else None,
        "page_forms": forms,
        "error_forms": error_forms(forms.values()),
    }
    return render(request, "gigs/contract.html", context, status=status or (INVALID if forms else 200))


CONTRACT_ACTIONS = {
    "deliver": (
        DeliverForm,
        lambda c, u, d: services.contract_deliver(contract=c, user=u, note=d["note"], uploads=d["files"]),
        _("Delivered. The owner has been notified."),
    ),
    "revision": (
        RevisionForm,
        lambda c, u, d: services.contract_request_revision(contract=c, user=u, note=d["note"]),
        _("Revision requested."),
    ),
    "complete": (
        None,
        lambda c, u, d: services.contract_complete(contract=c, user=u),
        _("Contract completed. Please leave a review."),
    ),
    "cancel": (
        CancelForm,
        lambda c, u, d: services.contract_cancel(contract=c, user=u, reason=d["reason"]),
        _("The contract was cancelled."),
    ),
    "withdraw": (
        WithdrawForm,
        lambda c, u, d: services.contract_withdraw(contract=c, user=u, reason=d["reason"]),
        _("You withdrew from the contract. The owner has been notified and the gig is open for bids again."),
    ),
    "dispute": (
        DisputeForm,
        lambda c, u, d: services.contract_dispute(contract=c, user=u, reason=d["reason"]),
        _("Dispute opened. An MJC admin will look at it and contact you both."),
    ),
    "review": (
        ReviewForm,
        lambda c, u, d: services.review_create(contract=c, user=u, rating=d["rating"], comment=d["comment"]),
        _("Thank you for your review."),
    ),
    "message": (
        MessageForm,
        lambda c, u, d: services.message_send(conversation=c.bid.conversation, user=u, body=d["body"]),
        None,
    ),
}


@login_required
@require_POST
def contract_action(request, pk: int, action: str):
    if action not in CONTRACT_ACTIONS:
        raise Http404
    contract = _contract_or_404(request, pk)
    form_class, run, done = CONTRACT_ACTIONS[action]
    form = form_class(request.POST, request.FILES) if form_class else None
    if form is None:  # a lone button ("complete")
        attempt(request, lambda: run(contract, request.user, {}), done)
        return redirect("gigs:contract", pk=contract.pk)
    anchor = "#messages" if action == "message" else ""
    return submit(
        request,
        form,
        lambda data: run(contract, request.user, data),
        again=lambda status: contract_detail(request, pk, forms={action: form}, status=status),
        done=done,
        then=lambda _result: redirect(reverse("gigs:contract", args=[contract.pk]) + anchor),
    )


# --- private files -------------------------------------------------------------------------------


@login_required
def attachment_download(request, pk: int):
    """A brief attachment: for the owner and creatives with a live or accepted bid, else 404."""
    attachment = get_object_or_404(GigAttachment.objects.select_related("gig__business"), pk=pk)
    if not selectors.may_read_brief_files(gig=attachment.gig, user=request.user):
        raise Http404
    return files.private_file_response(attachment.file, attachment.original_name)


@login_required
@require_POST
def attachment_add(request, pk: int):
    gig = _gig_or_404(request, pk)
    if gig.business.owner_id != request.user.pk:
        raise Http404
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid() and not form.cleaned_data["files"]:
        form.add_error("files", _("Choose at least one file."))
    if not form.is_valid():
        return gig_detail(request, pk, forms={"attachment": form}, status=INVALID)
    added = 0
    status = None
    try:
        for upload in form.cleaned_data["files"]:
            services.gig_attachment_add(gig=gig, user=request.user, upload=upload)
            added += 1
    except ApplicationError as exc:
        status = rejected(form, exc, default_field="files")
    if added:
        messages.success(
            request, ngettext("%(count)s file attached.", "%(count)s files attached.", added) % {"count": added}
        )
    if status is not None:  # the files before the refused one are kept; the refusal is on the form
        return gig_detail(request, pk, forms={"attachment": form}, status=status)
    return redirect(gig)


@login_required
@require_POST
def attachment_remove(request, pk: int):
    attachment = get_object_or_404(
        GigAttachment.objects.select_related("gig__business"), pk=pk, gig__business__owner=request.user
    )
    done = _("“%(name)s” was removed.") % {"name": attachment.original_name}
    attempt(request, lambda: services.gig_attachment_remove(attachment=attachment, user=request.user), done)
    return redirect("gigs:detail", pk=attachment.gig_id)


@login_required
def delivery_file_download(request, pk: int):
    row = get_object_or_404(DeliveryFile.objects.select_related("delivery__contract__creative"), pk=pk)
    if not row.delivery.contract.is_party(request.user):
        raise Http404
    return files.private_file_response(row.file, row.original_name)


# --- my pages, reports ----------------------------------------------------------------------------


@login_required
def my_gigs(request):
    page = html_page(request, selectors.gigs_of_owner(user=request.user), size=MINE_PAGE_SIZE)
    return render(request, "gigs/my_gigs.html", {"gigs_page": page, "my_gigs": page.items})


@login_required
def my_bids(request):
    page = html_page(request, selectors.bids_of_creative(user=request.user), size=MINE_PAGE_SIZE)
    return render(request, "gigs/my_bids.html", {"bids_page": page, "my_bids": page.items})


@login_required
def report(request):
    target = {}
    if request.GET.get("gig") or request.POST.get("gig"):
        target["gig"] = _gig_or_404(request, request.GET.get("gig") or request.POST.get("gig"))
    elif request.GET.get("bid") or request.POST.get("bid"):
        target["bid"] = get_object_or_404(
            selectors.bids_visible_to(request.user), pk=_id(request.GET.get("bid") or request.POST.get("bid"))
        )
    elif request.GET.get("user") or request.POST.get("user"):
        target["target_user"] = get_object_or_404(
            get_user_model(), pk=_id(request.GET.get("user") or request.POST.get("user")), is_active=True
        )
    else:
        raise Http404
    form = ReportForm(request.POST or None)
    status = INVALID if form.is_bound and not form.is_valid() else 200
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(user=request.user, reason=form.cleaned_data["reason"], **target)
        except ApplicationError as exc:
            status = rejected(form, exc)
        else:
            messages.success(request, _("Thank you. An MJC admin will look at your report."))
            gig = target.get("gig") or (target["bid"].gig if "bid" in target else None)
            return redirect(gig or "gigs:list")
    return render(request, "gigs/report.html", {"form": form, "target": next(iter(target.values()))}, status=status)

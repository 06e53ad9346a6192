"""Every write of the packages app (issue 12): packages, their tiers, add-ons and photos,
and the orders owners place on them. Keyword-only, atomic, 403 for the wrong actor, 409
with a code for the wrong state, statuses moved only through ``transition``, notifications
through ``notify`` inside the transaction."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from creatives.models import PortfolioItem
from mjc.categories.pricing import check_price_floor
from mjc.core import files
from mjc.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from mjc.core.formatting import rupiah, single_line
from mjc.core.money import MAX_RUPIAH
from mjc.core.search import add_words
from mjc.core.summaries import summary_changed
from mjc.core.transitions import illegal_move, record_creation, transition
from mjc.notifications.services import notify
from packages.errors import PackageErrorCode as Code
from packages.models import Order, OrderFile, Package, PackageAddon, PackagePhoto, PackageTier
from packages.selectors import PACKAGE_FIGURES, PACKAGE_WORDS, order_actions, package_actions
from packages.statuses import (
    ORDER_DECISION_HOURS,
    ORDER_TRANSITIONS,
    PACKAGE_TRANSITIONS,
    TIER_ORDER,
    AddonKind,
    OrderStatus,
    PackageStatus,
    TierLevel,
)

MAX_TIERS = 3
MAX_ADDONS = 8
MAX_DELIVERABLES = 12
MAX_DELIVERY_DAYS = 365
MAX_REVISIONS = 20
MAX_PHOTOS = 6
MAX_ORDER_FILES = 10
MAX_BRIEF = 5000
PHOTO_PREFIX = "public/packages"
ORDER_FILE_DIR = "private/briefs"


# --- helpers ------------------------------------------------------------------------------


def _invalid(field: str, message, code: str = "invalid") -> ValidationFailed:
    return ValidationFailed(
        _("%(field)s: %(message)s") % {"field": field, "message": message},
        code=code,
        extra={"fields": {field: [str(message)]}},
    )


def _guard(action: str, listed: list[str], refusal: Exception) -> None:
    """Refuse ``action`` unless the actions function (``selectors.package_actions`` / ``order_actions``)
    lists it for this user now, so the buttons, the API's ``actions`` and the service say the same. The
    caller has refused a user without a role first (403, as before) and let a repeated move through as
    the no-op it always was; ``refusal`` is the 409 API users know for the right person at the wrong time."""
    if action not in listed:
        raise refusal


def _not_editable() -> Conflict:
    return Conflict(_("An archived package cannot be changed."), code=Code.PACKAGE_NOT_EDITABLE)


def _creative_profile(user):
    profile = getattr(user, "creative_profile", None) if user is not None and user.is_authenticated else None
    if profile is None:
        raise PermissionDenied(_("Only creatives with a profile can do this."), code=Code.NOT_CREATIVE)
    return profile


def _require_package_creative(package: Package, user) -> None:
    if user is None or not user.is_authenticated or package.creative.user_id != user.pk:
        raise PermissionDenied(_("Only the creative of this package can do this."), code=Code.NOT_PACKAGE_CREATIVE)


def _whole(field: str, value, *, low: int, high: int, message) -> int:
    """An integer in [low, high] or a 400 in the user's language (never a 500 from a huge number)."""
    try:
        number = int(value)
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        raise _invalid(field, _("Please give a whole number."))
    if number < low or number > high:
        raise _invalid(field, message)
    return number


def _price(field: str, value) -> int:
    from mjc.core.money import RupiahParseError, parse_rupiah

    try:
        amount = parse_rupiah(value)
    except RupiahParseError as exc:
        raise _invalid(field, exc.message)
    if amount <= 0:
        raise _invalid(field, _("The price must be more than Rp 0."))
    return amount


def _clean_tiers(tiers, category) -> list[dict]:
    if not isinstance(tiers, list | tuple) or not tiers:
        raise _invalid("tiers", _("Give at least one tier (Basic, Standard or Premium)."))
    if len(tiers) > MAX_TIERS:
        raise _invalid("tiers", _("A package has at most three tiers."))
    cleaned, seen = [], set()
    for index, tier in enumerate(tiers):
        if not isinstance(tier, dict):
            raise _invalid("tiers", _("Each tier is an object with a name, price, days and revisions."))
        level = str(tier.get("name") or tier.get("level") or TIER_ORDER[index]).strip().lower()
        level = {"dasar": TierLevel.BASIC, "standar": TierLevel.STANDARD}.get(level, level)
        if level not in TierLevel.values:
            raise _invalid("tiers", _("A tier is basic, standard or premium."))
        if level in seen:
            raise _invalid("tiers", _("Each tier can be given once."))
        seen.add(level)
        price = _price("price", tier.get("price"))
        check_price_floor(category=category, amount=price, field="price")
        days = _whole(
            "delivery_days",
            tier.get("delivery_days"),
            low=1,
            high=MAX_DELIVERY_DAYS,
            message=_("The delivery time is from 1 to %(max)s days.") % {"max": MAX_DELIVERY_DAYS},
        )
        revisions = _whole(
            "revisions",
            tier.get("revisions", 1),
            low=0,
            high=MAX_REVISIONS,
            message=_("Revisions are from 0 to %(max)s.") % {"max": MAX_REVISIONS},
        )
        deliverables = tier.get("deliverables") or []
        if isinstance(deliverables, str):
            deliverables = [line for line in deliverables.splitlines()]
        if not isinstance(deliverables, list | tuple):
            raise _invalid("deliverables", _("List what is delivered, one item a line."))
        deliverables = [single_line(str(item))[:200] for item in deliverables if str(item).strip()]
        if len(deliverables) > MAX_DELIVERABLES:
            raise _invalid("deliverables", _("At most %(max)s items.") % {"max": MAX_DELIVERABLES})
        cleaned.append(
            {
                "level": level,
                "price": price,
                "delivery_days": days,
                "revisions": revisions,
                "deliverables": deliverables,
            }
        )
    cleaned.sort(key=lambda item: TIER_ORDER.index(item["level"]))
    return cleaned


def _clean_addons(addons) -> list[dict]:
    addons = addons or []
    if not isinstance(addons, list | tuple):
        raise _invalid("addons", _("Add-ons are a list."))
    if len(addons) > MAX_ADDONS:
        raise _invalid("addons", _("At most %(max)s add-ons.") % {"max": MAX_ADDONS})
    cleaned = []
    for addon in addons:
        if not isinstance(addon, dict):
            raise _invalid("addons", _("Each add-on is an object with a name, price and extra days."))
        kind = str(addon.get("kind") or AddonKind.CUSTOM)
        if kind not in AddonKind.values:
            raise _invalid("addons", _("Unknown kind of add-on."))
        name = single_line(str(addon.get("name") or "")) or str(AddonKind(kind).label)
        extra_days = _whole(
            "extra_days",
            addon.get("extra_days", 0),
            low=-MAX_DELIVERY_DAYS,
            high=MAX_DELIVERY_DAYS,
            message=_("Extra days are from -%(max)s to %(max)s.") % {"max": MAX_DELIVERY_DAYS},
        )
        default_revisions = 1 if kind == AddonKind.EXTRA_REVISION else 0
        extra_revisions = _whole(
            "extra_revisions",
            addon.get("extra_revisions", default_revisions),
            low=0,
            high=MAX_REVISIONS,
            message=_("Revisions are from 0 to %(max)s.") % {"max": MAX_REVISIONS},
        )
        cleaned.append(
            {
                "kind": kind,
                "name": name[:120],
                "price": _price("price", addon.get("price")),
                "extra_days": extra_days,
                "extra_revisions": extra_revisions,
            }
        )
    return cleaned


def _write_tiers(package: Package, tiers: list[dict]) -> None:
    package.tiers.all().delete()
    PackageTier.objects.bulk_create(
        [PackageTier(package=package, position=index, **tier) for index, tier in enumerate(tiers)]
    )
    package.price_from = min(tier["price"] for tier in tiers)
    package.days_from = min(tier["delivery_days"] for tier in tiers)


def _write_addons(package: Package, addons: list[dict]) -> None:
    package.addons.all().delete()
    PackageAddon.objects.bulk_create(
        [PackageAddon(package=package, position=index, **addon) for index, addon in enumerate(addons)]
    )


def _text(field: str, value, *, required=True, max_length=None) -> str:
    value = single_line(value) if field == "title" else (value or "").strip()
    if required and not value:
        raise _invalid(field, _("This field is required."))
    if max_length and len(value) > max_length:
        raise _invalid(field, _("At most %(max)s characters.") % {"max": max_length})
    return value


# --- packages -------------------------------------------------------------------------------


@transaction.atomic
def package_create(*, user, category, title: str, description: str, tiers, addons=(), photos=()) -> Package:
    """A new package in ``draft``; the creative publishes it when it is ready."""
    profile = _creative_profile(user)
    if category is None:
        raise _invalid("category", _("Please choose a category."))
    title = _text("title", title, max_length=140)
    description = _text("description", description, max_length=8000)
    tiers = _clean_tiers(tiers, category)
    addons = _clean_addons(addons)
    package = Package(creative=profile, category=category, title=title, description=description)
    package.save()
    _write_tiers(package, tiers)
    _write_addons(package, addons)
    package.save(update_fields=["price_from", "days_from"])
    record_creation(package, actor=user)
    for upload in photos or ():
        package_photo_add(package=package, user=user, upload=upload)
    return package


EDITABLE_FIELDS = ("title", "description", "category", "tiers", "addons")


@transaction.atomic
def package_update(*, package: Package, user, **changes) -> Package:
    _require_package_creative(package, user)
    package = Package.objects.select_for_update(of=("self",)).select_related("creative").get(pk=package.pk)
    _guard("edit", package_actions(package, user), _not_editable())
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise _invalid(sorted(unknown)[0], _("This field cannot be changed."))
    fields = []
    if "title" in changes:
        package.title = _text("title", changes["title"], max_length=140)
        fields.append("title")
    if "description" in changes:
        package.description = _text("description", changes["description"], max_length=8000)
        fields.append("description")
    if "category" in changes and changes["category"] is not None:
        package.category = changes["category"]
        fields.append("category")
    if "tiers" in changes or "category" in changes:
        tiers = (
            changes["tiers"]
            if "tiers" in changes
            else [
                {
                    "level": t.level,
                    "price": t.price,
                    "delivery_days": t.delivery_days,
                    "revisions": t.revisions,
                    "deliverables": t.deliverables,
                }
                for t in package.tiers.all()
            ]
        )
        _write_tiers(package, _clean_tiers(tiers, package.category))
        fields += ["price_from", "days_from"]
    if "addons" in changes:
        _write_addons(package, _clean_addons(changes["addons"]))
    package.save(update_fields=[*dict.fromkeys(fields), "updated_at"])
    if package.status == PackageStatus.ACTIVE and {"title", "description"} & set(fields):
        add_words(PACKAGE_WORDS, package.title, package.description)
    return package


def _move_package(package: Package, *, to: str, user, fields=None):
    summary_changed(PACKAGE_FIGURES)  # active packages and their price guidance
    return transition(
        Package.objects.select_related("creative__user", "category"),
        package.pk,
        to=to,
        transitions=PACKAGE_TRANSITIONS,
        choices=PackageStatus,
        actor=user,
        fields=fields,
        code_prefix="package",
    )


@transaction.atomic
def package_publish(*, package: Package, user) -> Package:
    """draft or paused → active; the tiers are checked against today's floor first."""
    _require_package_creative(package, user)
    current = Package.objects.select_for_update(of=("self",)).select_related("category", "creative").get(pk=package.pk)
    if current.status == PackageStatus.ACTIVE:
        return current  # the same move twice
    _guard(
        "publish",
        package_actions(current, user),
        illegal_move(current, PackageStatus.ACTIVE, choices=PackageStatus, code_prefix="package"),
    )
    tiers = list(current.tiers.all())
    if not tiers:
        raise Conflict(_("Add at least one tier before publishing."), code=Code.PACKAGE_INCOMPLETE)
    for tier in tiers:
        check_price_floor(category=current.category, amount=tier.price, field="price")
    fields = {} if current.published_at else {"published_at": timezone.now()}
    moved = _move_package(current, to=PackageStatus.ACTIVE, user=user, fields=fields)
    add_words(PACKAGE_WORDS, current.title, current.description)  # a typo of a new word finds it at once
    return moved.obj


def _guarded_move(package: Package, *, action: str, to: str, user) -> Package:
    _require_package_creative(package, user)
    current = Package.objects.select_for_update(of=("self",)).select_related("creative").get(pk=package.pk)
    if current.status != to:  # else the same move twice: the transition makes it a no-op
        _guard(action, package_actions(current, user), illegal_move(current, to, choices=PackageStatus))
    return _move_package(current, to=to, user=user).obj


@transaction.atomic
def package_pause(*, package: Package, user) -> Package:
    return _guarded_move(package, action="pause", to=PackageStatus.PAUSED, user=user)


@transaction.atomic
def package_archive(*, package: Package, user) -> Package:
    return _guarded_move(package, action="archive", to=PackageStatus.ARCHIVED, user=user)


@transaction.atomic
def package_photo_add(*, package: Package, user, upload=None, portfolio_item=None) -> PackagePhoto:
    """A photo, uploaded (cleaned like every image) or copied from the creative's portfolio."""
    _require_package_creative(package, user)
    package = Package.objects.select_for_update(of=("self",)).filter(pk=package.pk).first() or package
    _guard("edit", package_actions(package, user), _not_editable())
    if portfolio_item is None and not hasattr(upload, "read"):
        raise _invalid("file", _("Choose a photo to upload, or one from your portfolio."), code="required")
    if PackagePhoto.objects.filter(package=package).count() >= MAX_PHOTOS:
        raise _invalid("photos", _("At most %(max)s photos.") % {"max": MAX_PHOTOS}, code=Code.TOO_MANY_PHOTOS)
    last = PackagePhoto.objects.filter(package=package).order_by("-position").values_list("position", flat=True)
    position = (last.first() or 0) + 1
    photo = PackagePhoto(package=package, position=position)
    if portfolio_item is not None:
        # locked, so the creative removing the item at this moment either goes first (then it is gone:
        # 404) or waits for this photo and keeps the files it now shares (mjc.core.files)
        pk = getattr(portfolio_item, "pk", portfolio_item)
        portfolio_item = PortfolioItem.objects.select_for_update().filter(pk=pk, profile=package.creative_id).first()
        if portfolio_item is None:
            raise NotFound(_("Portfolio item not found."), code=Code.PORTFOLIO_ITEM_NOT_FOUND)
        photo.image, photo.thumbnail = portfolio_item.image.name, portfolio_item.thumbnail.name
        photo.width, photo.height = portfolio_item.width, portfolio_item.height
        photo.save()
        return photo
    clean = files.clean_image(upload)
    photo.width, photo.height = clean.width, clean.height
    files.save_clean_image(clean, image_field=photo.image, thumbnail_field=photo.thumbnail, prefix=PHOTO_PREFIX)
    photo.save()
    return photo


@transaction.atomic
def package_photo_remove(*, photo: PackagePhoto, user) -> bool:
    """Its creative removes a photo (not once the package is archived): the row, and after the
    commit the stored image and thumbnail — unless another row still shows them (a photo copied
    from the portfolio shares the portfolio item's files, which stay for the portfolio)."""
    package = Package.objects.select_for_update(of=("self",)).select_related("creative").filter(pk=photo.package_id)
    package = package.first()
    if package is None:
        raise NotFound()
    _require_package_creative(package, user)
    _guard("edit", package_actions(package, user), _not_editable())
    photo = PackagePhoto.objects.filter(pk=photo.pk, package=package).first()
    if photo is None:
        return False  # removed already (a second click): nothing more to do
    storage = photo.image.storage
    names = [field.name for field in (photo.image, photo.thumbnail) if field]
    photo.delete()
    files.delete_unused_after_commit(storage, names)
    return True


# --- orders ---------------------------------------------------------------------------------


def _order_url(order: Order) -> str:
    return reverse("packages:order", args=[order.pk])


def _check_order_files(uploads) -> list:
    uploads = [upload for upload in (uploads or []) if upload]
    if any(not hasattr(upload, "read") for upload in uploads):
        raise _invalid("files", _("Send files as multipart uploads."))
    if len(uploads) > MAX_ORDER_FILES:
        raise _invalid(
            "files", _("At most %(count)s files at once.") % {"count": MAX_ORDER_FILES}, code=Code.TOO_MANY_FILES
        )
    for upload in uploads:
        files.clean_document(upload)
    return uploads


def order_quote(*, package: Package, tier: PackageTier, addons) -> dict:
    """What the owner pays and waits for: tier + add-ons (400 for a total beyond the range)."""
    amount = tier.price + sum(addon.price for addon in addons)
    if amount > MAX_RUPIAH:
        raise _invalid(
            "amount",
            _("That amount is too large: at most %(max)s.") % {"max": rupiah(MAX_RUPIAH)},
            code=Code.AMOUNT_TOO_LARGE,
        )
    days = max(tier.delivery_days + sum(addon.extra_days for addon in addons), 1)
    revisions = min(tier.revisions + sum(addon.extra_revisions for addon in addons), 32000)
    return {"amount": amount, "due_days": days, "revisions": revisions}


@transaction.atomic
def order_create(
    *, package: Package, user, tier, business=None, brief: str = "", addons=(), uploads=(), template=None, answers=None
) -> Order:
    """An owner orders one tier (and add-ons) for one of their businesses → ``requested``."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied()
    package = Package.objects.select_related("creative__user", "category").get(pk=package.pk)
    if package.creative.user_id == user.pk:
        raise PermissionDenied(_("You cannot order your own package."), code=Code.OWN_PACKAGE)
    _guard(
        "order",
        package_actions(package, user),
        Conflict(
            _("This package is not taking orders now."), code=Code.PACKAGE_NOT_ACTIVE, extra={"status": package.status}
        ),
    )
    if business is None:
        business = user.businesses.order_by("id").first()
        if business is None:
            raise _invalid("business", _("Register your business first, then order."), code=Code.NO_BUSINESS)
    elif business.owner_id != user.pk:
        raise PermissionDenied(_("You can only order for your own business."), code=Code.NOT_BUSINESS_OWNER)
    tiers = {t.pk: t for t in package.tiers.all()}
    by_level = {t.level: t for t in tiers.values()}
    chosen = tier if isinstance(tier, PackageTier) else None
    if chosen is None:
        key = str(tier or "").strip().lower()
        chosen = by_level.get(key) or (tiers.get(int(key)) if key.isdigit() and len(key) < 12 else None)
    if chosen is None or chosen.package_id != package.pk:
        raise _invalid("tier", _("Choose one of this package's tiers."), code=Code.UNKNOWN_TIER)
    available = {a.pk: a for a in package.addons.filter(active=True)}
    chosen_addons = []
    for item in addons or ():
        key = getattr(item, "pk", item)
        try:
            key = int(key)
        except (TypeError, ValueError, OverflowError):
            key = None
        if key not in available:
            raise _invalid("addons", _("Choose add-ons of this package."), code=Code.UNKNOWN_ADDON)
        if available[key] not in chosen_addons:
            chosen_addons.append(available[key])
    if template is not None and (template.category_id != package.category_id or not template.active):
        raise _invalid("template", _("Choose a brief template of this package's category."), code=Code.UNKNOWN_TEMPLATE)
    if template is not None:  # answers without their template have no questions to belong to
        from gigs.services import compose_brief

        brief = compose_brief(template=template, answers=answers, extra=brief)
    brief = _text("brief", brief, max_length=MAX_BRIEF)
    uploads = _check_order_files(uploads)
    quote = order_quote(package=package, tier=chosen, addons=chosen_addons)
    order = Order.objects.create(
        package=package,
        tier=chosen,
        tier_level=chosen.level,
        owner=user,
        creative=package.creative,
        business=business,
        brief=brief,
        addons=[
            {
                "id": a.pk,
                "kind": a.kind,
                "name": a.name,
                "price": a.price,
                "extra_days": a.extra_days,
                "extra_revisions": a.extra_revisions,
            }
            for a in chosen_addons
        ],
        deliverables=list(chosen.deliverables or []),
        expires_at=timezone.now() + timedelta(hours=ORDER_DECISION_HOURS),
        **quote,
    )
    for upload in uploads:
        row = OrderFile(order=order)
        files.clean_document(upload)
        name = files.server_name(ORDER_FILE_DIR, files.document_extension(upload))
        row.file.save(name, upload, save=False)
        row.original_name, row.size = files.display_name(upload), upload.size or 0
        row.save()
    record_creation(order, actor=user)
    summary_changed(PACKAGE_FIGURES)
    notify(
        recipient=package.creative.user,
        kind="order.new",
        params={
            "package": package.title,
            "owner": business.name,
            "amount": rupiah(order.amount),
            "days": str(order.due_days),
        },
        url=_order_url(order),
        dedupe_key=f"order.new:{order.pk}",
    )
    return order


def _lock_order(order: Order) -> Order:
    current = (
        Order.objects.select_for_update(of=("self",))
        .select_related("package", "creative__user", "owner", "business")
        .filter(pk=order.pk)
        .first()
    )
    if current is None:
        raise NotFound()
    return current


def _not_requested(order: Order) -> Conflict:
    return Conflict(
        _("This order is no longer waiting for a decision (it is “%(status)s”).")
        % {"status": order.get_status_display()},
        code=Code.ORDER_NOT_REQUESTED,
        extra={"status": order.status},
    )


def _move_order(order: Order, *, to: str, user, note: str = "", fields=None):
    summary_changed(PACKAGE_FIGURES)  # orders by status on the province dashboard (after commit)
    return transition(
        Order.objects.select_related("package", "creative__user", "owner", "business"),
        order.pk,
        to=to,
        transitions=ORDER_TRANSITIONS,
        choices=OrderStatus,
        actor=user,
        note=note,
        fields=fields,
        code_prefix="order",
    )


def _require_order_creative(order: Order, user) -> None:
    if user is None or not user.is_authenticated or order.creative.user_id != user.pk:
        raise PermissionDenied(
            _("Only the creative of this package can decide the order."), code=Code.NOT_PACKAGE_CREATIVE
        )


@transaction.atomic
def order_accept(*, order: Order, user):
    """The creative accepts: a contract exactly like a bid-born one (gigs/package_contracts.py)."""
    from gigs.package_contracts import BriefFile, contract_from_package

    _require_order_creative(order, user)
    current = _lock_order(order)
    if current.status == OrderStatus.ACCEPTED:
        return current.contract  # the same accept twice
    # past its 48 hours the expiry job is about to close it: no "accept" is listed any more
    timed_out = current.status == OrderStatus.REQUESTED
    _guard(
        "accept",
        order_actions(current, user),
        Conflict(
            _("This order waited more than 48 hours and has expired."),
            code=Code.ORDER_NOT_REQUESTED,
            extra={"status": OrderStatus.EXPIRED},
        )
        if timed_out
        else _not_requested(current),
    )
    addons = ", ".join(item["name"] for item in current.addons)
    proposal = str(
        _("Package “%(package)s”, tier %(tier)s.")
        % {"package": current.package.title, "tier": current.get_tier_level_display()}
    )
    if addons:
        proposal += " " + str(_("Add-ons: %(addons)s.") % {"addons": addons})
    contract = contract_from_package(
        owner=current.owner,
        business=current.business,
        creative=current.creative,
        category=current.package.category,
        title=current.package.title,
        brief=current.brief,
        amount=current.amount,
        due_days=current.due_days,
        revisions=current.revisions,
        proposal=proposal,
        files=[BriefFile(name=f.file.name, original_name=f.original_name, size=f.size) for f in current.files.all()],
    )
    moved = _move_order(
        current, to=OrderStatus.ACCEPTED, user=user, fields={"contract": contract, "decided_at": timezone.now()}
    )
    notify(
        recipient=current.owner,
        kind="order.accepted",
        params={"package": current.package.title, "amount": rupiah(current.amount)},
        url=reverse("gigs:contract", args=[contract.pk]),
        dedupe_key=f"order.accepted:{current.pk}",
    )
    return moved.obj.contract


@transaction.atomic
def order_decline(*, order: Order, user, reason: str) -> Order:
    _require_order_creative(order, user)
    reason = (reason or "").strip()
    if not reason:
        raise _invalid("reason", _("Please give a reason."), code=Code.REASON_REQUIRED)
    current = _lock_order(order)
    if current.status == OrderStatus.DECLINED:
        return current  # the same decline twice
    _guard("decline", order_actions(current, user), _not_requested(current))
    moved = _move_order(
        current,
        to=OrderStatus.DECLINED,
        user=user,
        note=reason,
        fields={"decline_reason": reason[:2000], "decided_at": timezone.now()},
    )
    notify(
        recipient=current.owner,
        kind="order.declined",
        params={"package": current.package.title, "reason": reason[:300]},
        url=_order_url(current),
        dedupe_key=f"order.declined:{current.pk}",
    )
    return moved.obj


@transaction.atomic
def order_cancel(*, order: Order, user) -> Order:
    """The owner takes the order back before the creative decides."""
    if user is None or not user.is_authenticated or order.owner_id != user.pk:
        raise PermissionDenied(_("Only the owner who ordered can cancel the order."), code=Code.NOT_BUSINESS_OWNER)
    current = _lock_order(order)
    if current.status == OrderStatus.CANCELLED:
        return current  # the same cancel twice
    _guard("cancel", order_actions(current, user), _not_requested(current))
    moved = _move_order(current, to=OrderStatus.CANCELLED, user=user, fields={"decided_at": timezone.now()})
    notify(
        recipient=current.creative.user,
        kind="order.cancelled",
        params={"package": current.package.title, "owner": current.business.name},
        url=_order_url(current),
        dedupe_key=f"order.cancelled:{current.pk}",
    )
    return moved.obj


def orders_expire(*, now=None, limit: int = 500) -> int:
    """Requested orders past their 48 hours become ``expired``; the owner (and the creative)
    are told. Idempotent: a second run finds nothing to do. A system move acts as no user, so no
    actions function speaks for it: it keeps its own rule (requested, past ``expires_at``)."""
    now = now or timezone.now()
    expired = 0
    ids = list(
        Order.objects.filter(status=OrderStatus.REQUESTED, expires_at__lte=now)
        .order_by("expires_at")
        .values_list("id", flat=True)[:limit]
    )
    for pk in ids:
        with transaction.atomic():
            current = _lock_order(Order(pk=pk))
            if current.status != OrderStatus.REQUESTED or current.expires_at > now:
                continue
            moved = _move_order(current, to=OrderStatus.EXPIRED, user=None, note="48 h without a decision")
            if not moved.changed:
                continue
            expired += 1
            for recipient in (current.owner, current.creative.user):
                notify(
                    recipient=recipient,
                    kind="order.expired",
                    params={"package": current.package.title},
                    url=_order_url(current),
                    dedupe_key=f"order.expired:{current.pk}:{recipient.pk}",
                )
    return expired

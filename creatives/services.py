"""Writes for creative profiles and portfolios: the only place that changes them."""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from creatives import signals
from creatives.errors import PortfolioFull, PortfolioItemNotFound
from creatives.models import CreativeProfile, PortfolioItem
from mjc.accounts.models import Role, User
from mjc.accounts.services import user_add_role
from mjc.categories.models import Category
from mjc.core.errors import PermissionDenied, ValidationFailed
from mjc.core.files import clean_image, delete_unused_after_commit, save_clean_image
from mjc.core.models import StatusChange
from mjc.core.summaries import FIGURES, summary_changed
from mjc.regions.models import Kabupaten

PORTFOLIO_PREFIX = "public/portfolio"
PORTFOLIO_MAX_ITEMS = 40
PROFILE_FIELDS = ("headline", "bio", "skills", "day_rate", "kabupaten", "available")
_UNSET = object()


def _field_error(field: str, message, code: str) -> ValidationFailed:
    return ValidationFailed(message, code=code, extra={"fields": {field: [str(message)]}})


def _categories(skills: Iterable) -> list[Category]:
    """Skills given as Category objects or as slugs; an unknown slug is a 400 naming it."""
    skills = list(skills or [])
    slugs = [s for s in skills if isinstance(s, str)]
    found = {c.slug: c for c in Category.objects.filter(slug__in=slugs)}
    unknown = [s for s in slugs if s not in found]
    if unknown:
        raise _field_error(
            "skills", _("Unknown category: %(slugs)s.") % {"slugs": ", ".join(unknown)}, "unknown_category"
        )
    return [found[s] if isinstance(s, str) else s for s in skills]


@transaction.atomic
def creative_profile_update(
    *,
    user: User,
    headline=_UNSET,
    bio=_UNSET,
    skills=_UNSET,
    day_rate=_UNSET,
    kabupaten: Kabupaten | None = _UNSET,
    available=_UNSET,
) -> CreativeProfile:
    """Create or change the user's creative profile; whoever has one is a creative.

    Only the arguments given are changed (so the API's PATCH maps onto it directly)."""
    if day_rate is not _UNSET and day_rate is not None and day_rate <= 0:
        raise _field_error("day_rate", _("The day rate must be more than Rp 0."), "invalid_day_rate")
    categories = _categories(skills) if skills is not _UNSET else None

    profile, _created = CreativeProfile.objects.select_for_update().get_or_create(
        user=user, defaults={"kabupaten": user.kabupaten}
    )
    changed = []
    for name, value in (
        ("headline", headline),
        ("bio", bio),
        ("day_rate", day_rate),
        ("kabupaten", kabupaten),
        ("available", available),
    ):
        if value is _UNSET:
            continue
        if isinstance(value, str):
            value = value.strip()
        setattr(profile, name, value)
        changed.append(name)
    if changed:
        profile.save(update_fields=[*changed, "updated_at"])
    if categories is not None:
        profile.skills.set(categories)
    if not user.is_creative:
        user_add_role(user=user, role=Role.CREATIVE)
    if categories is not None or {"day_rate", "kabupaten", "available"} & set(changed):
        # what matching scores changed: the marketplace re-scores this creative (gigs/receivers.py)
        signals.matching_inputs_changed.send(sender=CreativeProfile, profile=profile)
    if _created or "kabupaten" in changed:
        summary_changed(FIGURES)  # creatives per kabupaten on the landing page and the province dashboard
    return profile


@transaction.atomic
def portfolio_add(*, profile: CreativeProfile, title: str, image, category: Category | None = None) -> PortfolioItem:
    """Add a portfolio image; it is validated and re-encoded (EXIF gone) before it is stored."""
    title = (title or "").strip()
    if not title:
        raise _field_error("title", _("Give the work a title."), "title_required")
    clean = clean_image(image)
    # Lock the profile so two uploads at once cannot both take the last place or one position.
    CreativeProfile.objects.select_for_update().filter(pk=profile.pk).first()
    items = PortfolioItem.objects.filter(profile=profile)  # not profile.portfolio: it may be a stale prefetch
    count = items.count()
    if count >= PORTFOLIO_MAX_ITEMS:
        raise PortfolioFull(extra={"max_items": PORTFOLIO_MAX_ITEMS})
    last = items.order_by("-position").values_list("position", flat=True).first()
    item = PortfolioItem(
        profile=profile,
        title=title,
        category=category,
        width=clean.width,
        height=clean.height,
        position=(last or 0) + 1 if count else 0,
    )
    save_clean_image(clean, image_field=item.image, thumbnail_field=item.thumbnail, prefix=PORTFOLIO_PREFIX)
    try:
        item.save()
    except Exception:
        # The row is not there, so neither should its files be.
        for field in (item.image, item.thumbnail):
            field.storage.delete(field.name)
        raise
    return item


@transaction.atomic
def portfolio_remove(*, profile: CreativeProfile, item_id) -> None:
    try:
        item = PortfolioItem.objects.select_for_update().get(pk=item_id, profile=profile)
    except (PortfolioItem.DoesNotExist, ValueError, TypeError) as exc:
        raise PortfolioItemNotFound() from exc
    names = [f.name for f in (item.image, item.thumbnail) if f]
    storage = item.image.storage
    item.delete()
    # a package photo taken from this item holds the same files: they stay while it shows them
    delete_unused_after_commit(storage, names)


# --- badges (issue 13, mjc/core/badges.py) -----------------------------------------------------------


def _record_talenta(profile: CreativeProfile, *, admin: User, granted: bool, note: str) -> None:
    StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(profile),
        object_id=profile.pk,
        from_status="talenta" if not granted else "",
        to_status="talenta" if granted else "",
        actor=admin,
        note=note,
    )


@transaction.atomic
def talenta_grant(*, profile: CreativeProfile, admin: User, note: str) -> CreativeProfile:
    """An MJC admin grants the "Talenta MJC" badge with a note (e.g. after an MJC training)."""
    if not getattr(admin, "is_superuser", False):
        raise PermissionDenied(_("Only MJC admins grant Talenta MJC."), code="not_admin")
    note = (note or "").replace("\x00", "").strip()
    if not note:
        raise _field_error("note", _("Please write why (e.g. the training attended)."), "note_required")
    profile = CreativeProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.talenta_since:
        return profile  # granted already
    profile.talenta_since, profile.talenta_note = timezone.localdate(), note[:4000]
    profile.save(update_fields=["talenta_since", "talenta_note", "updated_at"])
    _record_talenta(profile, admin=admin, granted=True, note=note)
    return profile


@transaction.atomic
def talenta_withdraw(*, profile: CreativeProfile, admin: User, note: str) -> CreativeProfile:
    if not getattr(admin, "is_superuser", False):
        raise PermissionDenied(_("Only MJC admins grant Talenta MJC."), code="not_admin")
    note = (note or "").replace("\x00", "").strip()
    if not note:
        raise _field_error("note", _("Please write why the badge is withdrawn."), "note_required")
    profile = CreativeProfile.objects.select_for_update().get(pk=profile.pk)
    if not profile.talenta_since:
        return profile
    profile.talenta_since, profile.talenta_note = None, note[:4000]
    profile.save(update_fields=["talenta_since", "talenta_note", "updated_at"])
    _record_talenta(profile, admin=admin, granted=False, note=note)
    return profile


def creative_earned_badges_set(*, profile_id: int, codes: list[str], now) -> bool:
    """Written by the scheduled badge job (payments.badges); True when the badges changed."""
    return bool(
        CreativeProfile.objects.filter(pk=profile_id)
        .exclude(earned_badges=sorted(codes))
        .update(earned_badges=sorted(codes), badges_refreshed_at=now)
    )

"""Reasons of a match, stored as codes with parameters and rendered in the reader's language."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from creatives.models import CreativeProfile
from gigs.models import Gig
from mjc.categories.models import Category
from mjc.core.badges import ON_TIME, RESPONSIVE, TALENTA_MJC


def reasons_of(profile: CreativeProfile, gig: Gig) -> list[dict]:
    """The reasons of one scored creative as codes with parameters (stored as JSON)."""
    reasons: list[dict] = []
    if profile.has_skill:
        reasons.append({"code": "skill", "category": gig.category.slug})
    if profile.region_level == 2 and profile.kabupaten_id:
        reasons.append({"code": "same_kabupaten", "place": profile.kabupaten.name})
    elif profile.region_level == 1 and profile.kabupaten_id:
        reasons.append({"code": "same_bakorwil", "place": profile.kabupaten.bakorwil.name})
    if profile.rating_count:
        reasons.append({"code": "rating", "avg": str(profile.rating_avg), "count": profile.rating_count})
    elif profile.completed_count:
        reasons.append({"code": "completed", "count": profile.completed_count})
    if profile.budget_level == 2:
        reasons.append({"code": "budget_fit"})
    if profile.available and not profile.active_contracts:
        reasons.append({"code": "available"})
    elif profile.active_contracts:
        reasons.append({"code": "busy", "count": profile.active_contracts})
    if profile.recent_level == 2:
        reasons.append({"code": "recently_active"})
    if profile.talenta_since:
        reasons.append({"code": TALENTA_MJC})
    for code in (ON_TIME, RESPONSIVE):
        if code in (profile.earned_badges or ()):
            reasons.append({"code": code})
    return reasons


def reason_text(reason: dict, categories: dict | None = None) -> str:
    """One reason in words, in the active language ("Sama-sama di Kab. Malang").

    ``categories``: slug → Category, when the caller has them (saves a query per skill reason)."""
    code = reason.get("code")
    if code == "skill":
        if categories is not None:
            category = categories.get(reason.get("category"))
        else:
            category = Category.objects.filter(slug=reason.get("category")).first()
        return _("Expert in %(category)s") % {"category": category.label if category else reason.get("category", "")}
    if code == "same_kabupaten":
        return _("Also in %(place)s") % {"place": reason.get("place", "")}
    if code == "same_bakorwil":
        return _("Same region: %(place)s") % {"place": reason.get("place", "")}
    if code == "rating":
        avg = Decimal(reason.get("avg", "0")).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        avg = formats.number_format(avg, 1, use_l10n=True)
        count = int(reason.get("count", 0) or 0)
        return ngettext("%(avg)s ★ from %(count)s project", "%(avg)s ★ from %(count)s projects", count) % {
            "avg": avg,
            "count": count,
        }
    if code == "completed":
        count = int(reason.get("count", 0) or 0)
        return ngettext("%(count)s project completed", "%(count)s projects completed", count) % {"count": count}
    if code == "budget_fit":
        return _("Day rate fits the budget")
    if code == "available":
        return _("Available for new work")
    if code == "busy":
        return _("%(count)s contracts in progress") % {"count": reason.get("count", 0)}
    if code == "recently_active":
        return _("Active recently")
    if code == TALENTA_MJC:
        return _("Talenta MJC: vouched for by MJC")
    if code == ON_TIME:
        return _("Usually delivers on time")
    if code == RESPONSIVE:
        return _("Usually replies within a day")
    return ""


def reasons_text(reasons: list[dict], categories: dict | None = None) -> list[str]:
    return [text for text in (reason_text(reason, categories) for reason in reasons or []) if text]

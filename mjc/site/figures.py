"""The province dashboard and the landing figures: what MJC has done, by Bakorwil and
kabupaten/kota.

The figures aggregate whole tables, so they are not computed per view: the ``figures``
summary (mjc/core/summaries.py) keeps one ``RegionFigures`` row per kabupaten/kota and the
``PlatformFigures`` row, and the pages read those (three small queries). The live
computation is kept (``province_figures_direct``, ``platform_figures_direct``): the refresh
uses its grouped queries, and tests compare the summary with it.
A gig counts where it is located (its kabupaten/kota); a creative where they live.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q, Sum

from creatives.models import CreativeProfile
from ejsc.models import Space
from gigs.models import Contract, Gig
from gigs.statuses import ContractStatus, GigStatus
from mjc.core.models import PlatformFigures, RegionFigures
from mjc.core.summaries import FIGURES, ensure_computed, register_summary
from mjc.regions.models import Bakorwil, Kabupaten
from umkm.models import Business

CONTRACT_VALUE_STATUSES = [
    ContractStatus.ACTIVE,
    ContractStatus.DELIVERED,
    ContractStatus.REVISION_REQUESTED,
    ContractStatus.COMPLETED,
]


@dataclass
class RegionRow:
    code: str
    name: str
    bakorwil: str = ""
    umkm_served: int = 0
    businesses: int = 0
    creatives: int = 0
    gigs: int = 0
    open_gigs: int = 0
    contracts: int = 0
    completed: int = 0
    cancelled: int = 0
    contract_value: int = 0

    @property
    def completion_rate(self) -> float | None:
        finished = self.completed + self.cancelled
        return round(100 * self.completed / finished, 1) if finished else None


@dataclass
class ProvinceFigures:
    totals: RegionRow
    bakorwil: list[RegionRow] = field(default_factory=list)
    kabupaten: list[RegionRow] = field(default_factory=list)
    refreshed_at: datetime | None = None


NUMERIC = [
    "umkm_served",
    "businesses",
    "creatives",
    "gigs",
    "open_gigs",
    "contracts",
    "completed",
    "cancelled",
    "contract_value",
]


# --- the direct computation (the refresh, and the reference the tests compare with) -------


def _by_kabupaten(queryset, path: str, **aggregates) -> dict[int, dict]:
    return {row.pop(path): row for row in queryset.values(path).annotate(**aggregates).order_by()}


def _published_gigs():
    return Gig.objects.exclude(status=GigStatus.DRAFT)


def region_counts_direct() -> dict[int, dict]:
    """Every figure per kabupaten id, grouped in the database (four grouped queries)."""
    counts: dict[int, dict] = {}
    sources = (
        _by_kabupaten(
            _published_gigs(),
            "kabupaten_id",
            gigs=Count("id"),
            open_gigs=Count("id", filter=Q(status=GigStatus.OPEN)),
            umkm_served=Count("business", distinct=True),
        ),
        _by_kabupaten(Business.objects.all(), "kabupaten_id", businesses=Count("id")),
        _by_kabupaten(CreativeProfile.objects.all(), "kabupaten_id", creatives=Count("id")),
        _by_kabupaten(
            Contract.objects.all(),
            "gig__kabupaten_id",
            contracts=Count("id"),
            completed=Count("id", filter=Q(status=ContractStatus.COMPLETED)),
            cancelled=Count("id", filter=Q(status=ContractStatus.CANCELLED)),
            contract_value=Sum("amount", filter=Q(status__in=CONTRACT_VALUE_STATUSES), default=0),
        ),
    )
    for source in sources:
        for pk, values in source.items():
            if pk is not None:  # a creative may not have said where they live
                counts.setdefault(pk, {}).update({key: value or 0 for key, value in values.items()})
    return counts


def umkm_served_direct() -> int:
    """UMKM served province-wide: distinct businesses, not a sum over regions."""
    return _published_gigs().values("business").distinct().count()


def platform_figures_direct() -> dict:
    """The landing page's figures, counted live."""
    return {
        "businesses": Business.objects.count(),
        "creatives": CreativeProfile.objects.count(),
        "open_gigs": Gig.objects.filter(status=GigStatus.OPEN).count(),
        "hubs": Space.objects.count(),
    }


def province_figures_direct() -> ProvinceFigures:
    """The province dashboard counted live (what the summary rows must equal)."""
    counts = region_counts_direct()
    kabupaten = Kabupaten.objects.select_related("bakorwil").order_by("bakorwil_id", "name")
    rows = [
        RegionRow(code=kab.code, name=kab.name, bakorwil=kab.bakorwil.code, **counts.get(kab.pk, {}))
        for kab in kabupaten
    ]
    return _assemble(rows, umkm_served=umkm_served_direct(), refreshed_at=None)


@register_summary(FIGURES)
def figures_refresh(refreshed_at: datetime) -> None:
    """Rewrite the RegionFigures rows and the PlatformFigures row (one upsert each)."""
    counts = region_counts_direct()
    rows = [
        RegionFigures(
            kabupaten_id=pk, refreshed_at=refreshed_at, **{name: counts.get(pk, {}).get(name, 0) for name in NUMERIC}
        )
        for pk in Kabupaten.objects.order_by("pk").values_list("pk", flat=True)
    ]
    RegionFigures.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["kabupaten"], update_fields=[*NUMERIC, "refreshed_at"]
    )
    PlatformFigures.objects.bulk_create(
        [
            PlatformFigures(
                id=1, umkm_served=umkm_served_direct(), refreshed_at=refreshed_at, **platform_figures_direct()
            )
        ],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["businesses", "creatives", "open_gigs", "hubs", "umkm_served", "refreshed_at"],
    )


# --- the reads: a few rows -------------------------------------------------------------------


def platform_figures() -> PlatformFigures:
    """The landing page's figures, from the summary row (computed once if it never was)."""
    figures = PlatformFigures.objects.filter(pk=1).first()
    if figures is None:
        ensure_computed(FIGURES)
        figures = PlatformFigures.objects.filter(pk=1).first() or PlatformFigures(refreshed_at=None)
    return figures


def province_figures() -> ProvinceFigures:
    """The province dashboard from the summary rows: three queries whatever the data."""
    platform = platform_figures()
    kabupaten = Kabupaten.objects.select_related("bakorwil", "figures").order_by("bakorwil_id", "name")
    rows = []
    for kab in kabupaten:
        stored = getattr(kab, "figures", None)  # a kabupaten added since the last refresh has none yet
        values = {name: getattr(stored, name) for name in NUMERIC} if stored else {}
        rows.append(RegionRow(code=kab.code, name=kab.name, bakorwil=kab.bakorwil.code, **values))
    return _assemble(rows, umkm_served=platform.umkm_served, refreshed_at=platform.refreshed_at)


def _assemble(rows: list[RegionRow], *, umkm_served: int, refreshed_at) -> ProvinceFigures:
    per_bakorwil = [
        _sum_rows(RegionRow(code=region.code, name=region.name), [r for r in rows if r.bakorwil == region.code])
        for region in Bakorwil.objects.order_by("id")
    ]
    totals = _sum_rows(RegionRow(code="35", name="Jawa Timur"), rows)
    totals.umkm_served = umkm_served
    return ProvinceFigures(totals=totals, bakorwil=per_bakorwil, kabupaten=rows, refreshed_at=refreshed_at)


def _sum_rows(target: RegionRow, rows: list[RegionRow]) -> RegionRow:
    for name in NUMERIC:
        setattr(target, name, sum(getattr(r, name) for r in rows))
    return target

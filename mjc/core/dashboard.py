"""Reads for the province dashboard: what MJC has done, by Bakorwil and kabupaten/kota.

Every figure is grouped in the database (a handful of queries whatever the row count).
A gig counts where it is located (its kabupaten/kota); a creative where they live.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from creatives.models import CreativeProfile
from gigs.models import Contract, Gig
from gigs.statuses import ContractStatus, GigStatus
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


def _by_kabupaten(queryset, path: str, **aggregates) -> dict[int, dict]:
    return {row.pop(path): row for row in queryset.values(path).annotate(**aggregates).order_by()}


def province_figures() -> ProvinceFigures:
    kabupaten = list(Kabupaten.objects.select_related("bakorwil").order_by("bakorwil_id", "name"))
    gigs = _by_kabupaten(
        Gig.objects.exclude(status=GigStatus.DRAFT),
        "kabupaten_id",
        gigs=Count("id"),
        open_gigs=Count("id", filter=Q(status=GigStatus.OPEN)),
        umkm_served=Count("business", distinct=True),
    )
    businesses = _by_kabupaten(Business.objects.all(), "kabupaten_id", businesses=Count("id"))
    creatives = _by_kabupaten(CreativeProfile.objects.all(), "kabupaten_id", creatives=Count("id"))
    contracts = _by_kabupaten(
        Contract.objects.all(),
        "gig__kabupaten_id",
        contracts=Count("id"),
        completed=Count("id", filter=Q(status=ContractStatus.COMPLETED)),
        cancelled=Count("id", filter=Q(status=ContractStatus.CANCELLED)),
        contract_value=Sum("amount", filter=Q(status__in=CONTRACT_VALUE_STATUSES), default=0),
    )

    rows = []
    for kab in kabupaten:
        row = RegionRow(code=kab.code, name=kab.name, bakorwil=kab.bakorwil.code)
        for source in (gigs, businesses, creatives, contracts):
            for key, value in source.get(kab.pk, {}).items():
                setattr(row, key, value or 0)
        rows.append(row)

    per_bakorwil = []
    for region in Bakorwil.objects.order_by("id"):
        per_bakorwil.append(_sum_rows(RegionRow(code=region.code, name=region.name), [r for r in rows if r.bakorwil == region.code]))
    totals = _sum_rows(RegionRow(code="35", name="Jawa Timur"), rows)
    # UMKM served province-wide: distinct businesses, not a sum over regions
    totals.umkm_served = Gig.objects.exclude(status=GigStatus.DRAFT).values("business").distinct().count()
    return ProvinceFigures(totals=totals, bakorwil=per_bakorwil, kabupaten=rows)


NUMERIC = ["umkm_served", "businesses", "creatives", "gigs", "open_gigs", "contracts", "completed", "cancelled", "contract_value"]


def _sum_rows(target: RegionRow, rows: list[RegionRow]) -> RegionRow:
    for name in NUMERIC:
        setattr(target, name, sum(getattr(r, name) for r in rows))
    return target

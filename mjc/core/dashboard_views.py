import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from mjc.core.dashboard import province_figures


def _require_admin(request):
    if not (request.user.is_authenticated and request.user.is_superuser):
        raise Http404  # the province figures do not exist for anyone but MJC admins


def province_dashboard(request):
    _require_admin(request)
    figures = province_figures()
    peak = max((row.contract_value for row in figures.bakorwil), default=0) or 1
    peak_gigs = max((row.gigs for row in figures.bakorwil), default=0) or 1
    bars = [
        {
            "row": row,
            "value_pct": round(100 * row.contract_value / peak, 1),
            "gigs_pct": round(100 * row.gigs / peak_gigs, 1),
        }
        for row in figures.bakorwil
    ]
    # issue 12: package orders and the contracts born from them, told apart from bid-born ones
    from packages.selectors import package_order_figures

    context = {"figures": figures, "bars": bars, "package_figures": package_order_figures()}
    return render(request, "core/province.html", context)


def province_export(request):
    """The same figures per kabupaten/kota as CSV (opens in a spreadsheet)."""
    _require_admin(request)
    figures = province_figures()
    from packages.selectors import package_figures_by_kabupaten  # issue 12

    by_packages = package_figures_by_kabupaten()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mjc-provinsi-{stamp}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            _("BPS code"),
            _("Kabupaten/kota"),
            _("Bakorwil"),
            _("UMKM served"),
            _("Businesses"),
            _("Creatives"),
            _("Gigs"),
            _("Open gigs"),
            _("Contracts"),
            _("Completed"),
            _("Cancelled"),
            _("Contract value (Rp)"),
            _("Completion rate (%)"),
            _("Package orders"),
            _("Contracts from packages"),
        ]
    )
    for row in figures.kabupaten:
        writer.writerow(
            [
                row.code,
                row.name,
                row.bakorwil,
                row.umkm_served,
                row.businesses,
                row.creatives,
                row.gigs,
                row.open_gigs,
                row.contracts,
                row.completed,
                row.cancelled,
                row.contract_value,
                "" if row.completion_rate is None else row.completion_rate,
                by_packages.get(row.code, {}).get("orders", 0),
                by_packages.get(row.code, {}).get("package_contracts", 0),
            ]
        )
    return response

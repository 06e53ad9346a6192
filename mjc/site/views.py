import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from creatives import selectors as creative_selectors
from ejsc.selectors import hub_service_csv_rows, hub_service_figures  # issue 14: the hubs as a public service
from mjc.categories.models import Category
from mjc.site.figures import platform_figures, province_figures
from packages.selectors import package_figures_by_kabupaten, package_order_figures  # issue 12
from payments.selectors import RegionPayments, province_payments  # issue 13: money that moved


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
    payments = province_payments(bakorwil_codes=[row.code for row in figures.bakorwil])
    payment_rows = [(row, payments.by_bakorwil.get(row.code, RegionPayments())) for row in figures.bakorwil]
    context = {
        "figures": figures,
        "bars": bars,
        "payments": payments,
        "payment_rows": payment_rows,
        # issue 12: package orders and the contracts born from them, told apart from bid-born ones
        "package_figures": package_order_figures(),
        # issue 14: time to decision, occupancy, no-show rate and satisfaction per hub and month
        "hub_service": hub_service_figures(),
    }
    return render(request, "core/province.html", context)


def province_export(request):
    """The same figures per kabupaten/kota as CSV (opens in a spreadsheet)."""
    _require_admin(request)
    figures = province_figures()
    payments = province_payments(bakorwil_codes=[row.code for row in figures.bakorwil], with_months=False).by_kabupaten
    by_packages = package_figures_by_kabupaten()  # issue 12
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
            _("Confirmed paid (Rp)"),
            _("Contracts fully paid"),
            _("Contracts fully paid (%)"),
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
                *_payment_columns(payments.get(row.code, RegionPayments())),
                by_packages.get(row.code, {}).get("orders", 0),
                by_packages.get(row.code, {}).get("package_contracts", 0),
            ]
        )
    writer.writerows(hub_service_csv_rows())  # issue 14: after a blank line, the hubs per month
    return response


def _payment_columns(money: RegionPayments) -> list:
    return [money.confirmed, money.fully_paid, "" if money.fully_paid_share is None else money.fully_paid_share]


def landing(request):
    # the services on offer, each with its picture and a way into the ready-made packages
    categories = Category.objects.only("slug", "name", "name_en")
    return render(request, "core/landing.html", {"figures": platform_figures(), "categories": categories})


@login_required
def dashboard(request):
    """The signed-in home: one section per role the account holds."""
    sections = dashboard_sections(request)
    # a new creative is nudged to finish the profile owners choose from (gone once complete)
    checklist = creative_selectors.profile_checklist(request.user) if "creative" in sections else []
    return render(request, "core/dashboard.html", {"sections": sections, "profile_checklist": checklist})


def dashboard_sections(request) -> list[str]:
    user = request.user
    sections = []
    if user.is_owner:
        sections.append("owner")
    if user.is_creative:
        sections.append("creative")
    if user.is_bakorwil_staff:
        sections.append("staff")
    if user.is_superuser:
        sections.append("admin")
    return sections

from django.db.models import Prefetch

from mjc.regions.models import Bakorwil, Kabupaten


def bakorwil_with_kabupaten():
    return Bakorwil.objects.prefetch_related(Prefetch("kabupaten", queryset=Kabupaten.objects.order_by("code")))


def kabupaten_choices():
    return Kabupaten.objects.select_related("bakorwil").order_by("name")

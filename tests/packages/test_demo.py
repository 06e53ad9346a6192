import pytest
from django.core.management import call_command

from packages.models import Order, Package


@pytest.mark.django_db
def test_seed_demo_makes_a_dozen_packages_and_orders_once():
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    assert Package.objects.filter(status="active").count() == 12
    assert Package.objects.values("category").distinct().count() >= 6
    assert set(Order.objects.values_list("status", flat=True)) == {"requested", "accepted", "declined"}
    accepted = Order.objects.get(status="accepted")
    assert accepted.contract.gig.source == "package"
    assert all(p.photos.count() == 1 for p in Package.objects.all())

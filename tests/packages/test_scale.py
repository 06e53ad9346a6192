"""The package lists at scale (issue 8's benchmark of issue 12): the order lists read their
own indexes whatever the number of orders, their query counts stay pinned, and anonymous
catalogue API reads come from the short shared cache like the gig list."""

import pytest
from django.db import connection
from django.test import Client

from packages import selectors
from packages.models import Order
from tests.factories import BusinessFactory
from tests.packages.factories import make_order, make_package
from tests.plans import plan_nodes

pytestmark = pytest.mark.django_db


def _orders_scans(queryset) -> list[str]:
    """How the plan reads packages_order: a node type per scan, with the index it looks up by."""
    nodes = plan_nodes(queryset)
    scans = []
    for node in nodes:
        if node.get("Relation Name") == "packages_order" and node["Node Type"] != "Bitmap Heap Scan":
            scans.append(
                f"{node['Node Type']} {node.get('Index Name', '')} {'cond' if node.get('Index Cond') else 'all'}"
            )
        elif node["Node Type"] == "Bitmap Index Scan" and "order" in node.get("Index Name", ""):
            scans.append(f"Bitmap {node['Index Name']} {'cond' if node.get('Index Cond') else 'all'}")
    return scans


def _orders(count: int, others: int = 0):
    package = make_package()
    owner = BusinessFactory().owner
    for _ in range(count):
        make_order(package=package, owner=owner)
    if others:  # everybody else's orders, copied in bulk, so the planner sees a selective owner and creative
        template = make_order(package=make_package(), owner=BusinessFactory().owner)
        fields = {f.attname: getattr(template, f.attname) for f in Order._meta.concrete_fields if f.attname != "id"}
        Order.objects.bulk_create(Order(**fields) for _ in range(others))
    return package, owner


@pytest.mark.parametrize("role", ["", "owner", "creative"])
def test_the_order_lists_read_the_orders_by_their_own_indexes(role):
    package, owner = _orders(3, others=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE packages_order")
    for user in (owner, package.creative.user):
        queryset = selectors.orders_of(user=user, role=role)[:26]
        expected = {"": True, "owner": user == owner, "creative": user == package.creative.user}[role]
        assert bool(list(queryset)) is expected
        if user == owner and role == "creative":
            continue  # no creative profile: no query at all
        scans = _orders_scans(queryset)
        # an OR through the creative's user join read every order (a seq scan at 50 000 orders)
        assert scans and all(scan.endswith(" cond") for scan in scans), scans
        assert all(("owner" in scan or "creative" in scan) for scan in scans), scans


def test_the_orders_page_queries_stay_pinned(django_assert_max_num_queries):
    package, owner = _orders(2)
    client = Client()
    client.force_login(owner)
    with django_assert_max_num_queries(7):
        assert client.get("/paket/pesanan/").status_code == 200
    for _ in range(8):
        make_order(package=package, owner=owner)
    with django_assert_max_num_queries(7):
        page = client.get("/paket/pesanan/")
    assert page.status_code == 200 and len(page.context["page"].items) == Order.objects.filter(owner=owner).count()
    creative = Client()
    creative.force_login(package.creative.user)
    with django_assert_max_num_queries(7):
        assert creative.get("/paket/pesanan/", {"role": "creative"}).status_code == 200


def test_anonymous_catalogue_api_comes_from_the_short_cache(api, as_user, settings):
    settings.MJC_PUBLIC_LIST_CACHE_SECONDS = 10
    first_package = make_package(title="Desain label keripik bawang")
    first = api.get("/api/v1/packages/", {"q": "bawang"})
    assert [p["id"] for p in first.json()["results"]] == [first_package.pk] and "X-Cache" not in first
    again = api.get("/api/v1/packages/", {"q": "bawang"})
    assert again["X-Cache"] == "hit" and again.json() == first.json()
    newer = make_package(title="Label botol sambal bawang")
    fresh = as_user(BusinessFactory().owner).get("/api/v1/packages/", {"q": "bawang"})
    assert newer.pk in [p["id"] for p in fresh.json()["results"]] and "X-Cache" not in fresh

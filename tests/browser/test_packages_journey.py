"""Packages in Chromium (issue 12): an owner on a phone finds "desain label" in /paket/,
compares the tiers (stacked on a phone, side by side on a laptop), adds express delivery
(the total follows), orders with a file; the creative accepts; both land in the contract
workspace with the amount and due date of the order; contact details appear only then."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from gigs.models import Contract
from packages.models import Order
from tests.factories import (
    PASSWORD,
    BusinessFactory,
    CreativeProfileFactory,
    CreativeUserFactory,
    OwnerFactory,
    kabupaten,
)
from tests.packages.factories import make_package


@pytest.mark.django_db(transaction=True)
def test_package_order_journey(page, new_page, login, screenshot, tmp_path):
    owner = OwnerFactory(email="budi@contoh.id", full_name="Budi Santoso", phone="081211112222")
    BusinessFactory(owner=owner, name="Keripik Tempe Sanan", kabupaten=kabupaten("3573"))
    creative_user = CreativeUserFactory(email="rina@contoh.id", full_name="Rina Kusuma", phone="085733334444")
    profile = CreativeProfileFactory(user=creative_user, headline="Desainer kemasan")
    package = make_package(
        creative=profile,
        title="Desain label kemasan keripik",
        description="Label siap cetak. Tanya dulu via WA 0857-3333-4444 atau rina@contoh.id.",
    )
    make_package(title="Logo kedai kopi", description="Logo sederhana.", category_slug="logo-branding")
    laptop = new_page(width=1280, height=900)

    # the owner, on a phone, finds the package
    login(page, owner.email, PASSWORD)
    page.goto("/paket/")
    page.fill("input[name=q]", "desain label")
    page.locator("form[role=search] .search__main button[type=submit]").click()
    page.wait_for_load_state("load")
    cards = page.locator(".package-card")
    assert cards.count() == 1 and "Rp 500.000" in cards.first.inner_text()
    screenshot(page, "packages-01-catalogue-phone")
    cards.first.locator("h2 a").click()
    page.wait_for_url(re.compile(r"/paket/\d+/$"))

    # tiers stacked on the phone; contact details in the description are masked
    boxes = [page.locator(".tier").nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["x"] == boxes[1]["x"] and boxes[1]["y"] > boxes[0]["y"] + boxes[0]["height"] - 1
    body = page.inner_text("main")
    assert "0857-3333-4444" not in body and "rina@contoh.id" not in body
    assert page.locator(".notice").count() >= 1
    # and side by side on a laptop
    laptop.goto(f"/paket/{package.pk}/")
    wide = [laptop.locator(".tier").nth(i).bounding_box() for i in range(3)]
    assert wide[0]["y"] == wide[1]["y"] and wide[1]["x"] > wide[0]["x"]

    # the owner compares, picks Standard, adds express delivery: the total follows
    page.check("input[name=tier][value=standard]")
    assert page.inner_text("[data-total]") == "Rp 900.000"
    express = package.addons.get(kind="express")
    page.check(f"input[name=addons][value='{express.pk}']")
    assert page.inner_text("[data-total]") == "Rp 1.100.000"
    assert page.inner_text("[data-total-days]") == "4"
    brief = tmp_path / "contoh-label.pdf"
    brief.write_bytes(b"%PDF-1.4\n" + b"0" * 2000)
    page.fill("textarea[name=brief]", "Label keripik tempe 100 g, warna hangat.")
    page.set_input_files("input[name=files]", str(brief))
    screenshot(page, "packages-02-package-phone")
    page.locator("form[data-order-form] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/paket/pesanan/\d+/$"))
    order = Order.objects.get()
    assert order.status == "requested" and order.amount == 1_100_000 and order.files.count() == 1
    assert "Rp 1.100.000" in page.inner_text("[data-order-amount]")
    assert "rina@contoh.id" not in page.inner_text("main")
    screenshot(page, "packages-03-order-owner")

    # the creative accepts and lands in the contract workspace
    login(laptop, creative_user.email, PASSWORD)
    laptop.goto(f"/paket/pesanan/{order.pk}/")
    assert "081211112222" not in laptop.inner_text("main")
    laptop.locator("form:has(input[value=accept]) button[type=submit]").click()
    laptop.wait_for_url(re.compile(r"/kontrak/\d+/$"))
    contract = Contract.objects.get()
    due = timezone.localdate() + timedelta(days=4)
    assert contract.amount == 1_100_000 and contract.due_date == due and contract.revisions_allowed == 3
    workspace = laptop.inner_text("main")
    assert "Rp 1.100.000" in workspace and "081211112222" in workspace and "budi@contoh.id" in workspace
    assert "contoh-label.pdf" in workspace or contract.gig.attachments.count() == 1
    screenshot(laptop, "packages-04-contract-creative")

    # the owner, too
    page.goto(f"/kontrak/{contract.pk}/")
    owner_view = page.inner_text("main")
    assert "Rp 1.100.000" in owner_view and "085733334444" in owner_view and "rina@contoh.id" in owner_view
    assert str(due.year) in owner_view
    screenshot(page, "packages-05-contract-owner")

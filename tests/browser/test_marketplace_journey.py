"""The marketplace in Chromium: an owner on a phone posts a gig from a template and publishes
it; a creative on a laptop finds it with a misspelled word and bids; the owner accepts; the
creative delivers a file; the owner asks for a revision, then completes; both review."""

import re

import pytest

from gigs import gig_templates
from gigs.models import Contract, Gig, GigTemplate, Review
from mjc.categories.models import Category
from tests.factories import PASSWORD, CreativeUserFactory, OwnerFactory, kabupaten
from tests.gigs.factories import BusinessFactory, CreativeProfileFactory


def submit(page, action_suffix):
    page.locator(f"main form[action$='{action_suffix}'] button[type=submit]").first.click()
    page.wait_for_load_state("load")


@pytest.mark.django_db(transaction=True)
def test_marketplace_journey(page, new_page, login, screenshot, live_server, tmp_path):
    # given an owner with a business (on a phone) and a creative with a profile (on a laptop)
    if not GigTemplate.objects.exists():
        gig_templates.load(Category, GigTemplate)
    owner = OwnerFactory(email="budi@contoh.id", full_name="Budi Santoso")
    BusinessFactory(owner=owner, name="Keripik Tempe Sanan", kabupaten=kabupaten("3573"))
    creative = CreativeUserFactory(email="rina@contoh.id", full_name="Rina Kusuma")
    CreativeProfileFactory(user=creative, headline="Desainer kemasan")
    laptop = new_page(width=1280, height=900)

    # the owner posts from the packaging template
    login(page, owner.email, PASSWORD)
    page.goto("/pekerjaan/baru/")
    screenshot(page, "marketplace-01-templates")
    page.locator("a[href*='template=desain-kemasan-keripik']").click()
    page.fill("input[name=answer_product]", "Keripik tempe balado")
    page.fill("input[name=answer_size]", "100 g")
    page.select_option("select[name=answer_medium]", "Cetak")
    page.check("input[name=answer_deliverables][value='Mockup 3D']")
    page.fill("input[name=title]", "Desain kemasan keripik tempe balado")
    page.fill("textarea[name=description]", "Standing pouch dengan jendela, warna hangat.")
    page.fill("input[name=deadline]", "2030-12-31")
    screenshot(page, "marketplace-02-brief")
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/pekerjaan/\d+/$"))
    gig = Gig.objects.get()
    assert gig.status == "draft" and "Keripik tempe balado" in page.inner_text(".brief")
    submit(page, "/terbitkan/")
    gig.refresh_from_db()
    assert gig.status == "open"
    screenshot(page, "marketplace-03-published")

    # the creative searches with a typo, finds the gig and bids
    login(laptop, creative.email, PASSWORD)
    laptop.goto("/pekerjaan/")
    laptop.fill("input[name=q]", "kripik")
    laptop.locator("form[role=search] .search__main button[type=submit]").click()
    laptop.wait_for_load_state("load")
    screenshot(laptop, "marketplace-04-search-typo")
    laptop.locator(f"a[href='/pekerjaan/{gig.pk}/']").first.click()
    laptop.fill("input[name=amount]", "1200000")
    laptop.fill("input[name=delivery_days]", "7")
    laptop.fill("textarea[name=proposal]", "Tiga konsep, dua revisi, file siap cetak.")
    submit(laptop, "/tawar/")
    assert gig.bids.count() == 1
    screenshot(laptop, "marketplace-05-bid-sent")

    # the owner compares and accepts
    page.goto(f"/pekerjaan/{gig.pk}/")
    screenshot(page, "marketplace-06-compare-bids")
    page.locator("summary", has_text="Terima").first.click()  # accepting asks once more
    submit(page, "/accept/")
    page.wait_for_url(re.compile(r"/kontrak/\d+/$"))
    contract = Contract.objects.get()
    assert contract.status == "active"

    # the creative delivers a file
    design = tmp_path / "kemasan-v1.pdf"
    design.write_bytes(b"%PDF-1.4\n% desain kemasan versi 1\n%%EOF\n")
    laptop.goto(f"/kontrak/{contract.pk}/")
    laptop.fill("textarea[name=note]", "Versi pertama.")
    laptop.set_input_files("input[name=files]", str(design))
    submit(laptop, "/deliver/")
    contract.refresh_from_db()
    assert contract.status == "delivered"

    # the owner asks for a revision
    page.goto(f"/kontrak/{contract.pk}/")
    assert page.locator("a[href*='/berkas/hasil/']").count() == 1
    page.fill("form[action$='/revision/'] textarea[name=note]", "Logo diperbesar.")
    submit(page, "/revision/")
    contract.refresh_from_db()
    assert contract.status == "revision_requested" and contract.revisions_used == 1

    # the creative delivers again
    design.write_bytes(b"%PDF-1.4\n% desain kemasan versi 2\n%%EOF\n")
    laptop.goto(f"/kontrak/{contract.pk}/")
    laptop.set_input_files("input[name=files]", str(design))
    submit(laptop, "/deliver/")
    contract.refresh_from_db()
    assert contract.status == "delivered"

    # the owner completes and reviews
    page.goto(f"/kontrak/{contract.pk}/")
    submit(page, "/complete/")
    contract.refresh_from_db()
    assert contract.status == "completed"
    page.check("input[name=rating][value='5']")
    page.fill("form[action$='/review/'] textarea[name=comment]", "Rapi dan cepat.")
    submit(page, "/review/")

    # the creative reviews too; both reviews are now shown
    laptop.goto(f"/kontrak/{contract.pk}/")
    laptop.check("input[name=rating][value='5']")
    laptop.fill("form[action$='/review/'] textarea[name=comment]", "Pemilik jelas dan ramah.")
    submit(laptop, "/review/")
    assert Review.objects.count() == 2
    assert "Rapi dan cepat." in laptop.inner_text("#reviews ~ *") or "Rapi dan cepat." in laptop.content()
    screenshot(laptop, "marketplace-07-reviews")
    page.goto(f"/kontrak/{contract.pk}/")
    assert "Pemilik jelas dan ramah." in page.content()
    screenshot(page, "marketplace-08-owner-workspace")


@pytest.mark.django_db(transaction=True)
def test_brief_files_and_a_dispute_in_the_browser(page, new_page, login, screenshot, tmp_path):
    # given an open gig of an owner (phone) and a creative (laptop)
    from gigs import services
    from tests.gigs.factories import GigFactory

    owner = OwnerFactory(email="siti@contoh.id", full_name="Siti Aminah")
    business = BusinessFactory(owner=owner, name="Batik Tulis Pamekasan", kabupaten=kabupaten("3528"))
    gig = GigFactory(business=business, title="Foto produk batik tulis", status="open")
    creative = CreativeUserFactory(email="dimas@contoh.id", full_name="Dimas Prasetyo")
    CreativeProfileFactory(user=creative, headline="Fotografer produk")

    # the owner attaches two files to the brief from the gig page, then removes one
    login(page, owner.email, PASSWORD)
    page.goto(f"/pekerjaan/{gig.pk}/")
    old, ref = tmp_path / "kemasan-lama.pdf", tmp_path / "referensi.pdf"
    for path in (old, ref):
        path.write_bytes(b"%PDF-1.4\n% brief\n%%EOF\n")
    page.set_input_files("form[action$='/lampiran/'] input[name=files]", [str(old), str(ref)])
    submit(page, "/lampiran/")
    assert "2 berkas dilampirkan" in page.inner_text(".messages")
    assert page.locator("#attachments a[href^='/berkas/brief/']").count() == 2
    page.locator("#attachments li", has_text="kemasan-lama.pdf").locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator("#attachments a[href^='/berkas/brief/']").count() == 1
    screenshot(page, "marketplace-09-brief-files")

    # the creative sees only a count until they bid, then the file
    laptop = new_page(width=1200, height=900)
    login(laptop, creative.email, PASSWORD)
    laptop.goto(f"/pekerjaan/{gig.pk}/")
    assert laptop.locator("a[href^='/berkas/brief/']").count() == 0
    laptop.fill("input[name=amount]", "900000")
    laptop.fill("input[name=delivery_days]", "5")
    laptop.fill("textarea[name=proposal]", "Foto studio, latar putih.")
    submit(laptop, "/tawar/")
    assert laptop.locator("a[href^='/berkas/brief/']").count() == 1

    # the owner accepts; later the creative opens a dispute with a reason
    contract = services.bid_accept(bid=gig.bids.get(), user=owner)
    laptop.goto(f"/kontrak/{contract.pk}/")
    laptop.locator("details.contract-more", has_text="MJC").locator("summary").click()
    laptop.fill("form[action$='/dispute/'] textarea[name=reason]", "Sampel produk belum dikirim.")
    submit(laptop, "/dispute/")
    contract.refresh_from_db()
    assert contract.status == "disputed"
    page.goto(f"/kontrak/{contract.pk}/")
    assert "Sampel produk belum dikirim." in page.inner_text(".dispute")
    screenshot(page, "marketplace-10-dispute")

"""Issue 11 in Chromium, at 360 px and 1366 px and in both languages (one language per width, the
other way round in the next test, so every journey is seen in both at little cost):

- a new owner goes from sign-up to a published gig without a dead end: "Pasang pekerjaan" on the
  dashboard → register the business (kabupaten from sign-up) → back in the wizard → publish;
- on the way, a failed step 2 shows the error summary on top, focused, each link moving to its
  field, answered 400, nothing saved;
- money typed the Indonesian way (1.500.000, Rp 1.500.000, 1,5 juta) is shown formatted as it is
  typed and stored exactly; ambiguous amounts (1.500,000, 1.5) are refused saying what was read,
  in the wizard and on the bid form;
- the irreversible steps ask once more in a browser without JavaScript: cancelling needs a
  reason that the bidders then read, accepting says the other bids are turned down.
"""

import re

import pytest
from django.urls import reverse

from gigs.models import Bid, Contract, Gig
from mjc.accounts.models import User
from mjc.notifications.models import Notification
from tests.factories import PASSWORD, BidFactory, BusinessFactory, CreativeProfileFactory, GigFactory

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "id": {
        "post": "Pasang pekerjaan",
        "first_business": "Daftarkan usaha Anda dulu",
        "registered": "Usaha Anda sudah terdaftar",
        "blank": "Brief kosong",
        "save": "Simpan draf",
        "publish": "Terbitkan",
        "fix": re.compile(r"^Perbaiki 3 masalah"),
        "not_yet": "Belum berupa jumlah",
        "ambiguous": "bisa dibaca lebih dari satu cara. Maksud Anda Rp 1.500.000?",
        "ambiguous_bid": "“1.5” bisa dibaca lebih dari satu cara. Maksud Anda Rp 15?",
        "bid": "Kirim penawaran",
        "cancel": "Batalkan pekerjaan…",
        "cancel_yes": "Ya, batalkan pekerjaan",
        "told_one": "1 kreator yang menawar",
        "accept": "Terima…",
        "accept_yes": "Ya, terima penawaran ini",
        "others_told": "penawaran lain",
    },
    "en": {
        "post": "Post a gig",
        "first_business": "Register your business first",
        "registered": "Your business is registered",
        "blank": "Blank brief",
        "save": "Save draft",
        "publish": "Publish",
        "fix": re.compile(r"^Please fix 3 problems"),
        "not_yet": "Not an amount yet",
        "ambiguous": "could be read more than one way. Did you mean Rp 1.500.000?",
        "ambiguous_bid": "“1.5” could be read more than one way. Did you mean Rp 15?",
        "bid": "Send bid",
        "cancel": "Cancel gig…",
        "cancel_yes": "Yes, cancel the gig",
        "told_one": "1 creative who bid is told",
        "accept": "Accept…",
        "accept_yes": "Yes, accept this bid",
        "others_told": "every other bid on this gig is turned down",
    },
}


def speak(page, live_server, language):
    """A visitor who chose a language with the header switch (the cookie it sets)."""
    page.context.add_cookies([{"name": "mjc_language", "value": language, "url": live_server.url}])


def preview(page, name):
    return page.locator(f"input[name={name}] + .rupiah-preview")


def focused(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


@pytest.mark.parametrize(("width", "language"), [(360, "id"), (1366, "en")])
def test_a_new_owner_goes_from_sign_up_to_a_published_gig_typing_money_the_indonesian_way(
    new_page, live_server, screenshot, width, language
):
    words = WORDS[language]
    page = new_page(width=width, height=780 if width == 360 else 900)
    speak(page, live_server, language)

    # given a visitor who signs up as an UMKM owner in Pamekasan
    page.goto(reverse("account_signup"))
    assert page.locator("html").get_attribute("lang") == language
    page.fill("input[name=full_name]", "Sari Wulandari")
    page.fill("input[name=email]", f"sari-{width}@batik.id")
    page.check("input[name=role][value=owner]")
    page.select_option("select[name=kabupaten]", label="Kab. Pamekasan")
    page.fill("input[name=password1]", "tulis-batik-2026")
    page.fill("input[name=password2]", "tulis-batik-2026")
    terms = page.locator("#signup-terms")  # what she agrees to, before the button
    assert terms.get_by_role("link").count() == 2 and terms.is_visible()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dasbor/")
    user = User.objects.get(email=f"sari-{width}@batik.id")

    # when her first tap is "Pasang pekerjaan" on the dashboard, she is asked for her business, not stopped
    page.locator("main .actions").get_by_role("link", name=words["post"]).click()
    page.wait_for_url(re.compile(r"\?next="))
    assert words["first_business"] in page.locator(".messages").inner_text()
    assert page.locator("select[name=kabupaten] option:checked").inner_text() == "Kab. Pamekasan"
    page.fill("input[name=name]", "Batik Tulis Sari")
    page.fill("input[name=sector]", "Batik")
    page.locator("main form button[type=submit]").click()

    # then she is back in the wizard, step 1, and starts a blank brief
    page.wait_for_url(f"**{reverse('gigs:create')}")
    assert words["registered"] in page.locator(".messages").inner_text()
    page.select_option("#id_blank_category", index=0)
    page.get_by_role("button", name=words["blank"]).click()
    page.wait_for_url(re.compile(r"\?category="))

    # when she types an ambiguous budget and forgets the rest, the amount is flagged as she types
    page.fill("input[name=title]", "Foto produk batik tulis")
    page.fill("textarea[name=description]", "Sepuluh kain, latar putih, untuk marketplace.")
    page.fill("input[name=budget_min]", "1.500,000")
    assert words["not_yet"] in preview(page, "budget_min").inner_text()
    page.fill("input[name=budget_max]", "")
    with page.expect_navigation() as sent:
        page.get_by_role("button", name=words["save"]).click()

    # then the form comes back as an error (400) with the summary on top, focused, and nothing saved
    assert sent.value.status == 400
    summary = page.locator("#error-summary")
    assert summary.get_by_role("heading").inner_text().strip() and words["fix"].match(
        summary.get_by_role("heading").inner_text().strip()
    )
    assert focused(page) == "error-summary"
    box = summary.bounding_box()
    assert box["y"] >= -1 and box["y"] < page.viewport_size["height"]  # in view, not 1 500 px down
    assert words["ambiguous"] in summary.inner_text()  # says what was read and what was maybe meant
    links = summary.locator("a")
    assert sorted(links.evaluate_all("els => els.map(a => a.getAttribute('href'))")) == [
        "#id_budget_max",
        "#id_budget_min",
        "#id_deadline",
    ]
    heights = links.evaluate_all("els => els.map(a => a.getBoundingClientRect().height)")
    assert min(heights) >= 43.5, heights  # each link is a 44 px target on a phone too
    for target in ("id_deadline", "id_budget_min"):
        summary.locator(f"a[href='#{target}']").click()
        assert focused(page) == target
        # … and its label shows, not hidden under the sticky header
        header, label = page.locator(".topbar").bounding_box(), page.locator(f"label[for={target}]").bounding_box()
        assert label["y"] >= header["y"] + header["height"], (target, label, header)
    assert not Gig.objects.exists()
    screenshot(page, f"owner-first-gig-errors-{width}-{language}")

    # when she retypes the budget the three ways Indonesians write it, each shows as Rp 1.500.000
    for typed in ("1.500.000", "Rp 1.500.000", "1,5 juta"):
        page.fill("input[name=budget_min]", typed)
        assert preview(page, "budget_min").inner_text() == "= Rp 1.500.000"
    page.fill("input[name=budget_max]", "Rp 2.000.000")
    assert preview(page, "budget_max").inner_text() == "= Rp 2.000.000"
    page.fill("input[name=deadline]", "2030-12-31")
    page.get_by_role("button", name=words["save"]).click()

    # then the draft holds exactly Rp 1.500.000 – Rp 2.000.000, and one tap publishes it
    page.wait_for_url(re.compile(r"/pekerjaan/\d+/$"))
    gig = Gig.objects.get()
    assert (gig.budget_min, gig.budget_max, gig.business.owner) == (1_500_000, 2_000_000, user)
    assert "Rp 1.500.000 – Rp 2.000.000" in page.locator("main").inner_text()
    page.get_by_role("button", name=words["publish"], exact=True).click()
    page.wait_for_load_state("load")
    gig.refresh_from_db()
    assert gig.status == "open"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"owner-first-gig-published-{width}-{language}")


@pytest.mark.parametrize(("width", "language"), [(360, "en"), (1366, "id")])
def test_a_bid_amount_is_read_the_indonesian_way_and_an_ambiguous_one_refused(new_page, login, width, language):
    words = WORDS[language]
    gig = GigFactory(title="Desain label sambal")
    creative = CreativeProfileFactory(user__language=language)
    page = new_page(width=width, height=800)
    login(page, creative.user.email, PASSWORD)
    page.goto(gig.get_absolute_url())
    bid_form = page.locator("main form[action$='/tawar/']")

    # when the creative types "1.5", the preview says it is not an amount yet, and the server refuses it
    bid_form.locator("input[name=amount]").fill("1.5")
    assert words["not_yet"] in preview(page, "amount").inner_text()
    bid_form.locator("input[name=delivery_days]").fill("5")
    bid_form.locator("textarea[name=proposal]").fill("Dua konsep, satu revisi.")
    bid_form.get_by_role("button", name=words["bid"]).click()
    page.wait_for_load_state("load")
    assert words["ambiguous_bid"] in page.locator("main").inner_text()
    assert not Bid.objects.exists()

    # when she writes "1,5 juta", it shows as Rp 1.500.000 and is stored as exactly that
    bid_form = page.locator("main form[action$='/tawar/']")
    bid_form.locator("input[name=amount]").fill("1,5 juta")
    assert preview(page, "amount").inner_text() == "= Rp 1.500.000"
    bid_form.locator("input[name=delivery_days]").fill("5")
    bid_form.locator("textarea[name=proposal]").fill("Dua konsep, satu revisi.")
    bid_form.get_by_role("button", name=words["bid"]).click()
    page.wait_for_load_state("load")
    assert Bid.objects.get().amount == 1_500_000


@pytest.mark.parametrize(("width", "language"), [(360, "id"), (1366, "en")])
def test_cancel_and_accept_ask_once_more_without_javascript(browser, live_server, login, screenshot, width, language):
    words = WORDS[language]
    business = BusinessFactory(owner__language=language)
    to_cancel = GigFactory(business=business, title="Kemasan kopi robusta")
    waiting = BidFactory(gig=to_cancel)
    to_hire = GigFactory(business=business, title="Logo warung bakso")
    chosen = BidFactory(gig=to_hire, amount=1_250_000)
    other = BidFactory(gig=to_hire)
    context = browser.new_context(
        viewport={"width": width, "height": 800}, base_url=live_server.url, java_script_enabled=False
    )
    try:
        page = context.new_page()
        login(page, business.owner.email, PASSWORD)

        # cancelling is behind a second step that says who is told and asks why
        page.goto(to_cancel.get_absolute_url())
        confirm = page.locator("details.confirm", has=page.locator("textarea[name=reason]"))
        confirm.locator("summary", has_text=words["cancel"]).click()
        assert words["told_one"] in confirm.inner_text()
        confirm.get_by_role("button", name=words["cancel_yes"]).click()  # no reason: the browser asks for one
        to_cancel.refresh_from_db()
        assert to_cancel.status == "open"
        confirm.locator("textarea[name=reason]").fill("Produk tidak jadi diproduksi")
        confirm.get_by_role("button", name=words["cancel_yes"]).click()
        page.wait_for_load_state("load")
        to_cancel.refresh_from_db()
        assert to_cancel.status == "cancelled"
        # the bidder reads the reason
        notice = Notification.objects.get(recipient=waiting.creative.user)
        assert "Produk tidak jadi diproduksi" in notice.shown_body

        # accepting says, before the tap that counts, that the other bids are turned down
        page.goto(to_hire.get_absolute_url())
        row = page.locator("details.confirm", has_text="Rp 1.250.000")
        row.locator("summary", has_text=words["accept"]).click()
        assert words["others_told"] in row.inner_text()
        screenshot(page, f"confirm-accept-{width}-{language}")
        row.get_by_role("button", name=words["accept_yes"]).click()
        page.wait_for_url(re.compile(r"/kontrak/\d+/$"))
        assert Contract.objects.get().bid == chosen
        other.refresh_from_db()
        assert other.status == "rejected"
        assert Notification.objects.filter(recipient=other.creative.user, kind="bid.rejected").exists()
    finally:
        context.close()

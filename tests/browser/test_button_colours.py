"""Issue 11, "Buttons look wrong everywhere": what Chromium paints, not what the class says.

`button[type=submit]:not(.linklike):not(.lang__btn)` in static/css/app.css once outranked
`.btn--primary` and `.btn--danger`, so primary submits rendered outlined and danger buttons blue.
Each named button is looked up on its page and its computed colours read: a primary one is filled
with the brand colour and its text contrasts; a danger one is red, its text contrasts. Every other
primary or danger button on the pages visited is held to the same rule.
"""

import pytest
from django.urls import reverse

from gigs.models import Gig
from tests.ejsc.factories import BookingFactory
from tests.factories import PASSWORD, CreativeProfileFactory, GigFactory, StaffFactory
from tests.umkm.factories import BusinessFactory, ProductFactory

pytestmark = pytest.mark.django_db(transaction=True)

# the painted colours of an element, and the stylesheet's own brand and danger colours
PAINT = """(el) => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const s = getComputedStyle(el);
  return {bg: parse(s.backgroundColor), fg: parse(s.color), border: parse(s.borderTopColor)};
}"""
VARIABLES = """() => {
  const probe = document.createElement('div');
  document.body.appendChild(probe);
  const read = (name) => { probe.style.color = `var(${name})`; return getComputedStyle(probe).color; };
  const out = {brand: read('--brand'), bad: read('--bad')};
  probe.remove();
  return out;
}"""
# every button meant as primary or danger on the page (the element rule applied to bare main-form submits too)
SWEEP = """() => [...document.querySelectorAll(
  '.btn--primary, .btn--danger, main form button[type=submit]:not(.btn):not(.linklike):not(.lang__btn)'
)].filter((el) => el.offsetParent !== null).map((el) => ({
  kind: el.classList.contains('btn--danger') ? 'danger' : 'primary',
  text: el.innerText.trim().slice(0, 40),
}))"""


def _rgb(text):
    return [int(float(n)) for n in text[text.index("(") + 1 : text.index(")")].split(",")[:3]]


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _opaque(colour):
    return len(colour) < 4 or colour[3] >= 0.99


class Checker:
    def __init__(self, page):
        self.page = page
        self.seen: list[str] = []

    def colours(self):
        variables = self.page.evaluate(VARIABLES)
        return _rgb(variables["brand"]), _rgb(variables["bad"])

    def primary(self, locator, what):
        self._check(locator, what, "primary")

    def danger(self, locator, what):
        self._check(locator, what, "danger")

    def _check(self, locator, what, kind):
        assert locator.count() >= 1, f"{what}: not on {self.page.url}"
        element = locator.first
        element.scroll_into_view_if_needed()
        paint = element.evaluate(PAINT)
        brand, bad = self.colours()
        bg, fg = paint["bg"][:3], paint["fg"][:3]
        assert _opaque(paint["bg"]), f"{what}: transparent background {paint}"
        assert bg != [255, 255, 255], f"{what}: white background (outlined), {paint}"
        assert _contrast(bg, fg) >= 4.5, f"{what}: text {fg} on {bg} does not contrast"
        if kind == "primary":
            assert bg == brand, f"{what}: background {bg}, not the primary colour {brand}"
        else:
            assert bg == bad, f"{what}: background {bg}, not the danger colour {bad}"
            red, green, blue = bg
            assert red > 100 and red > 2 * green and red > 2 * blue, f"{what}: {bg} is not red"
        self.seen.append(what)

    def sweep(self):
        """Every visible primary/danger button of the current page, by the same rule."""
        for index, button in enumerate(self.page.evaluate(SWEEP)):
            selector = (
                ".btn--primary, .btn--danger, main form button[type=submit]:not(.btn):not(.linklike):not(.lang__btn)"
            )
            locator = self.page.locator(selector).locator("visible=true").nth(index)
            self._check(locator, f"{button['kind']} '{button['text']}' on {self.page.url}", button["kind"])


WORDS = {
    "id": {
        "register": "Daftarkan",
        "add_product": "Tambahkan produk",
        "remove": "Hapus",
        "save_draft": "Simpan draf",
        "publish": "Terbitkan",
        "cancel_gig": "Batalkan pekerjaan",
        "yes_cancel": "Ya, batalkan pekerjaan",
        "invite": "Undang untuk menawar",
        "save_profile": "Simpan profil",
        "upload": "Unggah",
        "approve": "Setujui",
        "reject": "Tolak",
    },
    "en": {
        "register": "Register",
        "add_product": "Add product",
        "remove": "Remove",
        "save_draft": "Save draft",
        "publish": "Publish",
        "cancel_gig": "Cancel gig",
        "yes_cancel": "Yes, cancel the gig",
        "invite": "Invite to bid",
        "save_profile": "Save profile",
        "upload": "Upload",
        "approve": "Approve",
        "reject": "Reject",
    },
}


@pytest.mark.parametrize(("width", "language"), [(360, "id"), (1366, "id"), (1366, "en")])
def test_primary_buttons_are_filled_and_danger_buttons_are_red(new_page, login, width, language):
    words = WORDS[language]
    business = BusinessFactory(owner__language=language, owner__full_name="Bu Sari Wulandari")
    ProductFactory(business=business)
    draft = GigFactory(business=business, status="draft", published_at=None)
    open_gig = GigFactory(business=business)
    creative = CreativeProfileFactory(user__language=language)

    page = new_page(width=width, height=800)
    check = Checker(page)
    login(page, business.owner.email, PASSWORD)
    main = page.locator("main")

    def button(name):
        return main.get_by_role("button", name=name, exact=True)

    page.goto(reverse("umkm:create"))
    check.primary(button(words["register"]), "Daftarkan (business form)")
    check.sweep()

    page.goto(reverse("umkm:detail", args=[business.pk]))
    check.danger(button(words["remove"]), "Hapus (product)")
    check.sweep()

    page.goto(reverse("umkm:product_create", args=[business.pk]))
    check.primary(button(words["add_product"]), "Tambahkan produk")

    page.goto(reverse("gigs:create") + "?category=kemasan")  # the wizard's step 2
    check.primary(button(words["save_draft"]), "Simpan draf (wizard next)")
    check.sweep()

    page.goto(reverse("gigs:detail", args=[draft.pk]))
    check.primary(button(words["publish"]), "Terbitkan (wizard publish)")

    page.goto(reverse("gigs:detail", args=[open_gig.pk]))
    summary = main.locator("summary", has_text=words["cancel_gig"])
    check.danger(summary, "Batalkan pekerjaan")
    summary.click()
    check.danger(button(words["yes_cancel"]), "Ya, batalkan pekerjaan")
    check.sweep()
    assert Gig.objects.get(pk=open_gig.pk).status == "open"  # only looked at, never pressed

    page.goto(reverse("gigs:hire", args=[creative.pk]))
    invite = main.get_by_role("button", name=words["invite"])  # its name ends with the gig's title
    check.primary(invite, "Undang untuk menawar")
    check.sweep()

    creative_page = new_page(width=width, height=800)
    check_creative = Checker(creative_page)
    login(creative_page, creative.user.email, PASSWORD)
    creative_page.goto(reverse("creatives:edit"))
    creative_main = creative_page.locator("main")
    check_creative.primary(creative_main.get_by_role("button", name=words["save_profile"], exact=True), "Simpan profil")
    check_creative.primary(creative_main.get_by_role("button", name=words["upload"], exact=True), "Unggah")
    check_creative.sweep()

    # the hub staff's decision on a room request (ejsc.css once painted "Tolak" red on red)
    booking = BookingFactory()
    staff = StaffFactory(language=language, bakorwil=booking.bakorwil)
    staff_page = new_page(width=width, height=800)
    check_staff = Checker(staff_page)
    login(staff_page, staff.email, PASSWORD)
    staff_page.goto(reverse("ejsc:booking", args=[booking.pk]))
    staff_main = staff_page.locator("main")
    check_staff.primary(staff_main.get_by_role("button", name=words["approve"], exact=True), "Setujui (room request)")
    check_staff.danger(staff_main.get_by_role("button", name=words["reject"], exact=True), "Tolak (room request)")
    check_staff.sweep()

    assert len(check.seen) + len(check_creative.seen) + len(check_staff.seen) >= 13

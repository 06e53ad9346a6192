"""SPEC section 7 across the whole web UI: every main page, for every kind of visitor,
renders in Indonesian by default (and in English with the language cookie), has one
``<h1>``, a label for every visible form field, an ``alt`` on every image, no template
syntax leaking into the output, none of our own English UI words left untranslated on an
Indonesian page and none of our Indonesian on an English one (tests/quality/pagecheck.py).

Parsed with the standard library's ``html.parser``; no browser involved."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.quality import scene
from tests.quality.pagecheck import our_english, our_indonesian, read, wrong_language

pytestmark = pytest.mark.django_db


def is_old_path(link: str) -> bool:
    """A link to a page path of before issue 9 (answered by a redirect in mjc/site/oldpaths.py)."""
    from django.urls import Resolver404, resolve

    from mjc.site.oldpaths import moved

    parts = urlsplit(link)
    path = parts.path
    if parts.scheme or parts.netloc or not path.startswith("/"):
        return False
    try:
        return resolve(path).func is moved
    except Resolver404:
        return False


def problems_of(html: str, language: str) -> list[str]:
    """What is wrong with a page shown in ``language``, accessibility and language alike."""
    page = read(html)
    found = []
    if page.lang != language:
        found.append(f'<html lang="{page.lang}">, expected "{language}"')
    if page.h1 != 1:
        found.append(f"{page.h1} <h1> elements")
    found += [f"<img src={src}> without alt" for src in page.images_without_alt]
    for ident, name, kind, labelled in page.fields:
        if not labelled and not (ident and ident in page.label_for):
            found.append(f"{kind} name={name} id={ident} has no label")
    found += [f"link to an old English path: {link}" for link in page.links if is_old_path(link)]
    for leak in ("{{", "{%", "%}", "}}"):
        if leak in html:
            at = html.index(leak)
            found.append(f"template syntax leaks: …{html[max(0, at - 40) : at + 40]!r}…")
    return found + wrong_language(page, html, language)


def pages_for(who: str, data: scene.Scene) -> list[str]:
    from gigs.models import GigTemplate

    business = data.gig.business
    template = GigTemplate.objects.filter(active=True).order_by("id").first()
    public = [
        "/", "/pekerjaan/", f"/pekerjaan/{data.gig.pk}/", "/kreator/", f"/kreator/{data.creative.creative_profile.pk}/",
        f"/usaha/{business.pk}/", "/ejsc/", f"/ejsc/{data.room.space.slug}/", f"/ejsc/ruang/{data.room.pk}/",
        "/ejsc/acara/", f"/ejsc/acara/{data.event.pk}/",
    ]  # fmt: skip
    signed_in = ["/dasbor/", "/notifikasi/", "/notifikasi/pengaturan/", "/ejsc/pemesanan-saya/",
                 "/ejsc/acara/baru/", "/accounts/email/", "/accounts/password/change/"]  # fmt: skip
    return {
        "anonymous": public + ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"],
        "owner": public + signed_in + [
            "/pekerjaan/baru/", f"/pekerjaan/baru/?template={template.slug}" if template else "/pekerjaan/baru/", "/pekerjaan/baru/?category=kemasan", "/pekerjaan/saya/", f"/kontrak/{data.contract.pk}/", f"/percakapan/{data.bid.conversation.pk}/",
            "/usaha/", "/usaha/baru/", f"/usaha/{business.pk}/ubah/", f"/usaha/{business.pk}/produk/baru/",
            f"/ejsc/pemesanan/{data.own_booking.pk}/", "/kreator/saya/", f"/pekerjaan/{data.gig.pk}/ubah/",
        ],
        "creative": public + signed_in + [
            "/penawaran/saya/", "/kreator/saya/", f"/kontrak/{data.contract.pk}/",
            f"/percakapan/{data.creative_bid.conversation.pk}/", f"/penawaran/{data.creative_bid.pk}/ubah/",
        ],
        "staff": public + signed_in + ["/ejsc/petugas/", f"/ejsc/pemesanan/{data.booking.pk}/"],
        "admin": public + signed_in + ["/provinsi/", "/pembayaran/sengketa/"],
    }[who]  # fmt: skip


VISITORS = ["anonymous", "owner", "creative", "staff", "admin"]


@pytest.mark.parametrize("who", VISITORS)
def test_every_main_page_is_accessible_and_indonesian_by_default_and_english_on_request(who):
    data = scene.build()
    user = {"owner": data.owner, "creative": data.creative, "staff": data.staff, "admin": data.admin}.get(who)
    found, english_seen, indonesian_seen, fields_seen = {}, 0, 0, 0
    for language in ("id", "en"):
        client = Client()
        if user is not None:
            client.force_login(user)
        if language == "en":
            client.cookies["mjc_language"] = "en"  # what the language switch sets for everyone…
            if user is not None:
                user.language = "en"  # …and saves on a signed-in account (the saved choice wins)
                user.save(update_fields=["language"])
        for url in pages_for(who, data):
            response = client.get(url)
            if response.status_code != 200:
                found[f"{url} [{language}]"] = [f"status {response.status_code} {response.get('Location', '')}"]
                continue
            if problems := problems_of(response.content.decode(), language):
                found[f"{url} [{language}]"] = problems
            page = read(response.content.decode())
            fields_seen += len(page.fields)
            english_seen += language == "en" and len(page.texts & our_english())
            indonesian_seen += language == "id" and len(page.texts & our_indonesian())

    # The checks looked at something: form fields were found, the English pages show our msgids and
    # the Indonesian pages our Indonesian.
    assert fields_seen > 0 and english_seen > 20 and indonesian_seen > 20, (fields_seen, english_seen, indonesian_seen)
    assert not found, "\n" + "\n".join(f"{url}: " + "; ".join(problems) for url, problems in found.items())


# Forms sent empty come back with their errors: labels stay, the errors are Indonesian.
EMPTY_POSTS = {
    "anonymous": ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"],
    "owner": ["/usaha/baru/", "/pekerjaan/baru/?category=kemasan", "/ejsc/acara/baru/", "/notifikasi/pengaturan/",
              "/accounts/password/change/"],
    "creative": ["/penawaran/{creative_bid}/ubah/"],
    "staff": [],
    "admin": [],
}  # fmt: skip


@pytest.mark.parametrize("who", ["anonymous", "owner", "creative"])
def test_forms_sent_empty_come_back_labelled_and_in_indonesian(who):
    data = scene.build()
    client = Client()
    if who != "anonymous":
        client.force_login({"owner": data.owner, "creative": data.creative}[who])
    posts = [url.format(creative_bid=getattr(data.creative_bid, "pk", 0)) for url in EMPTY_POSTS[who]]
    posts += [f"/ejsc/ruang/{data.room.pk}/"] * (who != "anonymous")
    found = {}
    for url in posts:
        response = client.post(url, {"category": "kemasan", "blank": "1"} if "pekerjaan/baru" in url else {})
        if response.status_code not in (200, 400):  # the form again, with its errors (some views say 400)
            found[url] = [f"status {response.status_code} {response.get('Location', '')}"]
        elif problems := problems_of(response.content.decode(), "id"):
            found[url] = problems

    assert not found, "\n" + "\n".join(f"{url}: " + "; ".join(problems) for url, problems in found.items())


def test_a_missing_page_is_indonesian_with_one_heading():
    response = Client().get("/pekerjaan/999999999/")

    assert response.status_code == 404
    assert problems_of(response.content.decode(), "id") == []


def test_the_checker_catches_what_it_promises():
    html = """<html lang="en"><body><h1>A</h1><h1>B</h1><img src="x.png"><label for="a">A</label>
    <input id="a" name="a"><input name="b"><input type="hidden" name="c"><label>C <select name="d"></select></label>
    <textarea name="e" aria-label="E"></textarea><button>Save</button> {{ leak }}
    <a href="/gigs/7/?x=1">old</a><form action="/pekerjaan/7/ubah/"></form><a href="https://example.com/gigs/">x</a></body></html>"""

    problems = problems_of(html, "id")

    assert '<html lang="en">, expected "id"' in problems
    assert "2 <h1> elements" in problems
    assert "<img src=x.png> without alt" in problems
    assert "text name=b id=None has no label" in problems
    assert not [p for p in problems if "name=a " in p or "name=c " in p or "name=d " in p or "name=e " in p]
    assert "untranslated: 'Save'" in problems
    assert any(p.startswith("template syntax leaks") for p in problems)
    assert [p for p in problems if "old English path" in p] == ["link to an old English path: /gigs/7/?x=1"]
    times = (
        '<html lang="{}"><body><h1>A</h1><p>4 Des 2026, 10:00 WIB · 10.00–12.00 WIB · 10:00–12:00 WIB</p></body></html>'
    )
    assert [p for p in problems_of(times.format("id"), "id") if "time" in p] == [
        "time written the other language's way: '10:00 WIB'",
        "time written the other language's way: '10:00–12:00 WIB'",
    ]
    assert [p for p in problems_of(times.format("en"), "en") if "time" in p] == [
        "time written the other language's way: '10.00–12.00 WIB'"
    ]


def test_no_word_of_ours_is_shadowed_by_a_third_party_catalog_that_leaves_it_in_english():
    """Apps listed earlier in INSTALLED_APPS win a msgid (allauth's Indonesian "Edit" is "Edit"):
    each of our translations must reach the page, or at least some Indonesian must."""
    from pathlib import Path

    import polib
    from django.utils import translation

    root = Path(__file__).resolve().parents[2]
    shadowed = []
    with translation.override("id"):
        for catalog in sorted(root.glob("**/locale/id/LC_MESSAGES/django.po")):
            if ".venv" in catalog.parts:
                continue
            for entry in polib.pofile(str(catalog)):
                if entry.obsolete or entry.msgid_plural or not entry.msgstr or entry.msgstr == entry.msgid:
                    continue
                shown = (
                    translation.pgettext(entry.msgctxt, entry.msgid)
                    if entry.msgctxt
                    else translation.gettext(entry.msgid)
                )
                if shown == entry.msgid:
                    shadowed.append(f"{catalog.relative_to(root)}: {entry.msgid!r} shows in English")

    assert not shadowed, "\n".join(shadowed)


HOSTILE_QUERIES = [
    "q=%00&page=abc&category=%00&kabupaten=%00&bakorwil=%00&sort=%00&status=%00",
    "page=99999999999999999999&budget_min=1e309&budget_max=-1&week=2026-02-30&date=2026-13-45&start=x&step=9",
    f"date={'9' * 30}&week=0000-00-00&q={'ü漢字🙂' * 300}&available=%00&space=abc&room=-1&mode=%00",
]


@pytest.mark.parametrize("who", ["anonymous", "owner", "staff"])
def test_every_main_page_answers_hostile_query_strings_without_a_500(who):
    data = scene.build()
    user = {"owner": data.owner, "staff": data.staff}.get(who)
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    broken = []
    for url in pages_for(who, data):
        for query in HOSTILE_QUERIES:
            response = client.get(f"{url}?{query}")
            if response.status_code >= 500:
                broken.append(f"{url}?{query[:80]} → {response.status_code}")

    assert not broken, "\n".join(broken)
